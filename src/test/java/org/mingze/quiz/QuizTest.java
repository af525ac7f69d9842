package org.mingze.quiz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Quiz tests that change the bank share one application context (next to {@code @MingzeTest}'s) whose content
 * folder is {@value #CONTENT_DIR}, filled by {@link QuizFixtures#install}, with a recorder of
 * {@link QuestionsChanged}. Use with {@code @MingzeTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"mingze.content-dir=" + QuizTest.CONTENT_DIR,
        "mingze.library.watch-debounce=200ms", "mingze.quiz.watch-debounce=200ms"})
@Import(QuizTestConfig.class)
public @interface QuizTest {
    String CONTENT_DIR = "target/quiz-test-content";
}
