package org.mingze.schedule.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mingze.library.MaterialSource;
import org.mingze.schedule.PlanTemplate;
import org.mingze.schedule.SessionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the annual plan templates in {@code <content-dir>/plans/*.yaml} when asked (they are few and small). A file
 * with a problem (unknown type, month outside 1-12, a material that does not exist) is left out and logged with
 * the reason; the others load.
 */
@Component
public class PlanTemplates {

    private static final Logger log = LoggerFactory.getLogger(PlanTemplates.class);

    private final Path dir;
    private final MaterialSource materials;

    PlanTemplates(@Value("${mingze.content-dir:./content}") String contentDir, MaterialSource materials) {
        this.dir = Paths.get(contentDir).toAbsolutePath().normalize().resolve("plans");
        this.materials = materials;
    }

    public List<PlanTemplate> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PlanTemplate> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    found.add(read(f));
                } catch (IOException | RuntimeException e) {
                    log.warn("plan template {} left out: {}", f.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list plan templates in {}: {}", dir, e.getMessage());
        }
        return found;
    }

    PlanTemplate read(Path file) throws IOException {
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a mapping");
        }
        String title = String.valueOf(map.get("title"));
        SessionType type = SessionType.valueOf(String.valueOf(map.get("type")));
        if (!(map.get("months") instanceof Map<?, ?> months)) {
            throw new IllegalArgumentException("months missing");
        }
        Map<Integer, PlanTemplate.Month> plan = new TreeMap<>();
        for (Map.Entry<?, ?> e : months.entrySet()) {
            int month = Integer.parseInt(String.valueOf(e.getKey()));
            if (month < 1 || month > 12 || !(e.getValue() instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("month " + e.getKey());
            }
            String topic = String.valueOf(m.get("topic"));
            List<String> ids = new ArrayList<>();
            if (m.get("materials") instanceof List<?> list) {
                for (Object o : list) {
                    String id = String.valueOf(o);
                    if (materials.find(id).isEmpty()) {
                        throw new IllegalArgumentException("month " + month + ": no material " + id);
                    }
                    ids.add(id);
                }
            }
            plan.put(month, new PlanTemplate.Month(topic, List.copyOf(ids)));
        }
        String id = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        return new PlanTemplate(id, title, type, plan);
    }
}
