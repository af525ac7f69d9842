package org.mingze.quiz.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One question bank file (content-format.md, "Question banks: YAML") to its questions, or to every problem that
 * rejects it, each with file, line and question id. Read with SnakeYAML's node API so that every problem names its
 * line; each question is then checked by {@link QuestionValidator}. A bank with any problem is rejected whole; ids
 * repeated within the file are problems too (ids repeated across files are the loader's business). Unknown keys are
 * ignored. No I/O, no Spring.
 */
public final class BankParser {

    /** Larger files are rejected: a bank is text, not a data dump. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private static final Pattern TAG_SPLIT = Pattern.compile("[,，、;；]");
    private static final Pattern LETTER_SPLIT = Pattern.compile("[\\s,，、;；]+");

    private BankParser() {
    }

    /** A question read from the file, with the line where it starts. */
    public record Parsed(Question question, int line) {
    }

    /** The bank's name and questions, or the problems; {@code questions} is empty when there is any problem. */
    public record Result(String file, String bank, List<Parsed> questions, List<BankProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** @param file the path to show in messages, e.g. "content/questions/fagui.yaml" */
    public static Result parse(String file, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return rejected(file, null, List.of(BankProblem.of(file, 1, null, "quiz.bank.error.too-large",
                    MAX_FILE_BYTES / 1024 / 1024)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return rejected(file, null, List.of(BankProblem.of(file, 1, null, "quiz.bank.error.encoding")));
        }
        return parse(file, text);
    }

    public static Result parse(String file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<BankProblem> problems = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setCodePointLimit((int) MAX_FILE_BYTES);
            options.setAllowDuplicateKeys(true); // reported below, with their line
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = 1 + (e.getProblemMark() != null ? e.getProblemMark().getLine() : 0);
            if (e.getContextMark() != null && String.valueOf(e.getProblem()).contains("end of stream")) {
                line = 1 + e.getContextMark().getLine(); // an unclosed quote: where it was opened, not the end
            }
            return rejected(file, null, List.of(BankProblem.of(file, line, null, "quiz.bank.error.yaml",
                    String.valueOf(e.getProblem()))));
        } catch (YAMLException e) {
            return rejected(file, null, List.of(BankProblem.of(file, 1, null, "quiz.bank.error.yaml",
                    String.valueOf(e.getMessage()))));
        }
        if (!(root instanceof MappingNode map)) {
            return rejected(file, null, List.of(BankProblem.of(file, root == null ? 1 : line(root), null,
                    "quiz.bank.error.not-a-map")));
        }
        Map<String, Node> top = fields(map, file, null, problems);
        String bank = null;
        Node bankNode = top.get("bank");
        if (bankNode == null || isNull(bankNode)
                || bankNode instanceof ScalarNode s && s.getValue().isBlank()) {
            problems.add(BankProblem.of(file, bankNode == null ? 1 : line(bankNode), null,
                    "quiz.bank.error.bank-required"));
        } else if (!(bankNode instanceof ScalarNode s)) {
            problems.add(BankProblem.of(file, line(bankNode), null, "quiz.bank.error.not-text", "bank"));
        } else {
            bank = s.getValue().strip();
            if (bank.length() > QuestionValidator.MAX_BANK) {
                problems.add(BankProblem.of(file, line(bankNode), null, "quiz.error.bank.too-long",
                        QuestionValidator.MAX_BANK));
            }
        }
        String category = null;
        Node categoryNode = top.get("category");
        if (categoryNode != null && !isNull(categoryNode)) {
            if (categoryNode instanceof ScalarNode s) {
                category = s.getValue().strip().isEmpty() ? null : s.getValue().strip();
            } else {
                problems.add(BankProblem.of(file, line(categoryNode), null, "quiz.bank.error.not-text",
                        "category"));
            }
        }
        List<Parsed> questions = new ArrayList<>();
        Node list = top.get("questions");
        if (list == null) {
            problems.add(BankProblem.of(file, 1, null, "quiz.bank.error.questions-required"));
        } else if (list instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                Parsed q = question(item, file, bank, category, problems);
                if (q != null) {
                    questions.add(q);
                }
            }
        } else if (!isNull(list)) {
            problems.add(BankProblem.of(file, line(list), null, "quiz.bank.error.questions-not-list"));
        }
        duplicates(questions, file, problems);
        if (!problems.isEmpty()) {
            return rejected(file, bank, problems);
        }
        return new Result(file, bank, List.copyOf(questions), List.of());
    }

    private static Result rejected(String file, String bank, List<BankProblem> problems) {
        List<BankProblem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Result(file, bank, List.of(), List.copyOf(sorted));
    }

    // --- one question ------------------------------------------------------------------------------------------

    /** Reads one question; its problems are added. Returns what could be read (for duplicate ids), or null. */
    private static Parsed question(Node item, String file, String bank, String bankCategory,
                                   List<BankProblem> problems) {
        int qLine = line(item);
        if (!(item instanceof MappingNode map)) {
            problems.add(BankProblem.of(file, qLine, null, "quiz.bank.error.question-not-map"));
            return null;
        }
        String id = null;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")
                    && t.getValueNode() instanceof ScalarNode v && !isNull(v)) {
                id = v.getValue().strip();
                break;
            }
        }
        Reader r = new Reader(file, id, problems);
        Map<String, Node> f = fields(map, file, id, problems);
        r.text(f, "id"); // says so when the id is not a text
        Map<String, Integer> lines = new HashMap<>();
        f.forEach((key, node) -> lines.put(key, line(node)));
        if (f.containsKey("score") && f.containsKey("points")) {
            r.problem(f.get("points"), "points", "quiz.bank.error.score-and-points");
        }
        String stem = r.text(f, "stem");
        QuestionType type = null;
        String typeText = r.text(f, "type");
        if (typeText != null) {
            type = QuestionType.fromCode(typeText).orElse(null);
            if (type == null) {
                r.problem(f.get("type"), "type", "quiz.bank.error.type-unknown", typeText);
            }
        }
        List<String> options = r.options(f.get("options"));
        AnswerKey answer = type == null ? null : r.answer(f.get("answer"), type, stem);
        String explanation = r.text(f, "explanation");
        String source = r.text(f, "source");
        String category = r.text(f, "category");
        List<String> tags = r.tags(f.get("tags"));
        Integer difficulty = r.integer(f, "difficulty");
        Node pointsNode = f.containsKey("score") ? f.get("score") : f.get("points");
        if (pointsNode != null) {
            lines.put(QuestionValidator.F_POINTS, line(pointsNode));
        }
        BigDecimal points = r.decimal(pointsNode, f.containsKey("score") ? "score" : "points");
        Question draft = new Question(id, 1, bank, type, stem, options, answer, explanation, source, tags,
                category != null ? category : bankCategory,
                difficulty != null ? difficulty : QuestionValidator.DEFAULT_DIFFICULTY,
                points != null ? points : r.failed.contains("points") ? BigDecimal.ONE
                        : QuestionValidator.defaultPoints(type, blankCount(stem)), false);
        if (r.failed.contains(QuestionValidator.F_OPTIONS)) {
            r.failed.add(QuestionValidator.F_ANSWER); // an answer is judged against the options
        }
        Question q = QuestionValidator.normalise(draft);
        for (Problem p : QuestionValidator.validate(q)) {
            if (r.failed.contains(p.field()) || p.field().equals(QuestionValidator.F_BANK)) {
                continue; // already said more precisely, or a problem of the whole file (said once)
            }
            if (p.field().equals(QuestionValidator.F_ID) && f.get("id") == null) {
                problems.add(BankProblem.of(file, qLine, null, p.key(), p.args().toArray()));
                continue;
            }
            int at = lines.getOrDefault(p.field(), qLine);
            problems.add(new BankProblem(file, at, id, p.key(), p.args()));
        }
        return new Parsed(q, qLine);
    }

    private static int blankCount(String stem) {
        return stem == null ? 0 : (int) Question.BLANK.matcher(stem).results().count();
    }

    private static void duplicates(List<Parsed> questions, String file, List<BankProblem> problems) {
        Map<String, List<Parsed>> byId = questions.stream().filter(p -> p.question().id() != null)
                .collect(Collectors.groupingBy(p -> p.question().id(), LinkedHashMap::new, Collectors.toList()));
        for (var e : byId.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            for (Parsed p : e.getValue()) {
                String others = e.getValue().stream().filter(o -> o != p).map(o -> String.valueOf(o.line()))
                        .collect(Collectors.joining("、"));
                problems.add(BankProblem.of(file, p.line(), e.getKey(), "quiz.bank.error.duplicate-id", e.getKey(),
                        others));
            }
        }
    }

    /** The keys of a mapping with their value nodes; repeated and non-text keys are problems. */
    private static Map<String, Node> fields(MappingNode map, String file, String id, List<BankProblem> problems) {
        Map<String, Node> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(BankProblem.of(file, line(t.getKeyNode()), id, "quiz.bank.error.bad-key"));
                continue;
            }
            String name = key.getValue().strip();
            if (!seen.add(name)) {
                problems.add(BankProblem.of(file, line(t.getKeyNode()), id, "quiz.bank.error.duplicate-key", name));
                continue;
            }
            values.put(name, t.getValueNode());
        }
        return values;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** Reads the fields of one question, remembering which fields failed (their validator problems are moot). */
    private static final class Reader {
        private final String file;
        private final String id;
        private final List<BankProblem> problems;
        private final Set<String> failed = new HashSet<>();

        Reader(String file, String id, List<BankProblem> problems) {
            this.file = file;
            this.id = id;
            this.problems = problems;
        }

        void problem(Node at, String field, String key, Object... args) {
            failed.add(field);
            problems.add(BankProblem.of(file, line(at), id, key, args));
        }

        String text(Map<String, Node> f, String key) {
            Node node = f.get(key);
            if (node == null || isNull(node)) {
                return null;
            }
            if (!(node instanceof ScalarNode s)) {
                problem(node, key, "quiz.bank.error.not-text", key);
                return null;
            }
            String v = s.getValue().strip();
            return v.isEmpty() ? null : v;
        }

        List<String> options(Node node) {
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, QuestionValidator.F_OPTIONS, "quiz.bank.error.options-not-list");
                return List.of();
            }
            List<String> options = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    problem(item, QuestionValidator.F_OPTIONS, "quiz.bank.error.options-not-list");
                    return List.of();
                }
                options.add(isNull(s) ? "" : s.getValue().strip());
            }
            return options;
        }

        List<String> tags(Node node) {
            if (node == null || isNull(node)) {
                return List.of();
            }
            List<String> raw = new ArrayList<>();
            if (node instanceof ScalarNode s) {
                raw.addAll(List.of(TAG_SPLIT.split(s.getValue())));
            } else if (node instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (!(item instanceof ScalarNode s)) {
                        problem(item, QuestionValidator.F_TAGS, "quiz.bank.error.tags");
                        return List.of();
                    }
                    raw.add(s.getValue());
                }
            } else {
                problem(node, QuestionValidator.F_TAGS, "quiz.bank.error.tags");
                return List.of();
            }
            return raw.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        }

        Integer integer(Map<String, Node> f, String key) {
            Node node = f.get(key);
            if (node == null || isNull(node)) {
                return null;
            }
            String v = node instanceof ScalarNode s ? s.getValue().strip() : "";
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                problem(node, key, "quiz.bank.error.number", key, v);
                return null;
            }
        }

        BigDecimal decimal(Node node, String key) {
            if (node == null || isNull(node)) {
                return null;
            }
            String v = node instanceof ScalarNode s ? s.getValue().strip() : "";
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                problem(node, QuestionValidator.F_POINTS, "quiz.bank.error.number", key, v);
                return null;
            }
        }

        AnswerKey answer(Node node, QuestionType type, String stem) {
            if (node == null || isNull(node)) {
                return null; // the validator says an answer is needed
            }
            return switch (type) {
                case SINGLE, MULTIPLE -> letters(node);
                case JUDGE -> judge(node);
                case FILL -> blanks(node, stem);
                case ESSAY -> {
                    if (node instanceof ScalarNode s) {
                        yield new AnswerKey.Reference(s.getValue().strip());
                    }
                    problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-essay");
                    yield null;
                }
            };
        }

        /** "B", [A, C, D], "A, C, D" or "ACD". */
        private AnswerKey letters(Node node) {
            List<String> parts = new ArrayList<>();
            if (node instanceof ScalarNode s) {
                String v = s.getValue().strip();
                if (!v.isEmpty() && LETTER_SPLIT.matcher(v).find()) {
                    parts.addAll(List.of(LETTER_SPLIT.split(v)));
                } else if (v.length() > 1 && v.chars().allMatch(Character::isLetter)) {
                    v.chars().forEach(c -> parts.add(String.valueOf((char) c)));
                } else {
                    parts.add(v);
                }
            } else if (node instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (!(item instanceof ScalarNode s)) {
                        problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-letters");
                        return null;
                    }
                    parts.add(s.getValue().strip());
                }
            } else {
                problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-letters");
                return null;
            }
            List<Integer> indexes = new ArrayList<>();
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                int i = Question.index(part);
                if (i < 0) {
                    problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-letter", part);
                    return null;
                }
                indexes.add(i);
            }
            return new AnswerKey.Choices(indexes);
        }

        private AnswerKey judge(Node node) {
            String v = node instanceof ScalarNode s ? s.getValue().strip().toLowerCase(Locale.ROOT) : "";
            switch (v) {
                case "true", "yes", "对", "正确", "√", "✓" -> {
                    return new AnswerKey.Judge(true);
                }
                case "false", "no", "错", "错误", "×", "✗" -> {
                    return new AnswerKey.Judge(false);
                }
                default -> {
                    problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-judge", v);
                    return null;
                }
            }
        }

        /** [[党委书记, 书记]], [[基础], [支撑]]; a plain text for a single blank; [甲, 乙] for blanks of one answer. */
        private AnswerKey blanks(Node node, String stem) {
            if (node instanceof ScalarNode s) {
                return new AnswerKey.Blanks(List.of(List.of(s.getValue().strip())));
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-fill");
                return null;
            }
            List<List<String>> accepted = new ArrayList<>();
            boolean allScalars = true;
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    accepted.add(List.of(s.getValue().strip()));
                } else if (item instanceof SequenceNode inner) {
                    allScalars = false;
                    List<String> list = new ArrayList<>();
                    for (Node a : inner.getValue()) {
                        if (!(a instanceof ScalarNode s)) {
                            problem(a, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-fill");
                            return null;
                        }
                        list.add(s.getValue().strip());
                    }
                    accepted.add(list);
                } else {
                    problem(item, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-fill");
                    return null;
                }
            }
            if (allScalars && accepted.size() > 1 && blankCount(stem) == 1) {
                // [党委书记, 书记] for one blank: alternatives meant, but written as two blanks
                problem(node, QuestionValidator.F_ANSWER, "quiz.bank.error.answer-fill");
                return null;
            }
            return new AnswerKey.Blanks(accepted);
        }
    }
}
