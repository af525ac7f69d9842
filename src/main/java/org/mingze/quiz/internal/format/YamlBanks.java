package org.mingze.quiz.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.internal.BankParser;
import org.mingze.quiz.internal.BankProblem;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Question banks as YAML, exactly the format of content-format.md and content/questions/*.yaml. Reading is
 * {@link BankParser}'s (the one YAML reader of the app); this class turns its result into the import's terms and
 * writes banks: {@code bank:}, the bank's {@code category:} when every question has one, {@code questions:} with
 * id, type, stem, options (one per line), answer, explanation, source, tags, category (when it differs),
 * difficulty and score. Texts are written plain where YAML reads them back as the same text, else double-quoted;
 * texts of several lines as literal blocks ({@code |}). What this writes, BankParser reads back unchanged.
 */
public final class YamlBanks {

    private static final Resolver RESOLVER = new Resolver();
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlBanks() {
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** Reads one bank file through {@link BankParser}; problems carry their line and the field they concern. */
    public static ReadResult read(String fileName, byte[] content) {
        BankParser.Result r = BankParser.parse(fileName, content);
        List<Problem> problems = r.problems().stream()
                .map(p -> new Problem(p.line(), field(p), p.key(), p.args())).toList();
        List<ReadQuestion> questions = r.questions().stream().map(p -> new ReadQuestion(p.question(), p.line()))
                .toList();
        return new ReadResult(problems.isEmpty() ? questions : List.of(), problems);
    }

    /** The field a bank parser's problem concerns, from its key (BankProblem names the line, not the field). */
    static String field(BankProblem p) {
        String key = p.key();
        if (key.startsWith("quiz.error.")) {
            String rest = key.substring("quiz.error.".length());
            String head = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            return switch (head) {
                case "id", "missing", "stale" -> Fields.ID;
                case "bank" -> Fields.BANK;
                case "type" -> Fields.TYPE;
                case "stem" -> Fields.STEM;
                case "options", "option" -> Fields.OPTIONS;
                case "fill" -> rest.equals("fill.no-blank") || rest.equals("fill.too-many-blanks") ? Fields.STEM
                        : Fields.ANSWER;
                case "answer", "single", "multiple", "judge", "essay" -> Fields.ANSWER;
                case "explanation" -> Fields.EXPLANATION;
                case "source" -> Fields.SOURCE;
                case "tags", "tag" -> Fields.TAGS;
                case "category" -> Fields.CATEGORY;
                case "difficulty" -> Fields.DIFFICULTY;
                case "points" -> Fields.POINTS;
                default -> Fields.QUESTION;
            };
        }
        String rest = key.substring(key.lastIndexOf('.') + 1);
        if (rest.startsWith("answer-")) {
            return Fields.ANSWER;
        }
        String arg = p.args().isEmpty() ? "" : String.valueOf(p.args().get(0));
        return switch (rest) {
            case "type-unknown" -> Fields.TYPE;
            case "options-not-list" -> Fields.OPTIONS;
            case "tags" -> Fields.TAGS;
            case "score-and-points" -> Fields.POINTS;
            case "duplicate-id", "duplicate-id-across" -> Fields.ID;
            case "bank-required" -> Fields.BANK;
            case "number", "not-text" -> switch (arg) {
                case "score", "points" -> Fields.POINTS;
                case "id", "bank", "type", "stem", "explanation", "source", "category", "difficulty" -> arg;
                default -> Fields.QUESTION;
            };
            case "question-not-map", "duplicate-key", "bad-key" -> Fields.QUESTION;
            default -> Fields.FILE;
        };
    }

    // --- writing -----------------------------------------------------------------------------------------------

    /** One bank file holding these questions (all of the named bank), in the order given. */
    public static Written write(String bank, List<Question> questions) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(oneLine(bank)).append("（明责导出，").append(questions.size()).append(" 题）\n");
        y.append("bank: ").append(scalar(bank, false)).append('\n');
        String category = bankCategory(questions);
        if (category != null) {
            y.append("category: ").append(scalar(category, false)).append('\n');
        }
        y.append("questions:\n");
        boolean first = true;
        for (Question q : questions) {
            if (!first) {
                y.append('\n');
            }
            first = false;
            question(y, q, category);
        }
        return new Written(y.toString().getBytes(StandardCharsets.UTF_8), questions.size(), List.of(), List.of());
    }

    /** The questions by bank (in the order met), as one file each. */
    public static Map<String, Written> writeByBank(List<Question> questions) {
        Map<String, List<Question>> byBank = questions.stream().collect(Collectors.groupingBy(
                q -> Objects.requireNonNullElse(q.bank(), ""), LinkedHashMap::new, Collectors.toList()));
        Map<String, Written> files = new LinkedHashMap<>();
        byBank.forEach((bank, list) -> files.put(bank, write(bank, list)));
        return files;
    }

