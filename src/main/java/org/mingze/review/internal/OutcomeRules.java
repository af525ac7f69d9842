package org.mingze.review.internal;

import java.time.LocalDate;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.review.CandidateState;
import org.mingze.review.Standing;

/**
 * The outcome rules of an appointment review (decision 0013), pure: no clock, no database. The service reads a
 * candidate's {@link Standing}, asks here, stores and audits the answer.
 * <ul>
 *   <li>first graded attempt: pass -> PASSED; fail -> DEFERRED, re-sit opening {@code delay} days after the fail
 *       and closing {@code window} days after it;</li>
 *   <li>re-sit attempt: pass -> PASSED; fail -> FAILED;</li>
 *   <li>a day after the deadline with nothing -> ABSENT; a day after the re-sit window without a re-sit -> FAILED;</li>
 *   <li>the re-sit may be opened only within its window, and only when the make-up study is done;</li>
 *   <li>exemption (PENDING, DEFERRED, ABSENT -> EXEMPTED) and extension (PENDING, ABSENT -> PENDING with a later
 *       deadline) only with a reason.</li>
 * </ul>
 */
public final class OutcomeRules {

    public static final int DEFAULT_DELAY = 7;
    public static final int DEFAULT_WINDOW = 30;

    private OutcomeRules() {
    }

    /** A graded attempt of the review's test, on the given day. Attempts that fit no rule change nothing. */
    public static Standing graded(Standing s, boolean passed, LocalDate on, int delayDays, int windowDays) {
        return switch (s.state()) {
            case PENDING -> passed ? s.withState(CandidateState.PASSED)
                    : new Standing(CandidateState.DEFERRED, s.deadline(), on.plusDays(delayDays),
                    on.plusDays(windowDays), false, false);
            case DEFERRED -> !s.resitGranted() ? s
                    : s.withState(passed ? CandidateState.PASSED : CandidateState.FAILED);
            default -> s;
        };
    }

    /** What the passing of time does by {@code today}. */
    public static Standing day(Standing s, LocalDate today) {
        if (s.state() == CandidateState.PENDING && today.isAfter(s.deadline())) {
            return s.withState(CandidateState.ABSENT);
        }
        if (s.state() == CandidateState.DEFERRED && s.resitCloses() != null && today.isAfter(s.resitCloses())) {
            return s.withState(CandidateState.FAILED);
        }
        return s;
    }

    /** Whether the re-sit may be opened today; the key of the reason when not, else null. */
    public static String resitRefusal(Standing s, LocalDate today) {
        if (s.state() != CandidateState.DEFERRED) {
            return "review.error.resit-state";
        }
        if (s.resitGranted()) {
            return "review.error.resit-granted";
        }
        if (today.isBefore(s.resitOpens())) {
            return "review.error.resit-early";
        }
        if (today.isAfter(s.resitCloses())) {
            return "review.error.resit-late";
        }
        if (!s.makeupDone()) {
            return "review.error.resit-makeup";
        }
        return null;
    }

    public static Standing openResit(Standing s, LocalDate today) {
        String refusal = resitRefusal(s, today);
        if (refusal != null) {
            throw new ValidationException(Problem.of("resit", refusal));
        }
        return s.withResitGranted();
    }

    public static Standing exempt(Standing s, String reason) {
        requireReason(reason);
        if (s.state() != CandidateState.PENDING && s.state() != CandidateState.DEFERRED
                && s.state() != CandidateState.ABSENT) {
            throw new ValidationException(Problem.of("state", "review.error.exempt-state"));
        }
        return s.withState(CandidateState.EXEMPTED);
    }

    public static Standing extend(Standing s, LocalDate newDeadline, String reason, LocalDate today) {
        requireReason(reason);
        if (s.state() != CandidateState.PENDING && s.state() != CandidateState.ABSENT) {
            throw new ValidationException(Problem.of("state", "review.error.extend-state"));
        }
        if (newDeadline == null || !newDeadline.isAfter(s.deadline()) || newDeadline.isBefore(today)) {
            throw new ValidationException(Problem.of("deadline", "review.error.extend-date"));
        }
        return new Standing(CandidateState.PENDING, newDeadline, null, null, false, false);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.trim().length() > 500) {
            throw new ValidationException(Problem.of("reason", "review.error.reason"));
        }
    }
}
