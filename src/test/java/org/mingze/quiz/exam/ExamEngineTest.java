package org.mingze.quiz.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.MutableClock;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;
import org.mingze.quiz.Response;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.mingze.quiz.exam.internal.AttemptEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

/** The exam engine through its services: attempts, deadlines, holders, grading, access and review. */
@MingzeTest
@ExamTest
class ExamEngineTest {

    @Autowired
    AttemptService attempts;
    @Autowired
    ExamService exams;
    @Autowired
    PaperService papers;
    @Autowired
    GradingService grading;
    @Autowired
    AttemptEngine engine;
    @Autowired
    ExamFixture fx;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    WrongAnswerBook book;
    @Autowired
    MessageSource messages;
    @Autowired
    ExamTestConfig.Events events;

    Instant t0;

    @BeforeEach
    void fixTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
    }

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    /** The index, among the shown options, of the bank's option B (the key of {@link ExamFixture#singles}). */
    private static int shownB(AttemptView.Item item, Question q) {
        return item.question().options().indexOf(q.options().get(1));
    }

    private Question question(AttemptView.Item item, List<Question> qs) {
        return qs.stream().filter(q -> q.id().equals(item.question().id())).findFirst().orElseThrow();
    }

    @Test
    void start_save_and_resume_keep_every_answer_in_the_shown_order() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 5);
        Exam exam = fx.fixedExam(b, qs, s -> s);
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        assertThat(v.items()).hasSize(5);
        assertThat(v.deadline()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
        for (AttemptView.Item item : v.items().subList(0, 3)) {
            SaveAck ack = attempts.save(v.attemptId(), v.holderToken(), item.position(),
                    Response.choices(List.of(shownB(item, question(item, qs)))));
            assertThat(ack.position()).isEqualTo(item.position());
        }
        attempts.flag(v.attemptId(), v.holderToken(), 4, true);

        AttemptView again = attempts.startOrResume(exam.id());
        assertThat(again.attemptId()).isEqualTo(v.attemptId());
        assertThat(again.holderToken()).isNotEqualTo(v.holderToken());
        for (int i = 0; i < 3; i++) {
            AttemptView.Item item = again.items().get(i);
            assertThat(item.response().choices()).containsExactly(shownB(item, question(item, qs)));
            assertThat(item.savedAt()).isEqualTo(t0);
        }
        assertThat(again.items().get(3).answered()).isFalse();
        assertThat(again.items().get(4).flagged()).isTrue();
        // the shown options are the bank's, maybe reordered, never a key
        assertThat(again.items().get(0).question().options()).containsExactlyInAnyOrderElementsOf(qs.get(0).options());

        SubmitResult r = attempts.submit(again.attemptId(), again.holderToken());
        assertThat(r.status()).isEqualTo(AttemptStatus.GRADED);
        AttemptResult res = attempts.result(r.attemptId());
        assertThat(res.score()).isEqualByComparingTo("3");
        assertThat(res.maxPoints()).isEqualByComparingTo("5");
        assertThat(res.passed()).isTrue();
    }

    @Test
    void a_save_after_the_deadline_is_refused_and_the_attempt_is_closed_and_graded() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(10));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        AttemptView.Item first = v.items().get(0);
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(shownB(first, question(first, qs)))));
        clock.set(t0.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> attempts.save(v.attemptId(), v.holderToken(), 1, Response.choices(List.of(0))))
                .isInstanceOf(AttemptClosedException.class)
                .satisfies(e -> assertThat(((AttemptClosedException) e).closedBy()).isEqualTo(ClosedBy.DEADLINE));
        AttemptResult res = attempts.result(v.attemptId());
        assertThat(res.status()).isEqualTo(AttemptStatus.GRADED);
        assertThat(res.closedBy()).isEqualTo(ClosedBy.DEADLINE);
        assertThat(res.closedAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(res.score()).isEqualByComparingTo("1");
        assertThat(res.items().get(1).response().isEmpty()).isTrue();
    }

    @Test
    void the_sweeper_closes_and_grades_an_abandoned_attempt_at_its_deadline() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 3);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(5));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        AttemptView.Item first = v.items().get(0);
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(shownB(first, question(first, qs)))));
        data.signOut(); // the learner has gone

        clock.set(t0.plus(Duration.ofMinutes(4)));
        engine.sweep();
        data.signIn(b.organiser());
        assertThat(exams.monitor(exam.id()).rows().stream().filter(r -> r.attemptId() != null).findFirst()
                .orElseThrow().state()).isEqualTo(ExamMonitor.State.IN_PROGRESS);
        data.signOut();

        clock.set(t0.plus(Duration.ofMinutes(5)));
        engine.sweep(); // (the scheduled sweeper may have been first: either closes it once)
        data.signIn(b.organiser());
        AttemptResult res = exams.attempt(v.attemptId());
        assertThat(res.status()).isEqualTo(AttemptStatus.GRADED);
        assertThat(res.closedBy()).isEqualTo(ClosedBy.DEADLINE);
        assertThat(res.score()).isEqualByComparingTo("1");
        data.signIn("admin");
        assertThat(audit.search(new AuditQuery(null, "EXAM_ATTEMPT_TIMEOUT", null, String.valueOf(v.attemptId()),
                null, null), 0, 5).getContent()).hasSize(1)
                .allSatisfy(a -> assertThat(a.actor()).isEqualTo("system"));
        assertThat(events.all()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AttemptGraded.class,
                g -> assertThat(g.attemptId()).isEqualTo(v.attemptId())));
    }

    @Test
    void a_second_holder_takes_over_and_the_older_token_is_refused() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s);
        data.signIn(b.learner());
        AttemptView tab1 = attempts.startOrResume(exam.id());
        attempts.save(tab1.attemptId(), tab1.holderToken(), 0, Response.choices(List.of(2)));
        AttemptView tab2 = attempts.startOrResume(exam.id());
        assertThat(tab2.items().get(0).response().choices()).containsExactly(2);
        assertThatThrownBy(() -> attempts.save(tab1.attemptId(), tab1.holderToken(), 1, Response.choices(List.of(1))))
                .isInstanceOf(AttemptTakenOverException.class);
        assertThatThrownBy(() -> attempts.submit(tab1.attemptId(), tab1.holderToken()))
                .isInstanceOf(AttemptTakenOverException.class);
        attempts.save(tab2.attemptId(), tab2.holderToken(), 1, Response.choices(List.of(3)));
        AttemptView tab3 = attempts.startOrResume(exam.id());
        assertThat(tab3.items().get(1).response().choices()).containsExactly(3);
    }

    @Test
    void submitting_twice_or_from_two_tabs_gives_one_result() throws Exception {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 3);
        Exam exam = fx.fixedExam(b, qs, s -> s.withAttempts(3, CountedAttempt.HIGHEST));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        List<java.util.concurrent.Callable<SubmitResult>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> {
                org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                try {
                    return attempts.submit(v.attemptId(), v.holderToken());
                } finally {
                    org.springframework.security.core.context.SecurityContextHolder.clearContext();
                }
            });
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<SubmitResult> results = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(calls)) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).extracting(SubmitResult::attemptId).containsOnly(v.attemptId());
        assertThat(results).filteredOn(r -> !r.alreadyClosed()).hasSize(1);
        assertThat(results).extracting(SubmitResult::closedAt).containsOnly(results.get(0).closedAt());
        data.signIn("admin");
        assertThat(audit.search(new AuditQuery(null, "EXAM_ATTEMPT_SUBMIT", null, String.valueOf(v.attemptId()),
                null, null), 0, 5).getContent()).hasSize(1);
        assertThat(exams.results(exam.id(), ResultFilter.all())).filteredOn(r -> r.countedAttemptId() != null)
                .singleElement().satisfies(r -> assertThat(r.attemptsUsed()).isEqualTo(1));
        assertThat(events.all()).filteredOn(e -> e instanceof AttemptSubmitted s && s.attemptId() == v.attemptId())
                .hasSize(1);
    }

    @Test
    void saving_into_another_persons_running_attempt_is_refused_before_its_questions_are_looked_at() {
        ExamFixture.Branch b = fx.branch();
        Exam exam = fx.fixedExam(b, fx.singles(fx.bankName(), 2), s -> s);
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1))); // its shape is cached now

        data.signIn(fx.branch().learner());
        // a position out of range would have said how many questions the attempt has
        assertThatThrownBy(() -> attempts.save(v.attemptId(), v.holderToken(), 99, Response.choices(List.of(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(7))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_learner_can_neither_read_nor_change_another_persons_attempt_nor_start_a_test_not_meant_for_them() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s);
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.submit(v.attemptId(), v.holderToken());

        ExamFixture.Branch other = fx.branch();
        data.signIn(other.learner());
        assertThatThrownBy(() -> attempts.result(v.attemptId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.submit(v.attemptId(), v.holderToken()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.startOrResume(exam.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.intro(exam.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(attempts.myExams()).extracting(ExamCard::examId).doesNotContain(exam.id());
        assertThatThrownBy(() -> exams.list(null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.attempt(v.attemptId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_organiser_of_one_branch_can_neither_see_nor_change_another_branchs_test() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s);
        ExamFixture.Branch other = fx.branch();
        data.signIn(other.organiser());
        assertThat(exams.get(exam.id())).isEmpty();
        assertThat(exams.list(null)).extracting(ExamRow::id).doesNotContain(exam.id());
        assertThat(papers.get(exam.settings().paperId())).isEmpty();
        assertThatThrownBy(() -> exams.update(exam.id(), exam.settings().withTitle("改名"))).isInstanceOf(
                AccessDeniedException.class);
        assertThatThrownBy(() -> exams.monitor(exam.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.results(exam.id(), ResultFilter.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.exportXlsx(exam.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.grantException(exam.id(), new ExamExceptionDraft(1L, 10, null, 0, "生病")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.create(exam.settings().withAudience(List.of(b.unit().getId()), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        // the committee's auditor reads it
        data.signIn("guolx");
        assertThat(exams.get(exam.id())).isPresent();
        assertThatThrownBy(() -> exams.publish(exam.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_drawn_paper_never_repeats_a_question_in_an_attempt_and_draws_afresh_per_attempt() {
        ExamFixture.Branch b = fx.branch();
        String bank = fx.bankName();
        List<Question> qs = fx.singles(bank, 30);
        data.signIn(b.organiser());
        // the second section also fits every question of the first: they must not come back
        Paper paper = papers.create(b.unit().getId(), PaperDraft.drawn("抽题卷", DrawMode.PER_ATTEMPT, List.of(
                DrawSection.of("一、单选", List.of(bank), List.of(), List.of(QuestionType.SINGLE), 8, BigDecimal.ONE),
                DrawSection.of("二、全部", List.of(bank), List.of(), List.of(), 12, BigDecimal.valueOf(2)))));
        assertThat(paper.maxPoints()).isEqualByComparingTo("32");
        Exam exam = exams.publish(exams.create(ExamSettings.defaults("抽题测试", paper.id(), b.unit().getId(),
                t0.minusSeconds(60), t0.plus(Duration.ofDays(1))).withAttempts(5, CountedAttempt.LAST)).id());
        data.signIn(b.learner());
        Set<List<String>> draws = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            AttemptView v = attempts.startOrResume(exam.id());
            List<String> ids = v.items().stream().map(it -> it.question().id()).toList();
            assertThat(ids).hasSize(20).doesNotHaveDuplicates();
            assertThat(v.items().stream().map(it -> it.question().points()).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("32");
            draws.add(ids.stream().sorted().toList());
            attempts.submit(v.attemptId(), v.holderToken());
        }
        assertThat(draws).as("four draws of 20 from 30 questions").hasSizeGreaterThan(1);
        assertThat(qs).hasSize(30);
    }

    @Test
    void a_section_that_cannot_be_filled_is_refused_with_a_chinese_message_naming_it() {
        ExamFixture.Branch b = fx.branch();
        String bank = fx.bankName();
        fx.singles(bank, 5);
        data.signIn(b.organiser());
        assertThatThrownBy(() -> papers.create(b.unit().getId(), PaperDraft.drawn("抽题卷", DrawMode.ONCE, List.of(
                DrawSection.of("一、单选", List.of(bank), List.of(), List.of(), 4, BigDecimal.ONE),
                DrawSection.of("二、再抽", List.of(bank), List.of(), List.of(), 2, BigDecimal.ONE)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    var p = e.problems().get(0);
                    String text = messages.getMessage(p.key(), p.args().toArray(), java.util.Locale.SIMPLIFIED_CHINESE);
                    assertThat(text).contains("第 2 部分").contains("二、再抽").contains("只有 1 道").contains("抽 2 道");
                });
    }

    @Test
    void review_policy_score_only_sends_no_key_and_no_explanation_and_answers_map_to_the_shown_order() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 3);
        Exam scoreOnly = fx.fixedExam(b, qs, s -> s.withReview(new ReviewPolicy(ReviewLevel.SCORE, false)));
        Exam withAnswers = fx.fixedExam(b, qs, s -> s.withReview(new ReviewPolicy(ReviewLevel.EXPLANATIONS, false)));
        Exam afterClose = fx.fixedExam(b, qs, s -> s.withReview(new ReviewPolicy(ReviewLevel.EXPLANATIONS, true)));
        data.signIn(b.learner());
        for (Exam e : List.of(scoreOnly, withAnswers, afterClose)) {
            AttemptView v = attempts.startOrResume(e.id());
            for (AttemptView.Item it : v.items()) {
                attempts.save(v.attemptId(), v.holderToken(), it.position(),
                        Response.choices(List.of(shownB(it, question(it, qs)))));
            }
            attempts.submit(v.attemptId(), v.holderToken());
        }
        AttemptResult s = attempts.result(attempts.intro(scoreOnly.id()).attempts().get(0).attemptId());
        assertThat(s.shown()).isEqualTo(ReviewLevel.SCORE);
        assertThat(s.score()).isEqualByComparingTo("3");
        assertThat(s.items()).allSatisfy(i -> {
            assertThat(i.answer()).isNull();
            assertThat(i.explanation()).isNull();
            assertThat(i.points()).isEqualByComparingTo("1");
        });
        assertThat(s.toString()).doesNotContain(qs.get(0).explanation());

        AttemptResult full = attempts.result(attempts.intro(withAnswers.id()).attempts().get(0).attemptId());
        assertThat(full.items()).allSatisfy(i -> {
            assertThat(i.outcome()).isEqualTo(Grade.Outcome.CORRECT);
            assertThat(i.explanation()).isEqualTo(qs.get(0).explanation());
            // the key points at the shown option that is the bank's B
            int shown = ((org.mingze.quiz.AnswerKey.Choices) i.answer()).correct().get(0);
            assertThat(i.question().options().get(shown)).isEqualTo(qs.get(0).options().get(1));
        });

        AttemptResult hidden = attempts.result(attempts.intro(afterClose.id()).attempts().get(0).attemptId());
        assertThat(hidden.shown()).isNull();
        assertThat(hidden.score()).isNull();
        assertThat(hidden.passed()).isNull();
        assertThat(hidden.reviewFrom()).isEqualTo(afterClose.settings().closesAt());
        assertThat(hidden.items()).allSatisfy(i -> {
            assertThat(i.answer()).isNull();
            assertThat(i.explanation()).isNull();
            assertThat(i.points()).isNull();
            assertThat(i.outcome()).isNull();
        });
        assertThat(attempts.intro(afterClose.id()).attempts().get(0).score()).isNull();
        // after the close the same attempt shows everything
        clock.set(afterClose.settings().closesAt().plusSeconds(1));
        assertThat(attempts.result(hidden.attemptId()).score()).isEqualByComparingTo("3");
    }

    @Test
    void an_essay_waits_for_an_organiser_and_the_total_never_exceeds_the_maximum() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = new java.util.ArrayList<>(fx.singles(fx.bankName(), 2));
        qs.add(fx.save(Questions.essay().bank(fx.bankName())));
        Exam exam = fx.fixedExam(b, qs, s -> s.withShuffle(false, false));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));
        attempts.save(v.attemptId(), v.holderToken(), 1, Response.choices(List.of(0)));
        attempts.save(v.attemptId(), v.holderToken(), 2, Response.essay("带头研究部署，带头示范。"));
        SubmitResult r = attempts.submit(v.attemptId(), v.holderToken());
        assertThat(r.status()).isEqualTo(AttemptStatus.AWAITING_MANUAL);
        assertThat(attempts.result(v.attemptId()).score()).isNull();
        // the wrong answer is in the learner's book; the right one is not
        long member = org.mingze.base.security.CurrentUser.require().memberId();
        assertThat(book.entry(member, qs.get(1).id())).hasValueSatisfying(w -> assertThat(w.isInBook()).isTrue());
        assertThat(book.entry(member, qs.get(0).id())).isEmpty();

        data.signIn(b.organiser());
        List<GradingItem> queue = grading.queue(exam.id());
        assertThat(queue).singleElement().satisfies(g -> {
            assertThat(g.answerText()).contains("带头研究部署");
            assertThat(g.referenceAnswer()).contains("带头示范");
            assertThat(g.maxPoints()).isEqualByComparingTo("6");
        });
        assertThatThrownBy(() -> grading.grade(v.attemptId(), 2, BigDecimal.valueOf(7), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("exam.grade.error.points"));
        assertThat(grading.grade(v.attemptId(), 2, new BigDecimal("4.5"), "要点不全")).isEqualTo(AttemptStatus.GRADED);
        assertThat(grading.queue(exam.id())).isEmpty();
        AttemptResult res = exams.attempt(v.attemptId());
        assertThat(res.score()).isEqualByComparingTo("5.5");
        assertThat(res.maxPoints()).isEqualByComparingTo("8");
        assertThat(res.items().get(2).comment()).isEqualTo("要点不全");
        assertThat(res.score()).isLessThanOrEqualTo(res.maxPoints());
    }

    @Test
    void leaving_the_tab_is_counted_and_the_limit_submits_the_attempt() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTabLeave(TabLeavePolicy.submitAfter(3)));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        assertThat(attempts.tabLeft(v.attemptId(), v.holderToken()).outcome()).isEqualTo(TabLeaveResult.Outcome.WARNED);
        assertThat(attempts.tabLeft(v.attemptId(), v.holderToken()).leaves()).isEqualTo(2);
        TabLeaveResult third = attempts.tabLeft(v.attemptId(), v.holderToken());
        assertThat(third.outcome()).isEqualTo(TabLeaveResult.Outcome.CLOSED);
        AttemptResult res = attempts.result(v.attemptId());
        assertThat(res.closedBy()).isEqualTo(ClosedBy.TAB_LIMIT);
        assertThatThrownBy(() -> attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1))))
                .isInstanceOf(AttemptClosedException.class);
    }

    @Test
    void when_the_pages_countdown_ends_after_more_time_was_granted_the_attempt_stays_open_until_the_new_deadline() {
        ExamFixture.Branch b = fx.branch();
        Exam exam = fx.fixedExam(b, fx.singles(fx.bankName(), 2), s -> s.withTimeLimit(10));
        data.signIn(b.learner());
        long member = org.mingze.base.security.CurrentUser.require().memberId();
        AttemptView v = attempts.startOrResume(exam.id());
        data.signIn(b.organiser());
        exams.grantException(exam.id(), new ExamExceptionDraft(member, 15, null, 0, "视力障碍，需要放大阅读"));
        data.signIn(b.learner());

        // the open page still counts to the old deadline (10 minutes)
        clock.set(t0.plus(Duration.ofMinutes(10)));
        assertThat(attempts.timeUp(v.attemptId())).contains(t0.plus(Duration.ofMinutes(25)));
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));

        clock.set(t0.plus(Duration.ofMinutes(25)));
        assertThat(attempts.timeUp(v.attemptId())).isEmpty();
        assertThat(attempts.result(v.attemptId()).closedBy()).isEqualTo(ClosedBy.DEADLINE);
        data.signIn(fx.branch().learner());
        assertThatThrownBy(() -> attempts.timeUp(v.attemptId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_exception_with_a_reason_gives_one_person_more_time_and_an_extra_attempt() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(10));
        data.signIn(b.learner());
        long member = org.mingze.base.security.CurrentUser.require().memberId();
        AttemptView v = attempts.startOrResume(exam.id());
        data.signIn(b.organiser());
        assertThatThrownBy(() -> exams.grantException(exam.id(), new ExamExceptionDraft(member, 15, null, 1, " ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("exam.exception.error.reason"));
        exams.grantException(exam.id(), new ExamExceptionDraft(member, 15, null, 1, "视力障碍，需要放大阅读"));
        assertThat(exams.exceptions(exam.id())).singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo("视力障碍，需要放大阅读"));
        data.signIn(b.learner());
        AttemptView resumed = attempts.startOrResume(exam.id());
        assertThat(resumed.deadline()).isEqualTo(t0.plus(Duration.ofMinutes(25)));
        clock.set(t0.plus(Duration.ofMinutes(12)));
        attempts.save(v.attemptId(), resumed.holderToken(), 0, Response.choices(List.of(1)));
        attempts.submit(v.attemptId(), resumed.holderToken());
        assertThat(attempts.intro(exam.id()).canStart()).isTrue();
        AttemptView second = attempts.startOrResume(exam.id());
        assertThat(second.number()).isEqualTo(2);
        data.signIn("admin");
        assertThat(audit.search(new AuditQuery(null, "EXAM_EXCEPTION", null, String.valueOf(exam.id()), null, null),
                0, 5).getContent()).singleElement().satisfies(a -> assertThat(a.detail()).contains("视力障碍"));
    }

    @Test
    void a_personal_close_time_granted_after_the_test_closed_is_honoured_by_start_listing_save_and_sweep() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s);
        String other = data.account(b.unit()).getUsername();
        Instant testCloses = exam.settings().closesAt();
        clock.set(testCloses.plus(Duration.ofHours(2)));
        data.signIn(b.learner());
        long member = org.mingze.base.security.CurrentUser.require().memberId();
        assertThat(attempts.intro(exam.id()).blocked()).isEqualTo(ExamIntro.Blocked.CLOSED);

        Instant mine = clock.instant().plus(Duration.ofMinutes(20));
        data.signIn(b.organiser());
        exams.grantException(exam.id(), new ExamExceptionDraft(member, null, mine, 0, "出差未能参考，经批准补测"));
        // the organiser's list: closed, but the re-sit still runs until the personal close time
        assertThat(exams.list(null)).filteredOn(r -> r.id() == exam.id()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ExamStatus.CLOSED);
            assertThat(r.personalClosesAt()).isEqualTo(mine);
            assertThat(r.personallyOpen(clock.instant())).isTrue();
            assertThat(r.personallyOpen(mine)).isFalse();
        });

        data.signIn(b.learner());
        assertThat(attempts.myExams()).filteredOn(c -> c.examId() == exam.id()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ExamCard.State.OPEN);
            assertThat(c.closesAt()).isEqualTo(mine);
        });
        assertThat(attempts.intro(exam.id()).canStart()).isTrue();
        AttemptView v = attempts.startOrResume(exam.id());
        assertThat(v.deadline()).as("30 minutes, cut at the personal close time").isEqualTo(mine);

        clock.set(mine.minus(Duration.ofMinutes(5)));
        engine.sweep();
        SaveAck ack = attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));
        assertThat(ack.deadline()).isEqualTo(mine);

        clock.set(mine.plusSeconds(1));
        engine.sweep();
        assertThat(attempts.intro(exam.id()).attempts()).singleElement().satisfies(a -> {
            assertThat(a.status()).isNotEqualTo(AttemptStatus.IN_PROGRESS);
            assertThat(a.closedBy()).isEqualTo(ClosedBy.DEADLINE);
        });
        assertThatThrownBy(() -> attempts.startOrResume(exam.id())).isInstanceOf(ValidationException.class);

        data.signIn(other);
        assertThat(attempts.intro(exam.id()).blocked()).as("nobody else gets the window")
                .isEqualTo(ExamIntro.Blocked.CLOSED);
        assertThatThrownBy(() -> attempts.startOrResume(exam.id())).isInstanceOf(ValidationException.class);
    }

    @Test
    void what_an_attempt_sends_to_the_browser_carries_no_key_no_explanation_and_no_score() {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = new java.util.ArrayList<>(fx.singles(fx.bankName(), 2));
        qs.add(fx.save(Questions.fill().bank(fx.bankName()).explanation("集体责任是基础，一岗双责是支撑：解析文字")));
        Exam exam = fx.fixedExam(b, qs, s -> s.withReview(new ReviewPolicy(ReviewLevel.EXPLANATIONS, false)));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));
        AttemptView again = attempts.startOrResume(exam.id());
        for (AttemptView view : List.of(v, again)) {
            String sent = view.toString();
            assertThat(sent).doesNotContain(qs.get(0).explanation()).doesNotContain("解析文字")
                    .doesNotContain("支柱").doesNotContain("Choices[").doesNotContain("outcome");
        }
        assertThat(AttemptView.class.getRecordComponents()).extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("score", "answer", "explanation");
        assertThat(AttemptView.Item.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .containsExactly("position", "question", "response", "flagged", "savedAt");
    }

    @Test
    void a_save_racing_a_submit_is_either_refused_or_graded_never_acknowledged_and_lost() throws Exception {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 2);
        Exam exam = fx.fixedExam(b, qs, s -> s.withShuffle(false, false).withAttempts(20, CountedAttempt.LAST));
        data.signIn(b.learner());
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        for (int round = 0; round < 8; round++) {
            AttemptView v = attempts.startOrResume(exam.id());
            java.util.concurrent.atomic.AtomicInteger lastAcked = new java.util.concurrent.atomic.AtomicInteger(-1);
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            Thread saver = new Thread(() -> {
                org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                try {
                    for (int i = 0; ; i++) {
                        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(i % 4)));
                        lastAcked.set(i % 4);
                        started.countDown();
                    }
                } catch (AttemptClosedException closed) {
                    // refused: not acknowledged, so nothing is promised
                } finally {
                    started.countDown();
                    org.springframework.security.core.context.SecurityContextHolder.clearContext();
                }
            });
            saver.start();
            started.await();
            Thread.sleep(5 + round * 3);
            attempts.submit(v.attemptId(), v.holderToken());
            saver.join(10_000);
            AttemptResult res = attempts.result(v.attemptId());
            AttemptResult.Item first = res.items().get(0);
            assertThat(first.response().choices()).as("round " + round).containsExactly(lastAcked.get());
            assertThat(first.outcome()).isEqualTo(lastAcked.get() == 1 ? Grade.Outcome.CORRECT : Grade.Outcome.WRONG);
        }
    }

    @Test
    void statistics_results_and_the_export_follow_a_small_known_data_set() throws Exception {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 3);
        Exam exam = fx.fixedExam(b, qs, s -> s.withShuffle(false, false).withPassPercent(60));
        // four learners; question 1 right for the two who also do well on the rest, question 2 right for all
        boolean[][] right = {{false, true, false}, {false, true, false}, {true, true, true}, {true, true, true}};
        List<String> learners = new java.util.ArrayList<>();
        for (boolean[] r : right) {
            String name = data.account(b.unit(), org.mingze.base.security.Role.LEARNER).getUsername();
            learners.add(name);
            data.signIn(name);
            AttemptView v = attempts.startOrResume(exam.id());
            for (int i = 0; i < 3; i++) {
                attempts.save(v.attemptId(), v.holderToken(), i, Response.choices(List.of(r[i] ? 1 : 0)));
            }
            attempts.submit(v.attemptId(), v.holderToken());
        }
        data.signIn(b.organiser());
        List<QuestionStat> stats = exams.statistics(exam.id());
        assertThat(stats).extracting(QuestionStat::questionId).containsExactly(qs.get(0).id(), qs.get(1).id(),
                qs.get(2).id());
        QuestionStat q1 = stats.get(0);
        assertThat(q1.responses()).isEqualTo(4);
        assertThat(q1.correctRate()).isEqualTo(50.0);
        assertThat(q1.facilityIndex()).isEqualTo(50.0);
        // x = 0,0,1,1; rest of the test = 1,1,2,2: perfectly correlated
        assertThat(q1.discrimination()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(stats.get(1).facilityIndex()).isEqualTo(100.0);
        assertThat(stats.get(1).discrimination()).isNull(); // everyone right: no variance

        List<ResultRow> passed = exams.results(exam.id(), new ResultFilter(null, true, null, false));
        assertThat(passed).hasSize(2).allSatisfy(r -> assertThat(r.score()).isEqualByComparingTo("3"));
        assertThat(exams.results(exam.id(), new ResultFilter(null, false, null, false))).hasSize(2)
                .allSatisfy(r -> assertThat(r.percent()).isEqualByComparingTo("33.33"));
        // the branch's existing members (organiser, learner) have not started: listed only when asked for
        assertThat(exams.results(exam.id(), ResultFilter.all())).hasSize(6);

        byte[] xlsx = exams.exportXlsx(exam.id(), java.util.Locale.SIMPLIFIED_CHINESE);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var results = wb.getSheet("成绩");
            assertThat(results.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(results.getLastRowNum()).isEqualTo(6);
            var st = wb.getSheet("试题统计");
            assertThat(st.getRow(1).getCell(0).getStringCellValue()).isEqualTo(qs.get(0).id());
            assertThat(st.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(50.0);
            assertThat(st.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(100.0);
        }
        ExamMonitor m = exams.monitor(exam.id());
        assertThat(m.finished()).isEqualTo(4);
        assertThat(m.notStarted()).isEqualTo(2);
        // the organiser's list counts the same people (one statement for all listed tests)
        assertThat(exams.list(null)).filteredOn(r -> r.id() == exam.id()).singleElement().satisfies(r -> {
            assertThat(r.audience()).isEqualTo(m.audience()).isEqualTo(6);
            assertThat(r.started()).isEqualTo(4);
            assertThat(r.finished()).isEqualTo(4);
            assertThat(r.ownerUnitName()).isEqualTo(b.unit().getName());
            assertThat(r.personalClosesAt()).isNull();
        });
        assertThat(m.rows()).filteredOn(r -> r.state() == ExamMonitor.State.GRADED)
                .allSatisfy(r -> assertThat(r.answered()).isEqualTo(3));
    }

    @Test
    void the_demo_bureau_has_a_published_drawn_test_for_chengguan_that_its_members_can_take() {
        data.signIn("wangzh");
        ExamCard card = attempts.myExams().stream().filter(c -> c.title().contains("演示")).findFirst().orElseThrow();
        assertThat(card.state()).isIn(ExamCard.State.OPEN, ExamCard.State.IN_PROGRESS);
        clock.reset();
        AttemptView v = attempts.startOrResume(card.examId());
        assertThat(v.items()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(v.items().stream().map(i -> i.question().id()).distinct().count()).isEqualTo(v.items().size());
        data.signIn("lihm"); // the branch's organiser
        assertThat(exams.get(card.examId())).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(ExamStatus.PUBLISHED));
    }
}
