package org.mingze.quiz.internal.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of the question spreadsheet, in the template's order: the header as the template writes it, the field
 * a problem in the column names, and other headers that mean the same (English, common synonyms).
 */
public enum XlsxColumn {
    ID("编号", Fields.ID, "id", "题号", "题目编号"),
    BANK("题库", Fields.BANK, "bank", "题库名称"),
    TYPE("题型", Fields.TYPE, "type", "题目类型"),
    STEM("题干", Fields.STEM, "stem", "题目", "题目内容", "question"),
    OPTION_A("选项A", Fields.OPTIONS, "a", "optiona"),
    OPTION_B("选项B", Fields.OPTIONS, "b", "optionb"),
    OPTION_C("选项C", Fields.OPTIONS, "c", "optionc"),
    OPTION_D("选项D", Fields.OPTIONS, "d", "optiond"),
    OPTION_E("选项E", Fields.OPTIONS, "e", "optione"),
    OPTION_F("选项F", Fields.OPTIONS, "f", "optionf"),
    OPTION_G("选项G", Fields.OPTIONS, "g", "optiong"),
    OPTION_H("选项H", Fields.OPTIONS, "h", "optionh"),
    ANSWER("答案", Fields.ANSWER, "answer", "正确答案", "参考答案"),
    EXPLANATION("解析", Fields.EXPLANATION, "explanation", "答案解析", "试题解析"),
    TAGS("标签", Fields.TAGS, "tags", "tag", "知识点"),
    DIFFICULTY("难度", Fields.DIFFICULTY, "difficulty"),
    POINTS("分值", Fields.POINTS, "score", "points", "分数"),
    SOURCE("出处", Fields.SOURCE, "source", "来源"),
    CATEGORY("分类", Fields.CATEGORY, "category");

    /** Columns without which a sheet is refused (the others may be left out). */
    public static final List<XlsxColumn> REQUIRED = List.of(TYPE, STEM, ANSWER, EXPLANATION, TAGS);

    private static final Pattern MARKS = Pattern.compile("[\\s*＊]|[（(](必填|选填|可选|可不填)[)）]");

    private final String header;
    private final String field;
    private final List<String> aliases;

    XlsxColumn(String header, String field, String... aliases) {
        this.header = header;
        this.field = field;
        this.aliases = List.of(aliases);
    }

    public String header() {
        return header;
    }

    public String field() {
        return field;
    }

    /** For an option column, its index (A = 0); else -1. */
    public int option() {
        return name().startsWith("OPTION_") ? name().charAt(7) - 'A' : -1;
    }

    public static List<XlsxColumn> options() {
        return Arrays.stream(values()).filter(c -> c.option() >= 0).toList();
    }

    /**
     * The column a header names: the template's header or one of its synonyms, whatever the case, spaces, a "*"
     * or "（必填）".
     */
    public static Optional<XlsxColumn> byHeader(String text) {
        String h = key(text);
        for (XlsxColumn c : values()) {
            if (key(c.header).equals(h) || c.aliases.stream().anyMatch(a -> key(a).equals(h))) {
                return Optional.of(c);
            }
        }
        // "选项 A", "option A", "A 选项"
        if (h.length() == 3 && h.startsWith("选项") || h.length() == 7 && h.startsWith("option")) {
            char c = h.charAt(h.length() - 1);
            if (c >= 'a' && c <= 'h') {
                return Optional.of(values()[OPTION_A.ordinal() + (c - 'a')]);
            }
        }
        return Optional.empty();
    }

    private static String key(String text) {
        return MARKS.matcher(Syntax.halfWidth(text == null ? "" : text)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
