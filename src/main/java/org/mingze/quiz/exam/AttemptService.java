package org.mingze.quiz.exam;

import java.util.List;
import org.mingze.quiz.Response;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The learner's side of a test, for the signed-in person (an account with a member) on their own attempts of
 * published tests whose audience includes them; anything else is refused with
 * {@link org.springframework.security.access.AccessDeniedException}. Holder tokens: each
 * {@link #startOrResume} issues a new one, and every later call of that page passes it; an older token gets
 * {@link AttemptTakenOverException}. A deadline that has passed closes and grades the attempt on the spot (the
 * sweeper does so every 5 s as well). Start, submit, automatic and tab-limit closes are audited (EXAM_ATTEMPT_START,
 * EXAM_ATTEMPT_SUBMIT, EXAM_ATTEMPT_TIMEOUT, EXAM_ATTEMPT_TAB_LIMIT).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AttemptService {

    /**
     * The tests open, upcoming or recently closed for the signed-in person (published, audience includes them;
     * archived ones left out), the ones needing action first.
     * <p>Who: any signed-in person with a member (an account without one gets an empty list).
     */
    public List<ExamCard> myExams() {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The start page of a test for the signed-in person (rules, attempts so far, whether one may start).
     * <p>Who: a member in the test's audience.
     *
     * @throws org.springframework.security.access.AccessDeniedException not in the audience, or the test is not
     *         published
     * @throws org.mingze.base.validation.ValidationException unknown test, or no member behind the account
     */
    public ExamIntro intro(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Resumes the person's attempt in progress, or starts a new one (drawing its questions, shuffling as set, fixing
     * the deadline). Either way a new holder token is issued: another tab or device holding the attempt is taken
     * over. Every answer saved so far is in the view. Starting is audited.
     * <p>Who: a member in the test's audience.
     *
     * @throws org.springframework.security.access.AccessDeniedException not in the audience, or not published
     * @throws org.mingze.base.validation.ValidationException unknown test; not open yet (exam.error.not-open),
     *         closed (exam.error.closed), no attempts left (exam.error.no-attempts), or its questions cannot be
     *         drawn any more (exam.error.draw)
     */
    public AttemptView startOrResume(long examId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Stores an answer at a position, replacing the one before. Choices are indexes into the options as shown in
     * this attempt. It returns only after the commit: the answer is then stored durably and the page may show 已保存.
     * A retried save of the same answer is harmless. One short transaction of its own (one UPDATE).
     * <p>Who: the attempt's own member, holding the current token.
     *
     * @throws AttemptTakenOverException the token is stale (the attempt continued elsewhere)
     * @throws AttemptClosedException the attempt was submitted, or its deadline has passed (it is closed now)
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt, position out of range, or a response
     *         that does not fit the question (a choice index out of range, too long a text)
     */
    public SaveAck save(long attemptId, String holderToken, int position, Response response) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Marks or unmarks a question for review (the navigator shows it); returns after the commit.
     * <p>Who: the attempt's own member, holding the current token.
     *
     * @throws AttemptTakenOverException the token is stale
     * @throws AttemptClosedException closed or past the deadline
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt or position out of range
     */
    public void flag(long attemptId, String holderToken, int position, boolean flagged) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Counts one leave of the test's tab (the page calls it when the browser reports the page hidden). At the
     * SUBMIT_AFTER limit the attempt is closed and graded (audited EXAM_ATTEMPT_TAB_LIMIT).
     * <p>Who: the attempt's own member, holding the current token.
     *
     * @throws AttemptTakenOverException the token is stale
     * @throws AttemptClosedException closed or past the deadline
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    public TabLeaveResult tabLeft(long attemptId, String holderToken) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Submits the attempt: closes and grades it (essays go to the grading queue), records wrong answers in the
     * wrong-answer book, audits it and publishes {@link AttemptSubmitted} (and {@link AttemptGraded} when nothing
     * waits). Idempotent: a closed attempt (submitted, timed out, closed by the tab limit) returns its one result
     * with {@code alreadyClosed}, whatever the token.
     * <p>Who: the attempt's own member; for an attempt in progress holding the current token.
     *
     * @throws AttemptTakenOverException the attempt is in progress and the token is stale
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    public SubmitResult submit(long attemptId, String holderToken) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The person's closed attempt, with what the test's review policy allows now and nothing more. An attempt past
     * its deadline is closed first.
     * <p>Who: the attempt's own member.
     *
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt, or it is still in progress
     *         (exam.error.in-progress)
     */
    public AttemptResult result(long attemptId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }
}
