package org.mingze.quiz;

import java.time.Instant;

/**
 * One version in a question's history.
 *
 * @param createdFrom "app" for the editor, else the bank file it was imported from ("questions/fagui.yaml")
 */
public record QuestionVersionInfo(int version, Instant createdAt, String createdBy, String createdFrom,
                                  boolean current) {
}
