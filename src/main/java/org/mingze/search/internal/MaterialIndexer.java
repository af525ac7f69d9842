package org.mingze.search.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.library.MaterialsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the library. At start: a full rebuild if the index is empty, outdated or was
 * damaged, else a comparison of fingerprints that re-indexes only what changed while the application was down. On
 * {@link MaterialsChanged} (after the publisher's transaction commits, or at once without one): re-indexes the
 * changed materials from {@link MaterialSource} and drops the removed ones. All writes run one after another on a
 * single background thread, so neither the publisher nor a page waits for Lucene.
 *
 * <p>Without a {@link MaterialSource} bean (the library not yet present) nothing is indexed.
 */
@Component
public class MaterialIndexer {

    private static final Logger log = LoggerFactory.getLogger(MaterialIndexer.class);

    /** What an administrator sees about the index. */
    public record Status(boolean building, int done, int total, Instant lastRebuild, long lastRebuildMillis,
                         String lastError) {
    }

    private final SearchIndex index;
    private final ObjectProvider<MaterialSource> sources;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean building;
    private volatile int done;
    private volatile int total;
    private volatile Instant lastRebuild;
    private volatile long lastRebuildMillis;
    private volatile String lastError;

    MaterialIndexer(SearchIndex index, ObjectProvider<MaterialSource> sources, Clock clock) {
        this.index = index;
        this.sources = sources;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        worker.submit(this::startUp);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MaterialsChanged event) {
        worker.submit(() -> apply(event));
    }

    /** Rebuilds everything from the library in the background; the returned future completes when done. */
    public Future<?> rebuild() {
        building = true; // at once, so that a page asking right after sees it
        done = 0;
        total = 0;
        return worker.submit(this::rebuildNow);
    }

    public Status status() {
        return new Status(building, done, total, lastRebuild, lastRebuildMillis, lastError);
    }

    /** Waits until every change submitted so far has been applied (tests). */
    public void awaitIdle() throws Exception {
        worker.submit(() -> { }).get();
    }

    private Optional<MaterialSource> source() {
        try {
            return Optional.ofNullable(sources.getIfAvailable());
        } catch (RuntimeException e) {
            log.warn("No unique MaterialSource ({}); nothing is indexed from the library", e.getMessage());
            return Optional.empty();
        }
    }

    private void startUp() {
        try {
            if (source().isEmpty()) {
                log.info("No MaterialSource: the library is not present, nothing to index");
                return;
            }
            if (index.needsRebuild()) {
                rebuildNow();
            } else {
                sync();
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
            log.error("Preparing the search index failed", e);
        }
    }

    void rebuildNow() {
        Optional<MaterialSource> source = source();
        long start = System.nanoTime();
        building = true;
        done = 0;
        total = 0;
        try {
            List<IndexableMaterial> all = source.map(MaterialSource::all).orElse(List.of());
            total = all.size();
            index.rebuild(SearchFields.TYPE_MATERIAL, all, m -> MaterialDocuments.documents(m, index.facetsConfig()),
                    (d, t) -> {
                        done = d;
                        total = t;
                    });
            lastRebuild = clock.instant();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            lastError = null;
            log.info("Search index rebuilt: {} materials, {} documents in {} ms", all.size(), index.documentCount(),
                    lastRebuildMillis);
        } catch (RuntimeException e) {
            lastError = e.toString();
            log.error("Rebuilding the search index failed", e);
            throw e;
        } finally {
            building = false;
        }
    }

    /** Re-indexes what differs between the library and the index. */
    private void sync() {
        MaterialSource source = source().orElseThrow();
        Map<String, String> indexed = new java.util.HashMap<>(index.fingerprints(SearchFields.TYPE_MATERIAL));
        Map<String, List<Document>> replace = new LinkedHashMap<>();
        for (IndexableMaterial m : source.all()) {
            String fingerprint = MaterialDocuments.fingerprint(m);
            if (!fingerprint.equals(indexed.remove(m.id()))) {
                replace.put(m.id(), MaterialDocuments.documents(m, index.facetsConfig()));
            }
        }
        index.update(SearchFields.TYPE_MATERIAL, replace, indexed.keySet());
        log.info("Search index in step with the library: {} re-indexed, {} removed", replace.size(), indexed.size());
    }

    private void apply(MaterialsChanged event) {
        try {
            Optional<MaterialSource> source = source();
            Map<String, List<Document>> replace = new LinkedHashMap<>();
            Set<String> delete = new HashSet<>(event.removed() == null ? Set.of() : event.removed());
            if (source.isPresent() && event.changed() != null) {
                for (String id : event.changed()) {
                    Optional<IndexableMaterial> m = source.get().find(id);
                    if (m.isPresent()) {
                        replace.put(id, MaterialDocuments.documents(m.get(), index.facetsConfig()));
                        delete.remove(id);
                    } else {
                        delete.add(id);
                    }
                }
            }
            index.update(SearchFields.TYPE_MATERIAL, replace, new ArrayList<>(delete));
            log.debug("Search index: {} materials re-indexed, {} removed", replace.size(), delete.size());
        } catch (RuntimeException e) {
            lastError = e.toString();
            log.error("Re-indexing changed materials failed", e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown(); // no interrupt: Lucene must not be interrupted in the middle of a write
    }
}
