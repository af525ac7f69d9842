package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.Question;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamFixture;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.FixedItem;
import org.mingze.quiz.exam.Paper;
import org.mingze.quiz.exam.PaperDraft;
import org.mingze.quiz.exam.PaperService;
import org.springframework.beans.factory.annotation.Autowired;

/** A session's theme-day quiz: choosing it, attendees' states, and make-up study that needs a pass. */
@MingzeTest
@LibraryTest
class ScheduleQuizTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 14, 30);

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    StudyService study;
    @Autowired
    ExamService exams;
    @Autowired
    PaperService papers;
    @Autowired
    AttemptService attempts;
    @Autowired
    ExamFixture fx;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    LibraryContent content;

    Unit branch;
    Account secretary;
    Account alice;
    Account bob;
    List<Question> questions;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        clock.set(LocalDateTime.of(2026, 11, 28, 9, 0).atZone(clock.getZone()).toInstant());
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        alice = data.account(branch, Role.LEARNER);
        bob = data.account(branch, Role.LEARNER);
        questions = fx.singles(fx.bankName(), 2);
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    /** A published test of two single choices (key B) for the unit, as its organiser (who stays signed in). */
    Exam test(Unit unit, String organiser, ExamPurpose purpose) {
        data.signIn(organiser);
        Paper paper = papers.create(unit.getId(), PaperDraft.fixed("试卷" + TestData.next(),
                questions.stream().map(q -> new FixedItem(q.id(), null)).toList()));
        Instant now = clock.instant();
        ExamSettings s = ExamSettings.defaults("主题党日竞答" + TestData.next(), paper.id(), unit.getId(),
                        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)))
                .withPurpose(purpose).withShuffle(false, false).withAttempts(3, CountedAttempt.HIGHEST)
                .withPassPercent(100);
        return exams.publish(exams.create(s).id());
    }

    long session(Long examId) {
        data.signIn(secretary.getUsername());
        return schedule.save(new SessionDraft(null, branch.getId(), SessionType.THEME_DAY, "十二月主题党日", START, 90,
                null, null, null, null, null, List.of("zhuti/diyi-zeren"), examId, null, 30, 14)).session().id();
    }

    /** The signed-in learner takes the quiz, answering every question right or every one wrong. */
    void take(long examId, boolean right) {
        AttemptView v = attempts.startOrResume(examId);
        for (AttemptView.Item item : v.items()) {
            Question q = questions.stream().filter(x -> x.id().equals(item.question().id())).findFirst().orElseThrow();
            int b = item.question().options().indexOf(q.options().get(1));
            attempts.save(v.attemptId(), v.holderToken(), item.position(), Response.choices(List.of(right ? b : 0)));
        }
        assertThat(attempts.submit(v.attemptId(), v.holderToken()).status()).isEqualTo(AttemptStatus.GRADED);
    }

    MakeupRow makeupOf(Account who) {
        data.signIn(who.getUsername());
        return attendance.myMakeups().stream().filter(m -> m.topic().equals("十二月主题党日")).findFirst().orElseThrow();
    }

    @Test
    void the_form_offers_only_theme_day_quizzes_whose_audience_covers_the_unit_and_refuses_others() {
        Exam themeDay = test(branch, secretary.getUsername(), ExamPurpose.THEME_DAY);
        Exam general = test(branch, secretary.getUsername(), ExamPurpose.GENERAL);
        Unit other = data.branch();
        Account otherOrganiser = data.account(other, Role.ORGANIZER);
        Exam elsewhere = test(other, otherOrganiser.getUsername(), ExamPurpose.THEME_DAY);

        data.signIn(secretary.getUsername());
        assertThat(schedule.quizChoices(branch.getId())).extracting(QuizChoice::examId)
                .contains(themeDay.id()).doesNotContain(general.id(), elsewhere.id());
        assertThatThrownBy(() -> session(general.id())).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).anySatisfy(p ->
                        assertThat(p.field()).isEqualTo("examId")));
        assertThatThrownBy(() -> session(elsewhere.id())).isInstanceOf(ValidationException.class);

        long id = session(themeDay.id());
        SessionDetail d = schedule.detail(id);
        assertThat(d.examId()).isEqualTo(themeDay.id());
        assertThat(d.quiz().title()).isEqualTo(themeDay.settings().title());
        assertThat(d.attendees()).allSatisfy(a -> assertThat(a.quiz()).isEqualTo(QuizState.NOT_TAKEN));
        assertThat(schedule.detail(session(null)).quiz()).isNull();
    }

    @Test
    void a_make_up_stays_open_after_the_reading_and_a_failed_quiz_and_closes_when_the_quiz_is_passed() {
        Exam quiz = test(branch, secretary.getUsername(), ExamPurpose.THEME_DAY);
        long id = session(quiz.id());
        data.signIn(alice.getUsername());
        LeaveRow leave = attendance.requestLeave(id, "当天值班");
        data.signIn(secretary.getUsername());
        attendance.decideLeave(leave.id(), true, null);

        study.markStudied(alice.getMemberId(), "zhuti/diyi-zeren", StudyHow.QUIZ);
        assertThat(makeupOf(alice).done()).as("reading alone is not enough").isFalse();

        take(quiz.id(), false);
        assertThat(makeupOf(alice).done()).as("a failed attempt does not close it").isFalse();
        assertThat(makeupOf(alice).quizPassed()).isFalse();
        assertThat(schedule.detail(id).quiz().myState()).isEqualTo(QuizState.FAILED);

        take(quiz.id(), true);
        assertThat(makeupOf(alice).done()).isTrue();
        assertThat(makeupOf(alice).quizPassed()).isTrue();
        assertThat(schedule.detail(id).quiz().myState()).isEqualTo(QuizState.PASSED);

        data.signIn(secretary.getUsername());
        SessionDetail d = schedule.detail(id);
        assertThat(d.quiz().passed()).isEqualTo(1);
        assertThat(d.quiz().taken()).isEqualTo(1);
        assertThat(d.attendees()).filteredOn(a -> a.memberId() == bob.getMemberId()).singleElement()
                .extracting(AttendeeRow::quiz).isEqualTo(QuizState.NOT_TAKEN);
        assertThat(d.summary().quizTaken()).isEqualTo(1);
        assertThat(d.summary().quizAverage()).isEqualByComparingTo("100");
    }

    @Test
    void a_passed_quiz_without_the_reading_leaves_the_make_up_open_until_the_reading_is_done() {
        Exam quiz = test(branch, secretary.getUsername(), ExamPurpose.THEME_DAY);
        long id = session(quiz.id());
        clock.set(START.plusMinutes(100).atZone(clock.getZone()).toInstant());
        attendance.close(id);
        assertThat(makeupOf(bob).done()).isFalse();

        take(quiz.id(), true);
        assertThat(makeupOf(bob).done()).isFalse();
        study.markStudied(bob.getMemberId(), "zhuti/diyi-zeren", StudyHow.QUIZ);
        assertThat(makeupOf(bob).done()).isTrue();
    }

    @Test
    void results_graded_before_the_quiz_was_linked_count_once_it_is() {
        Exam quiz = test(branch, secretary.getUsername(), ExamPurpose.GENERAL);
        data.signIn(alice.getUsername());
        take(quiz.id(), true);
        data.signIn(secretary.getUsername());
        exams.update(quiz.id(), quiz.settings().withPurpose(ExamPurpose.THEME_DAY));
        long id = session(quiz.id());
        assertThat(schedule.detail(id).attendees()).filteredOn(a -> a.memberId() == alice.getMemberId())
                .singleElement().extracting(AttendeeRow::quiz).isEqualTo(QuizState.PASSED);
    }
}
