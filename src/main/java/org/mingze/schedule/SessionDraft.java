package org.mingze.schedule;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * What an organiser fills in for a session; validated on the server.
 *
 * @param id              null for a new session
 * @param startsAt        local date and time (the bureau's time zone)
 * @param host            host or lecturer as written on the notice (主持人/授课人), may name someone from outside
 * @param hostMemberId    the host if a member: then a second session at the same time is a double booking
 * @param materialIds     the assigned reading, in order
 * @param examId          the optional quiz (a test of the exam engine, purpose theme-day quiz), or null
 * @param attendeeIds     the members expected; null = every active member of the unit and its sub-units
 * @param checkInMarginMinutes how long before the start and after the end a check-in code is accepted
 * @param makeupDays      days a person who was away has for the make-up study
 */
public record SessionDraft(Long id, long unitId, SessionType type, String topic, LocalDateTime startsAt,
                           int durationMinutes, String place, String onlineLink, String host, Long hostMemberId,
                           String agenda, List<String> materialIds, Long examId, Set<Long> attendeeIds,
                           int checkInMarginMinutes, int makeupDays) {

    public static final int DEFAULT_MARGIN = 30;
    public static final int DEFAULT_MAKEUP_DAYS = 14;

    public SessionDraft {
        materialIds = materialIds == null ? List.of() : List.copyOf(materialIds);
        attendeeIds = attendeeIds == null ? null : Set.copyOf(attendeeIds);
    }

    /** A draft with the usual defaults: 90 minutes, 30 minutes check-in margin, 14 days for make-ups. */
    public static SessionDraft of(long unitId, SessionType type, String topic, LocalDateTime startsAt) {
        return new SessionDraft(null, unitId, type, topic, startsAt, 90, null, null, null, null, null, List.of(), null,
                null, DEFAULT_MARGIN, DEFAULT_MAKEUP_DAYS);
    }

    public SessionDraft withId(Long newId) {
        return new SessionDraft(newId, unitId, type, topic, startsAt, durationMinutes, place, onlineLink, host,
                hostMemberId, agenda, materialIds, examId, attendeeIds, checkInMarginMinutes, makeupDays);
    }

    public SessionDraft withStart(LocalDateTime start) {
        return new SessionDraft(id, unitId, type, topic, start, durationMinutes, place, onlineLink, host, hostMemberId,
                agenda, materialIds, examId, attendeeIds, checkInMarginMinutes, makeupDays);
    }

    public SessionDraft withTopic(String newTopic) {
        return new SessionDraft(id, unitId, type, newTopic, startsAt, durationMinutes, place, onlineLink, host,
                hostMemberId, agenda, materialIds, examId, attendeeIds, checkInMarginMinutes, makeupDays);
    }

    public SessionDraft withMaterials(List<String> ids) {
        return new SessionDraft(id, unitId, type, topic, startsAt, durationMinutes, place, onlineLink, host,
                hostMemberId, agenda, ids, examId, attendeeIds, checkInMarginMinutes, makeupDays);
    }

    public SessionDraft withHost(String name, Long memberId) {
        return new SessionDraft(id, unitId, type, topic, startsAt, durationMinutes, place, onlineLink, name, memberId,
                agenda, materialIds, examId, attendeeIds, checkInMarginMinutes, makeupDays);
    }

    public SessionDraft withAttendees(Set<Long> ids) {
        return new SessionDraft(id, unitId, type, topic, startsAt, durationMinutes, place, onlineLink, host,
                hostMemberId, agenda, materialIds, examId, ids, checkInMarginMinutes, makeupDays);
    }

    public SessionDraft withExam(Long newExamId) {
        return new SessionDraft(id, unitId, type, topic, startsAt, durationMinutes, place, onlineLink, host,
                hostMemberId, agenda, materialIds, newExamId, attendeeIds, checkInMarginMinutes, makeupDays);
    }

    public LocalDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }
}
