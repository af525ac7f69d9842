package org.mingze.quiz;

/**
 * A problem that keeps a bank file under content/questions from being imported: where (file, line, question id
 * when it concerns one, else null) and why, in the reader's language.
 */
public record BankFileProblem(String file, int line, String questionId, String message) {
    /** {@code content/questions/a.yaml:12: ztzr-003: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (questionId == null ? "" : questionId + ": ") + message;
    }
}
