package org.mingze.quiz.internal.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.internal.QuestionValidator;

/**
 * The text forms the spreadsheet (and the extra lines of Aiken) use for a question's type, answer, tags and
 * numbers, read leniently and written in one canonical way:
 * <ul>
 * <li>type: 单选/多选/判断/填空/简答 (also with 题, and single/multiple/judge/fill/essay);</li>
 * <li>single choice {@code B}; multiple choice {@code ACD} or {@code A,C,D} (also 、，; and spaces);</li>
 * <li>judge 对/错, 正确/错误, √/×, true/false, T/F (also 是/否, yes/no);</li>
 * <li>fill-in: blanks separated by {@code ；} or {@code ;}, accepted alternatives of a blank by {@code |} or
 * {@code /} ({@code |} when present, so that {@code 1/3|三分之一} keeps its slash; a trailing {@code |} marks a
 * single answer that contains a slash); written as {@code 党委书记|书记；基础};</li>
 * <li>essay: the reference answer as it is;</li>
 * <li>tags separated by 、 , ， ; ；, written with 、.</li>
 * </ul>
 */
public final class Syntax {

    private static final Pattern TAG_SPLIT = Pattern.compile("[、,，;；]");
    private static final Pattern LETTER_SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    private static final Pattern BLANK_SPLIT = Pattern.compile("[;；]");
    private static final Map<String, QuestionType> TYPES = Map.ofEntries(
            Map.entry("单选", QuestionType.SINGLE), Map.entry("单选题", QuestionType.SINGLE),
            Map.entry("单项选择", QuestionType.SINGLE), Map.entry("单项选择题", QuestionType.SINGLE),
            Map.entry("多选", QuestionType.MULTIPLE), Map.entry("多选题", QuestionType.MULTIPLE),
            Map.entry("多项选择", QuestionType.MULTIPLE), Map.entry("多项选择题", QuestionType.MULTIPLE),
            Map.entry("判断", QuestionType.JUDGE), Map.entry("判断题", QuestionType.JUDGE),
            Map.entry("填空", QuestionType.FILL), Map.entry("填空题", QuestionType.FILL),
            Map.entry("简答", QuestionType.ESSAY), Map.entry("简答题", QuestionType.ESSAY),
            Map.entry("问答", QuestionType.ESSAY), Map.entry("问答题", QuestionType.ESSAY),
            Map.entry("论述", QuestionType.ESSAY), Map.entry("论述题", QuestionType.ESSAY));
    private static final Map<QuestionType, String> TYPE_NAMES = Map.of(QuestionType.SINGLE, "单选",
            QuestionType.MULTIPLE, "多选", QuestionType.JUDGE, "判断", QuestionType.FILL, "填空",
            QuestionType.ESSAY, "简答");
    private static final List<String> TRUE = List.of("对", "正确", "√", "✓", "✔", "true", "t", "是", "yes", "y");
    private static final List<String> FALSE = List.of("错", "错误", "×", "✗", "✘", "x", "false", "f", "否", "no", "n");

    /** Judge answers as the spreadsheet writes them. */
    public static final String JUDGE_TRUE = "对";
    public static final String JUDGE_FALSE = "错";

    private Syntax() {
    }

    // --- types -------------------------------------------------------------------------------------------------

    /** 单选, 单选题, single ... to the type. */
    public static Optional<QuestionType> type(String text) {
        String t = text == null ? "" : text.strip();
        QuestionType type = TYPES.get(t);
        return type != null ? Optional.of(type) : QuestionType.fromCode(t);
    }

    /** The type as the spreadsheet writes it: 单选/多选/判断/填空/简答. */
    public static String typeName(QuestionType type) {
        return TYPE_NAMES.get(type);
    }

    /** The names the spreadsheet's drop-down offers. */
    public static String[] typeNames() {
        return Arrays.stream(QuestionType.values()).map(Syntax::typeName).toArray(String[]::new);
    }

    // --- answers -----------------------------------------------------------------------------------------------

