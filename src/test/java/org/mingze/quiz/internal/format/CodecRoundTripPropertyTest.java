package org.mingze.quiz.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.internal.QuestionValidator;

/**
 * Property test of every import/export codec: random valid questions of all five types, full of the characters that
 * make formats stumble (quotes, colons, ?, #, %, ~, =, braces, brackets, backslashes, ideographic spaces U+3000 at
 * the ends and inside, full-width punctuation, line breaks, tags with spaces), written and read back. Every field a
 * format can express must come back equal (after the validator's normalisation, which trims the ends); a question a
 * format cannot express must be refused by the writer (skipped and named), never silently changed.
 */
class CodecRoundTripPropertyTest {

    private static final long SEED = 20261128L;
    private static final int CASES = 400;

    /** Pieces texts are made of; several are what a codec escapes. */
    private static final String[] PIECES = {
        "党委", "书记", "主体责任", "一岗双责", "纪委", "监督", "第一责任人", "派出所", "学习", "考核",
        "abc", "Party", "x1", "123", "true", "null", "yes", "~", "=", "#", " #", "# ", "%", "%50%", "%-100%", "%100%",
        ":", ": ", "::", "?", "? ", "{", "}", "{}", "[", "]", "[tag:x]", "\\", "\\n", "\"", "'", "`", "*", "&", "!",
        "|", "/", "//", ",", "-", "- ", ">", "@", "\u3000", "\u3000\u3000", "：", "？", "！", "，", "。", "；", "（",
        "）", "【", "】", "「", "」", "、", "“", "”", "～", "＝", "＃", "％", " ", "  ", "A.", "B)", "ANSWER: A",
        "$CATEGORY:", "####", "<br>", "&amp;", "\t"
    };

    private static final String[] TEXT_PIECES = {"党委", "书记", "主体责任", "一岗双责", "纪委", "abc", "考核", "题"};

    private final Random rnd = new Random(SEED);

    @Test
    void random_questions_written_as_xlsx_read_back_equal_or_are_refused_by_name() {
        List<Question> questions = questions(CASES);

        Written w = XlsxWriter.write(questions, Samples.zh());
        ReadResult r = XlsxReader.read("随机.xlsx", w.bytes());

        Set<String> skipped = ids(w.skipped());
        List<Question> expected = questions.stream().filter(q -> !skipped.contains(q.id())).toList();
        assertThat(skipped).as("only fill-in answers holding ; ； or | are refused")
                .allMatch(id -> byId(questions).get(id).answer() instanceof AnswerKey.Blanks b
                        && b.accepted().stream().flatMap(List::stream).anyMatch(a -> !Syntax.writableAlternative(a)));
        assertEqual(expected, Samples.questions(r), q -> q);
    }

