package org.mingze.quiz.exam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests (考试/测试) for the people who run them. Organisers manage the tests of units in their scope (by the test's
 * owner unit), administrators all; auditors read everything (lists, monitor, results, statistics, export) and change
 * nothing; learners are refused (they use {@link AttemptService}). Creating, changing, publishing, archiving and
 * granting exceptions are audited (EXAM_CREATE, EXAM_UPDATE, EXAM_PUBLISH, EXAM_ARCHIVE, EXAM_EXCEPTION).
 */
@Service
@Transactional(readOnly = true)
public class ExamService {

    /**
     * Creates a test as a DRAFT.
     * <p>Who: organisers whose scope includes the owner unit (and, for the paper, its unit), administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException owner unit, paper or an audience unit outside
     *         the caller's scope
     * @throws org.mingze.base.validation.ValidationException a setting is missing or out of range (title, window,
     *         time limit, attempts, pass mark, tab-leave limit, empty audience, unknown paper)
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam create(ExamSettings settings) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Changes a test's settings. Once it has attempts its paper cannot change (exam.error.paper-locked).
     * <p>Who: organisers of its owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException as {@link #create}; unknown or archived test
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam update(long examId, ExamSettings settings) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Publishes a draft: its audience sees it from its open time.
     * <p>Who: organisers of its owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test, not a draft, close time passed, or its
     *         drawn paper can no longer be filled
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam publish(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Archives a test: gone from learners' lists; results stay readable.
     * <p>Who: organisers of its owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test, or attempts are still in progress
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam archive(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * A test, if the caller may read it (empty when unknown or outside their scope).
     * <p>Who: organisers (their scope), administrators, auditors.
     */
    @PreAuthorize(PaperService.READ)
    public Optional<Exam> get(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The tests the caller may read, by status (null: all but archived), the latest close time first.
     * <p>Who: organisers (their scope), administrators, auditors.
     */
    @PreAuthorize(PaperService.READ)
    public List<ExamRow> list(ExamStatus status) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The live monitor; closes attempts whose deadline has passed first, so it never shows a stale "in progress".
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    @Transactional
    public ExamMonitor monitor(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The results grid: one row per person by the test's counted attempt, filtered, by unit and name.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    public List<ResultRow> results(long examId, ResultFilter filter) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Per-question statistics (correct rate, Moodle's facility and discrimination indexes) over the counted graded
     * attempts, in paper order (fixed) or by first appearance (drawn).
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    public List<QuestionStat> statistics(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * A complete attempt with keys, explanations and scores, for organisers reviewing it.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    @PreAuthorize(PaperService.READ)
    public AttemptResult attempt(long attemptId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * An .xlsx workbook with two sheets: the results (all of them, as {@link ResultFilter#all()}) and the
     * per-question statistics; headers in the locale's language. The export is audited (EXAM_EXPORT).
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    @Transactional
    public byte[] exportXlsx(long examId, Locale locale) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Grants a per-person exception (more time, own close time, extra attempts) with a reason; a second grant for
     * the same person replaces the first. Audited with the reason (EXAM_EXCEPTION). Applies to attempts started
     * afterwards; an attempt in progress gets the new deadline when it is later than its own.
     * <p>Who: organisers of the test's owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException no reason, nothing granted, values out of range,
     *         unknown test or member
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public ExamExceptionRow grantException(long examId, ExamExceptionDraft draft) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The exceptions granted on a test.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    public List<ExamExceptionRow> exceptions(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }
}
