package org.mingze.library;

/**
 * Whether a material has a study check, a short quiz whose passing marks it studied
 * ({@link StudyService#markStudied}). The reader asks, to offer a link to {@value #ROUTE}/&lt;material id&gt;; a
 * module above the library (quiz) implements it, and without it the reader offers no check.
 */
public interface StudyCheckProvider {

    /** The route of a material's check page, followed by "/" and the material id. */
    String ROUTE = "quiz/check";

    /** Whether the signed-in person can take a check on this material. */
    boolean hasCheck(String materialId);
}
