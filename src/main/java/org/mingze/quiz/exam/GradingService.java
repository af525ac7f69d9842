package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The essay grading queue (阅卷): organisers grade the essays of tests of their scope, administrators all; auditors
 * read the queue. When an attempt's last essay is graded it becomes GRADED and {@link AttemptGraded} is published.
 * Each grade is audited (EXAM_GRADE).
 */
@Service
@Transactional(readOnly = true)
public class GradingService {

    /**
     * Essays of closed attempts still waiting for a grade, oldest submission first; of one test, or (examId null) of
     * every test the caller may read.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException the test is outside the caller's scope
     */
    @PreAuthorize(PaperService.READ)
    public List<GradingItem> queue(Long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Grades one essay (0 .. its points, two decimals) with an optional comment; grading it again replaces the
     * grade. Returns the attempt's status afterwards (GRADED once no essay waits).
     * <p>Who: organisers of the test's owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown attempt or position, not an essay, attempt still
     *         in progress, points out of range (the message names the maximum)
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public AttemptStatus grade(long attemptId, int position, BigDecimal points, String comment) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }
}
