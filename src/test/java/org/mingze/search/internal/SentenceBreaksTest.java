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

    /** The boundaries of a text found in one pass from its start (how the iterator worked before it looked locally). */
    private static List<Integer> boundariesFromTheStart(String text) {
        String ends = "。！？；!?;\n…";
        String closes = "”’」』）)\"'》】\r";
        List<Integer> out = new ArrayList<>(List.of(0));
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (ends.indexOf(c) >= 0) {
                while (i < text.length() && (ends.indexOf(text.charAt(i)) >= 0 || closes.indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                if (i < text.length()) {
                    out.add(i);
                }
            }
        }
        if (!text.isEmpty()) {
            out.add(text.length());
        }
        return out;
    }

    @Test
    void looking_around_an_offset_finds_the_same_boundaries_as_a_pass_over_the_whole_text() {
        String alphabet = "责任党委。！？；!?;\n…”’」』）)\"'》】\rab ";
        java.util.Random random = new java.util.Random(20261129L);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            List<Integer> expected = boundariesFromTheStart(text);
            SentenceBreaks breaks = new SentenceBreaks();
            breaks.setText(text);
            List<Integer> forwards = new ArrayList<>(List.of(breaks.first()));
            for (int b = breaks.next(); b != BreakIterator.DONE; b = breaks.next()) {
                forwards.add(b);
            }
            assertThat(forwards).as("forwards through \"%s\"", text).isEqualTo(expected);
            List<Integer> backwards = new ArrayList<>(List.of(breaks.last()));
            for (int b = breaks.previous(); b != BreakIterator.DONE; b = breaks.previous()) {
                backwards.add(0, b);
            }
            assertThat(backwards).as("backwards through \"%s\"", text).isEqualTo(expected);
            for (int offset = 0; offset <= text.length(); offset++) {
                int o = offset;
                int after = expected.stream().filter(b -> b > o).findFirst().orElse(BreakIterator.DONE);
                int before = expected.stream().filter(b -> b < o).reduce((a, b) -> b).orElse(BreakIterator.DONE);
                assertThat(breaks.following(offset)).as("following(%d) in \"%s\"", offset, text).isEqualTo(after);
                assertThat(breaks.preceding(offset)).as("preceding(%d) in \"%s\"", offset, text).isEqualTo(before);
                assertThat(breaks.isBoundary(offset)).as("isBoundary(%d) in \"%s\"", offset, text)
                        .isEqualTo(expected.contains(offset));
            }
        }
    }
}
