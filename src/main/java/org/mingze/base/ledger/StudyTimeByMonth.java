package org.mingze.base.ledger;

import java.util.Map;

/**
 * The study time (学时) of a member by month, for the ledger's bar list and the evidence pack. Implemented by the
 * module that measures study time (the library); the ledger works without one (no bars).
 */
public interface StudyTimeByMonth {

    /** Seconds of credited study time per month (1 to 12) of that year; months without study may be missing. */
    Map<Integer, Long> studySecondsByMonth(long memberId, int year);
}
