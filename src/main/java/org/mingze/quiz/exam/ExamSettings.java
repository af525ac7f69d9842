package org.mingze.quiz.exam;

import java.time.Instant;
import java.util.List;
import org.mingze.quiz.MultiplePolicy;

/**
 * A test: a paper plus its settings, as an organiser fills them in. Start from {@link #defaults} and change what
 * differs with the {@code with...} methods.
 *
 * @param description      the rules shown on the start page (may be blank)
 * @param ownerUnitId      the unit the test belongs to: organisers whose scope includes it manage it
 * @param opensAt          from when attempts may start
 * @param closesAt         when the test closes: no attempt starts after it and every attempt ends at it
 * @param timeLimitMinutes minutes per attempt (1..600), or null for "until the close time"
 * @param attemptsAllowed  1..20
 * @param passPercent      0..100: the share of the paper's maximum that passes
 * @param audienceUnits    units whose members (subtrees included) take the test
 * @param audienceMembers  further members who take it
 */
public record ExamSettings(String title, String description, ExamPurpose purpose, long paperId, long ownerUnitId,
                           Instant opensAt, Instant closesAt, Integer timeLimitMinutes, int attemptsAllowed,
                           CountedAttempt counted, int passPercent, boolean shuffleQuestions, boolean shuffleOptions,
                           Navigation navigation, ReviewPolicy review, MultiplePolicy multiplePolicy,
                           TabLeavePolicy tabLeave, List<Long> audienceUnits, List<Long> audienceMembers) {

    public ExamSettings {
        audienceUnits = audienceUnits == null ? List.of() : List.copyOf(audienceUnits);
        audienceMembers = audienceMembers == null ? List.of() : List.copyOf(audienceMembers);
    }

    /**
     * A general test of one attempt, 60% to pass, no time limit, shuffled, free navigation, score shown after
     * submitting, half points for a correct subset of a multiple choice, tab leaves counted; the owner unit as
     * audience.
     */
    public static ExamSettings defaults(String title, long paperId, long ownerUnitId, Instant opensAt,
                                        Instant closesAt) {
        return new ExamSettings(title, "", ExamPurpose.GENERAL, paperId, ownerUnitId, opensAt, closesAt, null, 1,
                CountedAttempt.HIGHEST, 60, true, true, Navigation.FREE, ReviewPolicy.scoreOnly(),
                MultiplePolicy.HALF_FOR_SUBSET, TabLeavePolicy.countOnly(), List.of(ownerUnitId), List.of());
    }

    public ExamSettings withTitle(String v) {
        return new ExamSettings(v, description, purpose, paperId, ownerUnitId, opensAt, closesAt, timeLimitMinutes,
                attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withDescription(String v) {
        return new ExamSettings(title, v, purpose, paperId, ownerUnitId, opensAt, closesAt, timeLimitMinutes,
                attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withPurpose(ExamPurpose v) {
        return new ExamSettings(title, description, v, paperId, ownerUnitId, opensAt, closesAt, timeLimitMinutes,
                attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withPaper(long v) {
        return new ExamSettings(title, description, purpose, v, ownerUnitId, opensAt, closesAt, timeLimitMinutes,
                attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withWindow(Instant opens, Instant closes) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opens, closes, timeLimitMinutes,
                attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withTimeLimit(Integer minutes) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt, minutes,
                attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withAttempts(int allowed, CountedAttempt which) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, allowed, which, passPercent, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withPassPercent(int v) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, v, shuffleQuestions, shuffleOptions, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withShuffle(boolean questions, boolean options) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, questions, options, navigation, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withNavigation(Navigation v) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, v, review,
                multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withReview(ReviewPolicy v) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation,
                v, multiplePolicy, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withMultiplePolicy(MultiplePolicy v) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation,
                review, v, tabLeave, audienceUnits, audienceMembers);
    }

    public ExamSettings withTabLeave(TabLeavePolicy v) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation,
                review, multiplePolicy, v, audienceUnits, audienceMembers);
    }

    public ExamSettings withAudience(List<Long> units, List<Long> members) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation,
                review, multiplePolicy, tabLeave, units, members);
    }
}
