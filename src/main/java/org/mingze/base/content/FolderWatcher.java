package org.mingze.base.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder tree with a {@link WatchService} and calls back once the tree has been quiet for the debounce
 * time (a burst of saves, a git checkout, is one reload). New sub-folders are watched as they appear. While the
 * folder does not exist it is looked for every two seconds; when it appears or disappears, that is a change too.
 * Used by the library (content/materials) and the quiz module (content/questions).
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    private static final long MISSING_POLL_MS = 2000;

    private final Path root;
    private final Duration debounce;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile WatchService service;

    /**
     * @param threadName names the daemon thread, e.g. "library-content-watcher"
     * @param onChange   called on the watcher's thread; an exception is logged and watching goes on
     */
    public FolderWatcher(Path root, Duration debounce, String threadName, Runnable onChange) {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        WatchService s = service;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean existed = Files.isDirectory(root);
        while (running) {
            try {
                if (!Files.isDirectory(root)) {
                    if (existed) {
                        fire();
                        existed = false;
                    }
                    Thread.sleep(MISSING_POLL_MS);
                    continue;
                }
                if (!existed) {
                    existed = true;
                    fire();
                }
                watch();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException | UncheckedIOException e) {
                log.warn("watching {} failed, trying again: {}", root, e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** Watches until the root disappears or the watcher is closed. */
    private void watch() throws IOException, InterruptedException {
        try (WatchService ws = root.getFileSystem().newWatchService()) {
            service = ws;
            registerTree(root, ws);
            fire(); // whatever changed between the last load and this registration
            long quietMs = Math.max(50, debounce.toMillis());
            long pendingSince = 0;
            long deadline = 0;
            while (running) {
                long now = System.currentTimeMillis();
                WatchKey key = pendingSince == 0 ? ws.poll(1, TimeUnit.SECONDS)
                        : ws.poll(Math.max(1, deadline - now), TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == OVERFLOW) {
                            registerTree(root, ws); // events were lost: folders made meanwhile must be watched too
                            continue;
                        }
                        if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name
                                && key.watchable() instanceof Path dir && Files.isDirectory(dir.resolve(name))) {
                            registerTree(dir.resolve(name), ws);
                        }
                    }
                    boolean valid = key.reset();
                    now = System.currentTimeMillis();
                    if (pendingSince == 0) {
                        pendingSince = now;
                    }
                    // quiet for the debounce time, but never wait longer than ten of them in a constant stream
                    deadline = Math.min(now + quietMs, pendingSince + 10 * quietMs);
                    if (!valid && root.equals(key.watchable())) {
                        fire();
                        return;
                    }
                } else if (pendingSince != 0 && System.currentTimeMillis() >= deadline) {
                    pendingSince = 0;
                    fire();
                }
                if (!Files.isDirectory(root)) {
                    return;
                }
            }
        } finally {
            service = null;
        }
    }

    /**
     * Registers {@code dir} before listing it, then each sub-folder the same way: a folder created while we register
     * is either seen in the listing or reported by the registration before it, never missed (a tree made with one
     * mkdirs used to lose its inner folder when the walk came before the registration).
     */
    static void registerTree(Path dir, WatchService ws) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        dir.register(ws, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY, OVERFLOW);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                registerTree(child, ws);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // removed while we looked: its deletion is an event of the parent
        }
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.error("reloading content after a change failed", e);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(MISSING_POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
