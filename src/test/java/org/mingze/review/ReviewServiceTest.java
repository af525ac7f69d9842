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
import org.mingze.base.security.Role;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.internal.MakeupCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Review batches through the service: the test, results through real attempts, the rules of time, access. */
@MingzeTest
@ExamTest
class ReviewServiceTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    ExamService exams;
    @Autowired
    AttemptService attempts;
    @Autowired
    StudyService study;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    org.mingze.base.todo.TodoService todos;
    @Autowired
    org.mingze.base.notify.NotificationService notices;
    @Autowired
    org.mingze.review.internal.ReviewReminders reminders;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    record Setup(Unit unit, String organiser, List<String> learners, List<Long> memberIds, BatchRow batch) {
    }

    private Setup batchOfThree() {
        Unit u = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        List<org.mingze.org.internal.Account> ls = List.of(data.account(u), data.account(u), data.account(u));
        data.signIn(organiser);
        BatchRow b = reviews.create(BatchDraft.of(ReviewType.PRE_APPOINTMENT, "2026年第" + TestData.next() + "批任前考察",
                u.getId(), LocalDate.now(clock).plusDays(10), ls.stream()
                        .map(a -> new CandidateDraft(a.getMemberId(), null, "城关派出所所长")).toList()));
        return new Setup(u, organiser, ls.stream().map(org.mingze.org.internal.Account::getUsername).toList(),
                ls.stream().map(org.mingze.org.internal.Account::getMemberId).toList(), b);
    }

    private void takeAndSubmitEmpty(String learner, long examId) {
        data.signIn(learner);
        AttemptView v = attempts.startOrResume(examId);
        attempts.submit(v.attemptId(), v.holderToken());
    }

    private CandidateRow candidate(Setup s, long memberId) {
        data.signIn(s.organiser());
        return reviews.candidates(s.batch().id()).stream().filter(c -> c.memberId() == memberId).findFirst()
                .orElseThrow();
    }

    @Test
    void a_batch_publishes_an_appointment_review_test_of_25_questions_for_exactly_its_candidates() {
        Setup s = batchOfThree();
        Exam e = exams.get(s.batch().examId()).orElseThrow();
        assertThat(e.settings().purpose()).isEqualTo(ExamPurpose.APPOINTMENT_REVIEW);
        assertThat(e.settings().audienceMembers()).containsExactlyInAnyOrderElementsOf(s.memberIds());
        assertThat(e.settings().audienceUnits()).isEmpty();
        assertThat(e.questionCount()).isEqualTo(25);
        assertThat(e.settings().passPercent()).isEqualTo(80);
        assertThat(reviews.candidates(s.batch().id())).extracting(CandidateRow::state)
                .containsOnly(CandidateState.PENDING);
        assertThat(reviews.candidates(s.batch().id())).extracting(CandidateRow::currentPost).containsOnly("民警");
    }

    @Test
    void a_fail_defers_assigns_makeup_on_wrong_tags_and_the_resit_opens_only_after_the_delay_and_the_makeup() {
        Setup s = batchOfThree();
        long m = s.memberIds().get(0);
        takeAndSubmitEmpty(s.learners().get(0), s.batch().examId());
        CandidateRow c = candidate(s, m);
        assertThat(c.state()).isEqualTo(CandidateState.DEFERRED);
        assertThat(c.firstScore()).isZero();
        assertThat(c.makeupTags()).isNotEmpty().contains("主体责任");
        assertThat(c.resitOpens()).isEqualTo(c.firstOn().plusDays(7));
        assertThat(c.resitCloses()).isEqualTo(c.firstOn().plusDays(30));

        assertThatThrownBy(() -> reviews.openResit(c.id())).isInstanceOf(ValidationException.class);
        clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> reviews.openResit(c.id())).as("make-up study not done")
                .isInstanceOf(ValidationException.class);
        for (MakeupCheck.TagTask t : reviews.makeupTasks(c.id())) {
            study.markStudied(m, t.materialIds().get(0), StudyHow.QUIZ);
        }
        assertThat(reviews.openResit(c.id()).resitGranted()).isTrue();
        takeAndSubmitEmpty(s.learners().get(0), s.batch().examId());
        assertThat(candidate(s, m).state()).as("second fail").isEqualTo(CandidateState.FAILED);
        data.signIn("guolx");
        assertThat(audit.search(new AuditQuery(null, null, "review-candidate", String.valueOf(c.id()), null, null),
                0, 20).map(r -> r.action()).toList())
                .contains("REVIEW_OUTCOME", "REVIEW_MAKEUP_DONE", "REVIEW_RESIT_OPEN");
    }

    @Test
    void candidates_get_the_test_as_a_todo_and_a_notice_3_days_and_1_day_before_the_deadline_each_once() {
        Setup s = batchOfThree();
        data.signIn(s.learners().get(0));
        assertThat(todos.myTodos(java.util.Locale.SIMPLIFIED_CHINESE)).anySatisfy(t -> {
            assertThat(t.title()).contains(s.batch().name());
            assertThat(t.due()).isEqualTo(s.batch().deadline());
            assertThat(t.link()).isEqualTo("exams/start/" + s.batch().examId());
        });
        data.signOut();
        long before = inbox(s.learners().get(0));
        reminders.sweep();
        assertThat(inbox(s.learners().get(0))).as("10 days before: nothing yet").isEqualTo(before);
        clock.advance(Duration.ofDays(7));
        reminders.sweep();
        assertThat(inbox(s.learners().get(0))).isEqualTo(before + 1);
        reminders.sweep();
        clock.advance(Duration.ofHours(12));
        reminders.sweep();
        assertThat(inbox(s.learners().get(0))).as("the 3-day notice goes out once").isEqualTo(before + 1);
        clock.advance(Duration.ofDays(2));
        reminders.sweep();
        assertThat(inbox(s.learners().get(0))).as("and the 1-day notice").isEqualTo(before + 2);
        assertThat(inbox(s.learners().get(2))).isEqualTo(before + 2);
        clock.advance(Duration.ofDays(2));
        reminders.sweep();
        assertThat(candidate(s, s.memberIds().get(0)).state()).isEqualTo(CandidateState.ABSENT);
        data.signIn(s.learners().get(0));
        assertThat(todos.myTodos(java.util.Locale.SIMPLIFIED_CHINESE)).noneSatisfy(t -> assertThat(t.title())
                .contains(s.batch().name()));
    }

    private long inbox(String user) {
        data.signIn(user);
        long n = notices.inbox(100).stream().filter(x -> x.title().startsWith("考核提醒")).count();
        data.signOut();
        return n;
    }

    @Test
    void nothing_by_the_deadline_is_absent_and_an_exemption_needs_a_reason() {
        Setup s = batchOfThree();
        CandidateRow c = candidate(s, s.memberIds().get(1));
        assertThatThrownBy(() -> reviews.exempt(c.id(), " ")).isInstanceOf(ValidationException.class);
        clock.advance(Duration.ofDays(11));
        assertThat(candidate(s, s.memberIds().get(1)).state()).isEqualTo(CandidateState.ABSENT);
        CandidateRow e = reviews.exempt(candidate(s, s.memberIds().get(2)).id(), "借调省厅执行任务，经党委研究免测");
        assertThat(e.state()).isEqualTo(CandidateState.EXEMPTED);
        assertThat(e.reason()).contains("借调省厅");
    }

    @Test
    void an_extension_moves_the_candidates_deadline_and_the_tests_close_for_them() {
        Setup s = batchOfThree();
        CandidateRow c = candidate(s, s.memberIds().get(0));
        LocalDate later = c.deadline().plusDays(5);
        assertThat(reviews.extend(c.id(), later, "住院治疗").deadline()).isEqualTo(later);
        assertThat(exams.exceptions(s.batch().examId())).extracting(x -> x.memberId()).contains(c.memberId());
        clock.advance(Duration.ofDays(12));
        assertThat(candidate(s, s.memberIds().get(0)).state()).isEqualTo(CandidateState.PENDING);
        assertThat(candidate(s, s.memberIds().get(1)).state()).isEqualTo(CandidateState.ABSENT);
    }

    @Test
    void an_organiser_of_another_branch_can_neither_read_nor_change_the_batch_and_a_learner_sees_only_their_own() {
        Setup s = batchOfThree();
        long candidateId = candidate(s, s.memberIds().get(0)).id();
        Unit other = data.branch();
        data.signIn(data.account(other, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> reviews.batch(s.batch().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.candidates(s.batch().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.exempt(candidateId, "理由")).isInstanceOf(AccessDeniedException.class);
        assertThat(reviews.batches()).extracting(BatchRow::id).doesNotContain(s.batch().id());
        data.signIn(s.learners().get(1));
        assertThat(reviews.mine()).extracting(CandidateRow::memberId).containsOnly(s.memberIds().get(1));
        assertThatThrownBy(() -> reviews.makeupTasks(candidateId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.candidates(s.batch().id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_candidate_outside_the_organisers_scope_is_refused() {
        Unit u = data.branch();
        Member stranger = data.member(data.branch());
        data.signIn(data.account(u, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> reviews.create(BatchDraft.of(ReviewType.PROMOTION, "晋升考核", u.getId(),
                LocalDate.now(clock).plusDays(5), List.of(new CandidateDraft(stranger.getId(), null, "副所长")))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static byte[] xlsx(String[]... rows) throws java.io.IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void a_candidate_list_imports_all_or_nothing_and_lists_every_bad_row_with_its_reason() throws Exception {
        Unit u = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        Member a = data.member(u);
        Member b = data.member(u);
        Member outside = data.member(data.branch());
        data.signIn(organiser);
        String[] header = {"警号", "姓名", "现任职务", "拟任职务"};
        List<CandidateDraft> ok = reviews.readCandidates("拟任.xlsx", xlsx(header,
                new String[]{a.getEmployeeNo(), a.getName(), "副所长", "所长"},
                new String[]{b.getEmployeeNo().toLowerCase(), b.getName(), "", "副所长"}));
        assertThat(ok).extracting(CandidateDraft::memberId).containsExactly(a.getId(), b.getId());
        assertThat(ok.get(0).proposedPost()).isEqualTo("所长");

        ValidationException ex = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> reviews.readCandidates("拟任.xlsx", xlsx(header,
                        new String[]{a.getEmployeeNo(), a.getName(), "副所长", "所长"},
                        new String[]{"X999999", "无此人", "", "所长"},
                        new String[]{b.getEmployeeNo(), "错名字", "", "副所长"},
                        new String[]{outside.getEmployeeNo(), outside.getName(), "", "所长"},
                        new String[]{a.getEmployeeNo(), a.getName(), "", ""})));
        assertThat(ex.problems()).extracting(p -> p.row() + ":" + p.key()).containsExactlyInAnyOrder(
                "3:review.import.error.no", "4:review.import.error.name", "5:review.import.error.no",
                "6:review.import.error.post", "6:review.import.error.twice");
        assertThatThrownBy(() -> reviews.readCandidates("拟任.xls", new byte[10])).isInstanceOf(
                ValidationException.class);
        ValidationException empty = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> reviews.readCandidates("模板.xlsx", reviews.candidateTemplate()));
        assertThat(empty.problems()).extracting(p -> p.key()).containsExactly("review.import.error.empty");
    }
}
