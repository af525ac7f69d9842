package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * A test in the organiser's list.
 *
 * @param audience  members in the audience (active members of the units and the members named)
 * @param started   members who have started at least one attempt
 * @param finished  members with at least one closed attempt
 */
public record ExamRow(long id, String title, ExamPurpose purpose, ExamStatus status, Instant opensAt,
                      Instant closesAt, Integer timeLimitMinutes, String ownerUnitName, long audience, long started,
                      long finished) {
}
