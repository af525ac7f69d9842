package org.mingze.quiz.exam;

/** A paper of chosen questions, or one drawn by rules. */
public enum PaperKind {
    FIXED, DRAWN;

    public String labelKey() {
        return "exam.paper-kind." + name();
    }
}
