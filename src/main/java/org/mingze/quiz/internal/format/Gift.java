package org.mingze.quiz.internal.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.internal.QuestionValidator;

/**
 * Moodle's GIFT text format, for the types it can express. Questions are separated by blank lines; {@code //} starts
 * a comment line; {@code ::编号::} names a question (its id here); {@code ~ = # { } :} and the backslash are escaped
 * with a backslash, a line break inside a text as {@code \n}; {@code $CATEGORY: 题库} sets the bank of the questions
 * after it.
 * <ul>
 * <li>single choice: {@code 题干{=对的 ~错的 ~错的}};</li>
 * <li>multiple choice: every correct option {@code ~%W%} with W = 100 / (number of correct options), so that they
 * add up to 100% (33.33333 for three), every wrong option {@code ~%-100%} (Moodle then gives part of the points for
 * some correct options and nothing once a wrong one is chosen, like 少选得分、错选不得分). Read back: any option with
 * a positive weight is correct, any other wrong;</li>
 * <li>judge: {@code {TRUE}} / {@code {FALSE}} (also T/F);</li>
 * <li>fill-in: short answer {@code {=党委书记 =书记}} after a stem that keeps its {@code ___}; a question of several
 * blanks is written with one {@code {=…}} in place of each blank, which this reader reads back but Moodle does
 * not;</li>
 * <li>essay: {@code {}}, the reference answer in a comment {@code // [reference:…]};</li>
 * <li>the explanation is the general feedback {@code ####…}; tags are Moodle's {@code // [tag:…]} comments;
 * difficulty, score, source and category are comments {@code // [difficulty:2] [score:1] [source:…] [category:…]}
 * that Moodle ignores.</li>
 * </ul>
 * Numerical and matching questions, and options with partial credit in a single-choice question, cannot be
 * expressed here and are problems; feedback on single options is ignored. Problems name the line.
 */
public final class Gift {

