package org.mingze.quiz;

/**
 * How a practice went so far.
 *
 * @param enteredBook answers that put a question into the wrong-answer book (or kept it there)
 * @param leftBook    answers that took a question out of it (the second correct answer in a row)
 */
public record PracticeSummary(int questions, int answered, int correct, int partial, int wrong, int enteredBook,
                              int leftBook) {
}
