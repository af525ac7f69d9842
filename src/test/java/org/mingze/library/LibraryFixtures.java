package org.mingze.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mingze.library.internal.LibraryContent;

/**
 * Copies src/test/resources/content-fixtures into the library tests' content folder (a fresh copy every time, so a
 * test may change files) and reloads. Fixture materials: zhuti/diyi-zeren (学习辅导, 2 minutes, repeated heading,
 * table), zhuti/yigang-shuangze (学习辅导), zhidu/sanhui-yike (制度规定); rejected: bad/bad-date.md (line 4),
 * dup/a.md and dup/b.md (both id dup/same).
 */
public final class LibraryFixtures {

    public static final Path SOURCE = Paths.get("src/test/resources/content-fixtures");
    public static final Path CONTENT = Paths.get(LibraryTest.CONTENT_DIR).toAbsolutePath();
    public static final Path MATERIALS = CONTENT.resolve("materials");

    private LibraryFixtures() {
    }

    public static void install(LibraryContent content) {
        try {
            emptyTree(CONTENT);
            try (Stream<Path> files = Files.walk(SOURCE)) {
                for (Path src : files.toList()) {
                    Path dst = CONTENT.resolve(SOURCE.relativize(src).toString());
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        content.reload("test", false);
    }

    public static void write(String relPath, String text) {
        try {
            Path p = MATERIALS.resolve(relPath);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes everything under the content folder but the folder and its materials/ (which the watcher watches). */
    static void emptyTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root) && !p.equals(MATERIALS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The files under content/materials/uploads. */
    public static java.util.List<Path> uploads() {
        Path dir = MATERIALS.resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
