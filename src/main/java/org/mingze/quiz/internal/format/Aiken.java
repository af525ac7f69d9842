package org.mingze.quiz.internal.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.internal.QuestionValidator;

/**
 * Moodle's Aiken format: single-choice questions only, each as its text on one line, the options one per line
 * ({@code A. 内容} or {@code A) 内容}), then {@code ANSWER: B}:
 * <pre>
 * 落实全面从严治党主体责任，谁是第一责任人？
 * A. 党委副书记
 * B. 党委书记
 * ANSWER: B
 * </pre>
 * The reader also accepts a question text of several lines, 答案：B, options written {@code A、内容}, and — because
 * Aiken has no place for them while the bank requires an explanation and tags — lines after the answer line such as
 * {@code 解析：……}, {@code 标签：第一责任人、主体责任}, {@code 编号：}, {@code 题库：}, {@code 分类：}, {@code 难度：},
 * {@code 分值：}, {@code 出处：} (Moodle would not read those). The writer writes plain Aiken that Moodle reads: only
 * single-choice questions whose text and options are one line each; the others are skipped and named.
 */
public final class Aiken {

    private static final Pattern OPTION = Pattern.compile("^([A-Z])(?:[.)]\\s+|[．）、]\\s*)(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^(?i:answer|答案)\\s*[:：]\\s*(.*)$");
    private static final Pattern EXTRA = Pattern.compile(
            "^(编号|题库|解析|标签|难度|分值|出处|分类|(?i:id|bank|explanation|tags|difficulty|score|source|category))"
                    + "\\s*[:：]\\s*(.*)$");

