package org.mingze.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of a question, as content-format.md defines it. Editing a question makes a new version; anything
 * already answered keeps the version it showed.
 *
 * @param id          stable id, unique across all banks, e.g. {@code ztzr-001}
 * @param version     1 for the first version, +1 per change of content
 * @param bank        the bank's name (YAML {@code bank:}), e.g. 主体责任基础知识
 * @param options     2-8 options for single/multiple, empty otherwise
 * @param source      {@code materialId} or {@code materialId#anchor}, or null
 * @param difficulty  1 (easy) .. 5 (hard)
 * @param points      default points (YAML {@code score:}); fill-in questions share them equally between blanks
 */
public record Question(String id, int version, String bank, QuestionType type, String stem, List<String> options,
                       AnswerKey answer, String explanation, String source, List<String> tags, String category,
                       int difficulty, BigDecimal points, boolean retired) {

    /** A blank in a fill-in stem: three or more underscores. */
    public static final Pattern BLANK = Pattern.compile("_{3,}");

    /** Options are labelled A..H. */
    public static final int MAX_OPTIONS = 8;

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The number of blanks ({@code ___}) in the stem. */
    public int blankCount() {
        Matcher m = BLANK.matcher(stem == null ? "" : stem);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The letter of an option: 0 -> A. */
    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** The index of an option letter (A-H, either case), or -1. */
    public static int index(String letter) {
        if (letter == null || letter.trim().length() != 1) {
            return -1;
        }
        char c = Character.toUpperCase(letter.trim().charAt(0));
        return c >= 'A' && c < 'A' + MAX_OPTIONS ? c - 'A' : -1;
    }

    /** The material id of the source, without the anchor, or null. */
    public String sourceMaterial() {
        if (source == null || source.isBlank()) {
            return null;
        }
        int hash = source.indexOf('#');
        return hash < 0 ? source : source.substring(0, hash);
    }

    /** The anchor of the source, or null. */
    public String sourceAnchor() {
        if (source == null) {
            return null;
        }
        int hash = source.indexOf('#');
        return hash < 0 || hash == source.length() - 1 ? null : source.substring(hash + 1);
    }
}