    /** {@code B}, {@code ACD}, {@code A,C,D}, {@code a、c}: the option indexes; null when a part is not a letter A-H. */
    public static List<Integer> letters(String text) {
        String v = text == null ? "" : halfWidth(text).strip();
        List<String> parts = new ArrayList<>();
        for (String part : LETTER_SEPARATORS.split(v)) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isLetter) && part.chars().allMatch(c -> c < 128)) {
                part.chars().forEach(c -> parts.add(String.valueOf((char) c)));
            } else {
                return null;
            }
        }
        List<Integer> indexes = new ArrayList<>();
        for (String p : parts) {
            int i = Question.index(p);
            if (i < 0) {
                return null;
            }
            indexes.add(i);
        }
        return indexes;
    }

    /** 对/错 and friends; null when not recognised. */
    public static Boolean judge(String text) {
        String v = text == null ? "" : halfWidth(text).strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(v)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** {@code 党委书记|书记；基础}: one list of alternatives per blank. A trailing empty blank is dropped. */
    public static List<List<String>> blanks(String text) {
        String v = text == null ? "" : text.strip();
        List<List<String>> blanks = new ArrayList<>();
        if (v.isEmpty()) {
            return blanks;
        }
        String[] parts = BLANK_SPLIT.split(v, -1);
        int n = parts.length;
        while (n > 1 && parts[n - 1].isBlank()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            String blank = parts[i].strip();
            List<String> alternatives = new ArrayList<>();
            if (blank.indexOf('|') >= 0) {
                for (String a : blank.split("\\|", -1)) {
                    if (!a.isBlank()) {
                        alternatives.add(a.strip());
                    }
                }
            } else if (!blank.isEmpty()) {
                for (String a : blank.split("/", -1)) {
                    alternatives.add(a.strip());
                }
            }
            blanks.add(alternatives);
        }
        return blanks;
    }

    /** Whether an accepted fill-in answer can be written in the spreadsheet's syntax (it holds no ; ； or |). */
    public static boolean writableAlternative(String a) {
        return a.indexOf(';') < 0 && a.indexOf('；') < 0 && a.indexOf('|') < 0;
    }

    /** The answer as the spreadsheet writes it (see the class comment); "" when there is none. */
    public static String answerText(Question q) {
        AnswerKey answer = q.answer();
        if (answer instanceof AnswerKey.Choices c) {
            StringBuilder sb = new StringBuilder();
            c.correct().forEach(i -> sb.append(i >= 0 && i < Question.MAX_OPTIONS ? Question.letter(i) : "?"));
            return sb.toString();
        }
        if (answer instanceof AnswerKey.Judge j) {
            return j.value() ? JUDGE_TRUE : JUDGE_FALSE;
        }
        if (answer instanceof AnswerKey.Blanks b) {
            List<String> blanks = new ArrayList<>();
            for (List<String> alternatives : b.accepted()) {
                String joined = String.join("|", alternatives);
                if (alternatives.size() == 1 && joined.indexOf('/') >= 0) {
                    joined += "|"; // one answer with a slash: the trailing | says "do not split at /"
                }
                blanks.add(joined);
            }
            return String.join("；", blanks);
        }
        if (answer instanceof AnswerKey.Reference r) {
            return r.text() == null ? "" : r.text();
        }
        return "";
    }

    // --- other fields ------------------------------------------------------------------------------------------

    /** Tags separated by 、 , ， ; ；, stripped, blanks and repeats dropped. */
    public static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(TAG_SPLIT.split(text)).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .toList();
    }

    public static String tagsText(List<String> tags) {
        return String.join("、", tags);
    }

    /** An integer (2, 2.0, ２); null when the text is no whole number. */
    public static Integer integer(String text) {
        BigDecimal d = decimal(text);
        if (d == null) {
            return null;
        }
        try {
            return d.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A number (2, 1.5, ２); null when the text is none. */
    public static BigDecimal decimal(String text) {
        String v = text == null ? "" : halfWidth(text).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Points as written: 2, 1.5 (never 2.00 or 1E+1). */
    public static String number(BigDecimal value) {
        return value == null ? "" : QuestionValidator.plain(value).toPlainString();
    }

    /** Full-width ASCII (Ａ，１) to half-width, as a Chinese input method may type it. */
    public static String halfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '，' && c != '；' && c != '：') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // --- text files --------------------------------------------------------------------------------------------

    /**
     * The text of an uploaded text file: UTF-8 (a BOM is dropped), UTF-16 by its BOM, else GB18030 (what Notepad on
     * Chinese Windows writes as "ANSI").
     */
    public static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, Charset.forName("GB18030"));
        }
    }

    /** The lines of a text, whatever its line ends (\r\n, \n, \r). */
    public static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
