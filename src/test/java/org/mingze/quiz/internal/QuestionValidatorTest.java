package org.mingze.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;

class QuestionValidatorTest {

    /** The Chinese text of a problem, as a user reads it. */
    static String chinese(Problem p) {
        return ChineseBundle.text(p.key(), p.args());
    }

    /** The single problem of the question, with its field and Chinese text (which must mention the parts given). */
    private static Problem only(Question q, String field, String key, String... mentions) {
        List<Problem> problems = QuestionValidator.validate(q);
        assertThat(problems).as("problems of " + q).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.key()).isEqualTo(key);
            String text = chinese(p);
            for (String m : mentions) {
                assertThat(text).contains(m);
            }
        });
        return problems.get(0);
    }

    @Test
    void a_valid_question_of_every_type_has_no_problem() {
        for (Questions b : List.of(Questions.single(), Questions.multiple(), Questions.judge(), Questions.fill(),
                Questions.essay())) {
            assertThat(QuestionValidator.validate(b.build())).as(b.build().type().name()).isEmpty();
        }
    }

    @Test
    void the_id_is_required_and_of_letters_digits_and_dashes() {
        only(Questions.single().id(null).build(), "id", "quiz.error.id.required");
        only(Questions.single().id("  ").build(), "id", "quiz.error.id.required");
        only(Questions.single().id("主体-001").build(), "id", "quiz.error.id.format", "主体-001", "ztzr-001");
        only(Questions.single().id("ab c").build(), "id", "quiz.error.id.format");
        only(Questions.single().id("-abc").build(), "id", "quiz.error.id.format");
        only(Questions.single().id("a".repeat(65)).build(), "id", "quiz.error.id.format", "64");
        assertThat(QuestionValidator.validate(Questions.single().id("zt_zr.01-A").build())).isEmpty();
        assertThat(QuestionValidator.validate(Questions.single().id("a".repeat(64)).build())).isEmpty();
    }

    @Test
    void bank_and_stem_are_required_and_limited() {
        only(Questions.single().bank(" ").build(), "bank", "quiz.error.bank.required");
        only(Questions.single().bank("题".repeat(101)).build(), "bank", "quiz.error.bank.too-long", "100");
        only(Questions.single().stem("").build(), "stem", "quiz.error.stem.required", "题干");
        only(Questions.single().stem("字".repeat(1001)).build(), "stem", "quiz.error.stem.too-long", "1001",
                "1000");
    }

    @Test
    void a_question_without_a_type_says_which_types_there_are() {
        only(Questions.single().type(null).build(), "type", "quiz.error.type.required", "单选", "简答");
    }

    @Test
    void a_single_choice_needs_two_to_eight_options_and_exactly_one_correct() {
        only(Questions.single().options("甲").letters("A").build(), "options", "quiz.error.options.count", "2",
                "8", "1");
        only(Questions.single().options("1", "2", "3", "4", "5", "6", "7", "8", "9").letters("A").build(),
                "options", "quiz.error.options.count", "9");
        only(Questions.single().letters("A", "B").build(), "answer", "quiz.error.single.answer", "2", "多选");
        only(Questions.single().answer(new AnswerKey.Choices(List.of())).build(), "answer",
                "quiz.error.single.answer", "0");
        only(Questions.single().letters("E").build(), "answer", "quiz.error.answer.out-of-range", "E", "D");
        only(Questions.single().answer(null).build(), "answer", "quiz.error.answer.required");
        only(Questions.single().answer(new AnswerKey.Judge(true)).build(), "answer", "quiz.error.answer.kind");
    }

    @Test
    void options_must_be_filled_short_and_different() {
        only(Questions.single().options("党委书记", " ", "纪委书记").build(), "options", "quiz.error.option.blank",
                "B");
        only(Questions.single().options("党委书记", "党委书记 ", "纪委书记").letters("A").build(), "options",
                "quiz.error.option.duplicate", "B", "A");
        only(Questions.single().options("甲", "乙".repeat(301)).letters("A").build(), "options",
                "quiz.error.option.too-long", "B", "300");
    }

    @Test
    void a_multiple_choice_needs_at_least_two_correct_and_one_wrong_option() {
        only(Questions.multiple().letters("A").build(), "answer", "quiz.error.multiple.too-few", "1", "单选");
        only(Questions.multiple().letters("A", "B", "C", "D").build(), "answer", "quiz.error.multiple.all-correct",
                "错误选项");
        only(Questions.multiple().options("甲", "乙").letters("A", "B").build(), "answer",
                "quiz.error.multiple.all-correct");
        only(Questions.multiple().letters("A", "H").build(), "answer", "quiz.error.answer.out-of-range", "H");
        assertThat(QuestionValidator.validate(Questions.multiple().letters("A", "D").build())).isEmpty();
    }

    @Test
    void judge_fill_and_essay_questions_have_no_options() {
        for (Questions b : List.of(Questions.judge(), Questions.fill(), Questions.essay())) {
            only(b.options("对", "错").build(), "options", "quiz.error.options.not-allowed", "单选");
        }
    }

    @Test
    void a_judge_question_is_answered_true_or_false() {
        only(Questions.judge().answer(new AnswerKey.Choices(List.of(0))).build(), "answer",
                "quiz.error.judge.answer", "正确", "错误");
        only(Questions.judge().answer(null).build(), "answer", "quiz.error.answer.required");
    }

    @Test
    void a_fill_in_question_needs_a_blank_in_the_stem() {
        only(Questions.fill().stem("集体责任是基础。").answer(new AnswerKey.Blanks(List.of())).build(), "stem",
                "quiz.error.fill.no-blank", "___");
        only(Questions.fill().stem("只有两条下划线__。").answer(new AnswerKey.Blanks(List.of())).build(), "stem",
                "quiz.error.fill.no-blank");
        String eleven = String.join("", Collections.nCopies(11, "___，"));
        List<List<String>> answers = Collections.nCopies(11, List.of("甲"));
        only(Questions.fill().stem(eleven).answer(new AnswerKey.Blanks(answers)).build(), "stem",
                "quiz.error.fill.too-many-blanks", "10", "11");
    }

    @Test
    void a_fill_in_question_has_exactly_one_list_of_accepted_answers_per_blank_none_empty() {
        only(Questions.fill().answer(new AnswerKey.Blanks(List.of(List.of("基础")))).build(), "answer",
                "quiz.error.fill.answer-count", "2", "1");
        only(Questions.fill().answer(new AnswerKey.Blanks(List.of(List.of("基础"), List.of()))).build(), "answer",
                "quiz.error.fill.blank-empty", "第 2 个空");
        only(Questions.fill().answer(new AnswerKey.Blanks(List.of(List.of("基础"), List.of(" ")))).build(),
                "answer", "quiz.error.fill.accepted-blank", "第 2 个空");
        only(Questions.fill().answer(new AnswerKey.Blanks(List.of(List.of("基".repeat(101)), List.of("支撑"))))
                .build(), "answer", "quiz.error.fill.accepted-too-long", "第 1 个空", "100", "简答");
        List<String> many = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "写法" + i).toList();
        only(Questions.fill().answer(new AnswerKey.Blanks(List.of(many, List.of("支撑")))).build(), "answer",
                "quiz.error.fill.too-many-accepted", "10");
        only(Questions.fill().answer(new AnswerKey.Choices(List.of(0))).build(), "answer", "quiz.error.answer.kind");
    }

    @Test
    void an_essay_needs_a_reference_answer() {
        only(Questions.essay().answer(new AnswerKey.Reference("  ")).build(), "answer", "quiz.error.essay.reference",
                "参考答案");
        only(Questions.essay().answer(null).build(), "answer", "quiz.error.essay.reference");
        only(Questions.essay().answer(new AnswerKey.Reference("要".repeat(5001))).build(), "answer",
                "quiz.error.essay.reference-too-long", "5000");
    }

    @Test
    void every_question_needs_an_explanation() {
        for (Questions b : List.of(Questions.single(), Questions.multiple(), Questions.judge(), Questions.fill(),
                Questions.essay())) {
            only(b.explanation(" ").build(), "explanation", "quiz.error.explanation.required", "解析");
        }
        only(Questions.single().explanation("解".repeat(2001)).build(), "explanation",
                "quiz.error.explanation.too-long", "2000");
    }

    @Test
    void the_source_is_optional_but_must_look_like_material_hash_section() {
        assertThat(QuestionValidator.validate(Questions.single().source(null).build())).isEmpty();
        assertThat(QuestionValidator.validate(Questions.single().source("zhuti/diyi-zeren").build())).isEmpty();
        assertThat(QuestionValidator.validate(
                Questions.single().source("zhuti/diyi-zeren#一什么是第一责任人-2").build())).isEmpty();
        only(Questions.single().source("zhuti/../x#a").build(), "source", "quiz.error.source.format",
                "zhuti/../x#a", "资料编号#小节");
        only(Questions.single().source("zhuti/diyi zeren").build(), "source", "quiz.error.source.format");
        only(Questions.single().source("zhuti/diyi-zeren#一、什么").build(), "source", "quiz.error.source.format");
        only(Questions.single().source("#anchor").build(), "source", "quiz.error.source.format");
        only(Questions.single().source("a/" + "b".repeat(250)).build(), "source", "quiz.error.source.too-long");
    }

    @Test
    void at_least_one_tag_and_each_tag_short() {
        only(Questions.single().tags().build(), "tags", "quiz.error.tags.required", "错题本");
        only(Questions.single().tags(" ", "").build(), "tags", "quiz.error.tags.required");
        only(Questions.single().tags("一岗双责", " ").build(), "tags", "quiz.error.tag.blank");
        only(Questions.single().tags("标".repeat(51)).build(), "tags", "quiz.error.tag.too-long", "50");
        only(Questions.single().tags("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11").build(), "tags",
                "quiz.error.tags.too-many", "10", "11");
    }

    @Test
    void difficulty_is_one_to_five() {
        only(Questions.single().difficulty(0).build(), "difficulty", "quiz.error.difficulty", "0", "1", "5");
        only(Questions.single().difficulty(6).build(), "difficulty", "quiz.error.difficulty", "6");
        assertThat(QuestionValidator.validate(Questions.single().difficulty(1).build())).isEmpty();
        assertThat(QuestionValidator.validate(Questions.single().difficulty(5).build())).isEmpty();
    }

    @Test
    void points_are_positive_at_most_a_hundred_with_two_decimals() {
        only(Questions.single().points((BigDecimal) null).build(), "points", "quiz.error.points.required");
        only(Questions.single().points(0).build(), "points", "quiz.error.points", "0");
        only(Questions.single().points(-1).build(), "points", "quiz.error.points", "-1");
        only(Questions.single().points(100.5).build(), "points", "quiz.error.points", "100.5", "100");
        only(Questions.single().points(new BigDecimal("0.125")).build(), "points", "quiz.error.points", "0.125");
        assertThat(QuestionValidator.validate(Questions.single().points(new BigDecimal("1.50")).build())).isEmpty();
        assertThat(QuestionValidator.validate(Questions.single().points(100).build())).isEmpty();
    }

    @Test
    void the_category_is_optional_but_short() {
        assertThat(QuestionValidator.validate(Questions.single().category(null).build())).isEmpty();
        only(Questions.single().category("类".repeat(51)).build(), "category", "quiz.error.category.too-long", "50");
    }

    @Test
    void every_problem_of_a_bad_question_is_reported_at_once() {
        Question q = Questions.multiple().id("坏").stem(" ").letters("A").explanation(null).tags().difficulty(9)
                .build();
        assertThat(QuestionValidator.validate(q)).extracting(Problem::field)
                .containsExactlyInAnyOrder("id", "stem", "answer", "explanation", "tags", "difficulty");
    }

    @Test
    void normalising_trims_texts_and_drops_blank_and_repeated_tags_and_answers() {
        Question q = QuestionValidator.normalise(Questions.fill().id(" t-9 ").stem("  集体责任是___，一岗双责是___。 ")
                .answer(new AnswerKey.Blanks(List.of(List.of(" 基础 ", "基础"), List.of("支撑"))))
                .tags(" 一岗双责 ", "", "一岗双责", "主体责任").source(" ").category(" ").points(new BigDecimal("2.00"))
                .build());
        assertThat(q.id()).isEqualTo("t-9");
        assertThat(q.stem()).isEqualTo("集体责任是___，一岗双责是___。");
        assertThat(q.answer()).isEqualTo(new AnswerKey.Blanks(List.of(List.of("基础"), List.of("支撑"))));
        assertThat(q.tags()).containsExactly("一岗双责", "主体责任");
        assertThat(q.source()).isNull();
        assertThat(q.category()).isNull();
        assertThat(q.points()).isEqualByComparingTo("2").hasToString("2");
        assertThat(QuestionValidator.validate(q)).isEmpty();
    }

    @Test
    void default_points_depend_on_the_type() {
        assertThat(QuestionValidator.defaultPoints(QuestionType.SINGLE, 0)).isEqualByComparingTo("1");
        assertThat(QuestionValidator.defaultPoints(QuestionType.MULTIPLE, 0)).isEqualByComparingTo("2");
        assertThat(QuestionValidator.defaultPoints(QuestionType.JUDGE, 0)).isEqualByComparingTo("1");
        assertThat(QuestionValidator.defaultPoints(QuestionType.FILL, 3)).isEqualByComparingTo("3");
        assertThat(QuestionValidator.defaultPoints(QuestionType.ESSAY, 0)).isEqualByComparingTo("5");
    }
}
