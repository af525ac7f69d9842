/**
 * The exam engine (decision 0009): papers ({@link org.mingze.quiz.exam.PaperService}), tests with their settings,
 * monitor, results and statistics ({@link org.mingze.quiz.exam.ExamService}), the learner's side of an attempt
 * ({@link org.mingze.quiz.exam.AttemptService}) and the essay grading queue
 * ({@link org.mingze.quiz.exam.GradingService}). Other modules learn about results from
 * {@link org.mingze.quiz.exam.AttemptSubmitted} and {@link org.mingze.quiz.exam.AttemptGraded}. In code a test is
 * an "exam"; the UI says 测试/考试.
 * <p>
 * Ids of papers, exams, attempts and members are longs; question ids are the bank's strings; positions in an
 * attempt are 0-based ints. During an attempt nothing here carries an answer key, an explanation or a score.
 */
@org.springframework.modulith.NamedInterface("exam")
package org.mingze.quiz.exam;
