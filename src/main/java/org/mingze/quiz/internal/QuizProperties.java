package org.mingze.quiz.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quiz settings ({@code mingze.quiz.*}); the content folder itself is {@code mingze.content-dir}.
 *
 * @param watch         re-import content/questions when a file changes
 * @param watchDebounce how long the folder must be quiet before it is read again
 */
@ConfigurationProperties("mingze.quiz")
public record QuizProperties(@DefaultValue("true") boolean watch, @DefaultValue("1s") Duration watchDebounce) {
}
