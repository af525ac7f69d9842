package org.mingze.schedule;

import java.util.List;

/**
 * Everything a session page shows. {@code canManage} tells the page whether to offer editing, attendance, the code
 * screen and leave decisions; the service checks again on every call.
 *
 * @param minutes the minutes (会议记录) in Markdown, or null
 * @param reading the assigned materials with their titles and whether the signed-in person has studied each
 * @param quiz    the session's quiz, or null
 * @param photos  the photos of the session (held sessions only), oldest first
 * @param summary attendance rate, reading completion and quiz average over the attendees the caller may see
 */
public record SessionDetail(SessionCard card, String onlineLink, Long hostMemberId, String agenda,
                            List<String> materialIds, Long examId, int checkInMarginMinutes, int makeupDays,
                            String cancelReason, String minutes, List<AttendeeRow> attendees, List<LeaveRow> leaves,
                            List<Reading> reading, boolean canManage, Quiz quiz, List<PhotoRow> photos,
                            Summary summary) {

    /**
     * The session's quiz (a test of purpose theme-day quiz).
     *
     * @param title      as it was when the organiser linked it
     * @param myState    the signed-in person's state, or null when they are not an attendee
     * @param passed     attendees who passed (the organiser's count; for others only their own row counts)
     */
    public record Quiz(long examId, String title, QuizState myState, int passed, int taken) {
    }

    /**
     * Figures for the page and the record.
     *
     * @param attendanceRate  attended / expected in percent (0 when nobody is expected)
     * @param readingRate     attendees who studied every material, in percent; null without reading
     * @param quizAverage     the average of each attendee's best quiz result in percent, over those who took it;
     *                        null without a quiz or before anyone took it
     */
    public record Summary(int expected, int attended, int attendanceRate, Integer readingRate, Integer quizTaken,
                          java.math.BigDecimal quizAverage) {
    }

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
