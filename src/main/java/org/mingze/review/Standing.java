package org.mingze.review;

import java.time.LocalDate;

/**
 * A candidate's standing as the outcome rules see it.
 *
 * @param deadline     the candidate's own deadline (the batch's, or an extension)
 * @param resitOpens   first day of the re-sit, null before a fail
 * @param resitCloses  last day of the re-sit, null before a fail
 * @param resitGranted the re-sit attempt has been opened in the test
 * @param makeupDone   the make-up study (补学) on the tags answered wrong is done
 */
public record Standing(CandidateState state, LocalDate deadline, LocalDate resitOpens, LocalDate resitCloses,
                       boolean resitGranted, boolean makeupDone) {

    public static Standing pending(LocalDate deadline) {
        return new Standing(CandidateState.PENDING, deadline, null, null, false, false);
    }

    public Standing withState(CandidateState s) {
        return new Standing(s, deadline, resitOpens, resitCloses, resitGranted, makeupDone);
    }

    public Standing withMakeupDone(boolean done) {
        return new Standing(state, deadline, resitOpens, resitCloses, resitGranted, done);
    }

    public Standing withResitGranted() {
        return new Standing(state, deadline, resitOpens, resitCloses, true, makeupDone);
    }
}
