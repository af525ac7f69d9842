package org.mingze.quiz.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;

class XlsxCodecTest {

    private static final String HEADER = "编号,题库,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,标签,难度,分值,出处,分类";

    @Test
    void written_questions_of_all_five_types_read_back_equal() {
        List<Question> questions = Samples.allTypes();

        Written w = XlsxWriter.write(questions, Samples.zh());
        ReadResult r = XlsxReader.read("导出.xlsx", w.bytes());

        assertThat(w.count()).isEqualTo(6);
        assertThat(w.skipped()).isEmpty();
        assertThat(Samples.questions(r)).containsExactlyElementsOf(Samples.norm(questions));
        assertThat(r.questions()).extracting(ReadQuestion::line).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @Test
    void the_sheet_has_the_template_header_text_cells_drop_downs_and_instructions() throws IOException {
        byte[] bytes = XlsxWriter.write(List.of(Questions.judge().id("x-1").build()), Samples.zh()).bytes();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet data = wb.getSheet("题目");
            assertThat(String.join(",", cells(data.getRow(0)))).isEqualTo(HEADER);
            assertThat(cells(data.getRow(1))).containsExactly("x-1", "测试题库", "判断",
                    "纪委的监督责任是主体责任的组成部分。", "", "", "", "", "", "", "", "", "错",
                    "党委书记对本单位党风廉政建设负总责，是第一责任人。", "第一责任人", "2", "1", "", "主体责任");
            List<String> lists = data.getDataValidations().stream().map(DataValidation::getValidationConstraint)
                    .map(c -> String.join("/", c.getExplicitListValues())).toList();
            assertThat(lists).containsExactlyInAnyOrder("单选/多选/判断/填空/简答", "1/2/3/4/5");
            assertThat(data.getDataValidations()).extracting(v -> v.getRegions().getCellRangeAddress(0)
                    .getFirstColumn()).containsExactlyInAnyOrder(2, 15);
            Sheet help = wb.getSheet("填写说明");
            assertThat(help).isNotNull();
            StringBuilder all = new StringBuilder();
            help.forEach(row -> row.forEach(c -> all.append(c.getStringCellValue()).append('\n')));
            assertThat(all).contains("编号", "题型", "选项A～选项H", "答案写法", "党委书记|书记；基础",
                    "ACD 或 A,C,D", "每个文件最多 5000 道题");
        }
    }

    @Test
    void the_template_has_one_example_row_per_type_which_the_reader_refuses_by_row() {
        List<Question> examples = Samples.allTypes().stream().limit(5)
                .map(q -> Questions.from(q).stem(XlsxReader.EXAMPLE_MARK + q.stem()).id(null).build()).toList();

        ReadResult r = XlsxReader.read("模板.xlsx", XlsxWriter.template(examples, Samples.zh()));

        assertThat(r.questions()).isEmpty();
        assertThat(Samples.where(r)).containsExactly("2 stem quiz.import.error.example-row",
                "3 stem quiz.import.error.example-row", "4 stem quiz.import.error.example-row",
                "5 stem quiz.import.error.example-row", "6 stem quiz.import.error.example-row");
        assertThat(Samples.text(r.problems().get(0))).contains("示例行", "删除");
    }

    @Test
    void every_broken_cell_is_named_by_its_excel_row_and_column_and_empty_rows_are_skipped() throws IOException {
        byte[] bytes = sheet(List.of(
                List.of(HEADER.split(",")),
                row("b-1", "问答题库", "问答", "简述。", "", "", "参考答案", "解析", "标签", "", ""),
                row("b-2", "问答题库", "选择", "选哪个？", "甲", "乙", "A", "解析", "标签", "", ""),
                List.of(),
                row("b-3", "问答题库", "判断", "这样对吗？", "", "", "也许", "解析", "标签", "", ""),
                row("b-4", "问答题库", "多选", "选哪些？", "甲", "乙", "A和Z", "解析", "标签", "很难", "两分"),
                row("", "问答题库", "填空", "三会一课的一课是___。", "", "", "党课|团课", "解析", "标签、组织生活", "2",
                        "1.5")));

        ReadResult r = XlsxReader.read("坏.xlsx", bytes);

        assertThat(Samples.where(r)).containsExactly(
                "3 type quiz.import.error.type-unknown",
                "5 answer quiz.import.error.answer-judge",
                "6 answer quiz.import.error.answer-letters",
                "6 difficulty quiz.import.error.difficulty",
                "6 points quiz.import.error.points");
        assertThat(r.problems()).allSatisfy(p -> assertThat(Samples.text(p)).isNotBlank());
        assertThat(Samples.text(r.problems().get(1))).contains("也许", "对", "错");
        // the readable rows are there for the validator, with their rows; broken fields are marked
        assertThat(r.questions()).extracting(ReadQuestion::line).containsExactly(2, 3, 5, 6, 7);
        assertThat(r.questions().get(0).question().type()).isEqualTo(QuestionType.ESSAY);
        assertThat(r.questions().get(1).failed()).containsExactly("type");
        assertThat(r.questions().get(3).failed()).containsExactlyInAnyOrder("answer", "difficulty", "points");
        Question fill = r.questions().get(4).question();
        assertThat(fill.id()).isNull();
        assertThat(fill.answer()).isEqualTo(new AnswerKey.Blanks(List.of(List.of("党课", "团课"))));
        assertThat(fill.tags()).containsExactly("标签", "组织生活");
        assertThat(fill.points()).isEqualByComparingTo("1.5");
        assertThat(fill.difficulty()).isEqualTo(2);
    }

