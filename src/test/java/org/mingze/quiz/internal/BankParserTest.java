package org.mingze.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;

class BankParserTest {

    private static final String FILE = "content/questions/test.yaml";

    private static final String GOOD = """
            # 测试题库
            bank: 主体责任基础知识
            category: 主体责任
            questions:
              - id: ztzr-001
                type: single
                stem: 落实全面从严治党主体责任，___是第一责任人。
                options: [党委副书记, 党委书记, 纪委书记, 政治处主任]
                answer: B
                explanation: 党委书记对本单位党风廉政建设负总责。
                source: zhuti/diyi-zeren#一什么是第一责任人
                tags: [第一责任]
                difficulty: 2
                score: 2

              - id: ztzr-002
                type: multiple
                stem: 主体责任由哪几部分构成？
                options:
                  - 领导班子的集体责任
                  - 党委书记的第一责任
                  - 班子成员的一岗双责
                  - 纪委的监督责任
                answer: [A, B, C]
                explanation: 纪委承担的是监督责任。
                tags: 主体责任、一岗双责
                category: 两个责任

              - id: ztzr-003
                type: judge
                stem: 纪委的监督责任是主体责任的组成部分。
                answer: false
                explanation: 二者合称两个责任。
                tags: [两个责任]
                difficulty: 1

              - id: ztzr-004
                type: fill
                stem: 集体责任是___，一岗双责是___。
                answer: [[基础], [支撑, 支柱]]
                explanation: 三者关系。
                tags: [主体责任]

              - id: ztzr-005
                type: essay
                stem: 简述第一责任人的职责。
                answer: |
                  1. 带头研究部署；
                  2. 带头示范。
                explanation: 评分看要点。
                tags: [第一责任]
                score: 6
            """;

    private static BankParser.Result parse(String yaml) {
        return BankParser.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** "line id key" of every problem, for compact assertions. */
    private static List<String> problems(BankParser.Result r) {
        assertThat(r.ok()).isFalse();
        assertThat(r.questions()).as("a bank with a problem is rejected whole").isEmpty();
        r.problems().forEach(p -> assertThat(p.file()).isEqualTo(FILE));
        r.problems().forEach(ChineseBundle::text);
        return r.problems().stream().map(p -> p.line() + " " + p.questionId() + " " + p.key())
                .collect(Collectors.toList());
    }

    /** The good bank with one line replaced. */
    private static String good(String line, String replacement) {
        assertThat(GOOD).contains(line);
        return GOOD.replace(line, replacement);
    }

    @Test
    void a_good_bank_gives_every_question_with_its_fields_and_line() {
        BankParser.Result r = parse(GOOD);
        assertThat(r.problems()).isEmpty();
        assertThat(r.bank()).isEqualTo("主体责任基础知识");
        assertThat(r.questions()).extracting(BankParser.Parsed::line).containsExactly(5, 16, 29, 37, 44);
        List<Question> q = r.questions().stream().map(BankParser.Parsed::question).toList();

        assertThat(q.get(0)).isEqualTo(new Question("ztzr-001", 1, "主体责任基础知识", QuestionType.SINGLE,
                "落实全面从严治党主体责任，___是第一责任人。", List.of("党委副书记", "党委书记", "纪委书记", "政治处主任"),
                new AnswerKey.Choices(List.of(1)), "党委书记对本单位党风廉政建设负总责。",
                "zhuti/diyi-zeren#一什么是第一责任人", List.of("第一责任"), "主体责任", 2,
                new java.math.BigDecimal("2"), false));
        assertThat(q.get(1).answer()).isEqualTo(new AnswerKey.Choices(List.of(0, 1, 2)));
        assertThat(q.get(1).tags()).as("tags as one text").containsExactly("主体责任", "一岗双责");
        assertThat(q.get(1).category()).as("the question's own category").isEqualTo("两个责任");
        assertThat(q.get(1).points()).as("default for multiple choice").isEqualByComparingTo("2");
        assertThat(q.get(1).difficulty()).as("default difficulty").isEqualTo(3);
        assertThat(q.get(2).answer()).isEqualTo(new AnswerKey.Judge(false));
        assertThat(q.get(2).options()).isEmpty();
        assertThat(q.get(3).answer()).isEqualTo(new AnswerKey.Blanks(List.of(List.of("基础"), List.of("支撑", "支柱"))));
        assertThat(q.get(3).points()).as("default: a point per blank").isEqualByComparingTo("2");
        assertThat(q.get(4).answer()).isEqualTo(new AnswerKey.Reference("1. 带头研究部署；\n2. 带头示范。"));
        assertThat(q.get(4).points()).isEqualByComparingTo("6");
    }

    @Test
    void other_common_ways_of_writing_answers_are_understood() {
        String yaml = """
                bank: 写法
                questions:
                  - {id: a1, type: multiple, stem: 题, options: [甲, 乙, 丙], answer: "A, C", explanation: 解, tags: [t]}
                  - {id: a2, type: multiple, stem: 题, options: [甲, 乙, 丙], answer: ac, explanation: 解, tags: [t]}
                  - {id: a3, type: single, stem: 题, options: [甲, 乙], answer: b, explanation: 解, tags: [t]}
                  - {id: a4, type: judge, stem: 题, answer: 对, explanation: 解, tags: [t]}
                  - {id: a5, type: judge, stem: 题, answer: 错误, explanation: 解, tags: [t]}
                  - {id: a6, type: fill, stem: 题___, answer: 党委书记, explanation: 解, tags: [t]}
                  - {id: a7, type: fill, stem: ___和___, answer: [甲, 乙], explanation: 解, tags: [t], points: 3}
                """;
        BankParser.Result r = parse(yaml);
        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).extracting(p -> p.question().answer()).containsExactly(
                new AnswerKey.Choices(List.of(0, 2)), new AnswerKey.Choices(List.of(0, 2)),
                new AnswerKey.Choices(List.of(1)), new AnswerKey.Judge(true), new AnswerKey.Judge(false),
                new AnswerKey.Blanks(List.of(List.of("党委书记"))),
                new AnswerKey.Blanks(List.of(List.of("甲"), List.of("乙"))));
        assertThat(r.questions().get(6).question().points()).isEqualByComparingTo("3");
    }

