package org.mingze.quiz.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;

/**
 * The rules a question must meet (content-format.md and issue 4), shared by the YAML bank loader, the editor and
 * the spreadsheet import. {@link #validate} checks one question on its own (uniqueness of ids and whether the source
 * exists need more context and are checked by their callers) and returns every problem found: the field it concerns
 * ({@code F_*}) and an i18n key ({@code quiz.error.*}) whose Chinese text says what is wrong and how to fix it.
 * No Spring, no I/O.
 */
public final class QuestionValidator {

    /** A question id: ASCII letters, digits, "-", "_" and ".", starting with a letter or digit, e.g. ztzr-001. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    public static final int MAX_ID = 64;
    public static final int MAX_BANK = 100;
    public static final int MAX_STEM = 1000;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTION = 300;
    public static final int MAX_EXPLANATION = 2000;
    public static final int MAX_SOURCE = 250;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 50;
    public static final int MAX_CATEGORY = 50;
    public static final int MAX_REFERENCE = 5000;
    public static final int MAX_BLANKS = 10;
    public static final int MAX_ACCEPTED = 10;
    public static final int MAX_ACCEPTED_LENGTH = 100;
    public static final int MIN_DIFFICULTY = 1;
    public static final int MAX_DIFFICULTY = 5;
    /** The difficulty of a question that does not say. */
    public static final int DEFAULT_DIFFICULTY = 3;
    public static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);
    public static final int MAX_POINTS_SCALE = 2;

    public static final String F_ID = "id";
    public static final String F_BANK = "bank";
    public static final String F_TYPE = "type";
    public static final String F_STEM = "stem";
    public static final String F_OPTIONS = "options";
    public static final String F_ANSWER = "answer";
    public static final String F_EXPLANATION = "explanation";
    public static final String F_SOURCE = "source";
    public static final String F_TAGS = "tags";
    public static final String F_CATEGORY = "category";
    public static final String F_DIFFICULTY = "difficulty";
    public static final String F_POINTS = "points";

    /** One segment of a material id (as the library allows: letters, CJK included, digits, "-", "_", "."). */
    private static final Pattern MATERIAL_SEGMENT = Pattern.compile("[\\p{L}\\p{N}_.-]+");
    /** A section anchor as the library derives them: letters and digits, perhaps "-2" for a repeated heading. */
    private static final Pattern ANCHOR = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private QuestionValidator() {
    }

    /** Every problem of the question; empty when it is valid. */
    public static List<Problem> validate(Question q) {
        List<Problem> p = new ArrayList<>();
        if (q == null) {
            p.add(of(F_TYPE, "quiz.error.type.required"));
            return p;
        }
        checkId(q.id(), p);
        String bank = strip(q.bank());
        if (bank.isEmpty()) {
            p.add(of(F_BANK, "quiz.error.bank.required"));
        } else if (bank.length() > MAX_BANK) {
            p.add(of(F_BANK, "quiz.error.bank.too-long", MAX_BANK));
        }
        String stem = strip(q.stem());
        if (stem.isEmpty()) {
            p.add(of(F_STEM, "quiz.error.stem.required"));
        } else if (stem.length() > MAX_STEM) {
            p.add(of(F_STEM, "quiz.error.stem.too-long", MAX_STEM, stem.length()));
        }
        if (q.type() == null) {
            p.add(of(F_TYPE, "quiz.error.type.required"));
        } else {
            checkOptions(q, p);
            checkAnswer(q, p);
        }
        String explanation = strip(q.explanation());
        if (explanation.isEmpty()) {
            p.add(of(F_EXPLANATION, "quiz.error.explanation.required"));
        } else if (explanation.length() > MAX_EXPLANATION) {
            p.add(of(F_EXPLANATION, "quiz.error.explanation.too-long", MAX_EXPLANATION));
        }
        checkSource(q.source(), p);
        checkTags(q.tags(), p);
        if (q.category() != null && strip(q.category()).length() > MAX_CATEGORY) {
            p.add(of(F_CATEGORY, "quiz.error.category.too-long", MAX_CATEGORY));
        }
        if (q.difficulty() < MIN_DIFFICULTY || q.difficulty() > MAX_DIFFICULTY) {
            p.add(of(F_DIFFICULTY, "quiz.error.difficulty", String.valueOf(q.difficulty())));
        }
        checkPoints(q.points(), p);
        return p;
    }

    /** Whether a text is a valid question id. */
    public static boolean validId(String id) {
        return id != null && id.length() <= MAX_ID && ID.matcher(id).matches();
    }

    /**
     * The question with its texts trimmed, blank optional texts as null, blank tags dropped and repeated tags (and
     * repeated accepted answers of a blank) removed; what the validator then checks and the bank stores.
     */
    public static Question normalise(Question q) {
        List<String> options = q.options().stream().map(QuestionValidator::strip).toList();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String t : q.tags()) {
            String tag = strip(t);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        AnswerKey answer = q.answer();
        if (answer instanceof AnswerKey.Blanks b) {
            answer = new AnswerKey.Blanks(b.accepted().stream()
                    .map(list -> List.copyOf(new LinkedHashSet<>(list.stream().map(QuestionValidator::strip).toList())))
                    .toList());
        } else if (answer instanceof AnswerKey.Reference r) {
            answer = new AnswerKey.Reference(r.text() == null ? null : r.text().strip());
        }
        BigDecimal points = q.points() == null ? null : plain(q.points());
        return new Question(emptyToNull(strip(q.id())), q.version(), emptyToNull(strip(q.bank())), q.type(),
                emptyToNull(strip(q.stem())), options, answer, emptyToNull(strip(q.explanation())),
                emptyToNull(strip(q.source())), List.copyOf(tags), emptyToNull(strip(q.category())), q.difficulty(),
                points, q.retired());
    }

    /**
     * The points of a question that does not say: 1 for single choice and judge, 2 for multiple choice, 1 per blank
     * of a fill-in question, 5 for an essay.
     */
    public static BigDecimal defaultPoints(QuestionType type, int blanks) {
        if (type == null) {
            return BigDecimal.ONE;
        }
        return switch (type) {
            case SINGLE, JUDGE -> BigDecimal.ONE;
            case MULTIPLE -> BigDecimal.valueOf(2);
            case FILL -> BigDecimal.valueOf(Math.max(1, blanks));
            case ESSAY -> BigDecimal.valueOf(5);
        };
    }

    /** 2.00 -> 2, 1.50 -> 1.5, 1E+1 -> 10. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // --- the rules ---------------------------------------------------------------------------------------------

    private static void checkId(String raw, List<Problem> p) {
        String id = strip(raw);
        if (id.isEmpty()) {
            p.add(of(F_ID, "quiz.error.id.required"));
        } else if (!validId(id)) {
            p.add(of(F_ID, "quiz.error.id.format", id, MAX_ID));
        }
    }

    private static void checkOptions(Question q, List<Problem> p) {
        List<String> options = q.options();
        if (!q.type().hasOptions()) {
            if (!options.isEmpty()) {
                p.add(of(F_OPTIONS, "quiz.error.options.not-allowed"));
            }
            return;
        }
        if (options.size() < MIN_OPTIONS || options.size() > Question.MAX_OPTIONS) {
            p.add(of(F_OPTIONS, "quiz.error.options.count", MIN_OPTIONS, Question.MAX_OPTIONS,
                    options.size()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < options.size() && i < Question.MAX_OPTIONS; i++) {
            String option = strip(options.get(i));
            if (option.isEmpty()) {
                p.add(of(F_OPTIONS, "quiz.error.option.blank", Question.letter(i)));
            } else if (option.length() > MAX_OPTION) {
                p.add(of(F_OPTIONS, "quiz.error.option.too-long", Question.letter(i), MAX_OPTION));
            } else {
                Integer first = seen.putIfAbsent(option, i);
                if (first != null) {
                    p.add(of(F_OPTIONS, "quiz.error.option.duplicate", Question.letter(i),
                            Question.letter(first)));
                }
            }
        }
    }

    private static void checkAnswer(Question q, List<Problem> p) {
        AnswerKey answer = q.answer();
        if (answer == null) {
            p.add(of(F_ANSWER, q.type() == QuestionType.ESSAY ? "quiz.error.essay.reference"
                    : "quiz.error.answer.required"));
            return;
        }
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                if (!(answer instanceof AnswerKey.Choices c)) {
                    p.add(of(F_ANSWER, "quiz.error.answer.kind"));
                    return;
                }
                checkChoices(q, c.correct(), p);
            }
            case JUDGE -> {
                if (!(answer instanceof AnswerKey.Judge)) {
                    p.add(of(F_ANSWER, "quiz.error.judge.answer"));
                }
            }
            case FILL -> {
                if (!(answer instanceof AnswerKey.Blanks b)) {
                    p.add(of(F_ANSWER, "quiz.error.answer.kind"));
                    return;
                }
                checkBlanks(q, b.accepted(), p);
            }
            case ESSAY -> {
                if (!(answer instanceof AnswerKey.Reference r)) {
                    p.add(of(F_ANSWER, "quiz.error.answer.kind"));
                } else if (strip(r.text()).isEmpty()) {
                    p.add(of(F_ANSWER, "quiz.error.essay.reference"));
                } else if (strip(r.text()).length() > MAX_REFERENCE) {
                    p.add(of(F_ANSWER, "quiz.error.essay.reference-too-long", MAX_REFERENCE));
                }
            }
            default -> throw new IllegalStateException(q.type().name());
        }
    }

    private static void checkChoices(Question q, List<Integer> correct, List<Problem> p) {
        int n = q.options().size();
        boolean inRange = true;
        for (int i : correct) {
            if (i < 0 || i >= n) {
                inRange = false;
                p.add(of(F_ANSWER, "quiz.error.answer.out-of-range",
                        i >= 0 && i < Question.MAX_OPTIONS ? Question.letter(i) : String.valueOf(i),
                        n == 0 ? "A" : Question.letter(Math.min(n, Question.MAX_OPTIONS) - 1)));
            }
        }
        if (q.type() == QuestionType.SINGLE) {
            if (correct.size() != 1) {
                p.add(of(F_ANSWER, "quiz.error.single.answer", correct.size()));
            }
            return;
        }
        if (correct.size() < 2) {
            p.add(of(F_ANSWER, "quiz.error.multiple.too-few", correct.size()));
        } else if (inRange && n >= 2 && correct.size() >= n) {
            p.add(of(F_ANSWER, "quiz.error.multiple.all-correct"));
        }
    }

    private static void checkBlanks(Question q, List<List<String>> accepted, List<Problem> p) {
        int blanks = q.blankCount();
        if (blanks == 0) {
            p.add(of(F_STEM, "quiz.error.fill.no-blank"));
        } else if (blanks > MAX_BLANKS) {
            p.add(of(F_STEM, "quiz.error.fill.too-many-blanks", MAX_BLANKS, blanks));
        }
        if (blanks > 0 && accepted.size() != blanks) {
            p.add(of(F_ANSWER, "quiz.error.fill.answer-count", blanks, accepted.size()));
        }
        for (int i = 0; i < accepted.size(); i++) {
            List<String> list = accepted.get(i);
            int no = i + 1;
            if (list.isEmpty()) {
                p.add(of(F_ANSWER, "quiz.error.fill.blank-empty", no));
                continue;
            }
            if (list.size() > MAX_ACCEPTED) {
                p.add(of(F_ANSWER, "quiz.error.fill.too-many-accepted", no, MAX_ACCEPTED));
            }
            for (String a : list) {
                String s = strip(a);
                if (s.isEmpty()) {
                    p.add(of(F_ANSWER, "quiz.error.fill.accepted-blank", no));
                } else if (s.length() > MAX_ACCEPTED_LENGTH) {
                    p.add(of(F_ANSWER, "quiz.error.fill.accepted-too-long", no, s, MAX_ACCEPTED_LENGTH));
                }
            }
        }
    }

    private static void checkSource(String raw, List<Problem> p) {
        String source = strip(raw);
        if (source.isEmpty()) {
            return;
        }
        if (source.length() > MAX_SOURCE) {
            p.add(of(F_SOURCE, "quiz.error.source.too-long", MAX_SOURCE));
            return;
        }
        int hash = source.indexOf('#');
        String material = hash < 0 ? source : source.substring(0, hash);
        String anchor = hash < 0 ? null : source.substring(hash + 1);
        boolean ok = !material.isEmpty();
        for (String seg : material.split("/", -1)) {
            ok &= !seg.equals(".") && !seg.equals("..") && MATERIAL_SEGMENT.matcher(seg).matches();
        }
        if (anchor != null) {
            ok &= ANCHOR.matcher(anchor).matches();
        }
        if (!ok) {
            p.add(of(F_SOURCE, "quiz.error.source.format", source));
        }
    }

    private static void checkTags(List<String> tags, List<Problem> p) {
        List<String> clean = new ArrayList<>();
        for (String t : tags) {
            String tag = strip(t);
            if (!tag.isEmpty() && !clean.contains(tag)) {
                clean.add(tag);
            }
        }
        if (clean.isEmpty()) {
            p.add(of(F_TAGS, "quiz.error.tags.required"));
            return;
        }
        if (tags.stream().anyMatch(t -> strip(t).isEmpty())) {
            p.add(of(F_TAGS, "quiz.error.tag.blank"));
        }
        for (String tag : clean) {
            if (tag.length() > MAX_TAG) {
                p.add(of(F_TAGS, "quiz.error.tag.too-long", tag, MAX_TAG));
            }
        }
        if (clean.size() > MAX_TAGS) {
            p.add(of(F_TAGS, "quiz.error.tags.too-many", MAX_TAGS, clean.size()));
        }
    }

    private static void checkPoints(BigDecimal points, List<Problem> p) {
        if (points == null) {
            p.add(of(F_POINTS, "quiz.error.points.required", MAX_POINTS.toPlainString()));
            return;
        }
        BigDecimal plain = plain(points);
        if (plain.signum() <= 0 || plain.compareTo(MAX_POINTS) > 0 || plain.scale() > MAX_POINTS_SCALE) {
            p.add(of(F_POINTS, "quiz.error.points", plain.toPlainString(), MAX_POINTS.toPlainString()));
        }
    }

    /** Numbers go in as text, so that a limit of 1000 reads "1000", not "1,000". */
    private static Problem of(String field, String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        return Problem.of(field, key, texts);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
