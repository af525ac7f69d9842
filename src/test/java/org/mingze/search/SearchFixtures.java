package org.mingze.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.quiz.IndexableQuestion;
import org.mingze.quiz.QuestionSource;
import org.mingze.quiz.QuestionType;

/**
 * Test materials for search: the fixture corpus in {@code src/test/resources/search/corpus.txt} and a
 * {@link MaterialSource} over a changeable list (test code only; the library provides the real one); a few fixture
 * questions ({@link #questions()}) and a {@link QuestionSource} over a changeable list (the quiz module provides the
 * real one).
 */
public final class SearchFixtures {

    private SearchFixtures() {
    }

    /** The fixture corpus: about twenty short materials covering the domain, one of them archived. */
    public static List<IndexableMaterial> corpus() {
        List<IndexableMaterial> out = new ArrayList<>();
        try (var in = SearchFixtures.class.getResourceAsStream("/search/corpus.txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> meta = null;
            List<IndexableMaterial.Section> sections = new ArrayList<>();
            String anchor = "";
            String heading = "";
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") && !line.startsWith("##")) {
                    continue;
                }
                if (line.startsWith("=== ") || line.startsWith("## ")) {
                    if (meta != null && (!text.isEmpty() || !heading.isEmpty())) {
                        sections.add(new IndexableMaterial.Section(anchor, heading, heading.isEmpty() ? 0 : 2,
                                text.toString().strip()));
                    }
                    text.setLength(0);
                }
                if (line.startsWith("=== ")) {
                    if (meta != null) {
                        out.add(material(meta, sections));
                    }
                    meta = new LinkedHashMap<>();
                    for (String part : line.substring(4).split("\\|")) {
                        int colon = part.indexOf(':');
                        meta.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
                    }
                    sections = new ArrayList<>();
                    anchor = "";
                    heading = "";
                } else if (line.startsWith("## ")) {
                    String[] parts = line.substring(3).split("\\|", 2);
                    anchor = parts[0].strip();
                    heading = parts[1].strip();
                } else if (meta != null && !line.isBlank()) {
                    text.append(line.strip()).append('\n');
                }
            }
            if (meta != null) {
                if (!text.isEmpty() || !heading.isEmpty()) {
                    sections.add(new IndexableMaterial.Section(anchor, heading, heading.isEmpty() ? 0 : 2,
                            text.toString().strip()));
                }
                out.add(material(meta, sections));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static IndexableMaterial material(String id, String title, String category, String text) {
        return new IndexableMaterial(id, title, category, List.of(), LocalDate.of(2025, 1, 1), null, false,
                List.of(new IndexableMaterial.Section("", "", 0, text)));
    }

    private static IndexableMaterial material(Map<String, String> meta, List<IndexableMaterial.Section> sections) {
        String tags = meta.getOrDefault("tags", "");
        return new IndexableMaterial(meta.get("id"), meta.get("title"), meta.get("category"),
                tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).toList(),
                meta.containsKey("date") ? LocalDate.parse(meta.get("date")) : null, null,
                Boolean.parseBoolean(meta.getOrDefault("archived", "false")), List.copyOf(sections));
    }

    /** A material source over a list that a test may change. */
    public static final class ListSource implements MaterialSource {
        private final List<IndexableMaterial> materials = new CopyOnWriteArrayList<>();

        public ListSource(List<IndexableMaterial> initial) {
            materials.addAll(initial);
        }

        public void put(IndexableMaterial m) {
            materials.removeIf(x -> x.id().equals(m.id()));
            materials.add(m);
        }

        public void remove(String id) {
            materials.removeIf(x -> x.id().equals(id));
        }

        @Override
        public List<IndexableMaterial> all() {
            return List.copyOf(materials);
        }

        @Override
        public Optional<IndexableMaterial> find(String id) {
            return materials.stream().filter(m -> m.id().equals(id)).findFirst();
        }
    }

    /** The bank of the fixture questions. */
    public static final String BANK = "搜索测试题库";

    /**
     * Fixture questions: sq-001 (single choice on 一岗双责, category 制度规定), sq-002 (judge on 三会一课, category
     * 组织生活), sq-003 (fill-in on 廉政约谈, retired), sq-004 (multiple choice whose options name 谈心谈话 and
     * 批评与自我批评).
     */
    public static List<IndexableQuestion> questions() {
        return List.of(
                question("sq-001", QuestionType.SINGLE,
                        "领导班子成员履行岗位职责时，除了抓好自己分管的业务工作以外，按照要求还必须同时抓好哪一方面的工作？",
                        List.of("分管领域的党风廉政建设", "个人的业余爱好", "单位的后勤采购"), "制度规定",
                        List.of("一岗双责"), false),
                question("sq-002", QuestionType.JUDGE, "支部按期召开支部委员会、党小组会并按时上好党课，是组织生活的基本制度。",
                        List.of(), "组织生活", List.of("三会一课"), false),
                question("sq-003", QuestionType.FILL, "对苗头性问题开展廉政约谈，约谈后应当___。", List.of(), "监督执纪",
                        List.of("廉政约谈"), true),
                question("sq-004", QuestionType.MULTIPLE, "开好组织生活会，会前应当做好哪些准备？",
                        List.of("广泛开展谈心谈话", "认真查摆问题", "批评与自我批评的提纲", "只请上级点评"),
                        "组织生活", List.of("组织生活会"), false));
    }

    public static IndexableQuestion question(String id, QuestionType type, String stem, List<String> options,
                                             String category, List<String> tags, boolean retired) {
        return new IndexableQuestion(id, 1, BANK, category, tags, type, stem, options, null, 2, retired,
                LocalDate.of(2025, 6, 1));
    }

    /** A question source over a list that a test may change. */
    public static final class QuestionList implements QuestionSource {
        private final List<IndexableQuestion> questions = new CopyOnWriteArrayList<>();

        public QuestionList(List<IndexableQuestion> initial) {
            questions.addAll(initial);
        }

        public void put(IndexableQuestion q) {
            questions.removeIf(x -> x.id().equals(q.id()));
            questions.add(q);
        }

        public void remove(String id) {
            questions.removeIf(x -> x.id().equals(id));
        }

        @Override
        public List<IndexableQuestion> all() {
            return List.copyOf(questions);
        }

        @Override
        public Optional<IndexableQuestion> find(String id) {
            return questions.stream().filter(q -> q.id().equals(id)).findFirst();
        }

        @Override
        public List<IndexableQuestion> find(java.util.Collection<String> ids) {
            return questions.stream().filter(q -> ids.contains(q.id())).toList();
        }
    }
}
