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

/**
 * Test materials for search: the fixture corpus in {@code src/test/resources/search/corpus.txt} and a
 * {@link MaterialSource} over a changeable list (test code only; the library provides the real one).
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
}
