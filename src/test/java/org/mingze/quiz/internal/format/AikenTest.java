package org.mingze.quiz.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;

class AikenTest {

    @Test
    void single_choice_questions_read_back_with_their_text_options_and_answer() {
        Question eight = Samples.allTypes().get(0);
        Question four = Questions.single().id("a-2").letters("D").build();

        Written w = Aiken.write(List.of(eight, four));
        ReadResult r = Aiken.read(w.bytes());

        assertThat(new String(w.bytes(), StandardCharsets.UTF_8)).startsWith("""
                落实主体责任，谁是“第一责任人”？
                A. 党委副书记
                B. 党委书记
                """).contains("H. 普通党员\nANSWER: B\n\n落实全面从严治党");
        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).extracting(q -> q.question().stem(), q -> q.question().options(),
                q -> q.question().answer(), q -> q.question().type(), ReadQuestion::line).containsExactly(
                tuple(eight.stem(), eight.options(), eight.answer(), QuestionType.SINGLE, 1),
                tuple(four.stem(), four.options(), four.answer(), QuestionType.SINGLE, 12));
    }

    @Test
    void the_writer_skips_and_names_what_aiken_cannot_express() {
        List<Question> all = Samples.allTypes();
        Question twoLines = Questions.single().id("a-lines").stem("第一行\n第二行").build();

        Written w = Aiken.write(List.of(all.get(0), all.get(1), all.get(2), all.get(3), all.get(5), twoLines));

        assertThat(w.count()).isEqualTo(1);
        assertThat(w.skipped()).extracting(Written.Note::questionId, Written.Note::key).containsExactly(
                tuple("io-002", "quiz.export.skip.aiken-type"), tuple("io-003", "quiz.export.skip.aiken-type"),
                tuple("io-004", "quiz.export.skip.aiken-type"), tuple("io-006", "quiz.export.skip.aiken-type"),
                tuple("a-lines", "quiz.export.skip.aiken-lines"));
    }

    @Test
    void lines_after_the_answer_give_what_the_bank_needs_and_moodle_variants_are_read() {
        String text = """
                落实全面从严治党主体责任，
                谁是第一责任人？
                A) 党委副书记
                B) 党委书记
                C、纪委书记
                答案：b
                解析：党委书记负总责。
                标签：第一责任人、主体责任
                编号：ztzr-901
                题库：主体责任基础知识
                难度：2
                分值：1.5
                出处：zhuti/diyi-zeren#一什么是第一责任人
                分类：主体责任
                下一题没有空行？
                A. 是
                B. 否
                ANSWER: A
                """;

        ReadResult r = Aiken.read(text.getBytes(Charset.forName("GB18030")));

        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).hasSize(2);
        Question q = r.questions().get(0).question();
        assertThat(q).isEqualTo(new Question("ztzr-901", 1, "主体责任基础知识", QuestionType.SINGLE,
                "落实全面从严治党主体责任，\n谁是第一责任人？", List.of("党委副书记", "党委书记", "纪委书记"),
                new AnswerKey.Choices(List.of(1)), "党委书记负总责。", "zhuti/diyi-zeren#一什么是第一责任人",
                List.of("第一责任人", "主体责任"), "主体责任", 2, new java.math.BigDecimal("1.5"), false));
        assertThat(r.questions().get(0).lineOf("explanation")).isEqualTo(7);
        assertThat(r.questions().get(1).line()).isEqualTo(15);
        assertThat(r.questions().get(1).question().answer()).isEqualTo(new AnswerKey.Choices(List.of(0)));
    }

    @Test
    void every_broken_question_is_named_by_its_line() {
        String text = """
                没有答案的题？
                A. 甲
                B. 乙

                选项顺序错了？
                A. 甲
                C. 丙
                ANSWER: A

                答案不是字母？
                A. 甲
                B. 乙
                ANSWER: 乙

                A. 没有题干的选项
                ANSWER: A

                选项后面多了一行？
                A. 甲
                B. 乙
                这一行是什么
                ANSWER: B
                难度：很难
                """;

        ReadResult r = Aiken.read(text);

        assertThat(Samples.where(r)).containsExactly(
                "1 answer quiz.import.aiken.error.no-answer",
                "7 options quiz.import.aiken.error.option-order",
                "13 answer quiz.import.aiken.error.answer-letter",
                "15 stem quiz.import.aiken.error.option-first",
                "21 options quiz.import.aiken.error.after-options",
                "23 difficulty quiz.import.error.difficulty");
        assertThat(r.problems()).allSatisfy(p -> assertThat(Samples.text(p)).isNotBlank());
        assertThat(Samples.text(r.problems().get(1))).isEqualTo("选项字母应按 A、B、C……的顺序排列：这里应为 B，却是 C。");
    }

    @Test
    void a_file_without_questions_says_how_aiken_looks() {
        ReadResult r = Aiken.read("\n\n   \n");

        assertThat(Samples.where(r)).containsExactly("0 file quiz.import.aiken.error.none");
        assertThat(Samples.text(r.problems().get(0))).contains("ANSWER: B");
    }
}
