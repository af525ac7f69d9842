package org.mingze.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.security.Role;
import org.mingze.base.time.BureauZone;
import org.mingze.base.todo.TodoService;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.internal.DutyStore;
import org.mingze.library.MutableClock;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.quiz.exam.PaperService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Duty-report sessions through the services: the live draw, marks, reveal, the presenter, the appraisal, access. */
@MingzeTest
@ExamTest
class DutyServiceTest {

    static final List<String> BANKS = List.of("主体责任基础知识", "责任清单与责任书");

    @Autowired
    DutyService duty;
    @Autowired
    AppraisalService appraisal;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QuestionService questions;
    @Autowired
    ExamService exams;
    @Autowired
    PaperService papers;
    @Autowired
    AttemptService attempts;
    @Autowired
    OrgService org;
    @Autowired
    MemberService members;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;
    @Autowired
    TodoService todos;
    @Autowired
    List<LedgerProvider> ledgers;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    record Setup(Unit unit, String organiser, List<Account> reporters, List<Account> attendees, SessionRow session) {
    }

    private Setup session(boolean writtenTest) {
        Unit u = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        List<Account> reporters = List.of(data.account(u), data.account(u), data.account(u));
        List<Account> attendees = List.of(data.account(u), data.account(u));
        data.signIn(organiser);
        SessionRow s = duty.create(new SessionDraft("述职评议测试" + TestData.next(), LocalDate.now(clock).getYear(),
                u.getId(), LocalDate.now(clock).plusDays(3), reporters.stream().map(Account::getMemberId).toList(),
                BANKS, List.of(), 3, 10, 60, writtenTest));
        return new Setup(u, organiser, reporters, attendees, s);
    }

