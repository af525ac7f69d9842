package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.internal.QuizContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * Bulk import and export through the service, on the quiz fixtures (materials zhuti/diyi-zeren, zhuti/yigang-shuangze,
 * zhidu/sanhui-yike). Each test works in banks of its own.
 */
@MingzeTest
@QuizTest
class QuestionImportServiceTest {

    private static final String ORGANIZER = "lihm";
    private static final String ADMIN = "admin";
    private static final String AUDITOR = "guolx";
    private static final String LEARNER = "wangzh";
    private static final String[] SOURCES = {"zhuti/diyi-zeren#一什么是第一责任人", "zhuti/yigang-shuangze#一岗双责的含义",
        "zhidu/sanhui-yike#支部党员大会"};

    @Autowired
    QuestionImportService imports;
    @Autowired
    QuestionService questions;
    @Autowired
    QuizContent content;
    @Autowired
    LibraryContent library;
    @Autowired
    AuditLog audit;
    @Autowired
    TestData data;
    @Autowired
    MessageSource messages;
    @Autowired
    QuizTestConfig.Recorder recorder;

    @BeforeEach
    void fixtures() {
        QuizFixtures.install(library, content);
        recorder.clear();
    }

    @AfterEach
    void signOut() {
        data.signOut();
    }

    // --- the done-when scenario of issue 4 -----------------------------------------------------------------------

