package org.mingze.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Added to {@code @MingzeTest} (or a {@code KaribuTest}): an application context of its own whose library is the
 * search fixture corpus and whose question bank, as search sees it, the fixture questions ({@link SearchFixtures}),
 * with MockMvc. Every search test class with this annotation shares that one context. The fixture sources are
 * {@code @Primary}, so they win over the library's and the quiz module's real ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AutoConfigureMockMvc
@Import(WithSearchFixtures.Config.class)
@TestPropertySource(properties = "mingze.search.api-requests-per-minute=30")
public @interface WithSearchFixtures {

    @TestConfiguration(proxyBeanMethods = false)
    class Config {
        @Bean
        @Primary
        SearchFixtures.ListSource searchFixtureMaterials() {
            return new SearchFixtures.ListSource(SearchFixtures.corpus());
        }

        @Bean
        @Primary
        SearchFixtures.QuestionList searchFixtureQuestions() {
            return new SearchFixtures.QuestionList(SearchFixtures.questions());
        }
    }
}