    @Test
    void random_questions_written_as_yaml_read_back_equal() {
        List<Question> questions = questions(CASES);

        Map<String, List<Question>> byBank = questions.stream()
                .collect(Collectors.groupingBy(Question::bank, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Question>> bank : byBank.entrySet()) {
            Written w = YamlBanks.write(bank.getKey(), bank.getValue());
            ReadResult r = YamlBanks.read(YamlBanks.fileName(bank.getKey()), w.bytes());
            assertThat(w.skipped()).isEmpty();
            assertThat(r.problems()).as("problems reading back bank %s:%n%s", bank.getKey(),
                    new String(w.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
            assertEqual(bank.getValue(), Samples.questions(r), q -> q);
        }
    }

    @Test
    void random_questions_written_as_gift_read_back_equal() {
        List<Question> questions = questions(CASES);

        Written w = Gift.write(questions);
        ReadResult r = Gift.read(w.bytes());

        assertThat(w.skipped()).isEmpty();
        assertEqual(questions, Samples.questions(r), q -> q);
    }

    @Test
    void random_single_choice_questions_written_as_aiken_read_back_with_stem_options_and_answer() {
        List<Question> questions = questions(CASES);

        Written w = Aiken.write(questions);
        ReadResult r = Aiken.read(w.bytes());

        Set<String> skipped = ids(w.skipped());
        List<Question> expected = questions.stream().filter(q -> !skipped.contains(q.id())).toList();
        assertThat(expected).as("Aiken writes every single-choice question that fits on lines")
                .allMatch(q -> q.type() == QuestionType.SINGLE)
                .hasSizeGreaterThan(questions.stream().filter(q -> q.type() == QuestionType.SINGLE).toList().size()
                        / 2);
        assertThat(w.skipped()).as("skipped for the type or for line breaks, nothing else")
                .allMatch(n -> byId(questions).get(n.questionId()).type() != QuestionType.SINGLE
                        ? n.key().equals("quiz.export.skip.aiken-type")
                        : n.key().equals("quiz.export.skip.aiken-lines") && multiLine(byId(questions)
                                .get(n.questionId())));
        Function<Question, Object> aiken = q -> List.of(q.type(), q.stem(), q.options(), q.answer());
        assertEqual(expected, Samples.questions(r), aiken);
    }

    // --- comparing ---------------------------------------------------------------------------------------------

    private static void assertEqual(List<Question> written, List<Question> read, Function<Question, Object> view) {
        List<Question> expected = Samples.norm(written);
        assertThat(read).as("questions read back").hasSameSizeAs(expected);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Object want = view.apply(expected.get(i));
            Object got = view.apply(read.get(i));
            if (!want.equals(got)) {
                diffs.add(expected.get(i).id() + "\n  written: " + want + "\n  read:    " + got);
            }
        }
        assertThat(diffs).as("questions that changed on the way (%d)", diffs.size()).isEmpty();
    }

    private static Set<String> ids(List<Written.Note> notes) {
        return notes.stream().map(Written.Note::questionId).collect(Collectors.toSet());
    }

    private static Map<String, Question> byId(List<Question> questions) {
        return questions.stream().collect(Collectors.toMap(Question::id, q -> q));
    }

    private static boolean multiLine(Question q) {
        return q.stem().contains("\n") || q.options().stream().anyMatch(o -> o.contains("\n"));
    }

    // --- generating --------------------------------------------------------------------------------------------

    private List<Question> questions(int n) {
        rnd.setSeed(SEED);
        List<Question> list = new ArrayList<>();
        List<String> banks = List.of("随机：题库 一", "bank: #2 [测试]", "甲/乙 题库", "\u3000全角　题库？");
        for (int i = 0; i < n; i++) {
            QuestionType type = QuestionType.values()[i % QuestionType.values().length];
            Question q = question("rt-" + (i + 1) + (rnd.nextInt(4) == 0 ? ".v_" + i : ""),
                    banks.get(rnd.nextInt(banks.size())), type);
            assertThat(QuestionValidator.validate(QuestionValidator.normalise(q))).as("generated %s", q).isEmpty();
            list.add(q);
        }
        return list;
    }

    private Question question(String id, String bank, QuestionType type) {
        List<String> options = List.of();
        AnswerKey answer;
        String stem = text(1, 8, rnd.nextInt(12) == 0);
        switch (type) {
            case SINGLE, MULTIPLE -> {
                int count = type == QuestionType.SINGLE ? 2 + rnd.nextInt(7) : 3 + rnd.nextInt(6);
                options = distinct(count, () -> text(1, 5, rnd.nextInt(40) == 0));
                if (type == QuestionType.SINGLE) {
                    answer = new AnswerKey.Choices(List.of(rnd.nextInt(count)));
                } else {
                    List<Integer> all = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        all.add(i);
                    }
                    java.util.Collections.shuffle(all, rnd);
                    answer = new AnswerKey.Choices(all.subList(0, 2 + rnd.nextInt(count - 2)));
                }
            }
            case JUDGE -> answer = new AnswerKey.Judge(rnd.nextBoolean());
            case FILL -> {
                int blanks = 1 + rnd.nextInt(4);
                StringBuilder s = new StringBuilder(text(0, 3, false));
                List<List<String>> accepted = new ArrayList<>();
                for (int b = 0; b < blanks; b++) {
                    s.append("_".repeat(3 + rnd.nextInt(4))).append(text(1, 3, false));
                    accepted.add(distinct(1 + rnd.nextInt(3), () -> text(1, 3, false)));
                }
                stem = s.append(rnd.nextBoolean() ? "。" : "").toString();
                if (stem.strip().isEmpty() || Question.BLANK.matcher(stem.strip()).matches()) {
                    stem = "填空" + stem;
                }
                answer = new AnswerKey.Blanks(accepted);
            }
            case ESSAY -> answer = new AnswerKey.Reference(text(1, 10, rnd.nextBoolean()));
            default -> throw new IllegalStateException();
        }
        List<String> tags = distinct(1 + rnd.nextInt(4), this::tag);
        String source = switch (rnd.nextInt(3)) {
            case 0 -> null;
            case 1 -> "zhuti/diyi-zeren";
            default -> "zhuti/diyi-zeren#一什么是第一责任人";
        };
        String category = rnd.nextInt(3) == 0 ? null : text(1, 3, false);
        BigDecimal points = List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("2.5"),
                new BigDecimal("0.25"), new BigDecimal("10"), new BigDecimal("33.33"), new BigDecimal("100"))
                .get(rnd.nextInt(7));
        return new Question(id, 1, bank, type, stem, options, answer, text(1, 10, rnd.nextInt(3) == 0), source, tags,
                category, 1 + rnd.nextInt(5), points, false);
    }

    /** A text of min..max pieces, perhaps with line breaks, never only spaces, never with ___ (a blank). */
    private String text(int min, int max, boolean lines) {
        StringBuilder s = new StringBuilder();
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            s.append(rnd.nextInt(3) == 0 ? TEXT_PIECES[rnd.nextInt(TEXT_PIECES.length)]
                    : PIECES[rnd.nextInt(PIECES.length)]);
            if (lines && rnd.nextInt(3) == 0) {
                s.append(rnd.nextBoolean() ? "\n" : "\n\n");
            }
        }
        if (min > 0 && s.toString().isBlank()) {
            s.append("题");
        }
        if (min > 0 && rnd.nextInt(5) == 0) {
            s.insert(0, "\u3000").append(rnd.nextBoolean() ? "\u3000" : " ");
        }
        return s.toString();
    }

    /** A tag: words with inner spaces (ASCII or U+3000), never a tag separator. */
    private String tag() {
        String t = TEXT_PIECES[rnd.nextInt(TEXT_PIECES.length)] + (rnd.nextBoolean() ? " " : "\u3000")
                + PIECES[rnd.nextInt(PIECES.length)] + TEXT_PIECES[rnd.nextInt(TEXT_PIECES.length)];
        return t.replaceAll("[、,，;；\n\t]", "·");
    }

    private static List<String> distinct(int count, java.util.function.Supplier<String> next) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String s = next.get();
            if (seen.add(s.strip())) {
                out.add(s);
            }
        }
        return out;
    }
}