    @Test
    void an_organiser_fills_the_template_fixes_the_broken_row_imports_edits_one_and_an_export_imports_back_unchanged()
            throws IOException {
        data.signIn(ORGANIZER);
        String bank = "导入演练" + TestData.next();
        String file = "第一批题目" + TestData.next() + ".xlsx";

        // the template, its example rows replaced by 20 questions of all five types; row 8 has one right option only
        byte[] template = imports.templateXlsx();
        List<List<String>> rows = twenty(bank);
        rows.get(6).set(12, "A");
        byte[] broken = fill(template, rows);

        assertThatThrownBy(() -> imports.importFile(file, broken, null)).isInstanceOfSatisfying(
                ValidationException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::row, Problem::field, Problem::key)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(8, "answer",
                                    "quiz.error.multiple.too-few"));
                    assertThat(zh(e.problems().get(0))).contains("多选题至少要有两个正确选项", "只有 1 个");
                });
        assertThat(questions.search(QuestionFilter.all().withBank(bank), 0, 50).total()).isZero();
        assertThat(audited("QUESTION_IMPORT_REJECTED", file)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("1 problems", "row 8 answer"));
        assertThat(recorder.events()).isEmpty();

        rows.get(6).set(12, "AB");
        QuestionImportResult first = imports.importFile(file, fill(template, rows), null);

        assertThat(first.created()).hasSize(20).doesNotHaveDuplicates().allMatch(id -> id.startsWith("q-"));
        assertThat(first.updated()).isEmpty();
        QuestionPage page = questions.search(QuestionFilter.all().withBank(bank), 0, 50);
        assertThat(page.total()).isEqualTo(20);
        assertThat(page.byType()).containsEntry(QuestionType.SINGLE, 4L).containsEntry(QuestionType.MULTIPLE, 4L)
                .containsEntry(QuestionType.JUDGE, 4L).containsEntry(QuestionType.FILL, 4L)
                .containsEntry(QuestionType.ESSAY, 4L);
        assertThat(audited("QUESTION_IMPORT", file)).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(ORGANIZER);
            assertThat(a.detail()).contains("20 questions, created 20, updated 0, unchanged 0");
        });
        assertThat(recorder.events()).singleElement()
                .satisfies(e -> assertThat(e.changed()).containsExactlyInAnyOrderElementsOf(first.created()));

        // one is edited in the app
        Question edited = questions.get(first.created().get(0)).orElseThrow();
        assertThat(edited.stem()).isEqualTo(rows.get(0).get(3));
        Question v2 = questions.save(Questions.from(edited).stem("（已修改）" + edited.stem()).build());
        assertThat(v2.version()).isEqualTo(2);

        // exported as .xlsx and as YAML, each imports back without changing anything
        for (QuestionFormat format : List.of(QuestionFormat.XLSX, QuestionFormat.YAML)) {
            QuestionExport export = imports.export(QuestionSelection.banks(bank), format);
            assertThat(export.questions()).isEqualTo(20);
            assertThat(export.fileName()).isEqualTo(bank + "." + format.extension());

            QuestionImportResult again = imports.importFile(export.fileName(), export.content(), null);

            assertThat(again.created()).as(format.name()).isEmpty();
            assertThat(again.updated()).as(format.name()).isEmpty();
            assertThat(again.unchanged()).as(format.name()).isEqualTo(20);
            assertThat(audited("QUESTION_EXPORT", export.fileName())).isNotEmpty();
        }
        assertThat(questions.get(edited.id())).contains(v2);
        assertThat(questions.history(edited.id())).hasSize(2);
        assertThat(questions.search(QuestionFilter.all().withBank(bank), 0, 50).total()).isEqualTo(20);
    }

    @Test
    void uploading_the_same_filled_template_twice_does_not_double_the_questions() throws IOException {
        data.signIn(ORGANIZER);
        String bank = "重复上传" + TestData.next();
        byte[] file = fill(imports.templateXlsx(), twenty(bank));

        QuestionImportResult first = imports.importFile("一.xlsx", file, null);
        QuestionImportResult second = imports.importFile("一.xlsx", file, null);

        assertThat(first.created()).hasSize(20);
        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(20);
        assertThat(questions.search(QuestionFilter.all().withBank(bank), 0, 50).total()).isEqualTo(20);
    }

    @Test
    void a_changed_row_becomes_the_next_version_and_the_others_stay_as_they_are() throws IOException {
        data.signIn(ORGANIZER);
        String bank = "更新版本" + TestData.next();
        QuestionImportResult first = imports.importFile("初版.xlsx", fill(imports.templateXlsx(), twenty(bank)), null);
        String changedId = first.created().get(3);
        QuestionExport export = imports.export(QuestionSelection.banks(bank), QuestionFormat.XLSX);
        byte[] edited = edit(export.content(), changedId, 13, "解析改过了：依据更充分。");
        recorder.clear();

        QuestionImportResult again = imports.importFile("改版.xlsx", edited, null);

        assertThat(again.updated()).containsExactly(changedId);
        assertThat(again.created()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(19);
        assertThat(questions.get(changedId)).get().satisfies(q -> {
            assertThat(q.version()).isEqualTo(2);
            assertThat(q.explanation()).isEqualTo("解析改过了：依据更充分。");
        });
        assertThat(questions.history(changedId)).extracting(QuestionVersionInfo::createdFrom)
                .containsExactly("import:初版.xlsx", "import:改版.xlsx");
        assertThat(recorder.events()).singleElement().satisfies(e -> assertThat(e.changed())
                .containsExactly(changedId));
    }

    // --- every problem, nothing stored -----------------------------------------------------------------------

    @Test
    void every_problem_of_every_row_is_listed_and_nothing_is_stored() throws IOException {
        data.signIn(ADMIN);
        String bank = "多处错误" + TestData.next();
        List<List<String>> rows = twenty(bank);
        rows.get(0).set(0, "dup-" + TestData.next());
        rows.get(5).set(0, rows.get(0).get(0));        // row 7 repeats row 2's id
        rows.get(1).set(17, "zhuti/no-such-material"); // row 3: unknown material
        rows.get(2).set(14, "");                       // row 4: no tags
        rows.get(3).set(2, "连线");                      // row 5: unknown type
        rows.get(4).set(1, "");                        // row 6: no bank, and none chosen on the page

        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> imports.importFile("多处错误.xlsx", fill(imports.templateXlsx(), rows), null));

        assertThat(e.problems()).extracting(p -> p.row() + " " + p.field() + " " + p.key()).containsExactly(
                "2 id quiz.import.error.duplicate-id",
                "3 source quiz.error.source.unknown",
                "4 tags quiz.error.tags.required",
                "5 type quiz.import.error.type-unknown",
                "6 bank quiz.import.error.bank-required",
                "7 id quiz.import.error.duplicate-id");
        assertThat(zh(e.problems().get(0))).contains(rows.get(0).get(0), "另见第 7 行");
        assertThat(e.problems()).allSatisfy(p -> assertThat(zh(p)).containsPattern("\\p{IsHan}"));
        assertThat(questions.search(QuestionFilter.all().withBank(bank), 0, 50).total()).isZero();
    }

    @Test
    void the_untouched_template_and_files_of_other_kinds_are_refused_with_the_reason() {
        data.signIn(ORGANIZER);

        assertThat(problems("模板.xlsx", imports.templateXlsx())).hasSize(5)
                .allMatch(p -> p.key().equals("quiz.import.error.example-row"));
        assertThat(problems("旧版.xls", new byte[] {1, 2})).extracting(Problem::key)
                .containsExactly("quiz.import.error.xls");
        assertThat(problems("题目.docx", new byte[] {1, 2})).extracting(Problem::key)
                .containsExactly("quiz.import.error.file-type");
        assertThat(problems("空.yaml", new byte[0])).extracting(Problem::key)
                .containsExactly("quiz.import.error.empty");
        assertThat(problems("大.txt", new byte[QuestionImportService.MAX_BYTES + 1])).extracting(Problem::key)
                .containsExactly("quiz.import.error.too-large");
    }

    // --- the text formats --------------------------------------------------------------------------------------

    @Test
    void an_aiken_file_goes_into_the_bank_chosen_on_the_page() {
        data.signIn(ORGANIZER);
        String bank = "Aiken题库" + TestData.next();
        String aiken = """
                落实全面从严治党主体责任，谁是第一责任人？
                A. 党委副书记
                B. 党委书记
                ANSWER: B
                解析：党委书记负总责。
                标签：第一责任人
                出处：zhuti/diyi-zeren#一什么是第一责任人

                一岗双责要求领导干部怎样做？
                A. 只抓业务
                B. 业务和党风廉政建设两手抓
                ANSWER: B
                解析：两手抓。
                标签：一岗双责
                """;

        QuestionImportResult r = imports.importFile("aiken.txt", aiken.getBytes(StandardCharsets.UTF_8), bank);

        assertThat(r.format()).isEqualTo(QuestionFormat.AIKEN);
        assertThat(r.created()).hasSize(2);
        assertThat(questions.get(r.created().get(0))).get().satisfies(q -> {
            assertThat(q.bank()).isEqualTo(bank);
            assertThat(q.answer()).isEqualTo(new AnswerKey.Choices(List.of(1)));
            assertThat(q.source()).isEqualTo("zhuti/diyi-zeren#一什么是第一责任人");
        });
    }

    @Test
    void a_gift_export_of_all_five_types_imports_back_unchanged_and_a_broken_gift_names_its_line() throws IOException {
        data.signIn(ORGANIZER);
        String bank = "GIFT题库" + TestData.next();
        imports.importFile("五类.xlsx", fill(imports.templateXlsx(), twenty(bank)), null);

        QuestionExport gift = imports.export(QuestionSelection.banks(bank), QuestionFormat.GIFT);
        QuestionImportResult again = imports.importFile(gift.fileName(), gift.content(), null);

        assertThat(gift.questions()).isEqualTo(20);
        assertThat(again.unchanged()).isEqualTo(20);
        assertThat(problems("坏.gift", "// 注释\n谁是第一责任人？{=党委书记\n\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(p -> p.row() + " " + p.key()).containsExactly("2 quiz.import.gift.error.braces");
    }

    @Test
    void an_aiken_export_holds_the_single_choice_questions_and_names_the_others() throws IOException {
        data.signIn(ORGANIZER);
        String bank = "Aiken导出" + TestData.next();
        imports.importFile("五类.xlsx", fill(imports.templateXlsx(), twenty(bank)), null);

        QuestionExport aiken = imports.export(QuestionSelection.banks(bank), QuestionFormat.AIKEN);

        assertThat(aiken.questions()).isEqualTo(4);
        assertThat(aiken.skipped()).hasSize(16).allMatch(n -> n.key().equals("quiz.export.skip.aiken-type"));
        assertThat(new String(aiken.content(), StandardCharsets.UTF_8)).contains("ANSWER: ");
    }

    // --- selections and access ---------------------------------------------------------------------------------

    @Test
    void an_export_selects_by_tag_and_several_banks_of_yaml_come_as_a_zip() throws IOException {
        data.signIn(ORGANIZER);
        String a = "选择甲" + TestData.next();
        String b = "选择乙" + TestData.next();
        String tag = "专用标签" + TestData.next();
        List<List<String>> rows = twenty(a);
        rows.addAll(twenty(b));
        rows.get(0).set(14, tag);
        rows.get(25).set(14, tag + "、其他");
        imports.importFile("两库.xlsx", fill(imports.templateXlsx(), rows), null);

        QuestionExport byTag = imports.export(QuestionSelection.tag(tag), QuestionFormat.XLSX);
        QuestionExport zip = imports.export(QuestionSelection.banks(a, b), QuestionFormat.YAML);

        assertThat(byTag.questions()).isEqualTo(2);
        assertThat(zip.fileName()).endsWith(".zip");
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.questions()).isEqualTo(40);
        assertThatThrownBy(() -> imports.export(QuestionSelection.tag("没有这个标签" + TestData.next()),
                QuestionFormat.XLSX)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(Problem::key).containsExactly("quiz.export.error.empty"));
    }

    @Test
    void a_learner_can_neither_import_nor_export_nor_download_the_template_and_an_auditor_only_exports() {
        data.signIn(LEARNER);
        assertThatThrownBy(() -> imports.importFile("a.txt", "x".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.export(QuestionSelection.all(), QuestionFormat.XLSX))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.templateXlsx()).isInstanceOf(AccessDeniedException.class);

        data.signIn(AUDITOR);
        assertThatThrownBy(() -> imports.importFile("a.txt", "x".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(AccessDeniedException.class);
        QuestionExport all = imports.export(QuestionSelection.banks("测试题库甲"), QuestionFormat.YAML);
        assertThat(all.questions()).isEqualTo(4);
        assertThat(audited("QUESTION_EXPORT", all.fileName())).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo(AUDITOR);
            assertThat(a.detail()).contains("yaml: 4 questions", "banks 测试题库甲");
        });
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** 20 valid questions without id, four of each type, in the template's column order (19 columns). */
    private static List<List<String>> twenty(String bank) {
        List<List<String>> rows = new ArrayList<>();
        String u = bank.replaceAll("\\D", "");
        for (int i = 0; i < 4; i++) {
            String n = u + "-" + i;
            String source = SOURCES[i % SOURCES.length];
            rows.add(row(bank, "单选", "第" + n + "题：谁是第一责任人？", List.of("党委书记", "纪委书记", "政治处主任"), "A",
                    "党委书记负总责。", "第一责任人", "2", "1", source, "主体责任"));
            rows.add(row(bank, "多选", "第" + n + "题：主体责任由哪些构成？", List.of("集体责任", "第一责任", "一岗双责", "监督责任"),
                    "ABC", "纪委负监督责任。", "主体责任、两个责任", "3", "2", source, "主体责任"));
            rows.add(row(bank, "判断", "第" + n + "题：一岗双责是业务和党风廉政建设两手抓。", List.of(), "对", "两手抓。", "一岗双责", "1",
                    "", source, ""));
            rows.add(row(bank, "填空", "第" + n + "题：集体责任是___，一岗双责是___。", List.of(), "基础；支撑|支柱", "三者关系。",
                    "主体责任", "", "", "", "主体责任"));
            rows.add(row(bank, "简答", "第" + n + "题：简述第一责任人的职责。", List.of(), "1. 带头部署；\n2. 带头示范。", "看要点。",
                    "第一责任人", "4", "6", source, ""));
        }
        return rows;
    }

    private static List<String> row(String bank, String type, String stem, List<String> options, String answer,
                                    String explanation, String tags, String difficulty, String points, String source,
                                    String category) {
        List<String> r = new ArrayList<>();
        r.add("");
        r.add(bank);
        r.add(type);
        r.add(stem);
        for (int i = 0; i < 8; i++) {
            r.add(i < options.size() ? options.get(i) : "");
        }
        r.add(answer);
        r.add(explanation);
        r.add(tags);
        r.add(difficulty);
        r.add(points);
        r.add(source);
        r.add(category);
        return r;
    }

    /** The template with its example rows removed and these rows written from row 2 on, as a person would. */
    private static byte[] fill(byte[] template, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("题目");
            for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    sheet.removeRow(row);
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** An exported sheet with one cell of the row of this id changed. */
    private static byte[] edit(byte[] xlsx, String id, int column, String value) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("题目");
            boolean found = false;
            for (Row row : sheet) {
                Cell idCell = row.getCell(0);
                if (idCell != null && id.equals(idCell.getStringCellValue())) {
                    row.getCell(column).setCellValue(value);
                    found = true;
                }
            }
            assertThat(found).as("row of " + id).isTrue();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private List<Problem> problems(String name, byte[] content) {
        try {
            imports.importFile(name, content, null);
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError(name + " was imported");
    }

    private String zh(Problem p) {
        return messages.getMessage(p.key(), p.args().toArray(), Locale.SIMPLIFIED_CHINESE);
    }

    private List<AuditRecord> audited(String action, String objectId) {
        String who = CurrentUser.actor();
        data.signIn(ADMIN);
        List<AuditRecord> found = audit.search(new AuditQuery(null, action, null, objectId, null, null), 0, 50)
                .getContent();
        if (who.equals(CurrentUser.SYSTEM)) {
            data.signOut();
        } else {
            data.signIn(who);
        }
        return found;
    }
}