    private Aiken() {
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public static ReadResult read(byte[] content) {
        return read(Syntax.decode(content));
    }

    public static ReadResult read(String text) {
        List<String> lines = Syntax.lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Problem> problems = new ArrayList<>();
        List<ReadQuestion> questions = new ArrayList<>();
        Builder q = null;
        for (int i = 0; i < lines.size(); i++) {
            int no = i + 1;
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                if (q != null && (q.answered || !q.options.isEmpty())) {
                    // a blank line after the options ends the question, answered or not
                    questions.add(q.finish(problems));
                    q = null;
                }
                continue;
            }
            Matcher option = OPTION.matcher(t);
            Matcher answer = ANSWER.matcher(t);
            Matcher extra = EXTRA.matcher(t);
            if (q != null && q.answered && !(extra.matches())) {
                questions.add(q.finish(problems)); // the next question follows without a blank line
                q = null;
            }
            if (q != null && q.answered) {
                q.extra(extra.group(1), extra.group(2).strip(), no, problems);
            } else if (option.matches()) {
                if (q == null) {
                    problems.add(Problem.of(Fields.STEM, "quiz.import.aiken.error.option-first", t).atRow(no));
                    q = new Builder(no, null);
                    q.broken = true;
                }
                q.option(option.group(1).charAt(0), option.group(2).strip(), no, problems);
            } else if (answer.matches()) {
                if (q == null) {
                    problems.add(Problem.of(Fields.QUESTION, "quiz.import.aiken.error.answer-alone").atRow(no));
                    q = new Builder(no, null);
                    q.broken = true;
                }
                q.answer(answer.group(1).strip(), no, problems);
            } else if (q == null) {
                q = new Builder(no, t);
            } else if (q.options.isEmpty()) {
                q.stem.append('\n').append(t);
            } else {
                problems.add(Problem.of(Fields.OPTIONS, "quiz.import.aiken.error.after-options", t).atRow(no));
                q.failed.add(Fields.OPTIONS);
            }
        }
        if (q != null) {
            questions.add(q.finish(problems));
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(Fields.FILE, "quiz.import.aiken.error.none"));
        }
        return new ReadResult(questions, problems);
    }

    private static final class Builder {
        final int line;
        final StringBuilder stem;
        final List<String> options = new ArrayList<>();
        final Map<String, Integer> lines = new HashMap<>();
        final Set<String> failed = new HashSet<>();
        final Map<String, String> extras = new HashMap<>();
        Integer answer;
        boolean answered;
        boolean broken;

        Builder(int line, String stem) {
            this.line = line;
            this.stem = stem == null ? null : new StringBuilder(stem);
        }

        void option(char letter, String text, int no, List<Problem> problems) {
            char expected = (char) ('A' + options.size());
            if (options.isEmpty()) {
                lines.put(Fields.OPTIONS, no);
            }
            if (letter != expected) {
                problems.add(Problem.of(Fields.OPTIONS, "quiz.import.aiken.error.option-order",
                        String.valueOf(expected), String.valueOf(letter)).atRow(no));
                failed.add(Fields.OPTIONS);
            }
            options.add(text);
        }

        void answer(String text, int no, List<Problem> problems) {
            answered = true;
            lines.put(Fields.ANSWER, no);
            if (options.isEmpty()) {
                if (!broken) {
                    problems.add(Problem.of(Fields.OPTIONS, "quiz.import.aiken.error.no-options").atRow(no));
                }
                failed.add(Fields.OPTIONS);
                failed.add(Fields.ANSWER);
                return;
            }
            String letter = Syntax.halfWidth(text).strip().toUpperCase(Locale.ROOT);
            int i = letter.length() == 1 ? Question.index(letter) : -1;
            if (i < 0) {
                problems.add(Problem.of(Fields.ANSWER, "quiz.import.aiken.error.answer-letter", text).atRow(no));
                failed.add(Fields.ANSWER);
            } else {
                answer = i;
            }
        }

        void extra(String key, String value, int no, List<Problem> problems) {
            String field = switch (key.toLowerCase(Locale.ROOT)) {
                case "编号", "id" -> Fields.ID;
                case "题库", "bank" -> Fields.BANK;
                case "解析", "explanation" -> Fields.EXPLANATION;
                case "标签", "tags" -> Fields.TAGS;
                case "难度", "difficulty" -> Fields.DIFFICULTY;
                case "分值", "score" -> Fields.POINTS;
                case "出处", "source" -> Fields.SOURCE;
                default -> Fields.CATEGORY;
            };
            if (extras.containsKey(field)) {
                problems.add(Problem.of(field, "quiz.import.aiken.error.extra-twice", key,
                        String.valueOf(lines.get(field))).atRow(no));
                failed.add(field);
                return;
            }
            extras.put(field, value);
            lines.put(field, no);
            if (field.equals(Fields.DIFFICULTY) && !value.isEmpty() && Syntax.integer(value) == null) {
                problems.add(Problem.of(field, "quiz.import.error.difficulty", value).atRow(no));
                failed.add(field);
            }
            if (field.equals(Fields.POINTS) && !value.isEmpty() && Syntax.decimal(value) == null) {
                problems.add(Problem.of(field, "quiz.import.error.points", value).atRow(no));
                failed.add(field);
            }
        }

        ReadQuestion finish(List<Problem> problems) {
            if (!answered && !broken) {
                problems.add(Problem.of(Fields.ANSWER, "quiz.import.aiken.error.no-answer").atRow(line));
                failed.add(Fields.ANSWER);
            }
            if (broken) {
                failed.add(Fields.STEM);
            }
            Integer difficulty = Syntax.integer(extras.get(Fields.DIFFICULTY));
            BigDecimal points = Syntax.decimal(extras.get(Fields.POINTS));
            Question q = new Question(blankToNull(extras.get(Fields.ID)), 1, blankToNull(extras.get(Fields.BANK)),
                    QuestionType.SINGLE, stem == null ? null : stem.toString(), options,
                    answer == null ? null : new AnswerKey.Choices(List.of(answer)),
                    blankToNull(extras.get(Fields.EXPLANATION)), blankToNull(extras.get(Fields.SOURCE)),
                    Syntax.tags(extras.get(Fields.TAGS)), blankToNull(extras.get(Fields.CATEGORY)),
                    difficulty != null ? difficulty : QuestionValidator.DEFAULT_DIFFICULTY,
                    points != null ? points : QuestionValidator.defaultPoints(QuestionType.SINGLE, 0), false);
            return new ReadQuestion(q, line, lines, failed);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- writing -----------------------------------------------------------------------------------------------

    /** Plain Aiken (UTF-8): single-choice questions whose text and options fit on one line each; others skipped. */
    public static Written write(List<Question> questions) {
        StringBuilder out = new StringBuilder();
        List<Written.Note> skipped = new ArrayList<>();
        int count = 0;
        for (Question q : questions) {
            if (q.type() != QuestionType.SINGLE || !(q.answer() instanceof AnswerKey.Choices c)
                    || c.correct().size() != 1) {
                skipped.add(Written.Note.of(q.id(), "quiz.export.skip.aiken-type"));
                continue;
            }
            if (!oneLine(q.stem()) || q.options().stream().anyMatch(o -> !oneLine(o))
                    || OPTION.matcher(q.stem().strip()).matches() || ANSWER.matcher(q.stem().strip()).matches()) {
                skipped.add(Written.Note.of(q.id(), "quiz.export.skip.aiken-lines"));
                continue;
            }
            if (count > 0) {
                out.append('\n');
            }
            out.append(q.stem().strip()).append('\n');
            for (int i = 0; i < q.options().size(); i++) {
                out.append(Question.letter(i)).append(". ").append(q.options().get(i).strip()).append('\n');
            }
            out.append("ANSWER: ").append(Question.letter(c.correct().get(0))).append('\n');
            count++;
        }
        return new Written(out.toString().getBytes(StandardCharsets.UTF_8), count, skipped, List.of());
    }

    private static boolean oneLine(String s) {
        return s != null && !s.isBlank() && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }
}
