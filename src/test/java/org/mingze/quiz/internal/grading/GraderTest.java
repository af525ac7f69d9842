package org.mingze.quiz.internal.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Grade.Outcome;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;

class GraderTest {

    static final BigDecimal TWO = new BigDecimal("2");

    static Question question(QuestionType type, String stem, List<String> options, AnswerKey key) {
        return new Question("t-1", 1, "测试", type, stem, options, key, "解析", null, List.of(), "测试", 2, TWO, false);
    }

    static final Question SINGLE = question(QuestionType.SINGLE, "第一责任人是？", List.of("副书记", "书记", "纪委书记"),
            new AnswerKey.Choices(List.of(1)));
    static final Question MULTIPLE = question(QuestionType.MULTIPLE, "主体责任包括？",
            List.of("集体责任", "第一责任", "一岗双责", "监督责任"), new AnswerKey.Choices(List.of(0, 1, 2)));
    static final Question JUDGE = question(QuestionType.JUDGE, "一岗双责只适用于党委书记。", List.of(),
            new AnswerKey.Judge(false));
    static final Question FILL = question(QuestionType.FILL, "___是第一责任人，___负监督责任。", List.of(),
            new AnswerKey.Blanks(List.of(List.of("党委书记", "书记"), List.of("纪委"))));
    static final Question ESSAY = question(QuestionType.ESSAY, "谈谈如何落实一岗双责。", List.of(),
            new AnswerKey.Reference("要点……"));

    static Grade grade(Question q, Response r) {
        return Grader.grade(q, r, TWO, MultiplePolicy.HALF_FOR_SUBSET);
    }

    static void assertGrade(Grade g, Outcome outcome, String points) {
        assertThat(g.outcome()).isEqualTo(outcome);
        assertThat(g.points()).isEqualByComparingTo(points);
        assertThat(g.max()).isEqualByComparingTo("2");
    }

    @Test
    void single_choice_is_right_only_with_exactly_the_correct_option() {
        assertGrade(grade(SINGLE, Response.choices(List.of(1))), Outcome.CORRECT, "2");
        assertGrade(grade(SINGLE, Response.choices(List.of(0))), Outcome.WRONG, "0");
        assertGrade(grade(SINGLE, Response.choices(List.of(0, 1))), Outcome.WRONG, "0");
    }

    @Test
    void multiple_choice_all_or_nothing_gives_nothing_for_a_missing_option() {
        Grade g = Grader.grade(MULTIPLE, Response.choices(List.of(0, 1)), TWO, MultiplePolicy.ALL_OR_NOTHING);
        assertGrade(g, Outcome.WRONG, "0");
        assertGrade(Grader.grade(MULTIPLE, Response.choices(List.of(2, 1, 0)), TWO, MultiplePolicy.ALL_OR_NOTHING),
                Outcome.CORRECT, "2");
    }

    @Test
    void multiple_choice_with_partial_credit_gives_half_for_fewer_and_nothing_for_a_wrong_option() {
        assertGrade(grade(MULTIPLE, Response.choices(List.of(0, 1, 2))), Outcome.CORRECT, "2");
        assertGrade(grade(MULTIPLE, Response.choices(List.of(0))), Outcome.PARTIAL, "1");
        assertGrade(grade(MULTIPLE, Response.choices(List.of(0, 1, 3))), Outcome.WRONG, "0");
        assertGrade(grade(MULTIPLE, Response.choices(List.of(0, 1, 2, 3))), Outcome.WRONG, "0");
    }

    @Test
    void judge_is_exact() {
        assertGrade(grade(JUDGE, Response.judge(false)), Outcome.CORRECT, "2");
        assertGrade(grade(JUDGE, Response.judge(true)), Outcome.WRONG, "0");
    }

    @Test
    void fill_in_folds_width_case_and_spaces_and_shares_points_between_blanks() {
        assertGrade(grade(FILL, Response.blanks(List.of(" 党委 书记 ", "纪委"))), Outcome.CORRECT, "2");
        assertGrade(grade(FILL, Response.blanks(List.of("书记", "纪委"))), Outcome.CORRECT, "2");
        assertGrade(grade(FILL, Response.blanks(List.of("书记", "政治处"))), Outcome.PARTIAL, "1");
        assertGrade(grade(FILL, Response.blanks(List.of("副书记", ""))), Outcome.WRONG, "0");
        assertGrade(grade(FILL, Response.blanks(List.of("书记"))), Outcome.PARTIAL, "1");
        Question abc = question(QuestionType.FILL, "简称___。", List.of(),
                new AnswerKey.Blanks(List.of(List.of("ABC 123"))));
        assertGrade(grade(abc, Response.blanks(List.of("ａｂｃ１２３"))), Outcome.CORRECT, "2");
    }

    @Test
    void three_blanks_with_two_right_round_down_and_all_right_is_exactly_the_maximum() {
        Question three = question(QuestionType.FILL, "___、___、___", List.of(), new AnswerKey.Blanks(
                List.of(List.of("一"), List.of("二"), List.of("三"))));
        assertGrade(Grader.grade(three, Response.blanks(List.of("一", "二", "x")), TWO, MultiplePolicy.HALF_FOR_SUBSET),
                Outcome.PARTIAL, "1.33");
        assertGrade(grade(three, Response.blanks(List.of("一", "二", "三"))), Outcome.CORRECT, "2");
    }

    @Test
    void an_essay_waits_for_a_person_and_nothing_answered_scores_nothing() {
        assertGrade(grade(ESSAY, Response.essay("要压实责任。")), Outcome.MANUAL, "0");
        for (Question q : List.of(SINGLE, MULTIPLE, JUDGE, FILL, ESSAY)) {
            assertGrade(grade(q, Response.EMPTY), Outcome.UNANSWERED, "0");
            assertGrade(grade(q, null), Outcome.UNANSWERED, "0");
        }
        assertGrade(grade(FILL, Response.blanks(List.of(" ", ""))), Outcome.UNANSWERED, "0");
    }

    @Test
    void options_that_do_not_exist_are_wrong_and_never_throw() {
        assertGrade(grade(SINGLE, Response.choices(List.of(7))), Outcome.WRONG, "0");
        assertGrade(grade(SINGLE, Response.choices(List.of(-1))), Outcome.WRONG, "0");
        assertGrade(grade(MULTIPLE, Response.choices(List.of(0, 99))), Outcome.WRONG, "0");
        assertGrade(grade(JUDGE, Response.choices(List.of(0))), Outcome.UNANSWERED, "0");
    }

    @Test
    void the_normaliser_is_idempotent_and_folds_full_width_and_ideographic_spaces() {
        assertThat(FillNormalizer.normalize("　Ｐａｒｔｙ　书记\t")).isEqualTo("party书记");
        String once = FillNormalizer.normalize("（一）  Ａ");
        assertThat(FillNormalizer.normalize(once)).isEqualTo(once);
        assertThat(FillNormalizer.accepts(List.of("书记"), "   ")).isFalse();
    }
}