    @Test
    void answers_are_read_in_every_documented_spelling() throws IOException {
        byte[] bytes = sheet(List.of(List.of(HEADER.split(",")),
                row("s-1", "库", "单选题", "问", "甲", "乙", " b ", "解", "签", "", ""),
                row("s-2", "库", "multiple", "问", "甲", "乙", "A,C", "解", "签", "", ""),
                row("s-3", "库", "多选", "问", "甲", "乙", "a、c，d", "解", "签", "", ""),
                row("s-4", "库", "judge", "问", "", "", "√", "解", "签", "", ""),
                row("s-5", "库", "判断", "问", "", "", "F", "解", "签", "", ""),
                row("s-6", "库", "判断", "问", "", "", "正确", "解", "签", "", ""),
                row("s-7", "库", "fill", "问___和___", "", "", "甲/乙;丙", "解", "签", "", ""),
                row("s-8", "库", "简答", "问", "", "", "第一行\n第二行", "解", "签", "", "")));

        List<AnswerKey> answers = XlsxReader.read("答案.xlsx", bytes).questions().stream()
                .map(q -> q.question().answer()).toList();

        assertThat(answers).containsExactly(new AnswerKey.Choices(List.of(1)), new AnswerKey.Choices(List.of(0, 2)),
                new AnswerKey.Choices(List.of(0, 2, 3)), new AnswerKey.Judge(true), new AnswerKey.Judge(false),
                new AnswerKey.Judge(true), new AnswerKey.Blanks(List.of(List.of("甲", "乙"), List.of("丙"))),
                new AnswerKey.Reference("第一行\n第二行"));
    }

    @Test
    void header_problems_name_the_column_and_stop_the_reading() throws IOException {
        byte[] bytes = sheet(List.of(List.of(), List.of("题型", "题干", "备注", "解析", "标签", "题干"),
                List.of("单选", "问")));

        ReadResult r = XlsxReader.read("表头.xlsx", bytes);

        assertThat(r.questions()).isEmpty();
        assertThat(r.problems()).extracting(Problem::row).containsOnly(2);
        assertThat(r.problems()).extracting(Samples::text).containsExactly(
                "C 列的列名“备注”无法识别。请使用模板中的列名（如 题干、选项A、答案），或删除这一列。",
                "“题干”列出现了两次（B 列和 F 列），请删除其中一列。",
                "缺少“答案”列。请使用下载的模板，或在表头补上这一列。");
    }

    @Test
    void headers_may_be_english_or_marked_as_required_and_columns_in_any_order() throws IOException {
        byte[] bytes = sheet(List.of(List.of("Answer", "题干*", "type", "选项 A", "B", "解析（必填）", "标签", "题库"),
                List.of("B", "问", "single", "甲", "乙", "解", "签", "库")));

        ReadResult r = XlsxReader.read("英文.xlsx", bytes);

        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).singleElement().satisfies(q -> {
            assertThat(q.question().options()).containsExactly("甲", "乙");
            assertThat(q.question().answer()).isEqualTo(new AnswerKey.Choices(List.of(1)));
            assertThat(q.question().bank()).isEqualTo("库");
        });
    }

    @Test
    void a_file_that_is_no_spreadsheet_or_has_no_rows_is_one_problem_of_the_file() throws IOException {
        ReadResult notXlsx = XlsxReader.read("假的.xlsx", "这不是表格".getBytes(StandardCharsets.UTF_8));
        ReadResult empty = XlsxReader.read("空.xlsx", sheet(List.of()));
        ReadResult headerOnly = XlsxReader.read("只有表头.xlsx", sheet(List.of(List.of(HEADER.split(",")))));

        assertThat(Samples.where(notXlsx)).containsExactly("0 file quiz.import.error.unreadable");
        assertThat(Samples.text(notXlsx.problems().get(0))).contains("假的.xlsx");
        assertThat(Samples.where(empty)).containsExactly("0 file quiz.import.error.no-header");
        assertThat(Samples.where(headerOnly)).containsExactly("1 file quiz.import.error.no-data");
    }

    @Test
    void a_fill_in_answer_the_syntax_cannot_hold_is_skipped_and_named() {
        Question odd = Questions.fill().id("odd-1").answer(new AnswerKey.Blanks(List.of(List.of("甲;乙"),
                List.of("丙")))).build();

        Written w = XlsxWriter.write(List.of(odd, Questions.single().id("ok-1").build()), Samples.zh());

        assertThat(w.count()).isEqualTo(1);
        assertThat(w.skipped()).extracting(Written.Note::questionId, Written.Note::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("odd-1", "quiz.export.skip.xlsx-fill"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** id, bank, type, stem, A, B, answer, explanation, tags, difficulty, points in the template's columns. */
    private static List<String> row(String id, String bank, String type, String stem, String a, String b,
                                    String answer, String explanation, String tags, String difficulty, String points) {
        return List.of(id, bank, type, stem, a, b, "", "", "", "", "", "", answer, explanation, tags, difficulty,
                points, "", "");
    }

    private static byte[] sheet(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Sheet1");
            for (int i = 0; i < rows.size(); i++) {
                Row row = s.createRow(i);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    if (!rows.get(i).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(i).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int c = 0; c < XlsxColumn.values().length; c++) {
            var cell = row.getCell(c);
            cells.add(cell == null ? "" : cell.getStringCellValue());
        }
        return cells;
    }
}