    private static final char[] ESCAPED = {'\\', '~', '=', '#', '{', '}', ':'};
    /** Escaped characters become private-use characters while the structure is parsed. */
    private static final char PLACEHOLDER = '\uE000';
    private static final char NEWLINE_PLACEHOLDER = '\uE00F';
    private static final Pattern TOKEN = Pattern.compile("\\[([A-Za-z]+):((?:\\\\.|[^\\]\\\\])*)]");
    /** A text that ends with a blank (three or more underscores). */
    private static final Pattern ENDS_WITH_BLANK = Pattern.compile("_{3,}$");
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d{1,3}(?:\\.\\d*)?)%");
    private static final Pattern CATEGORY_SPLIT = Pattern.compile("(?<!/)/(?!/)");
    private static final Set<String> FORMATS = Set.of("[html]", "[moodle]", "[plain]", "[markdown]");
    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>");

    private Gift() {
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public static ReadResult read(byte[] content) {
        return read(Syntax.decode(content));
    }

    public static ReadResult read(String text) {
        List<String> lines = Syntax.lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Problem> problems = new ArrayList<>();
        List<ReadQuestion> questions = new ArrayList<>();
        String bank = null;
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int start = i;
            while (i < lines.size() && !lines.get(i).isBlank()) {
                i++;
            }
            List<String> comments = new ArrayList<>();
            List<Integer> commentLines = new ArrayList<>();
            List<String> body = new ArrayList<>();
            int bodyLine = -1;
            for (int k = start; k < i; k++) {
                String t = lines.get(k).strip();
                if (t.startsWith("//")) {
                    comments.add(t.substring(2));
                    commentLines.add(k + 1);
                } else {
                    if (bodyLine < 0) {
                        bodyLine = k + 1;
                    }
                    body.add(lines.get(k));
                }
            }
            if (body.isEmpty()) {
                continue; // a block of comments only
            }
            String joined = String.join("\n", body).strip();
            if (joined.startsWith("$CATEGORY:")) {
                bank = category(joined.substring("$CATEGORY:".length()));
                continue;
            }
            ReadQuestion q = question(joined, bodyLine, comments, commentLines, bank, problems);
            if (q != null) {
                questions.add(q);
            }
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(Fields.FILE, "quiz.import.gift.error.none"));
        }
        return new ReadResult(questions, problems);
    }

    /** {@code $course$/top/主体责任基础知识} -> 主体责任基础知识 ("//" is a slash within a name). */
    private static String category(String path) {
        String[] parts = CATEGORY_SPLIT.split(path.strip());
        String last = parts.length == 0 ? "" : parts[parts.length - 1].replace("//", "/").strip();
        return last.isEmpty() || last.startsWith("$") ? null : last;
    }

    /** A question block without its comments: text in which escapes are placeholders. */
    private static ReadQuestion question(String raw, int firstLine, List<String> comments, List<Integer> commentLines,
                                         String bank, List<Problem> problems) {
        String whole = protect(raw);
        String text = whole;
        Map<String, Integer> fieldLines = new HashMap<>();
        Set<String> failed = new HashSet<>();
        String id = null;
        int base = 0;
        if (text.startsWith("::")) {
            int end = text.indexOf("::", 2);
            if (end < 0) {
                problems.add(Problem.of(Fields.ID, "quiz.import.gift.error.title").atRow(firstLine));
                return null;
            }
            String title = restore(text.substring(2, end)).strip();
            id = QuestionValidator.validId(title) ? title : null;
            base = end + 2;
            text = text.substring(base);
        }
        Lines at = new Lines(whole, base, firstLine);
        // answer blocks
        List<int[]> blocks = new ArrayList<>();
        int open = -1;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') {
                if (open >= 0) {
                    problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.braces")
                            .atRow(at.of(k)));
                    return null;
                }
                open = k;
            } else if (c == '}') {
                if (open < 0) {
                    problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.braces")
                            .atRow(at.of(k)));
                    return null;
                }
                blocks.add(new int[] {open, k});
                open = -1;
            }
        }
        if (open >= 0) {
            problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.braces")
                    .atRow(at.of(open)));
            return null;
        }
        if (blocks.isEmpty()) {
            problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.no-answer").atRow(firstLine));
            return null;
        }
        int answerLine = at.of(blocks.get(0)[0]);
        fieldLines.put(Fields.ANSWER, answerLine);
        fieldLines.put(Fields.OPTIONS, answerLine);
        fieldLines.put(Fields.TYPE, answerLine);

        // general feedback (the explanation), in any block
        String explanation = null;
        List<String> contents = new ArrayList<>();
        for (int[] b : blocks) {
            String inner = text.substring(b[0] + 1, b[1]);
            int gf = inner.lastIndexOf("####");
            if (gf >= 0) {
                explanation = restore(stripFormat(inner.substring(gf + 4))).strip();
                fieldLines.put(Fields.EXPLANATION, at.of(b[0] + 1 + gf));
                inner = inner.substring(0, gf);
            }
            contents.add(inner.strip());
        }

        QuestionType type;
        List<String> options = List.of();
        AnswerKey answer = null;
        String stem;
        if (blocks.size() > 1) {
            type = QuestionType.FILL;
            List<List<String>> accepted = new ArrayList<>();
            StringBuilder s = new StringBuilder();
            int from = 0;
            for (int k = 0; k < blocks.size(); k++) {
                List<String> one = shortAnswers(contents.get(k));
                if (one == null) {
                    problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.blocks")
                            .atRow(at.of(blocks.get(k)[0])));
                    return null;
                }
                accepted.add(one);
                s.append(text, from, blocks.get(k)[0]);
                if (!ENDS_WITH_BLANK.matcher(s).find()) {
                    s.append("___"); // the braces are the blank; Mingze writes the blank's own ___ before them
                }
                from = blocks.get(k)[1] + 1;
            }
            s.append(text.substring(from));
            stem = s.toString();
            answer = new AnswerKey.Blanks(accepted);
        } else {
            int[] b = blocks.get(0);
            String after = text.substring(b[1] + 1);
            boolean atEnd = after.isBlank();
            String before = text.substring(0, b[0]);
            stem = atEnd ? before : before + (ENDS_WITH_BLANK.matcher(before).find() ? "" : "___") + after;
            String content = contents.get(0);
            String tf = (content.indexOf('#') >= 0 ? content.substring(0, content.indexOf('#')) : content).strip()
                    .toUpperCase(Locale.ROOT);
            if (content.isEmpty()) {
                type = QuestionType.ESSAY;
            } else if (content.startsWith("#")) {
                problems.add(Problem.of(Fields.TYPE, "quiz.import.gift.error.numerical").atRow(answerLine));
                return null;
            } else if (content.indexOf('~') >= 0) {
                Choices c = choices(content);
                type = c.single ? QuestionType.SINGLE : QuestionType.MULTIPLE;
                options = c.options;
                answer = new AnswerKey.Choices(c.correct);
                if (c.partial != null) {
                    problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.partial", c.partial)
                            .atRow(answerLine));
                    failed.add(Fields.ANSWER);
                }
            } else if (content.indexOf('=') >= 0 && content.contains("->")) {
                problems.add(Problem.of(Fields.TYPE, "quiz.import.gift.error.matching").atRow(answerLine));
                return null;
            } else if (Set.of("T", "TRUE", "F", "FALSE").contains(tf)) {
                type = QuestionType.JUDGE;
                answer = new AnswerKey.Judge(tf.startsWith("T"));
            } else {
                type = QuestionType.FILL;
                List<String> one = shortAnswers(content);
                if (one == null) {
                    problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.short-answer").atRow(answerLine));
                    return null;
                }
                answer = new AnswerKey.Blanks(List.of(one));
                if (atEnd && !Question.BLANK.matcher(stem).find()) {
                    problems.add(Problem.of(Fields.STEM, "quiz.import.gift.error.fill-no-blank").atRow(firstLine));
                    failed.add(Fields.STEM);
                    failed.add(Fields.ANSWER);
                }
            }
        }
        stem = restore(stripFormat(stem)).strip();
        fieldLines.put(Fields.STEM, firstLine);

        // the comments' tokens
        List<String> tags = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        for (int k = 0; k < comments.size(); k++) {
            Matcher m = TOKEN.matcher(comments.get(k));
            while (m.find()) {
                String key = m.group(1).toLowerCase(Locale.ROOT);
                String value = unescapeToken(m.group(2));
                int line = commentLines.get(k);
                switch (key) {
                    case "tag" -> {
                        tags.add(value);
                        fieldLines.putIfAbsent(Fields.TAGS, line);
                    }
                    case "id" -> {
                        meta.putIfAbsent("id", value);
                        fieldLines.putIfAbsent(Fields.ID, line);
                    }
                    case "difficulty", "score", "source", "category", "reference" -> {
                        meta.put(key, value);
                        fieldLines.put(switch (key) {
                            case "difficulty" -> Fields.DIFFICULTY;
                            case "score" -> Fields.POINTS;
                            case "source" -> Fields.SOURCE;
                            case "category" -> Fields.CATEGORY;
                            default -> Fields.ANSWER;
                        }, line);
                    }
                    default -> {
                        // other tokens are for other programs
                    }
                }
            }
        }
        if (id == null && meta.get("id") != null && QuestionValidator.validId(meta.get("id").strip())) {
            id = meta.get("id").strip();
        }
        if (type == QuestionType.ESSAY) {
            String reference = meta.get("reference");
            if (reference == null || reference.isBlank()) {
                problems.add(Problem.of(Fields.ANSWER, "quiz.import.gift.error.reference").atRow(answerLine));
                failed.add(Fields.ANSWER);
            } else {
                answer = new AnswerKey.Reference(reference.strip());
            }
        }
        Integer difficulty = null;
        if (meta.containsKey("difficulty")) {
            difficulty = Syntax.integer(meta.get("difficulty"));
            if (difficulty == null) {
                problems.add(Problem.of(Fields.DIFFICULTY, "quiz.import.error.difficulty", meta.get("difficulty"))
                        .atRow(fieldLines.get(Fields.DIFFICULTY)));
                failed.add(Fields.DIFFICULTY);
            }
        }
        BigDecimal points = null;
        if (meta.containsKey("score")) {
            points = Syntax.decimal(meta.get("score"));
            if (points == null) {
                problems.add(Problem.of(Fields.POINTS, "quiz.import.error.points", meta.get("score"))
                        .atRow(fieldLines.get(Fields.POINTS)));
                failed.add(Fields.POINTS);
            }
        }
        int blanks = (int) Question.BLANK.matcher(stem).results().count();
        Question q = new Question(id, 1, bank, type, stem.isEmpty() ? null : stem, options, answer,
                explanation == null || explanation.isEmpty() ? null : explanation, blankToNull(meta.get("source")),
                tags, blankToNull(meta.get("category")),
                difficulty != null ? difficulty : QuestionValidator.DEFAULT_DIFFICULTY,
                points != null ? points : QuestionValidator.defaultPoints(type, blanks), false);
        return new ReadQuestion(q, firstLine, fieldLines, failed);
    }

    /** The options of a choice block, which are correct, and the first partial-credit option of a single choice. */
    private record Choices(List<String> options, List<Integer> correct, boolean single, String partial) {
    }

    private static Choices choices(String content) {
        List<String> options = new ArrayList<>();
        List<Integer> correct = new ArrayList<>();
        boolean single = content.indexOf('=') >= 0;
        String[] parts = content.replace("=", "~=").split("~", -1);
        String partial = null;
        for (String part : parts) {
            String a = part.strip();
            if (a.isEmpty()) {
                continue;
            }
            boolean right = false;
            if (a.startsWith("=")) {
                right = true;
                a = a.substring(1);
            } else {
                Matcher w = WEIGHT.matcher(a);
                if (w.find()) {
                    BigDecimal weight = new BigDecimal(w.group(1));
                    a = a.substring(w.end());
                    if (weight.signum() > 0) {
                        if (single) {
                            partial = partial == null ? restore(withoutFeedback(a)).strip() : partial;
                        } else {
                            right = true;
                        }
                    }
                }
            }
            if (right) {
                correct.add(options.size());
            }
            options.add(restore(stripFormat(withoutFeedback(a).strip())).strip());
        }
        return new Choices(options, correct, single, partial);
    }

    /** The answers of a short-answer block ({@code =a =b#feedback}); null when it is not one. */
    private static List<String> shortAnswers(String content) {
        if (content.isEmpty() || content.indexOf('~') >= 0 || !content.startsWith("=") || content.contains("->")) {
            return null;
        }
        List<String> answers = new ArrayList<>();
        for (String part : content.split("=", -1)) {
            String a = part.strip();
            if (a.isEmpty()) {
                continue;
            }
            Matcher w = WEIGHT.matcher(a);
            if (w.find()) {
                if (new BigDecimal(w.group(1)).signum() <= 0) {
                    continue; // an answer worth nothing is not an accepted answer
                }
                a = a.substring(w.end());
            }
            answers.add(restore(withoutFeedback(a)).strip());
        }
        return answers;
    }

    private static String withoutFeedback(String answer) {
        int hash = answer.indexOf('#');
        return hash < 0 ? answer : answer.substring(0, hash);
    }

    /**
     * A text without Moodle's format prefix ([html], [moodle], [plain], [markdown]); an [html] text (what Moodle
     * exports) becomes plain text, paragraphs and line breaks as line breaks.
     */
    private static String stripFormat(String text) {
        String t = text.stripLeading();
        for (String f : FORMATS) {
            if (t.toLowerCase(Locale.ROOT).startsWith(f)) {
                String rest = t.substring(f.length());
                return f.equals("[html]") ? htmlToText(rest) : rest;
            }
        }
        return text;
    }

    private static String htmlToText(String html) {
        String marked = HTML_BREAK.matcher(html).replaceAll("\n");
        String text = Jsoup.parse(marked).wholeText();
        return text.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
    }

    /** Lines of offsets in a question's text (after its title, which starts {@code base} characters in). */
    private record Lines(String whole, int base, int firstLine) {
        int of(int offset) {
            int n = 0;
            for (int k = 0; k < base + offset && k < whole.length(); k++) {
                if (whole.charAt(k) == '\n') {
                    n++;
                }
            }
            return firstLine + n;
        }
    }

    /** Escaped characters to placeholders, {@code \n} to a placeholder of a line break. */
    private static String protect(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                int k = new String(ESCAPED).indexOf(next);
                if (k >= 0) {
                    sb.append((char) (PLACEHOLDER + k));
                    i++;
                    continue;
                }
                if (next == 'n') {
                    sb.append(NEWLINE_PLACEHOLDER);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String restore(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= PLACEHOLDER && c < PLACEHOLDER + ESCAPED.length) {
                sb.append(ESCAPED[c - PLACEHOLDER]);
            } else if (c == NEWLINE_PLACEHOLDER) {
                sb.append('\n');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescapeToken(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- writing -----------------------------------------------------------------------------------------------

    /** The questions as GIFT (UTF-8), each bank after its {@code $CATEGORY:}. */
    public static Written write(List<Question> questions) {
        StringBuilder out = new StringBuilder();
        List<Written.Note> notes = new ArrayList<>();
        String bank = null;
        boolean first = true;
        for (Question q : questions) {
            if (!first) {
                out.append('\n');
            }
            if (first || !Objects.equals(bank, q.bank())) {
                bank = q.bank();
                if (bank != null) {
                    out.append("$CATEGORY: ").append(bank.replace("/", "//").replace('\n', ' ')).append("\n\n");
                }
            }
            first = false;
            question(out, q, notes);
        }
        return new Written(out.toString().getBytes(StandardCharsets.UTF_8), questions.size(), List.of(), notes);
    }

    private static void question(StringBuilder out, Question q, List<Written.Note> notes) {
        StringBuilder tags = new StringBuilder();
        for (String t : q.tags()) {
            tags.append(tags.isEmpty() ? "//" : "").append(" [tag:").append(token(t)).append(']');
        }
        if (!tags.isEmpty()) {
            out.append(tags).append('\n');
        }
        out.append("// [difficulty:").append(q.difficulty()).append(']');
        if (q.points() != null) {
            out.append(" [score:").append(Syntax.number(q.points())).append(']');
        }
        if (q.source() != null) {
            out.append(" [source:").append(token(q.source())).append(']');
        }
        if (q.category() != null) {
            out.append(" [category:").append(token(q.category())).append(']');
        }
        out.append('\n');
        if (q.answer() instanceof AnswerKey.Reference r && r.text() != null) {
            out.append("// [reference:").append(token(r.text())).append("]\n");
        }
        out.append("::").append(escape(q.id() == null ? "" : q.id())).append("::");
        String explanation = q.explanation() == null ? "" : "####" + escape(q.explanation());
        String stem = q.stem() == null ? "" : q.stem();
        AnswerKey answer = q.answer();
        if (answer instanceof AnswerKey.Blanks b && b.accepted().size() > 1) {
            // several blanks: one {=…} in place of each (read back here; Moodle reads one blank only)
            notes.add(Written.Note.of(q.id(), "quiz.export.note.gift-blanks"));
            Matcher m = Question.BLANK.matcher(stem);
            StringBuilder s = new StringBuilder();
            int from = 0;
            int k = 0;
            while (m.find()) {
                s.append(escape(stem.substring(from, m.end()))); // the blank's ___ as written, then its braces
                List<String> accepted = k < b.accepted().size() ? b.accepted().get(k) : List.of();
                s.append('{').append(shortAnswer(accepted));
                k++;
                if (k == b.accepted().size()) {
                    s.append(explanation);
                }
                s.append('}');
                from = m.end();
            }
            s.append(escape(stem.substring(from)));
            out.append(s).append('\n');
            return;
        }
        out.append(escape(stem)).append('{');
        if (answer instanceof AnswerKey.Choices c) {
            out.append('\n');
            int correct = c.correct().size();
            String weight = correct == 0 ? "0" : BigDecimal.valueOf(100).divide(BigDecimal.valueOf(correct), 5,
                    RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            for (int i = 0; i < q.options().size(); i++) {
                boolean right = c.correct().contains(i);
                String option = escape(q.options().get(i));
                if (q.type() == QuestionType.MULTIPLE) {
                    out.append(right ? "~%" + weight + "%" : "~%-100%");
                } else {
                    // a wrong option whose text starts like a weight (%50%…) gets an explicit %0% in front
                    out.append(right ? "=" : looksWeighted(option) ? "~%0%" : "~");
                }
                out.append(option).append('\n');
            }
        } else if (answer instanceof AnswerKey.Judge j) {
            out.append(j.value() ? "TRUE" : "FALSE");
            if (!explanation.isEmpty()) {
                out.append('\n');
            }
        } else if (answer instanceof AnswerKey.Blanks b) {
            out.append(shortAnswer(b.accepted().isEmpty() ? List.of() : b.accepted().get(0)));
            if (!explanation.isEmpty()) {
                out.append('\n');
            }
        } else if (!explanation.isEmpty()) {
            out.append('\n');
        }
        if (!explanation.isEmpty()) {
            out.append(explanation).append('\n');
        }
        out.append("}\n");
    }

    private static String shortAnswer(List<String> accepted) {
        StringBuilder s = new StringBuilder();
        for (String a : accepted) {
            String text = escape(a);
            // an answer whose text starts like a weight (%50%…) gets an explicit %100% in front
            s.append(s.isEmpty() ? "" : " ").append('=').append(looksWeighted(text) ? "%100%" : "").append(text);
        }
        return s.toString();
    }

    /** Whether a written answer text would be read as starting with a weight {@code %N%}. */
    private static boolean looksWeighted(String text) {
        return WEIGHT.matcher(text.strip()).find();
    }

    /** A text with GIFT's special characters escaped and line breaks as {@code \n}. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (new String(ESCAPED).indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A value inside a comment token {@code [key:value]}: backslash, ] and line breaks escaped. */
    private static String token(String s) {
        return s.replace("\\", "\\\\").replace("]", "\\]").replace("\r", "").replace("\n", "\\n");
    }
}
