package org.mingze.library.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The materials in content/materials, held in memory as one immutable {@link Snapshot} that is replaced as a whole
 * (readers never see half a reload). {@link #scan()} reads every file; a bad file is rejected alone; files that
 * share an id are all rejected, each naming the others.
 */
@Component
public class Catalog {

    private static final Logger log = LoggerFactory.getLogger(Catalog.class);
    /** Larger .md files are rejected: study material is text, not a data dump. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final Path contentDir;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), Instant.EPOCH);

    Catalog(@Value("${mingze.content-dir:./content}") String contentDir) {
        this.contentDir = Paths.get(contentDir).toAbsolutePath().normalize();
    }

    /** Everything loaded at one moment: materials by id (in path order) and the rejected files' problems. */
    public record Snapshot(Map<String, Material> byId, List<LoadProblem> problems, Instant loadedAt) {
        public List<Material> materials() {
            return List.copyOf(byId.values());
        }
    }

    public Snapshot current() {
        return snapshot;
    }

    void install(Snapshot next) {
        snapshot = next;
    }

    public Path contentDir() {
        return contentDir;
    }

    public Path materialsDir() {
        return contentDir.resolve("materials");
    }

    /** The path people see in messages: "content/materials/a.md". */
    String displayPath(String relPath) {
        Path name = contentDir.getFileName();
        return (name == null ? "" : name + "/") + "materials/" + relPath;
    }

    /** Reads every .md file under materials/ (hidden files and folders skipped). A missing folder is empty. */
    Snapshot scan(Instant now) {
        Path root = materialsDir();
        List<LoadProblem> problems = new ArrayList<>();
        List<Material> loaded = new ArrayList<>();
        for (Path file : files(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            String shown = displayPath(rel);
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.add(LoadProblem.of(shown, 1, "library.error.too-large", MAX_FILE_BYTES / 1024 / 1024));
                    continue;
                }
                MaterialParser.Result r = MaterialParser.parse(rel, shown, Files.readAllBytes(file));
                if (r.ok()) {
                    loaded.add(r.material());
                } else {
                    problems.addAll(r.problems());
                }
            } catch (IOException | UncheckedIOException e) {
                // deleted between listing and reading, or unreadable: say so, keep going
                if (Files.exists(file)) {
                    problems.add(LoadProblem.of(shown, 1, "library.error.read", String.valueOf(e.getMessage())));
                }
            }
        }
        Map<String, List<Material>> byId = loaded.stream()
                .collect(Collectors.groupingBy(Material::id, LinkedHashMap::new, Collectors.toList()));
        Map<String, Material> ok = new LinkedHashMap<>();
        for (var e : byId.entrySet()) {
            if (e.getValue().size() == 1) {
                ok.put(e.getKey(), e.getValue().get(0));
                continue;
            }
            for (Material m : e.getValue()) {
                String others = e.getValue().stream().filter(o -> o != m).map(Material::file)
                        .collect(Collectors.joining("、"));
                problems.add(LoadProblem.of(m.file(), 1, "library.error.duplicate-id", e.getKey(), others));
            }
        }
        problems.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        for (LoadProblem p : problems) {
            log.warn("{}:{}: {} {}", p.file(), p.line(), p.key(), p.args());
        }
        return new Snapshot(Collections.unmodifiableMap(ok), List.copyOf(problems), now);
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !hidden(root, p)).filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot list {}: {}", root, e.getMessage());
            return List.of();
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
