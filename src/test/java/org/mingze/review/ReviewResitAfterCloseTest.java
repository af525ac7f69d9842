package org.mingze.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.ExamCard;
import org.mingze.quiz.exam.ExamIntro;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.quiz.exam.SubmitResult;
import org.mingze.quiz.exam.internal.AttemptEngine;
import org.mingze.review.internal.MakeupCheck;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A re-sit or an extension used after the test's own close time: the candidate's personal close time (granted
 * through the exam engine's exception) has to be honoured by start, save, the deadline sweep and the listing.
 */
@MingzeTest
@ExamTest
class ReviewResitAfterCloseTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    SheetService sheets;
    @Autowired
    ExamService exams;
    @Autowired
    AttemptService attempts;
    @Autowired
    AttemptEngine engine;
    @Autowired
    QuestionService questions;
    @Autowired
    StudyService study;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    record Setup(String organiser, List<String> learners, List<Long> memberIds, BatchRow batch) {
    }

    private Setup batchOfTwo() {
        Unit u = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        List<Account> ls = List.of(data.account(u), data.account(u));
        data.signIn(organiser);
        BatchRow b = reviews.create(BatchDraft.of(ReviewType.PRE_APPOINTMENT, "2026年第" + TestData.next() + "批任前考察",
                u.getId(), LocalDate.now(clock).plusDays(10), ls.stream()
                        .map(a -> new CandidateDraft(a.getMemberId(), null, "城关派出所所长")).toList()));
        return new Setup(organiser, ls.stream().map(Account::getUsername).toList(),
                ls.stream().map(Account::getMemberId).toList(), b);
    }

    private CandidateRow candidate(Setup s, long memberId) {
        data.signIn(s.organiser());
        return reviews.candidates(s.batch().id()).stream().filter(c -> c.memberId() == memberId).findFirst()
                .orElseThrow();
    }

    /** The right answer to a shown question, in the shown option order (looked up by the organiser). */
    private List<Response> rightAnswers(Setup s, AttemptView v) {
        data.signIn(s.organiser());
        List<Response> out = new ArrayList<>();
        for (AttemptView.Item it : v.items()) {
            Question q = questions.get(it.question().id(), it.question().version()).orElseThrow();
            AnswerKey key = q.answer();
            if (key instanceof AnswerKey.Choices c) {
                out.add(Response.choices(c.correct().stream()
                        .map(i -> it.question().options().indexOf(q.options().get(i))).sorted().toList()));
            } else if (key instanceof AnswerKey.Judge j) {
                out.add(Response.judge(j.value()));
            } else if (key instanceof AnswerKey.Blanks b) {
                out.add(Response.blanks(b.accepted().stream().map(l -> l.get(0)).toList()));
            } else {
                out.add(Response.essay(((AnswerKey.Reference) key).text()));
            }
        }
        return out;
    }

    /** Starts (or resumes) as the learner, waits, lets the sweeper run, answers everything right, submits. */
    private SubmitResult passIt(Setup s, String learner, long examId, Instant testCloses) {
        data.signIn(learner);
        AttemptView v = attempts.startOrResume(examId);
        assertThat(v.deadline()).as("the attempt runs on the personal close time, not the test's")
                .isAfter(testCloses).isAfter(clock.instant());
        List<Response> right = rightAnswers(s, v);
        clock.advance(Duration.ofMinutes(10));
        engine.sweep();
        data.signIn(learner);
        for (AttemptView.Item it : v.items()) {
            attempts.save(v.attemptId(), v.holderToken(), it.position(), right.get(it.position()));
        }
        return attempts.submit(v.attemptId(), v.holderToken());
    }

    private ExamCard card(String learner, long examId) {
        data.signIn(learner);
        return attempts.myExams().stream().filter(c -> c.examId() == examId).findFirst().orElseThrow();
    }

    @Test
    void a_resit_opened_after_the_tests_close_time_can_be_started_answered_and_submitted_and_a_pass_passes() {
        Setup s = batchOfTwo();
        long m = s.memberIds().get(0);
        long examId = s.batch().examId();
        Instant testCloses = exams.get(examId).orElseThrow().settings().closesAt();

        data.signIn(s.learners().get(0));
        AttemptView first = attempts.startOrResume(examId);
        attempts.submit(first.attemptId(), first.holderToken());
        CandidateRow failed = candidate(s, m);
        assertThat(failed.state()).isEqualTo(CandidateState.DEFERRED);

        clock.advance(Duration.ofDays(12));
        assertThat(clock.instant()).as("the batch deadline and the test are over").isAfter(testCloses);
        assertThat(candidate(s, m).state()).as("a deferred candidate waits for the re-sit")
                .isEqualTo(CandidateState.DEFERRED);
        for (MakeupCheck.TagTask t : reviews.makeupTasks(failed.id())) {
            study.markStudied(m, t.materialIds().get(0), StudyHow.QUIZ);
        }
        data.signIn(s.organiser());
        assertThat(reviews.openResit(failed.id()).resitGranted()).isTrue();

        ExamCard c = card(s.learners().get(0), examId);
        assertThat(c.state()).as("listed as open to the candidate").isEqualTo(ExamCard.State.OPEN);
        assertThat(c.closesAt()).isAfter(clock.instant());
        ExamIntro intro = attempts.intro(examId);
        assertThat(intro.canStart()).isTrue();
        assertThat(intro.blocked()).isNull();
        assertThat(intro.attemptsAllowed()).isEqualTo(2);

        SubmitResult r = passIt(s, s.learners().get(0), examId, testCloses);
        assertThat(r.alreadyClosed()).as("not closed early by the sweep").isFalse();
        assertThat(r.status()).isEqualTo(AttemptStatus.GRADED);

        CandidateRow after = candidate(s, m);
        assertThat(after.state()).isEqualTo(CandidateState.PASSED);
        assertThat(after.resitScore()).isEqualByComparingTo(after.resitMax());
        assertThat(after.resitOn()).isEqualTo(LocalDate.now(clock));
        assertThat(after.firstScore()).isZero();
        data.signIn(s.organiser());
        ResultSheet sheet = sheets.sheet(after.id());
        assertThat(sheet.resit()).isTrue();
        assertThat(sheets.verify(sheet.code()).orElseThrow().resit()).as("the public check says it was the re-sit")
                .isTrue();
        assertThat(candidate(s, s.memberIds().get(1)).state()).as("the other candidate stays absent")
                .isEqualTo(CandidateState.ABSENT);
        data.signIn(s.learners().get(1));
        assertThat(attempts.intro(examId).canStart()).as("no window reopened for the others").isFalse();
    }

    @Test
    void an_extension_granted_after_the_close_time_lets_a_no_show_take_the_test_and_pass() {
        Setup s = batchOfTwo();
        long m = s.memberIds().get(0);
        long examId = s.batch().examId();
        Instant testCloses = exams.get(examId).orElseThrow().settings().closesAt();
        clock.advance(Duration.ofDays(11));
        CandidateRow absent = candidate(s, m);
        assertThat(absent.state()).isEqualTo(CandidateState.ABSENT);
        data.signIn(s.learners().get(0));
        assertThat(attempts.intro(examId).canStart()).as("closed before the extension").isFalse();

        data.signIn(s.organiser());
        CandidateRow extended = reviews.extend(absent.id(), LocalDate.now(clock).plusDays(3), "住院治疗，出院后补测");
        assertThat(extended.state()).isEqualTo(CandidateState.PENDING);
        assertThat(card(s.learners().get(0), examId).state()).isEqualTo(ExamCard.State.OPEN);

        SubmitResult r = passIt(s, s.learners().get(0), examId, testCloses);
        assertThat(r.status()).isEqualTo(AttemptStatus.GRADED);
        CandidateRow after = candidate(s, m);
        assertThat(after.state()).isEqualTo(CandidateState.PASSED);
        assertThat(after.firstScore()).isEqualByComparingTo(after.firstMax());
    }
}
