package org.mingze.library;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Library tests share one application context (next to {@code @MingzeTest}'s) whose content folder is
 * {@value #CONTENT_DIR}, filled by {@link LibraryFixtures#install}, with a {@link MutableClock} and a recorder of
 * {@link MaterialsChanged} events. Use with {@code @MingzeTest}, or on a {@code KaribuTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"mingze.content-dir=" + LibraryTest.CONTENT_DIR,
        "mingze.library.watch-debounce=200ms"})
@Import(LibraryTestConfig.class)
public @interface LibraryTest {
    String CONTENT_DIR = "target/library-test-content";
}
