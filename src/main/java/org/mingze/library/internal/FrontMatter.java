package org.mingze.library.internal;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
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

/**
 * The YAML front matter of a material file (content-format.md): split from the body, read with SnakeYAML's node
 * API so that every problem names its line, and written back for uploads. Unknown keys are ignored.
 */
public final class FrontMatter {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CATEGORY = 50;
    public static final int MAX_TAG = 50;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_ID = 200;
    public static final int MAX_MINUTES = 600;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TAG_SPLIT = Pattern.compile("[,，、;；]");

    private FrontMatter() {
    }

    /** The fields as read; null where absent. */
    public record Fields(String title, String category, List<String> tags, String source, LocalDate date,
                         String summary, String id, Integer minutes) {
    }

    /** A file split into front matter and body. {@code bodyLine} is the 1-based line where the body starts. */
    public record Split(String yaml, int yamlLine, String body, int bodyLine) {
    }

    /** Splits a file's text; adds a problem and returns null when it has no (closed) front matter. */
    public static Split split(String text, String file, List<LoadProblem> problems) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(LoadProblem.of(file, 1, "library.error.no-front-matter"));
            return null;
        }
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new Split(yaml, 2, body, i + 2);
            }
        }
        problems.add(LoadProblem.of(file, 1, "library.error.front-matter-open"));
        return null;
    }

    /** Reads the fields; every problem found is added (with its line), and null returned if there was any. */
    public static Fields read(Split split, String file, List<LoadProblem> problems) {
        int before = problems.size();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(split.yaml()));
        } catch (MarkedYAMLException e) {
            int line = split.yamlLine() + (e.getProblemMark() != null ? e.getProblemMark().getLine() : 0);
            problems.add(LoadProblem.of(file, line, "library.error.yaml", String.valueOf(e.getProblem())));
            return null;
        } catch (YAMLException e) {
            problems.add(LoadProblem.of(file, split.yamlLine(), "library.error.yaml", String.valueOf(e.getMessage())));
            return null;
        }
        if (root != null && !(root instanceof MappingNode)) {
            problems.add(LoadProblem.of(file, split.yamlLine(), "library.error.not-a-map"));
            return null;
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        if (root instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                int line = line(split, t.getKeyNode());
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    problems.add(LoadProblem.of(file, line, "library.error.bad-key"));
                    continue;
                }
                if (!seen.add(key.getValue())) {
                    problems.add(LoadProblem.of(file, line, "library.error.duplicate-key", key.getValue()));
                    continue;
                }
                values.put(key.getValue(), t.getValueNode());
            }
        }
        int fmLine = split.yamlLine() - 1;
        String title = text(values, "title", MAX_TITLE, true, split, file, fmLine, problems);
        String category = text(values, "category", MAX_CATEGORY, true, split, file, fmLine, problems);
        String source = text(values, "source", MAX_SOURCE, false, split, file, fmLine, problems);
        String summary = text(values, "summary", MAX_SUMMARY, false, split, file, fmLine, problems);
        String id = text(values, "id", MAX_ID, false, split, file, fmLine, problems);
        if (id != null && !validId(id)) {
            problems.add(LoadProblem.of(file, line(split, values.get("id")), "library.error.id", id));
        }
        List<String> tags = tags(values.get("tags"), split, file, problems);
        LocalDate date = date(values.get("date"), split, file, problems);
        Integer minutes = minutes(values.get("minutes"), split, file, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Fields(title, category, tags, source, date, summary, id, minutes);
    }

    /**
     * A material id: "/"-separated segments of letters, digits, "-", "_" and "." (CJK allowed); no empty, "." or
     * ".." segment; nothing that would break a URL or an {@code id#anchor} reference.
     */
    public static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return false;
        }
        for (String seg : id.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return false;
            }
            if (!seg.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static int line(Split split, Node node) {
        return split.yamlLine() + node.getStartMark().getLine();
    }

    private static String text(Map<String, Node> values, String key, int max, boolean required, Split split,
                               String file, int fmLine, List<LoadProblem> problems) {
        Node node = values.get(key);
        if (node == null) {
            if (required) {
                problems.add(LoadProblem.of(file, fmLine, "library.error.required", key));
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(LoadProblem.of(file, line(split, node), "library.error.not-text", key));
            return null;
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(LoadProblem.of(file, line(split, node), "library.error.required", key));
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(LoadProblem.of(file, line(split, node), "library.error.too-long", key, max));
            return null;
        }
        return value;
    }

    private static List<String> tags(Node node, Split split, String file, List<LoadProblem> problems) {
        if (node == null) {
            return List.of();
        }
        List<String> raw = new ArrayList<>();
        if (node instanceof ScalarNode s) {
            raw.addAll(List.of(TAG_SPLIT.split(s.getValue())));
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    problems.add(LoadProblem.of(file, line(split, item), "library.error.tags"));
                    return List.of();
                }
                raw.add(s.getValue());
            }
        } else {
            problems.add(LoadProblem.of(file, line(split, node), "library.error.tags"));
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String t : raw) {
            String tag = t.strip();
            if (tag.length() > MAX_TAG) {
                problems.add(LoadProblem.of(file, line(split, node), "library.error.too-long", "tags", MAX_TAG));
                return List.of();
            }
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    private static LocalDate date(Node node, Split split, String file, List<LoadProblem> problems) {
        if (node == null) {
            return null;
        }
        String value = node instanceof ScalarNode s ? s.getValue().strip() : String.valueOf(node.getNodeId());
        if (value.isEmpty()) {
            return null;
        }
        if (node instanceof ScalarNode && DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                // fall through to the problem below
            }
        }
        problems.add(LoadProblem.of(file, line(split, node), "library.error.date", value));
        return null;
    }

    private static Integer minutes(Node node, Split split, String file, List<LoadProblem> problems) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            try {
                int m = Integer.parseInt(s.getValue().strip());
                if (m >= 1 && m <= MAX_MINUTES) {
                    return m;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        problems.add(LoadProblem.of(file, line(split, node), "library.error.minutes",
                node instanceof ScalarNode s ? s.getValue() : "", MAX_MINUTES));
        return null;
    }

    /** The front matter of an uploaded material, in the order of content-format.md, then the body. */
    public static String write(Fields f, String body) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", f.title());
        map.put("category", f.category());
        if (f.tags() != null && !f.tags().isEmpty()) {
            map.put("tags", f.tags());
        }
        if (f.source() != null) {
            map.put("source", f.source());
        }
        if (f.date() != null) {
            map.put("date", f.date().toString());
        }
        if (f.summary() != null) {
            map.put("summary", f.summary());
        }
        if (f.id() != null) {
            map.put("id", f.id());
        }
        if (f.minutes() != null) {
            map.put("minutes", f.minutes());
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(10_000);
        options.setSplitLines(false);
        String yaml = new Yaml(options).dump(map);
        String text = body == null ? "" : body.strip();
        return "---\n" + yaml + "---\n" + text + "\n";
    }
}
