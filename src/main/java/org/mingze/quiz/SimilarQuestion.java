package org.mingze.quiz;

/** An existing question whose stem is nearly the same as another: similarity 0..1 (1 = the same text). */
public record SimilarQuestion(String id, String bank, String stem, double similarity, boolean retired) {
}
