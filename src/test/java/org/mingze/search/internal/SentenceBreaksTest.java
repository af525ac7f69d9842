package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    private static List<String> sentences(String text) {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        List<String> out = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    @Test
    void a_chinese_text_is_cut_after_each_full_stop_question_and_exclamation_mark_and_semicolon() {
        assertThat(sentences("党委负主体责任。纪委负监督责任！谁来抓？书记；班子成员"))
                .containsExactly("党委负主体责任。", "纪委负监督责任！", "谁来抓？", "书记；", "班子成员");
    }

    @Test
    void closing_quotes_and_brackets_stay_with_the_sentence_they_close() {
        assertThat(sentences("他说：“抓好主体责任。”随后（见附件。）散会。"))
                .containsExactly("他说：“抓好主体责任。”", "随后（见附件。）", "散会。");
    }

    @Test
    void line_breaks_end_a_sentence_and_a_text_without_marks_is_one_sentence() {
        assertThat(sentences("第一条\n第二条")).containsExactly("第一条\n", "第二条");
        assertThat(sentences("一岗双责")).containsExactly("一岗双责");
        assertThat(sentences("")).isEmpty();
    }

    @Test
    void following_and_preceding_find_the_boundaries_around_an_offset_as_the_jdk_iterator_does() {
        String text = "甲乙。丙丁。戊";
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        BreakIterator jdk = BreakIterator.getSentenceInstance(java.util.Locale.CHINA);
        jdk.setText(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            assertThat(breaks.following(offset)).as("following(%d)", offset).isEqualTo(jdk.following(offset));
            assertThat(breaks.current()).as("current after following(%d)", offset).isEqualTo(jdk.current());
            assertThat(breaks.preceding(offset)).as("preceding(%d)", offset).isEqualTo(jdk.preceding(offset));
            assertThat(breaks.current()).as("current after preceding(%d)", offset).isEqualTo(jdk.current());
            assertThat(breaks.isBoundary(offset)).as("isBoundary(%d)", offset).isEqualTo(jdk.isBoundary(offset));
        }
        assertThat(breaks.last()).isEqualTo(text.length());
        assertThat(breaks.previous()).isEqualTo(6);
        assertThat(breaks.first()).isZero();
        assertThat(breaks.previous()).isEqualTo(BreakIterator.DONE);
    }
}