    /** A file name for a bank: its name without characters file systems refuse, + .yaml. */
    public static String fileName(String bank) {
        String name = bank == null ? "" : bank.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (name.isEmpty() || name.startsWith(".") ? "bank" + name : name) + ".yaml";
    }

    /** Several files (name, content) as one .zip; a name met again gets -2, -3 ... before its extension. */
    public static byte[] zip(List<Map.Entry<String, byte[]>> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Set<String> used = new HashSet<>();
            for (var e : files) {
                String name = e.getKey();
                int n = 2;
                while (!used.add(name)) {
                    name = e.getKey().replaceFirst("(\\.[^.]*)?$", "-" + n++ + "$1");
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The category every question has (the most common of them), or null when one has none. */
    private static String bankCategory(List<Question> questions) {
        if (questions.isEmpty() || questions.stream().anyMatch(q -> q.category() == null)) {
            return null;
        }
        Map<String, Long> counts = questions.stream().collect(Collectors.groupingBy(Question::category,
                LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static void question(StringBuilder y, Question q, String bankCategory) {
        y.append("  - id: ").append(scalar(q.id() == null ? "" : q.id(), false)).append('\n');
        y.append("    type: ").append(q.type() == null ? "\"\"" : q.type().code()).append('\n');
        text(y, "stem", q.stem());
        if (!q.options().isEmpty()) {
            y.append("    options:\n");
            for (String o : q.options()) {
                y.append("      - ").append(scalar(o, false)).append('\n');
            }
        }
        answer(y, q.answer());
        text(y, "explanation", q.explanation());
        if (q.source() != null) {
            y.append("    source: ").append(scalar(q.source(), false)).append('\n');
        }
        if (!q.tags().isEmpty()) {
            y.append("    tags: ").append(flowList(q.tags())).append('\n');
        }
        if (q.category() != null && !q.category().equals(bankCategory)) {
            y.append("    category: ").append(scalar(q.category(), false)).append('\n');
        }
        y.append("    difficulty: ").append(q.difficulty()).append('\n');
        if (q.points() != null) {
            y.append("    score: ").append(Syntax.number(q.points())).append('\n');
        }
    }

    private static void answer(StringBuilder y, AnswerKey answer) {
        if (answer == null) {
            return;
        }
        if (answer instanceof AnswerKey.Choices c) {
            List<String> letters = c.correct().stream()
                    .map(i -> i >= 0 && i < Question.MAX_OPTIONS ? Question.letter(i) : String.valueOf(i)).toList();
            y.append("    answer: ").append(letters.size() == 1 ? letters.get(0) : "[" + String.join(", ", letters)
                    + "]").append('\n');
        } else if (answer instanceof AnswerKey.Judge j) {
            y.append("    answer: ").append(j.value()).append('\n');
        } else if (answer instanceof AnswerKey.Blanks b) {
            y.append("    answer: [").append(b.accepted().stream().map(YamlBanks::flowList)
                    .collect(Collectors.joining(", "))).append("]\n");
        } else if (answer instanceof AnswerKey.Reference r) {
            text(y, "answer", r.text());
        }
    }

    /** {@code key: text}, a literal block for texts of several lines; nothing for null. */
    private static void text(StringBuilder y, String key, String value) {
        if (value == null) {
            return;
        }
        y.append("    ").append(key).append(": ");
        if (value.indexOf('\n') >= 0 && literalSafe(value)) {
            y.append("|\n");
            for (String line : value.split("\n", -1)) {
                y.append(line.isEmpty() ? "" : "      " + line).append('\n');
            }
        } else {
            y.append(scalar(value, false)).append('\n');
        }
    }

    private static String flowList(List<String> items) {
        return items.stream().map(s -> scalar(s, true)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A text as YAML writes it: plain when YAML reads it back as that same text, else double-quoted. */
    static String scalar(String s, boolean flow) {
        return plainSafe(s, flow) ? s : quoted(s);
    }

    private static boolean plainSafe(String s, boolean flow) {
        if (s.isEmpty() || !s.equals(s.strip()) || INDICATORS.indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isWhitespace(c) && c != ' '
                    || flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == '?')) {
                return false;
            }
        }
        return Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true));
    }

    /** Whether a text of several lines can be a literal block: no control characters but line breaks, no tabs. */
    private static boolean literalSafe(String s) {
        if (!s.equals(s.strip())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || c == '\uFEFF')) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
