/**
 * The quiz module: the question bank (from {@code content/questions/} and the in-app editor), its import and export,
 * grading, practice and the wrong-answer book (错题本); later tests and exams. Tells other modules about bank changes
 * with {@link QuestionsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "quiz")
package org.mingze.quiz;
