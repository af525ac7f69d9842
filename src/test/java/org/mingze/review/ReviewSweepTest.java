package org.mingze.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.ReviewBatches.Setup;
import org.mingze.review.internal.MakeupCheck;
import org.mingze.review.internal.ReviewReminders;
import org.mingze.review.internal.ReviewStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review sweep: it opens the re-sit by itself once the make-up study is done and the opening day has come,
 * records graded attempts the event handler missed, and is the only writer of the rules of time (reads are pure).
 */
@MingzeTest
@ExamTest
class ReviewSweepTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    ReviewReminders reminders;
    @Autowired
    ReviewStore store;
    @Autowired
    ExamService exams;
    @Autowired
    AttemptService attempts;
    @Autowired
    StudyService study;
    @Autowired
    NotificationService notices;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    private Setup batchOfTwo() {
        return ReviewBatches.create(data, reviews, clock, 2);
    }

    private void failOnce(String learner, long examId) {
        ReviewBatches.failOnce(data, attempts, learner, examId);
    }

    private CandidateRow candidate(Setup s, long memberId) {
        data.signIn(s.organiser());
        CandidateRow c = reviews.candidates(s.batch().id()).stream().filter(x -> x.memberId() == memberId)
                .findFirst().orElseThrow();
        data.signOut();
        return c;
    }

    private List<AuditRecord> trail(long candidateId) {
        data.signIn("guolx");
        List<AuditRecord> r = audit.search(new AuditQuery(null, null, "review-candidate", String.valueOf(candidateId),
                null, null), 0, 50).getContent();
        data.signOut();
        return r;
    }

    private long resitNotices(String learner) {
        data.signIn(learner);
        long n = notices.inbox(100).stream().filter(x -> x.title().startsWith("补考已开放")).count();
        data.signOut();
        return n;
    }

    @Test
    void the_sweep_opens_the_resit_by_itself_on_the_opening_day_once_the_makeup_is_done_and_tells_the_candidate() {
        Setup s = batchOfTwo();
        long m = s.memberIds().get(0);
        String learner = s.learners().get(0);
        failOnce(learner, s.batch().examId());
        CandidateRow c = candidate(s, m);
        assertThat(c.state()).isEqualTo(CandidateState.DEFERRED);

        data.signIn(learner);
        List<MakeupCheck.TagTask> tasks = reviews.makeupTasks(c.id());
        data.signOut();
        for (MakeupCheck.TagTask t : tasks) {
            study.markStudied(m, t.materialIds().get(0), StudyHow.QUIZ);
        }
        reminders.sweep();
        assertThat(candidate(s, m).resitGranted()).as("make-up done, but the opening day has not come").isFalse();

        clock.advance(Duration.ofDays(6));
        reminders.sweep();
        assertThat(candidate(s, m).resitGranted()).as("day 6 of 7").isFalse();
        assertThat(resitNotices(learner)).isZero();

        clock.advance(Duration.ofDays(1));
        reminders.sweep();
        CandidateRow opened = candidate(s, m);
        assertThat(opened.resitGranted()).isTrue();
        assertThat(opened.state()).isEqualTo(CandidateState.DEFERRED);
        assertThat(resitNotices(learner)).isEqualTo(1);
        reminders.sweep();
        assertThat(resitNotices(learner)).as("opened once, told once").isEqualTo(1);

        data.signIn(learner);
        assertThat(attempts.intro(s.batch().examId()).canStart()).isTrue();
        assertThat(attempts.intro(s.batch().examId()).attemptsAllowed()).isEqualTo(2);
        data.signOut();
        assertThat(trail(c.id())).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("REVIEW_RESIT_OPEN");
            assertThat(r.actor()).isEqualTo("system");
            assertThat(r.detail()).contains("automatic");
        });
        data.signIn("guolx");
        assertThat(audit.search(new AuditQuery(null, "EXAM_EXCEPTION", "exam", String.valueOf(s.batch().examId()),
                null, null), 0, 10).getContent()).anySatisfy(r -> {
            assertThat(r.actor()).isEqualTo("system");
            assertThat(r.detail()).startsWith("[review]").contains("补考");
        });
        data.signOut();

        failOnce(learner, s.batch().examId());
        assertThat(candidate(s, m).state()).as("the re-sit counts").isEqualTo(CandidateState.FAILED);
    }

    @Test
    void without_the_makeup_the_sweep_never_opens_the_resit_and_the_window_ends_in_failed() {
        Setup s = batchOfTwo();
        long m = s.memberIds().get(0);
        failOnce(s.learners().get(0), s.batch().examId());
        clock.advance(Duration.ofDays(8));
        reminders.sweep();
        assertThat(candidate(s, m).resitGranted()).isFalse();
        clock.advance(Duration.ofDays(23));
        reminders.sweep();
        assertThat(store.candidate(candidate(s, m).id()).orElseThrow().state()).isEqualTo(CandidateState.FAILED);
    }

    @Test
    void reading_a_batch_writes_nothing_the_sweep_stores_the_no_show() {
        Setup s = batchOfTwo();
        long m = s.memberIds().get(1);
        clock.advance(Duration.ofDays(11));
        CandidateRow shown = candidate(s, m);
        assertThat(shown.state()).as("shown as it stands today").isEqualTo(CandidateState.ABSENT);
        data.signIn(s.learners().get(1));
        assertThat(reviews.mine()).extracting(CandidateRow::state).containsExactly(CandidateState.ABSENT);
        data.signOut();
        assertThat(store.candidate(shown.id()).orElseThrow().state()).as("but not stored by a read")
                .isEqualTo(CandidateState.PENDING);
        assertThat(trail(shown.id())).extracting(AuditRecord::action).doesNotContain("REVIEW_OUTCOME");

        reminders.sweep();
        assertThat(store.candidate(shown.id()).orElseThrow().state()).isEqualTo(CandidateState.ABSENT);
        assertThat(trail(shown.id())).extracting(AuditRecord::action).contains("REVIEW_OUTCOME");
    }

    @Test
    void a_graded_attempt_the_event_handler_missed_is_recorded_by_the_next_sweep() {
        Setup s = batchOfTwo();
        long m = s.memberIds().get(0);
        failOnce(s.learners().get(0), s.batch().examId());
        long id = candidate(s, m).id();
        // the handler's work lost: as if it had thrown after the attempt was graded
        jdbc.sql("UPDATE review_candidate SET state = 'PENDING', first_attempt_id = NULL, first_score = NULL, "
                + "first_max = NULL, first_on = NULL, resit_opens = NULL, resit_closes = NULL, makeup_tags = NULL "
                + "WHERE id = ?").param(id).update();
        assertThat(candidate(s, m).state()).isEqualTo(CandidateState.PENDING);
        assertThat(candidate(s, m).firstScore()).isNull();

        clock.advance(Duration.ofDays(11));
        reminders.sweep();
        CandidateRow after = candidate(s, m);
        assertThat(after.state()).as("recorded as a fail, not a no-show").isEqualTo(CandidateState.DEFERRED);
        assertThat(after.firstScore()).isZero();
        assertThat(after.firstOn()).as("dated by the attempt").isEqualTo(LocalDate.now(clock).minusDays(11));
        assertThat(after.resitOpens()).isEqualTo(after.firstOn().plusDays(7));
        assertThat(after.makeupTags()).isNotEmpty();
        assertThat(trail(id)).extracting(AuditRecord::action).contains("REVIEW_RECONCILE");

        reminders.sweep();
        assertThat(trail(id).stream().filter(r -> r.action().equals("REVIEW_RECONCILE")).count())
                .as("recorded once").isEqualTo(1);
    }

    @Test
    void the_system_grant_checks_like_the_organisers_and_refuses_a_blank_reason() {
        Setup s = batchOfTwo();
        assertThatThrownBy(() -> exams.grantForSystem(s.batch().examId(), s.memberIds().get(0), 1, null, " ",
                "review")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> exams.grantForSystem(s.batch().examId(), s.memberIds().get(0), 0, null, "补考",
                "review")).as("nothing granted").isInstanceOf(ValidationException.class);
    }
}
