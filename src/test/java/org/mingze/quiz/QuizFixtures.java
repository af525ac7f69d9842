package org.mingze.quiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.internal.QuizContent;

/**
 * Fills the quiz tests' content folder afresh: the library's good fixture materials (src/test/resources/content-fixtures:
 * zhuti/diyi-zeren, zhuti/yigang-shuangze, zhidu/sanhui-yike) and the fixture banks
 * (src/test/resources/quiz-fixtures: 测试题库甲 fa-001..fa-004 in alpha.yaml, 测试题库乙 fb-001 in beta.yaml), then
 * reloads both. Tests that change files write banks of their own with unique ids ({@link #writeBank}).
 */
public final class QuizFixtures {

    public static final Path CONTENT = Paths.get(QuizTest.CONTENT_DIR).toAbsolutePath();
    public static final Path MATERIALS = CONTENT.resolve("materials");
    public static final Path QUESTIONS = CONTENT.resolve("questions");

    private QuizFixtures() {
    }

    public static void install(LibraryContent library, QuizContent quiz) {
        try {
            emptyTree();
            Path materials = Paths.get("src/test/resources/content-fixtures/materials");
            copy(materials.resolve("zhuti"), MATERIALS.resolve("zhuti"));
            copy(materials.resolve("zhidu"), MATERIALS.resolve("zhidu"));
            copy(Paths.get("src/test/resources/quiz-fixtures"), CONTENT);
            Thread.sleep(500); // let the watchers see the new files first; the reloads below then wait for them
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        library.reload("test", false);
        quiz.reload("test", false);
    }

    /** Writes (or overwrites) a bank file under content/questions. */
    public static void writeBank(String name, String yaml) {
        try {
            Files.createDirectories(QUESTIONS);
            Path tmp = QUESTIONS.resolve("." + name + ".tmp");
            Files.writeString(tmp, yaml);
            Files.move(tmp, QUESTIONS.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteBank(String name) {
        try {
            Files.deleteIfExists(QUESTIONS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bank of simple valid single-choice questions with these ids and stems (id, stem, id, stem ...). */
    public static String bank(String name, String... idsAndStems) {
        StringBuilder sb = new StringBuilder("bank: ").append(name).append("\nquestions:\n");
        for (int i = 0; i < idsAndStems.length; i += 2) {
            sb.append("  - id: ").append(idsAndStems[i]).append('\n')
                    .append("    type: single\n")
                    .append("    stem: ").append(idsAndStems[i + 1]).append('\n')
                    .append("    options: [甲, 乙, 丙]\n")
                    .append("    answer: A\n")
                    .append("    explanation: 因为甲。\n")
                    .append("    source: zhuti/diyi-zeren#一什么是第一责任人\n")
                    .append("    tags: [测试]\n");
        }
        return sb.toString();
    }

    /** Deletes everything under the content folder but the folders the watchers watch. */
    private static void emptyTree() throws IOException {
        if (!Files.exists(CONTENT)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(CONTENT)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(CONTENT) && !p.equals(MATERIALS) && !p.equals(QUESTIONS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path src : files.toList()) {
                Path dst = target.resolve(source.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
