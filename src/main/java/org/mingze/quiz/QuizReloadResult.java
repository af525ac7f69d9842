package org.mingze.quiz;

/**
 * What reading content/questions did: bank files read and rejected, questions in the accepted files, and how many
 * were created, changed (a new version), retired (gone from their file) and restored (back in their file).
 */
public record QuizReloadResult(int files, int rejectedFiles, int questions, int created, int changed, int retired,
                               int restored) {
}
