package org.mingze.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StemSimilarityTest {

    @Test
    void punctuation_spaces_blanks_width_and_case_do_not_count() {
        assertThat(StemSimilarity.normalise(" 落实“主体责任”，___是 第一责任人。ＡＢｃ１ "))
                .isEqualTo("落实主体责任是第一责任人abc1");
        assertThat(StemSimilarity.similarity("党委书记是第一责任人。", "党委书记 是“第一责任人”")).isEqualTo(1.0);
    }

    @Test
    void a_stem_with_a_word_changed_is_nearly_the_same_and_a_different_question_is_not() {
        String stem = "落实全面从严治党主体责任，党委书记是第一责任人，这一说法是否正确？";
        double oneWord = StemSimilarity.similarity(stem, "落实全面从严治党主体责任，党委书记是第一责任人，这种说法是否正确？");
        assertThat(oneWord).isGreaterThanOrEqualTo(StemSimilarity.NEARLY_THE_SAME).isLessThan(1.0);
        assertThat(StemSimilarity.similarity(stem, "三会一课中的一课是指按时上好党课。"))
                .isLessThan(0.2);
        assertThat(StemSimilarity.similarity(stem, "落实全面从严治党监督责任，纪委书记是第一责任人吗？"))
                .isLessThan(StemSimilarity.NEARLY_THE_SAME);
    }

    @Test
    void bigrams_and_jaccard_are_computed_on_sets() {
        assertThat(StemSimilarity.bigrams("一岗双责")).containsExactlyInAnyOrder("一岗", "岗双", "双责");
        assertThat(StemSimilarity.bigrams("责")).containsExactly("责");
        assertThat(StemSimilarity.bigrams("")).isEmpty();
        assertThat(StemSimilarity.jaccard(Set.of("a", "b", "c"), Set.of("b", "c", "d"))).isCloseTo(0.5, within(1e-9));
        assertThat(StemSimilarity.jaccard(Set.of(), Set.of())).isZero();
        assertThat(StemSimilarity.similarity("，。", "！")).isZero();
    }

    @Test
    void the_measure_is_symmetric() {
        String a = "党委会每季度至少专题研究一次党风廉政建设。";
        String b = "党委会每半年至少专题研究一次党风廉政建设工作。";
        assertThat(StemSimilarity.similarity(a, b)).isEqualTo(StemSimilarity.similarity(b, a));
    }
}