    @Test
    void broken_yaml_names_its_line() {
        BankParser.Result r = parse(good("    stem: 纪委的监督责任是主体责任的组成部分。",
                "    stem: \"纪委的监督责任是主体责任的组成部分。"));
        assertThat(problems(r)).singleElement().satisfies(p -> assertThat(p).endsWith("quiz.bank.error.yaml"));
        assertThat(r.problems().get(0).line()).isBetween(31, 34);
        assertThat(ChineseBundle.text(r.problems().get(0))).contains("YAML", "缩进");
    }

    @Test
    void a_bank_without_name_or_questions_is_rejected() {
        assertThat(problems(parse(good("bank: 主体责任基础知识\n", ""))))
                .containsExactly("1 null quiz.bank.error.bank-required");
        assertThat(problems(parse("bank: 空\ncategory: x\n"))).containsExactly("1 null quiz.bank.error.questions-required");
        assertThat(problems(parse("bank: 空\nquestions: 没有\n")))
                .containsExactly("2 null quiz.bank.error.questions-not-list");
        assertThat(problems(parse("- 一\n- 二\n"))).containsExactly("1 null quiz.bank.error.not-a-map");
        assertThat(problems(parse(""))).containsExactly("1 null quiz.bank.error.not-a-map");
        assertThat(parse("bank: 空\nquestions: []\n").ok()).as("an empty bank is fine").isTrue();
    }

    @Test
    void a_rule_broken_by_one_question_rejects_the_whole_bank_naming_file_line_and_id() {
        BankParser.Result r = parse(good("    answer: [A, B, C]", "    answer: [A]"));
        assertThat(problems(r)).containsExactly("24 ztzr-002 quiz.error.multiple.too-few");
        assertThat(ChineseBundle.text(r.problems().get(0))).contains("至少要有两个正确选项", "单选题");
    }

    @Test
    void each_kind_of_broken_question_is_reported_where_it_is() {
        String broken = GOOD
                .replace("    type: single", "    type: choice")                       // line 6
                .replace("    answer: false", "    answer: maybe")                      // line 32
                .replace("    answer: [[基础], [支撑, 支柱]]", "    answer: [[基础]]")          // line 40
                .replace("    explanation: 评分看要点。\n", "")                            // essay: line 44
                .replace("    difficulty: 1", "    difficulty: 易");                     // line 35
        BankParser.Result r = parse(broken);
        assertThat(problems(r)).containsExactly(
                "6 ztzr-001 quiz.bank.error.type-unknown",
                "32 ztzr-003 quiz.bank.error.answer-judge",
                "35 ztzr-003 quiz.bank.error.number",
                "40 ztzr-004 quiz.error.fill.answer-count",
                "44 ztzr-005 quiz.error.explanation.required");
        assertThat(r.problems().stream().map(ChineseBundle::text).toList()).satisfiesExactly(
                t -> assertThat(t).contains("choice", "single", "essay"),
                t -> assertThat(t).contains("maybe", "true", "false"),
                t -> assertThat(t).contains("difficulty", "易"),
                t -> assertThat(t).contains("2 个空", "1 组"),
                t -> assertThat(t).contains("解析"));
    }

