package org.mingze.library.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.content.FolderWatcher;
import org.mingze.library.MaterialsChanged;
import org.mingze.library.ReloadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link Catalog} in step with content/materials: loads it at start, re-reads it when the watcher sees a
 * change or an administrator asks, and writes uploaded materials into it. Every reload that changes something is
 * recorded in the audit log (CONTENT_RELOAD) and announced with {@link MaterialsChanged} in the same transaction, so
 * that transactional listeners (Spring Modulith's {@code @ApplicationModuleListener}) receive it.
 */
@Component
public class LibraryContent {

    private static final Logger log = LoggerFactory.getLogger(LibraryContent.class);

    private final Catalog catalog;
    private final LibraryProperties props;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private FolderWatcher watcher;

    LibraryContent(Catalog catalog, LibraryProperties props, AuditLog audit, ApplicationEventPublisher events,
                   PlatformTransactionManager txm, Clock clock) {
        this.catalog = catalog;
        this.props = props;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
    }

    /** Loads the materials before anyone can ask for them; the announcement waits until the app is ready. */
    @PostConstruct
    void load() {
        synchronized (this) {
            catalog.install(catalog.scan(clock.instant()));
        }
        Catalog.Snapshot s = catalog.current();
        log.info("library: {} materials loaded from {}, {} problems", s.byId().size(), catalog.materialsDir(),
                s.problems().size());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Catalog.Snapshot s = catalog.current();
        tx.executeWithoutResult(status -> {
            audit.record("CONTENT_RELOAD", "content", null, "start: " + counts(s, s.byId().size(), 0));
            events.publishEvent(new MaterialsChanged(Set.copyOf(s.byId().keySet()), Set.of()));
        });
        if (props.watch()) {
            watcher = new FolderWatcher(catalog.materialsDir(), props.watchDebounce(), "library-content-watcher",
                    () -> reload("watch", false));
            watcher.start();
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /**
     * Re-reads every file and installs the result. Audits and announces what changed when something did. With
     * {@code always} (an administrator's explicit reload) it is audited anyway and every loaded material is announced
     * as changed, so that listeners (the search index) can catch up with everything.
     */
    public ReloadResult reload(String trigger, boolean always) {
        Diff diff;
        Catalog.Snapshot next;
        synchronized (this) {
            Catalog.Snapshot before = catalog.current();
            next = catalog.scan(clock.instant());
            catalog.install(next);
            diff = diff(before, next);
        }
        if (always || diff.any()) {
            Set<String> announced = always ? Set.copyOf(next.byId().keySet()) : Set.copyOf(diff.changed());
            Set<String> removed = Set.copyOf(diff.removed());
            String detail = trigger + ": " + counts(next, diff.changed().size(), removed.size());
            tx.executeWithoutResult(status -> {
                audit.record("CONTENT_RELOAD", "content", null, detail);
                if (!announced.isEmpty() || !removed.isEmpty()) {
                    events.publishEvent(new MaterialsChanged(announced, removed));
                }
            });
        }
        return new ReloadResult(next.byId().size(), next.problems().size(), diff.changed().size(),
                diff.removed().size());
    }

    /** Re-reads the folder and installs it without auditing or announcing: the caller does both. */
    public synchronized void refreshQuietly() {
        catalog.install(catalog.scan(clock.instant()));
    }

    /** Writes a file under content/materials atomically (a reader never sees half of it). */
    public void write(String relPath, String text) {
        Path target = catalog.materialsDir().resolve(relPath).normalize();
        if (!target.startsWith(catalog.materialsDir())) {
            throw new IllegalArgumentException("outside the materials folder: " + relPath);
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] read(String relPath) {
        try {
            return Files.readAllBytes(catalog.materialsDir().resolve(relPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String relPath) {
        return Files.exists(catalog.materialsDir().resolve(relPath));
    }

    public void delete(String relPath) {
        try {
            Files.deleteIfExists(catalog.materialsDir().resolve(relPath));
        } catch (IOException e) {
            log.warn("could not delete {}: {}", relPath, e.getMessage());
        }
    }

    private static String counts(Catalog.Snapshot s, int changed, int removed) {
        return "loaded " + s.byId().size() + ", rejected files " + s.problems().stream().map(LoadProblem::file)
                .distinct().count() + ", changed " + changed + ", removed " + removed;
    }

    /** What a reload changed; a file that became (or stopped being) rejected is a change worth a trace too. */
    private record Diff(Set<String> changed, Set<String> removed, boolean problemsChanged) {
        boolean any() {
            return problemsChanged || !changed.isEmpty() || !removed.isEmpty();
        }
    }

    private static Diff diff(Catalog.Snapshot before, Catalog.Snapshot after) {
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, Material> e : after.byId().entrySet()) {
            Material old = before.byId().get(e.getKey());
            if (old == null || !old.hash().equals(e.getValue().hash())) {
                changed.add(e.getKey());
            }
        }
        Set<String> removed = new HashSet<>(before.byId().keySet());
        removed.removeAll(after.byId().keySet());
        return new Diff(changed, removed, !before.problems().equals(after.problems()));
    }
}
