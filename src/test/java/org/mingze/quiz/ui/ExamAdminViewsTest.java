package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.org.UnitNode;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamFixture;
import org.mingze.quiz.exam.ExamMonitor;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamStatus;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.quiz.exam.GradingService;
import org.mingze.quiz.exam.Paper;
import org.mingze.quiz.exam.PaperKind;
import org.mingze.quiz.exam.PaperRow;
import org.mingze.quiz.exam.PaperService;
import org.mingze.quiz.exam.ResultRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The organiser's test pages without a browser: papers, settings, monitor, results, grading and export. */
@ExamTest
class ExamAdminViewsTest extends KaribuTest {

    static final String CHENGGUAN = "城关派出所党支部";

    @Autowired
    ExamFixture fixture;
    @Autowired
    PaperService papers;
    @Autowired
    ExamService exams;
    @Autowired
    GradingService grading;
    @Autowired
    AttemptService attempts;
    @Autowired
    MutableClock clock;

    String bank;
    String organiser;
    Unit chengguan;

    @BeforeEach
    void setUp() {
        clock.reset();
        bank = fixture.bankName();
        fixture.singles(bank, 6);
        chengguan = data.unitNamed(CHENGGUAN);
        organiser = data.account(chengguan, Role.ORGANIZER).getUsername();
        login(organiser);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PaperEditorView newPaper(String title) {
        UI.getCurrent().navigate("exams/paper");
        PaperEditorView view = _get(PaperEditorView.class);
        view.title.setValue(title);
        view.owner.setValue(view.owner.getListDataView().getItems().filter(u -> u.name().equals(CHENGGUAN))
                .findFirst().orElseThrow());
        view.kind.setValue(PaperKind.DRAWN);
        return view;
    }

    private static void rule(PaperEditorView.SectionRow row, String bankName, Set<QuestionType> types, int count,
                             int points) {
        row.banks.setValue(Set.of(bankName));
        row.types.setValue(types);
        row.count.setValue(count);
        row.points.setValue(BigDecimal.valueOf(points));
    }

    private Paper paperTitled(String title) {
        PaperRow row = papers.list().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
        return papers.get(row.id()).orElseThrow();
    }

    @Test
    void an_organiser_builds_a_drawn_paper_and_a_test_for_chengguan_through_the_views_and_publishes_it() {
        String paperTitle = "主体责任抽题卷" + bank;
        PaperEditorView editor = newPaper(paperTitle);
        PaperEditorView.SectionRow section = editor.rules.get(0);
        rule(section, bank, Set.of(QuestionType.SINGLE), 4, 5);
        assertThat(section.fits.getText()).isEqualTo("符合条件的题目：6 道");
        assertThat(editor.total.getText()).isEqualTo("共 4 题，总分 20 分");
        _click(editor.save);

        Paper paper = paperTitled(paperTitle);
        // the editor now shows the saved paper, once (the router reuses the view from "new" to the paper's address)
        assertThat(_find(Div.class, s -> s.withClasses("mingze-paper-section"))).hasSize(1);
        assertThat(_get(PaperEditorView.class).rules.get(0).count.getValue()).isEqualTo(4);
        assertThat(paper.kind()).isEqualTo(PaperKind.DRAWN);
        assertThat(paper.sections()).singleElement().satisfies(s -> {
            assertThat(s.banks()).containsExactly(bank);
            assertThat(s.types()).containsExactly(QuestionType.SINGLE);
            assertThat(s.count()).isEqualTo(4);
        });
        assertThat(paper.maxPoints()).isEqualByComparingTo("20");
        assertThat(paper.ownerUnitName()).isEqualTo(CHENGGUAN);

        UI.getCurrent().navigate("exams/edit");
        ExamSettingsView form = _get(ExamSettingsView.class);
        String title = "党章党规测试" + bank;
        form.title.setValue(title);
        form.paper.setValue(form.paper.getListDataView().getItems().filter(p -> p.id() == paper.id()).findFirst()
                .orElseThrow());
        UnitNode unit = form.owner.getListDataView().getItems().filter(u -> u.name().equals(CHENGGUAN)).findFirst()
                .orElseThrow();
        form.owner.setValue(unit);
        form.audienceUnits.setValue(Set.of(unit));
        form.timeLimit.setValue(30);
        // the form refuses a window that ends before it starts, in Chinese, on the field
        form.closesAt.setValue(form.opensAt.getValue().minusHours(1));
        _click(form.save);
        assertThat(form.closesAt.isInvalid()).isTrue();
        assertThat(form.closesAt.getErrorMessage()).isEqualTo("请填写开始时间和结束时间，结束时间要晚于开始时间。");
        assertThat(exams.list(null).stream().noneMatch(r -> r.title().equals(title))).isTrue();
        // what only the server checks comes back on the field too
        form.closesAt.setValue(form.opensAt.getValue().plusDays(3));
        form.description.setValue("规".repeat(4001));
        _click(form.save);
        assertThat(form.description.isInvalid()).isTrue();
        assertThat(form.description.getErrorMessage()).isEqualTo("考试说明太长，请控制在 4000 字以内。");

        form.description.setValue("限时 30 分钟，到时自动交卷。");
        _click(form.save);
        var draft = exams.list(ExamStatus.DRAFT).stream().filter(r -> r.title().equals(title)).findFirst()
                .orElseThrow();
        Exam saved = exams.get(draft.id()).orElseThrow();
        assertThat(saved.settings().paperId()).isEqualTo(paper.id());
        assertThat(saved.settings().timeLimitMinutes()).isEqualTo(30);
        assertThat(saved.settings().audienceUnits()).containsExactly(chengguan.getId());
        assertThat(saved.ownerUnitName()).isEqualTo(CHENGGUAN);

        UI.getCurrent().navigate("exams/admin");
        Div card = _find(Div.class, s -> s.withClasses("mingze-exam-admin-row")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains(title)).findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("草稿");
        _click(_get(card, Button.class, s -> s.withClasses("mingze-exam-admin-publish")));

        assertThat(exams.get(draft.id()).orElseThrow().status()).isEqualTo(ExamStatus.PUBLISHED);
        Div after = _find(Div.class, s -> s.withClasses("mingze-exam-admin-row")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains(title)).findFirst().orElseThrow();
        assertThat(after.getElement().getTextRecursively()).contains("待开始");
    }

    @Test
    void a_section_asking_for_more_questions_than_fit_is_refused_by_the_form_and_by_the_server() {
        String title = "超量抽题卷" + bank;
        PaperEditorView editor = newPaper(title);
        rule(editor.rules.get(0), bank, Set.of(QuestionType.SINGLE), 7, 2);

        assertThat(editor.rules.get(0).count.isInvalid()).isTrue();
        assertThat(editor.rules.get(0).count.getErrorMessage()).startsWith("只有 6 道题符合条件");
        _click(editor.save);
        assertThat(editor.sections.isInvalid()).isTrue();
        assertThat(editor.sections.getErrorMessage()).contains("第 1 部分").contains("只有 6 道").contains("却要抽 7 道");
        assertThat(papers.list()).noneMatch(p -> p.title().equals(title));

        // each section fits on its own, but the second cannot be filled after the first took four: the server says so
        rule(editor.rules.get(0), bank, Set.of(QuestionType.SINGLE), 4, 2);
        editor.addSection(null);
        rule(editor.rules.get(1), bank, Set.of(), 4, 2);
        assertThat(editor.rules.get(1).fits.getText()).isEqualTo("符合条件的题目：6 道");
        _click(editor.save);
        assertThat(editor.sections.isInvalid()).isTrue();
        assertThat(editor.sections.getErrorMessage()).contains("第 2 部分").contains("只有 2 道").contains("却要抽 4 道");
        assertThat(papers.list()).noneMatch(p -> p.title().equals(title));
    }

    @Test
    void a_fixed_paper_is_picked_from_the_bank_with_points_each_and_the_total_follows() {
        String title = "固定试卷" + bank;
        PaperEditorView editor = newPaper(title);
        editor.kind.setValue(PaperKind.FIXED);
        editor.bank.setValue(bank);
        List<Button> add = _find(editor.found, Button.class, s -> s.withClasses("mingze-paper-add"));
        assertThat(add).hasSize(6);
        _click(add.get(0));
        _click(_find(editor.found, Button.class, s -> s.withClasses("mingze-paper-add")).get(1));
        assertThat(_find(editor.found, Button.class, s -> s.withClasses("mingze-paper-add")))
                .as("a chosen question cannot be added twice").filteredOn(b -> !b.isEnabled()).hasSize(2);
        editor.chosen.get(0).points.setValue(new BigDecimal("3"));
        assertThat(editor.total.getText()).isEqualTo("共 2 题，总分 4 分");
        _click(editor.save);

        Paper paper = paperTitled(title);
        assertThat(paper.kind()).isEqualTo(PaperKind.FIXED);
        assertThat(paper.items()).extracting(Paper.Item::points).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3"), BigDecimal.ONE);
        assertThat(paper.maxPoints()).isEqualByComparingTo("4");
    }

    /** A published test of a fixed paper (a single choice and an essay, unshuffled) for a new branch. */
    private Exam essayExam(ExamFixture.Branch branch) {
        List<Question> qs = new ArrayList<>(fixture.singles(bank, 1));
        qs.add(fixture.save(Questions.essay().bank(bank)));
        return fixture.fixedExam(branch, qs, s -> s.withShuffle(false, false));
    }

    @Test
    void an_organiser_of_another_branch_cannot_open_the_monitor_or_the_results_the_service_refuses() {
        ExamFixture.Branch branch = fixture.branch();
        Exam exam = essayExam(branch);
        logout();
        login(fixture.branch().organiser());

        UI.getCurrent().navigate("exams/monitor/" + exam.id());
        assertThat(_get(Paragraph.class, s -> s.withClasses("mingze-exam-admin-refused")).getText())
                .contains("不属于您管理的单位");
        assertThat(_find(Grid.class)).isEmpty();
        UI.getCurrent().navigate("exams/results/" + exam.id());
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-exam-admin-refused"))).hasSize(1);
        assertThat(_find(Grid.class)).isEmpty();

        assertThatThrownBy(() -> exams.monitor(exam.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.results(exam.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exams.exportXlsx(exam.id(), Locale.CHINA)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_monitor_shows_progress_refreshes_and_grants_an_exception_only_with_a_reason() {
        ExamFixture.Branch branch = fixture.branch();
        Exam exam = essayExam(branch);
        logout();
        login(branch.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));
        logout();
        login(branch.organiser());

        UI.getCurrent().navigate("exams/monitor/" + exam.id());
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(10_000);
        ExamMonitorView monitor = _get(ExamMonitorView.class);
        ExamMonitor.Row row = learnerRow(monitor, branch.learner());
        assertThat(row.state()).isEqualTo(ExamMonitor.State.IN_PROGRESS);
        assertThat(row.answered()).isEqualTo(1);
        assertThat(row.questions()).isEqualTo(2);
        assertThat(row.secondsLeft()).isBetween(29 * 60L, 30 * 60L);

        logout();
        login(branch.learner());
        attempts.save(v.attemptId(), v.holderToken(), 1, Response.essay("带头研究部署。"));
        logout();
        login(branch.organiser());
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-monitor-refresh")));
        assertThat(learnerRow(monitor, branch.learner()).answered()).isEqualTo(2);

        monitor.exceptionDialog(learnerRow(monitor, branch.learner()));
        _get(IntegerField.class, s -> s.withLabel("延长时间（分钟）")).setValue(10);
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-exception-grant")));
        TextArea reason = _get(TextArea.class, s -> s.withLabel("理由（必填，记入审计日志）"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("请填写例外的理由");
        assertThat(exams.exceptions(exam.id())).isEmpty();

        reason.setValue("执行紧急警务，中途离开");
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-exception-grant")));
        assertThat(exams.exceptions(exam.id())).singleElement().satisfies(x -> {
            assertThat(x.extraMinutes()).isEqualTo(10);
            assertThat(x.reason()).isEqualTo("执行紧急警务，中途离开");
        });
        assertThat(learnerRow(monitor, branch.learner()).secondsLeft()).isGreaterThan(30 * 60L);
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-small")).stream()
                .filter(p -> p.getText().contains("执行紧急警务"))).as("shown after the grant").hasSize(1);

        // a poll reads the progress only; the exceptions on demand (the refresh button)
        exams.grantException(exam.id(), new org.mingze.quiz.exam.ExamExceptionDraft(
                learnerRow(monitor, branch.learner()).memberId(), 20, null, 0, "另行批准：视力障碍"));
        monitor.refresh();
        assertThat(_find(Paragraph.class).stream().filter(p -> p.getText().contains("另行批准"))).isEmpty();
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-monitor-refresh")));
        assertThat(_find(Paragraph.class).stream().filter(p -> p.getText().contains("另行批准"))).hasSize(1);

        // a phone: the grid keeps its essential columns only
        monitor.narrow(true);
        long visible = monitor.grid.getColumns().stream().filter(c -> c.isVisible()).count();
        assertThat(visible).isLessThan(monitor.grid.getColumns().size()).isLessThanOrEqualTo(5);
        monitor.narrow(false);
        assertThat(monitor.grid.getColumns()).allSatisfy(c -> assertThat(c.isVisible()).isTrue());
    }

    @Test
    void publishing_from_the_settings_form_publishes_what_the_form_shows_not_the_last_saved_settings() {
        ExamFixture.Branch branch = fixture.branch();
        Exam published = essayExam(branch);
        logout();
        login(branch.organiser());
        Exam draft = exams.create(published.settings());
        assertThat(draft.status()).isEqualTo(ExamStatus.DRAFT);
        UI.getCurrent().navigate("exams/edit/" + draft.id());
        ExamSettingsView form = _get(ExamSettingsView.class);
        String changed = "改后再发布的标题" + draft.id();
        form.title.setValue(changed);
        _click(form.publish);
        Exam after = exams.get(draft.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ExamStatus.PUBLISHED);
        assertThat(after.settings().title()).isEqualTo(changed);
    }

    private static ExamMonitor.Row learnerRow(ExamMonitorView monitor, String username) {
        return monitor.grid.getListDataView().getItems().filter(r -> username.equals(r.employeeNo())).findFirst()
                .orElseThrow();
    }

    /** The learner answers the single choice right, writes the essay and submits. */
    private AttemptView takeWithEssay(ExamFixture.Branch branch, Exam exam) {
        logout();
        login(branch.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));
        attempts.save(v.attemptId(), v.holderToken(), 1, Response.essay("带头研究部署，带头示范。"));
        attempts.submit(v.attemptId(), v.holderToken());
        logout();
        login(branch.organiser());
        return v;
    }

    private static ResultRow resultOf(ExamResultsView view, String username) {
        return view.results.getListDataView().getItems().filter(r -> username.equals(r.employeeNo())).findFirst()
                .orElseThrow();
    }

    @Test
    void grading_an_essay_in_the_queue_changes_the_result_and_marks_above_the_points_are_refused() {
        ExamFixture.Branch branch = fixture.branch();
        Exam exam = essayExam(branch);
        AttemptView v = takeWithEssay(branch, exam);

        UI.getCurrent().navigate("exams/results/" + exam.id());
        ExamResultsView view = _get(ExamResultsView.class);
        assertThat(resultOf(view, branch.learner()).score()).isNull();
        assertThat(resultOf(view, branch.learner()).awaitingManual()).isEqualTo(1);
        view.state.setValue(ExamResultsView.State.AWAITING);
        assertThat(view.results.getListDataView().getItems()).extracting(ResultRow::employeeNo)
                .containsExactly(branch.learner());
        UI.getCurrent().navigate("exams/results/" + exam.id(), QueryParameters.of("tab", "grading"));
        view = _get(ExamResultsView.class);
        assertThat(view.tabs.getSelectedIndex()).isEqualTo(2);
        assertThat(_find(com.vaadin.flow.component.tabs.Tab.class)).as("the same three tabs").hasSize(3);
        assertThat(_get(Paragraph.class, s -> s.withClasses("mingze-exam-grading-reference")).getText())
                .contains("带头示范");

        BigDecimalField marks = _get(BigDecimalField.class, s -> s.withClasses("mingze-exam-grading-marks"));
        marks.setValue(new BigDecimal("7"));
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-grading-save")));
        assertThat(marks.isInvalid()).isTrue();
        assertThat(marks.getErrorMessage()).isEqualTo("得分应在 0 到 6 分之间（最多两位小数）。");
        assertThat(grading.queue(exam.id())).hasSize(1);

        marks.setValue(new BigDecimal("4.5"));
        _get(TextArea.class, s -> s.withClasses("mingze-exam-grading-comment")).setValue("要点不全");
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-grading-save")));

        assertThat(grading.queue(exam.id())).isEmpty();
        assertThat(_find(BigDecimalField.class, s -> s.withClasses("mingze-exam-grading-marks"))).isEmpty();
        view.state.setValue(ExamResultsView.State.FINISHED);
        ResultRow graded = resultOf(view, branch.learner());
        assertThat(graded.score()).isEqualByComparingTo("5.5");
        assertThat(graded.maxPoints()).isEqualByComparingTo("7");
        assertThat(graded.passed()).isTrue();
        assertThat(graded.countedAttemptId()).isEqualTo(v.attemptId());

        // the row opens the attempt, read-only, with the grader's comment
        UI.getCurrent().navigate("exams/attempt/" + v.attemptId());
        assertThat(_get(Div.class, s -> s.withClasses("mingze-exam-score")).getElement().getTextRecursively())
                .contains("5.5");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("阅卷意见：要点不全");
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-question-answer"))).hasSize(2);
    }

    @Test
    void the_export_is_a_real_xlsx_with_a_row_per_person_and_the_statistics() throws IOException {
        ExamFixture.Branch branch = fixture.branch();
        Exam exam = essayExam(branch);
        AttemptView v = takeWithEssay(branch, exam);
        grading.grade(v.attemptId(), 1, new BigDecimal("4"), null);

        UI.getCurrent().navigate("exams/results/" + exam.id());
        ExamResultsView view = _get(ExamResultsView.class);
        assertThat(view.export.getHref()).isNotBlank();
        assertThat(view.statistics.getListDataView().getItems()).hasSize(2);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(view.exportBytes()))) {
            Sheet results = book.getSheetAt(0);
            assertThat(results.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            List<String> learnerRow = null;
            for (Row r : results) {
                List<String> cells = new ArrayList<>();
                for (Cell c : r) {
                    cells.add(c.toString());
                }
                if (cells.contains(branch.learner())) {
                    learnerRow = cells;
                }
            }
            assertThat(learnerRow).as("the learner's row").isNotNull().contains("5.0", "7.0", "及格");
            assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).as("header and two questions").isEqualTo(3);
        }
    }
}