    @Test
    void answers_in_the_wrong_shape_say_how_to_write_them() {
        assertThat(problems(parse(good("    answer: B\n", "    answer: Z\n"))))
                .containsExactly("9 ztzr-001 quiz.bank.error.answer-letter");
        assertThat(problems(parse(good("    answer: B\n", "    answer: E\n"))))
                .containsExactly("9 ztzr-001 quiz.error.answer.out-of-range");
        assertThat(problems(parse(good("    answer: [A, B, C]", "    answer: {A: 1}"))))
                .containsExactly("24 ztzr-002 quiz.bank.error.answer-letters");
        assertThat(problems(parse(good("    answer: [[基础], [支撑, 支柱]]", "    answer: [[基础], [[支撑]]]"))))
                .containsExactly("40 ztzr-004 quiz.bank.error.answer-fill");
        // alternatives for one blank written as two blanks
        assertThat(problems(parse(GOOD.replace("集体责任是___，一岗双责是___。", "集体责任是___。")
                .replace("    answer: [[基础], [支撑, 支柱]]", "    answer: [基础, 根基]"))))
                .containsExactly("40 ztzr-004 quiz.bank.error.answer-fill");
        assertThat(problems(parse(good("      1. 带头研究部署；\n      2. 带头示范。\n", "      - 要点\n")
                .replace("    answer: |", "    answer:"))))
                .containsExactly("48 ztzr-005 quiz.bank.error.answer-essay");
    }

    @Test
    void a_question_without_id_is_reported_at_its_first_line() {
        BankParser.Result r = parse(good("  - id: ztzr-003\n    type: judge", "  - type: judge"));
        assertThat(problems(r)).containsExactly("29 null quiz.error.id.required");
    }

    @Test
    void an_id_used_twice_in_a_file_names_both_lines() {
        BankParser.Result r = parse(good("  - id: ztzr-003", "  - id: ztzr-001"));
        assertThat(problems(r)).containsExactly("5 ztzr-001 quiz.bank.error.duplicate-id",
                "29 ztzr-001 quiz.bank.error.duplicate-id");
        assertThat(ChineseBundle.text(r.problems().get(0))).contains("ztzr-001", "第 29 行");
        assertThat(ChineseBundle.text(r.problems().get(1))).contains("第 5 行");
    }

    @Test
    void a_field_written_twice_and_a_question_that_is_not_a_map_are_problems() {
        assertThat(problems(parse(good("    difficulty: 1\n", "    difficulty: 1\n    difficulty: 2\n"))))
                .containsExactly("36 ztzr-003 quiz.bank.error.duplicate-key");
        assertThat(problems(parse(GOOD + "  - 只是一句话\n"))).containsExactly("53 null quiz.bank.error.question-not-map");
        assertThat(problems(parse(good("    score: 6", "    score: 6\n    points: 6"))))
                .containsExactly("53 ztzr-005 quiz.bank.error.score-and-points");
        assertThat(problems(parse(good("    stem: 简述第一责任人的职责。", "    stem: [简述]"))))
                .containsExactly("46 ztzr-005 quiz.bank.error.not-text");
        assertThat(problems(parse(good("    tags: [两个责任]", "    tags: {a: b}"))))
                .containsExactly("34 ztzr-003 quiz.bank.error.tags");
        assertThat(problems(parse(good("    options: [党委副书记, 党委书记, 纪委书记, 政治处主任]", "    options: 党委书记"))))
                .containsExactly("8 ztzr-001 quiz.bank.error.options-not-list");
        assertThat(problems(parse(good("    score: 2", "    score: 两分"))))
                .containsExactly("14 ztzr-001 quiz.bank.error.number");
    }

    @Test
    void every_problem_of_every_question_is_listed_in_line_order() {
        String broken = GOOD.replace("    answer: B\n", "    answer: [A, B]\n")
                .replace("    tags: [两个责任]\n", "")
                .replace("    difficulty: 2\n", "    difficulty: 7\n");
        assertThat(problems(parse(broken))).containsExactly(
                "9 ztzr-001 quiz.error.single.answer",
                "13 ztzr-001 quiz.error.difficulty",
                "29 ztzr-003 quiz.error.tags.required");
    }

    @Test
    void a_file_that_is_not_utf8_or_too_large_is_refused() {
        byte[] gbk = GOOD.getBytes(java.nio.charset.Charset.forName("GBK"));
        BankParser.Result r = BankParser.parse(FILE, gbk);
        assertThat(problems(r)).containsExactly("1 null quiz.bank.error.encoding");
        byte[] huge = new byte[(int) BankParser.MAX_FILE_BYTES + 1];
        assertThat(problems(BankParser.parse(FILE, huge))).containsExactly("1 null quiz.bank.error.too-large");
    }

    @Test
    void a_byte_order_mark_and_unknown_keys_are_tolerated() {
        BankParser.Result r = parse("\uFEFF" + good("    difficulty: 1", "    difficulty: 1\n    note: 备注"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).hasSize(5);
    }
}
