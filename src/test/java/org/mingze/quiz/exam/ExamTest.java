package org.mingze.quiz.exam;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Exam engine tests share one application context (next to {@code @MingzeTest}'s) with a
 * {@link org.mingze.library.MutableClock} as the clock, so deadlines can be reached without waiting. Use with
 * {@code @MingzeTest}; reset the clock after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(ExamTestConfig.class)
public @interface ExamTest {
}
