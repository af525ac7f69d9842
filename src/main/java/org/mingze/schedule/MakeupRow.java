package org.mingze.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A make-up task (补学): read the session's materials and pass its quiz by the due date.
 *
 * @param cause         LEAVE (approved leave) or ABSENT
 * @param materialIds   the reading; {@code titles} their titles in the same order; {@code studiedIds} those already
 *                      marked studied
 * @param examId        the session's quiz, or null; {@code quizTitle} its title, {@code quizPassed} whether the person
 *                      has passed it
 * @param escalation    0 none yet, 1 the person was reminded, 2 the branch secretary was told, 3 the party
 *                      committee's organiser was told
 */
public record MakeupRow(long id, long sessionId, String topic, LocalDate sessionDay, long memberId, String name,
                        String cause, LocalDate dueOn, Instant doneAt, List<String> materialIds,
                        List<String> titles, List<String> studiedIds, Long examId, int escalation,
                        String quizTitle, boolean quizPassed) {

    public boolean done() {
        return doneAt != null;
    }
}
