package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the tokens of the key domain terms, so that an upgrade of Lucene, smartcn, ICU or the dictionary cannot
 * silently change what is indexed and what is searched.
 */
class AnalyzersTest {

    private static final Analyzers ANALYZERS = new Analyzers(DomainDictionary.builtIn());

    private static List<String> words(String text) {
        return Analyzers.terms(ANALYZERS.words(), text);
    }

    private static List<String> bigrams(String text) {
        return Analyzers.terms(ANALYZERS.bigramsIndex(), text);
    }

    @Test
    void key_domain_terms_stay_whole_in_the_word_field() {
        assertThat(words("一岗双责")).containsExactly("一岗双责");
        assertThat(words("三会一课")).containsExactly("三会一课");
        assertThat(words("两学一做")).containsExactly("两学一做");
        assertThat(words("一案双查")).containsExactly("一案双查");
        assertThat(words("主体责任")).containsExactly("主体责任");
        assertThat(words("责任书")).containsExactly("责任书");
        assertThat(words("述职述廉述学")).containsExactly("述职述廉述学");
    }

    @Test
    void traditional_characters_are_folded_before_segmentation() {
        assertThat(words("主體責任")).containsExactly("主体责任");
        assertThat(words("黨風廉政建設責任書")).containsExactly("党风廉政建设责任书");
        assertThat(bigrams("主體")).containsExactly("主", "主体", "体");
    }

    @Test
    void a_mixed_sentence_keeps_terms_whole_and_segments_the_rest() {
        // smartcn splits 课件 here: the bigram field (课件) is what finds this sentence for a query 课件
        assertThat(words("2024年，各支部要落实“三会一课”和一岗双责，ＰＰＴ课件见附件。"))
                .containsExactly("2024", "年", "各", "支部", "要", "落实", "三会一课", "和", "一岗双责", "ppt", "课", "件",
                        "见", "附件");
        assertThat(bigrams("ＰＰＴ课件见附件")).contains("ppt", "课件", "附件");
        assertThat(words("全面从严治党主体责任，党委书记是第一责任人"))
                .containsExactly("全面从严治党", "主体责任", "党委书记", "是", "第一责任人");
    }

    @Test
    void the_bigram_field_holds_single_characters_and_overlapping_pairs() {
        assertThat(bigrams("一岗双责")).containsExactly("一", "一岗", "岗", "岗双", "双", "双责", "责");
        assertThat(bigrams("责任书")).containsExactly("责", "责任", "任", "任书", "书");
        assertThat(Analyzers.terms(ANALYZERS.bigramsQuery(), "三会一课")).containsExactly("三会", "会一", "一课");
        assertThat(Analyzers.terms(ANALYZERS.bigramsQuery(), "党")).containsExactly("党");
        assertThat(Analyzers.terms(ANALYZERS.bigramsQuery(), "ＰＰＴ课件")).containsExactly("ppt", "课件");
    }

    @Test
    void synonyms_and_abbreviations_are_expanded_at_query_time_only() {
        assertThat(Analyzers.terms(ANALYZERS.queryWords(), "两个责任"))
                .containsExactlyInAnyOrder("两个责任", "主体责任", "监督责任");
        assertThat(Analyzers.terms(ANALYZERS.queryWords(), "纪委")).containsExactlyInAnyOrder("纪委", "纪律检查委员会");
        assertThat(Analyzers.terms(ANALYZERS.queryWords(), "一岗两责")).containsExactlyInAnyOrder("一岗两责", "一岗双责");
        assertThat(words("两个责任")).containsExactly("两个责任");
    }

    @Test
    void synonyms_share_the_position_of_the_word_they_expand() throws IOException {
        List<int[]> positions = new ArrayList<>();
        try (TokenStream ts = ANALYZERS.queryWords().tokenStream("f", "落实两个责任")) {
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                positions.add(new int[] {pos});
            }
            ts.end();
        }
        assertThat(positions).extracting(p -> p[0]).containsExactly(0, 1, 1, 1);
    }

    @Test
    void full_width_and_upper_case_letters_fold_to_half_width_lower_case() {
        assertThat(words("ＡＢＣ１２３ Abc")).containsExactly("abc123", "abc");
    }

    @Test
    void offsets_point_into_the_original_text_for_both_fields() throws IOException {
        String text = "（ＰＰＴ）落實主體責任";
        for (Analyzer analyzer : List.of(ANALYZERS.words(), ANALYZERS.bigramsIndex())) {
            try (TokenStream ts = analyzer.tokenStream("f", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    String original = text.substring(offset.startOffset(), offset.endOffset());
                    assertThat(ChineseFolding.fold(original)).as("offsets of " + term).isEqualTo(term.toString());
                }
                ts.end();
            }
        }
    }

    @Test
    void dictionary_terms_from_the_content_folder_are_merged_with_the_built_in_ones(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("dictionary.txt"), "# 注释\n\uFEFF晋职晋级\n 廉政档案 5 n\n");
        Files.writeString(dir.resolve("synonyms.txt"), "廉政档案, 廉洁档案\n");
        Analyzers custom = new Analyzers(DomainDictionary.load(dir));
        assertThat(Analyzers.terms(custom.words(), "晋职晋级须查廉政档案")).contains("晋职晋级", "廉政档案");
        assertThat(Analyzers.terms(custom.queryWords(), "廉洁档案")).containsExactlyInAnyOrder("廉洁档案", "廉政档案");
        assertThat(Analyzers.terms(custom.words(), "一岗双责")).containsExactly("一岗双责");
    }

    @Test
    void missing_content_files_leave_the_built_in_vocabulary(@TempDir Path dir) {
        DomainDictionary d = DomainDictionary.load(dir.resolve("does-not-exist"));
        assertThat(d.terms()).contains("一岗双责", "三会一课", "两个责任");
        assertThat(d.termsFingerprint()).isEqualTo(DomainDictionary.builtIn().termsFingerprint());
    }

    @Test
    void icu_maps_traditional_to_simplified_one_character_to_one_character() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x4E00; c <= 0x9FFF; c++) {
            all.append(c);
        }
        String mapped = ChineseFolding.transliterate(all.toString());
        assertThat(mapped).hasSameSizeAs(all);
        assertThat(ChineseFolding.fold("體")).isEqualTo("体");
    }
}
