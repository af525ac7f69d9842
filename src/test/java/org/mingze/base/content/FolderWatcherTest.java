package org.mingze.base.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher sees changes anywhere in the tree, also deep inside folders that were made all at once. */
class FolderWatcherTest {

    @TempDir
    Path root;

    @Test
    void a_file_written_into_a_folder_tree_made_with_one_mkdirs_is_noticed_for_every_tree() throws IOException {
        AtomicInteger changes = new AtomicInteger();
        try (FolderWatcher watcher = new FolderWatcher(root, Duration.ofMillis(50), "test-watcher",
                changes::incrementAndGet)) {
            watcher.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() >= 1); // the first look

            for (int i = 0; i < 15; i++) {
                Path inner = Files.createDirectories(root.resolve("t" + i).resolve("a").resolve("b"));
                int before = changes.get();
                await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() > before);
                // the tree has settled; whatever happens in its deepest folder now must be seen
                int settled = changes.get();
                Files.writeString(inner.resolve("x.md"), "内容" + i);
                await().atMost(Duration.ofSeconds(5))
                        .alias("a file in " + inner).until(() -> changes.get() > settled);
            }
        }
    }

    @Test
    void a_missing_folder_that_appears_later_is_watched_from_then_on() throws IOException {
        Path late = root.resolve("later");
        AtomicInteger changes = new AtomicInteger();
        try (FolderWatcher watcher = new FolderWatcher(late, Duration.ofMillis(50), "test-watcher-late",
                changes::incrementAndGet)) {
            watcher.start();
            Files.createDirectories(late.resolve("sub"));
            await().atMost(Duration.ofSeconds(8)).until(() -> changes.get() >= 1);
            int seen = changes.get();
            Files.writeString(late.resolve("sub").resolve("y.md"), "内容");
            await().atMost(Duration.ofSeconds(8)).until(() -> changes.get() > seen);
        }
    }
}
