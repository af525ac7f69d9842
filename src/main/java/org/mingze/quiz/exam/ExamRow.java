package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * A test in the organiser's list.
 *
 * @param audience  members in the audience (active members of the units and the members named)
 * @param started   members who have started at least one attempt
 * @param finished  members with at least one closed attempt
 * @param personalClosesAt the latest personal close time granted (a re-sit or another window) when it is later
 *                  than the test's own, else null: a test past its close time still runs for someone until then
 */
public record ExamRow(long id, String title, ExamPurpose purpose, ExamStatus status, Instant opensAt,
                      Instant closesAt, Integer timeLimitMinutes, String ownerUnitName, long audience, long started,
                      long finished, Instant personalClosesAt) {

    /** Whether someone may still take the test by a personal close time, though the test itself has closed. */
    public boolean personallyOpen(Instant now) {
        return personalClosesAt != null && now.isBefore(personalClosesAt) && !now.isBefore(closesAt);
    }
}
