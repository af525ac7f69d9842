package org.mingze.schedule;

import java.util.List;

/**
 * Everything a session page shows. {@code canManage} tells the page whether to offer editing, attendance, the code
 * screen and leave decisions; the service checks again on every call.
 *
 * @param minutes the minutes (会议记录) in Markdown, or null
 * @param reading the assigned materials with their titles and whether the signed-in person has studied each
 */
public record SessionDetail(SessionCard card, String onlineLink, Long hostMemberId, String agenda,
                            List<String> materialIds, Long examId, int checkInMarginMinutes, int makeupDays,
                            String cancelReason, String minutes, List<AttendeeRow> attendees, List<LeaveRow> leaves,
                            List<Reading> reading, boolean canManage) {

    /** An assigned material. */
    public record Reading(String materialId, String title, boolean studiedByMe) {
    }

    public SessionDraft draft() {
        SessionCard c = card;
        return new SessionDraft(c.id(), c.unitId(), c.type(), c.topic(), c.startsAt(),
                (int) java.time.Duration.between(c.startsAt(), c.endsAt()).toMinutes(), c.place(), onlineLink,
                c.host(), hostMemberId, agenda, materialIds, examId,
                attendees.stream().map(AttendeeRow::memberId).collect(java.util.stream.Collectors.toSet()),
                checkInMarginMinutes, makeupDays);
    }
}