    /** Draws, marks correct and reveals every question of the reporter on now, then goes on. */
    private List<String> runReporter(DutyService service, long sessionId) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(service.draw(sessionId).questionId());
            service.mark(sessionId, Mark.CORRECT);
            service.reveal(sessionId);
        }
        service.next(sessionId);
        return ids;
    }

    @Test
    void the_live_draw_never_repeats_across_three_reporters_and_survives_a_restart() {
        Setup s = session(false);
        long id = s.session().id();
        List<String> drawn = new ArrayList<>(runReporter(duty, id));

        // reporter 2: one question drawn and shown, then the server dies before it is marked
        DrawnQuestion shown = duty.draw(id);
        drawn.add(shown.questionId());
        DutyService restarted = new DutyService(new DutyStore(jdbc), questions, exams, papers, org, members, audit,
                Clock.system(BureauZone.get()));
        ControlState resumed = restarted.control(id);
        assertThat(resumed.reporter().memberId()).isEqualTo(s.reporters().get(1).getMemberId());
        assertThat(resumed.current().drawId()).isEqualTo(shown.drawId());
        assertThat(restarted.draw(id).questionId()).as("a re-draw after the crash shows the same question")
                .isEqualTo(shown.questionId());
        assertThat(restarted.presenter(id).stem()).isEqualTo(shown.stem());
        restarted.mark(id, Mark.WRONG);
        restarted.reveal(id);
        for (int i = 0; i < 2; i++) {
            drawn.add(restarted.draw(id).questionId());
            restarted.mark(id, Mark.PARTLY);
            restarted.reveal(id);
        }
        restarted.next(id);
        drawn.addAll(runReporter(restarted, id));

        assertThat(drawn).hasSize(9).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT question_id) FROM duty_draw WHERE session_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(9);
        ControlState end = duty.control(id);
        assertThat(end.reporter()).isNull();
        assertThat(duty.session(id).qaFinished()).isTrue();
        assertThatThrownBy(() -> duty.draw(id)).isInstanceOf(ValidationException.class);
        assertThat(duty.reporters(id)).extracting(r -> r.qaScore().stripTrailingZeros().toPlainString())
                .containsExactly("30", "10", "30");
    }

    @Test
    void marks_award_full_half_or_no_points_and_marks_and_reveals_are_stored_and_audited() {
        Setup s = session(false);
        long id = s.session().id();
        assertThatThrownBy(() -> duty.mark(id, Mark.CORRECT)).as("nothing drawn yet")
                .isInstanceOf(ValidationException.class);
        DrawnQuestion q = duty.draw(id);
        assertThat(duty.draw(id).drawId()).as("a double click draws nothing new").isEqualTo(q.drawId());
        duty.mark(id, Mark.PARTLY);
        assertThat(duty.draw(id).drawId()).as("not yet revealed").isEqualTo(q.drawId());
        DrawnQuestion r = duty.reveal(id);
        assertThat(r.revealed()).isTrue();
        assertThat(r.awarded()).isEqualByComparingTo("5");
        assertThat(jdbc.sql("SELECT mark FROM duty_draw WHERE id = ?").param(q.drawId()).query(String.class).single())
                .isEqualTo("PARTLY");
        assertThat(jdbc.sql("SELECT revealed_at IS NOT NULL FROM duty_draw WHERE id = ?").param(q.drawId())
                .query(Boolean.class).single()).isTrue();
        assertThatThrownBy(() -> duty.next(id)).as("only 1 of 3").isInstanceOf(ValidationException.class);
        duty.draw(id);
        duty.mark(id, Mark.CORRECT);
        duty.reveal(id);
        duty.draw(id);
        duty.mark(id, Mark.WRONG);
        duty.reveal(id);
        assertThat(duty.control(id).canDraw()).isFalse();
        assertThat(duty.control(id).canNext()).isTrue();
        assertThat(duty.reporters(id).get(0).qaScore()).isEqualByComparingTo("15");
        duty.startTimer(id);
        data.signIn("guolx");
        assertThat(audit.search(new AuditQuery(null, null, "duty-session", String.valueOf(id), null, null), 0, 50)
                .map(AuditRecord::action).toList())
                .contains("DUTY_SESSION_CREATE", "DUTY_DRAW", "DUTY_MARK", "DUTY_REVEAL", "DUTY_TIMER");
    }

    @Test
    void the_presenter_gets_no_answer_before_it_is_revealed() {
        Setup s = session(false);
        long id = s.session().id();
        assertThat(duty.presenter(id).seq()).isZero();
        DrawnQuestion q = duty.draw(id);
        assertThat(q.answer()).as("the control screen has the key").isNotBlank();
        PresenterState before = duty.presenter(id);
        assertThat(before.stem()).isEqualTo(q.stem());
        assertThat(before.answer()).isNull();
        assertThat(before.explanation()).isNull();
        assertThat(before.secondsLeft()).as("timer not started").isNull();
        duty.startTimer(id);
        clock.advance(Duration.ofSeconds(20));
        assertThat(duty.presenter(id).secondsLeft()).isEqualTo(40);
        duty.mark(id, Mark.CORRECT);
        assertThat(duty.presenter(id).answer()).as("marked, not revealed").isNull();
        duty.reveal(id);
        assertThat(duty.presenter(id).answer()).isEqualTo(q.answer());
    }

    @Test
    void a_session_needs_enough_questions_and_reporters_of_the_unit_and_stores_nothing_when_refused() {
        Unit u = data.branch();
        Unit other = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        Account a = data.account(u);
        Account outside = data.account(other);
        data.signIn(organiser);
        long before = jdbc.sql("SELECT COUNT(*) FROM duty_session").query(Long.class).single();
        assertThatThrownBy(() -> duty.create(new SessionDraft("x", 2026, u.getId(), LocalDate.now(clock),
                List.of(a.getMemberId()), List.of("no such bank"), List.of(), 3, 10, 0, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.key()).isEqualTo("duty.error.pool")));
        assertThatThrownBy(() -> duty.create(new SessionDraft("", 2026, u.getId(), LocalDate.now(clock).minusDays(1),
                List.of(), BANKS, List.of(), 0, 0, 5, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.key())
                        .contains("duty.error.name", "duty.error.day", "duty.error.per-reporter", "duty.error.points",
                                "duty.error.timer", "duty.error.reporters"));
        assertThatThrownBy(() -> duty.create(new SessionDraft("x", 2026, u.getId(), LocalDate.now(clock),
                List.of(outside.getMemberId()), BANKS, List.of(), 3, 10, 0, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_session").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void an_organiser_of_another_branch_cannot_run_or_read_the_session_and_a_learner_cannot_open_the_control() {
        Setup s = session(false);
        long id = s.session().id();
        Unit other = data.branch();
        data.signIn(data.account(other, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> duty.control(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.draw(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.presenter(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.session(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.reporters(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.exportXlsx(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> appraisal.openVoting(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(duty.sessions()).noneMatch(r -> r.id() == id);
        data.signIn(s.reporters().get(0).getUsername());
        assertThatThrownBy(() -> duty.control(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.presenter(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duty.session(id)).isInstanceOf(AccessDeniedException.class);
        data.signIn("guolx");
        assertThat(duty.session(id).name()).isEqualTo(s.session().name());
        assertThatThrownBy(() -> duty.control(id)).as("auditors read, never run").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void one_final_vote_per_attendee_and_reporter_not_oneself_members_of_the_unit_only_tally_after_closing() {
        Setup s = session(false);
        long id = s.session().id();
        String code = appraisal.openVoting(id);
        assertThat(code).matches("\\d{6}");
        assertThat(duty.session(id).voteCode()).isEqualTo(code);
        long r1 = duty.reporters(id).get(0).id();
        long r2 = duty.reporters(id).get(1).id();

        data.signIn(s.attendees().get(0).getUsername());
        assertThat(appraisal.ballot(code).lines()).hasSize(3).noneMatch(Ballot.Line::voted);
        appraisal.vote(code, r1, Rating.EXCELLENT);
        assertThatThrownBy(() -> appraisal.vote(code, r1, Rating.INCOMPETENT)).as("once, final")
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("duty.error.voted"));
        assertThat(appraisal.ballot(code).lines().get(0).voted()).isTrue();
        assertThatThrownBy(() -> appraisal.vote("000000".equals(code) ? "111111" : "000000", r2, Rating.COMPETENT))
                .isInstanceOf(ValidationException.class);

        data.signIn(s.reporters().get(0).getUsername());
        assertThat(appraisal.ballot(code).lines().get(0).self()).isTrue();
        assertThatThrownBy(() -> appraisal.vote(code, r1, Rating.EXCELLENT)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.problems().get(0).key()).isEqualTo("duty.error.self"));
        appraisal.vote(code, r2, Rating.COMPETENT);

        data.signIn(s.attendees().get(1).getUsername());
        appraisal.vote(code, r1, Rating.COMPETENT);

        data.signIn(data.account(data.branch()).getUsername());
        assertThatThrownBy(() -> appraisal.ballot(code)).as("not a member of the unit")
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("duty.error.code"));

        data.signIn(s.organiser());
        assertThat(duty.reporters(id).get(0).voters()).isEqualTo(2);
        assertThat(duty.reporters(id).get(0).tally()).as("no counts while voting is open").isEmpty();
        appraisal.closeVoting(id);
        ReporterRow first = duty.reporters(id).get(0);
        assertThat(first.tally()).containsEntry(Rating.EXCELLENT, 1).containsEntry(Rating.COMPETENT, 1)
                .containsEntry(Rating.BASIC, 0).containsEntry(Rating.INCOMPETENT, 0);
        assertThat(duty.reporters(id).get(1).tally()).containsEntry(Rating.COMPETENT, 1);
        assertThat(duty.session(id).voteCode()).isNull();
        data.signIn(s.attendees().get(1).getUsername());
        assertThatThrownBy(() -> appraisal.vote(code, r2, Rating.BASIC)).as("closed")
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void votes_are_anonymous_no_table_links_a_member_to_a_rating_and_the_audit_log_holds_no_vote() {
        Setup s = session(false);
        long id = s.session().id();
        String code = appraisal.openVoting(id);
        long r1 = duty.reporters(id).get(0).id();
        data.signIn(s.attendees().get(0).getUsername());
        appraisal.vote(code, r1, Rating.INCOMPETENT);
        List<String> tables = jdbc.sql("SELECT DISTINCT table_name FROM information_schema.columns "
                + "WHERE LOWER(table_name) LIKE 'duty%'").query(String.class).list();
        assertThat(tables).isNotEmpty();
        for (String t : tables) {
            Set<String> cols = new HashSet<>(jdbc.sql("SELECT LOWER(column_name) FROM information_schema.columns "
                    + "WHERE table_name = ?").param(t).query(String.class).list());
            boolean person = cols.contains("member_id");
            boolean rating = cols.contains("rating");
            assertThat(person && rating).as(t + " links a member to a rating").isFalse();
            if (rating) {
                assertThat(cols).as(t + " keeps no voter, time or order").containsExactlyInAnyOrder("reporter_id",
                        "rating", "votes");
            }
        }
        data.signIn("guolx");
        List<AuditRecord> log = audit.search(new AuditQuery(null, null, null, null, null, null), 0, 200).getContent();
        assertThat(log).noneMatch(r -> r.detail() != null && r.detail().contains("INCOMPETENT"));
        assertThat(log).noneMatch(r -> s.attendees().get(0).getUsername().equals(r.actor())
                && r.action().startsWith("DUTY"));
    }

    @Test
    void the_written_test_is_a_duty_report_exam_for_the_reporters_and_its_score_reaches_the_summary_and_ledger() {
        Setup s = session(true);
        long id = s.session().id();
        Exam e = exams.get(s.session().examId()).orElseThrow();
        assertThat(e.settings().purpose()).isEqualTo(ExamPurpose.DUTY_REPORT);
        assertThat(e.settings().audienceMembers()).containsExactlyInAnyOrderElementsOf(
                s.reporters().stream().map(Account::getMemberId).toList());
        data.signIn(s.reporters().get(0).getUsername());
        AttemptView v = attempts.startOrResume(e.id());
        attempts.submit(v.attemptId(), v.holderToken());
        data.signIn(s.organiser());
        ReporterRow r = duty.reporters(id).get(0);
        assertThat(r.testScore()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(r.testMax()).isPositive();
        runReporter(duty, id);
        appraisal.closeVoting(openThen(id));
        List<LedgerEntry> lines = ledgers.stream().flatMap(l -> l.ledgerEntries(s.reporters().get(0).getMemberId(),
                LocalDate.now(clock).getYear(), Locale.SIMPLIFIED_CHINESE).stream()).toList();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.section()).isEqualTo(LedgerSection.DUTY_REPORT);
            assertThat(l.title()).isEqualTo(s.session().name());
            assertThat(l.detail()).contains("知识问答30/30分", "书面测试0/", "民主评议：优秀0");
        });
        assertThat(ledgers.stream().flatMap(l -> l.ledgerEntries(s.reporters().get(0).getMemberId(),
                LocalDate.now(clock).getYear() - 1, Locale.SIMPLIFIED_CHINESE).stream())
                .filter(l -> l.section() == LedgerSection.DUTY_REPORT)).isEmpty();
        assertThat(duty.exportXlsx(id)).isNotEmpty();
    }

    private long openThen(long id) {
        appraisal.openVoting(id);
        return id;
    }

    @Test
    void attendees_get_a_todo_while_voting_is_open_until_they_have_rated_everyone_else() {
        Setup s = session(false);
        long id = s.session().id();
        String code = appraisal.openVoting(id);
        data.signIn(s.attendees().get(0).getUsername());
        assertThat(todos.myTodos(Locale.SIMPLIFIED_CHINESE)).anySatisfy(t -> {
            assertThat(t.title()).contains(s.session().name());
            assertThat(t.link()).isEqualTo("duty/vote");
            assertThat(t.detail()).doesNotContain(code);
        });
        for (Ballot.Line l : appraisal.ballot(code).lines()) {
            appraisal.vote(code, l.reporterId(), Rating.COMPETENT);
        }
        assertThat(todos.myTodos(Locale.SIMPLIFIED_CHINESE)).noneMatch(t -> t.title().contains(s.session().name()));
    }
}
