package org.mingze.quiz.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.Questions;
import org.mingze.quiz.internal.BankParser;

class YamlBanksTest {

    @Test
    void written_banks_of_all_five_types_read_back_equal_through_the_bank_parser() {
        List<Question> questions = Samples.allTypes();

        Map<String, Written> files = YamlBanks.writeByBank(questions);
        List<Question> back = new ArrayList<>();
        files.forEach((bank, w) -> back.addAll(Samples.questions(YamlBanks.read(YamlBanks.fileName(bank),
                w.bytes()))));

        assertThat(files.keySet()).containsExactly("导入导出：测试题库", "导入导出：另一题库");
        assertThat(back).containsExactlyElementsOf(Samples.norm(questions));
    }

    @Test
    void the_file_looks_like_the_bank_files_of_content_format_md() {
        Question single = Questions.single().id("ztzr-001").bank("主体责任基础知识").source("zhuti/diyi-zeren#一什么是第一责任人")
                .build();
        Question multiple = Questions.multiple().id("ztzr-002").bank("主体责任基础知识").build();
        Question essay = Questions.essay().id("ztzr-003").bank("主体责任基础知识").category("其他")
                .answer(new AnswerKey.Reference("1. 甲；\n2. 乙。")).build();

        String yaml = new String(YamlBanks.write("主体责任基础知识", List.of(single, multiple, essay)).bytes(),
                StandardCharsets.UTF_8);

        assertThat(yaml).isEqualTo("""
                # 主体责任基础知识（明责导出，3 题）
                bank: 主体责任基础知识
                category: 主体责任
                questions:
                  - id: ztzr-001
                    type: single
                    stem: 落实全面从严治党主体责任，谁是第一责任人？
                    options:
                      - 党委副书记
                      - 党委书记
                      - 纪委书记
                      - 政治处主任
                    answer: B
                    explanation: 党委书记对本单位党风廉政建设负总责，是第一责任人。
                    source: zhuti/diyi-zeren#一什么是第一责任人
                    tags: [第一责任人]
                    difficulty: 2
                    score: 1

                  - id: ztzr-002
                    type: multiple
                    stem: 主体责任由哪几部分构成？
                    options:
                      - 领导班子的集体责任
                      - 党委书记的第一责任
                      - 班子成员的一岗双责
                      - 纪委的监督责任
                    answer: [A, B, C]
                    explanation: 党委书记对本单位党风廉政建设负总责，是第一责任人。
                    tags: [第一责任人]
                    difficulty: 2
                    score: 2

                  - id: ztzr-003
                    type: essay
                    stem: 简述党委书记如何履行第一责任人职责。
                    answer: |
                      1. 甲；
                      2. 乙。
                    explanation: 党委书记对本单位党风廉政建设负总责，是第一责任人。
                    tags: [第一责任人]
                    category: 其他
                    difficulty: 2
                    score: 6
                """);
    }

    @Test
    void texts_yaml_would_misread_are_quoted_and_read_back_as_written() {
        List<String> tricky = List.of("true", "null", "~", "123", "1.5", "2024-05-01", "yes", "- 短横", "含: 冒号",
                "# 井号", "a #b", "[方括号]", "{花括号}", "@at", "`反引号`", "\"双引号\"", "'单引号'", "结尾冒号:",
                "反斜杠 \\ 在中间", "全角　空格", "%百分号", "!叹号", "&和", "*星号", "|竖线", ">大于", "?问号", "逗号, 在中间",
                "制表\t符");
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < tricky.size(); i++) {
            String t = tricky.get(i);
            questions.add(Questions.single().id("t-" + i).bank("怪字题库").stem(t).options(t, "正常选项")
                    .explanation(t).tags(t.replace('\t', ' '), "标签").category(t.replace('\t', ' '))
                    .source(null).build());
        }
        questions.add(Questions.fill().id("t-fill").bank("怪字题库").stem("填___")
                .answer(new AnswerKey.Blanks(List.of(List.of("1", "true", "a, b", "[x]", "c: d")))).points(1).build());

        Written w = YamlBanks.write("怪字题库", questions);

        assertThat(Samples.questions(YamlBanks.read("怪字题库.yaml", w.bytes())))
                .containsExactlyElementsOf(Samples.norm(questions));
    }

    @Test
    void every_bank_of_content_questions_survives_a_write_and_a_read_unchanged() throws IOException {
        List<Path> banks;
        try (Stream<Path> files = Files.list(Path.of("content/questions"))) {
            banks = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(banks).hasSizeGreaterThanOrEqualTo(7);
        int total = 0;
        for (Path file : banks) {
            BankParser.Result original = BankParser.parse(file.toString(), Files.readAllBytes(file));
            List<Question> questions = original.questions().stream().map(BankParser.Parsed::question).toList();
            assertThat(questions).as(file.toString()).isNotEmpty();

            Written w = YamlBanks.write(original.bank(), questions);

            assertThat(Samples.questions(YamlBanks.read("again.yaml", w.bytes()))).as(file.toString())
                    .containsExactlyElementsOf(Samples.norm(questions));
            total += questions.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(200);
    }

    @Test
    void problems_of_a_bank_file_carry_the_line_and_the_field_of_the_bank_parser() {
        String yaml = """
                bank: 坏题库
                questions:
                  - id: bad-1
                    type: single
                    stem: 选哪个？
                    options: [甲, 乙]
                    answer: Z
                    explanation: 解析。
                    tags: [标签]
                  - id: bad-2
                    type: judge
                    stem: 对吗？
                    answer: 也许
                    tags: [标签]
                    difficulty: 9
                """;

        ReadResult r = YamlBanks.read("坏题库.yaml", yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(r.questions()).isEmpty();
        assertThat(Samples.where(r)).containsExactly(
                "7 answer quiz.bank.error.answer-letter",
                "10 explanation quiz.error.explanation.required",
                "13 answer quiz.bank.error.answer-judge",
                "15 difficulty quiz.error.difficulty");
        assertThat(r.problems()).allSatisfy(p -> assertThat(Samples.text(p)).isNotBlank());
    }

    @Test
    void several_banks_zip_as_one_file_each_with_unique_names() throws IOException {
        byte[] zip = YamlBanks.zip(List.of(Map.entry(YamlBanks.fileName("甲/乙"), new byte[] {1}),
                Map.entry(YamlBanks.fileName("甲_乙"), new byte[] {2})));

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("甲_乙.yaml", "甲_乙-2.yaml");
    }
}
