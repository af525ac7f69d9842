package org.mingze.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the whole index in step with its sources, every document type together ({@link MaterialIndexer} for the
 * library, {@link QuestionIndexer} for the question bank). At start: a full rebuild if the index is empty, outdated
 * or was damaged, else per type a comparison of fingerprints that re-indexes only what changed while the
 * application was down. On request of an administrator: a full rebuild of all types with progress (sources done of
 * all types). Everything runs on the {@link IndexWorker}'s single thread, after the changes submitted before.
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /** What an administrator sees about the index: a rebuild running ({@code done} of {@code total} sources). */
    public record Status(boolean building, int done, int total, Instant lastRebuild, long lastRebuildMillis,
                         String lastError) {
    }

    private final SearchIndex index;
    private final IndexWorker worker;
    private final List<TypeIndexer<?>> types;
    private final Clock clock;
    private volatile boolean building;
    private volatile int done;
    private volatile int total;
    private volatile Instant lastRebuild;
    private volatile long lastRebuildMillis;

    SearchIndexer(SearchIndex index, IndexWorker worker, List<TypeIndexer<?>> types, Clock clock) {
        this.index = index;
        this.worker = worker;
        this.types = List.copyOf(types);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        worker.submit("preparing the index", this::startUp);
    }

    /** Rebuilds every type from its source in the background; the returned future completes when done. */
    public Future<?> rebuild() {
        building = true; // at once, so that a page asking right after sees it
        done = 0;
        total = 0;
        return worker.submit("rebuilding the index", this::rebuildNow);
    }

    public Status status() {
        return new Status(building, done, total, lastRebuild, lastRebuildMillis, worker.lastError());
    }

    /** Waits until every change submitted so far has been applied (tests). */
    public void awaitIdle() throws Exception {
        worker.awaitIdle();
    }

    private void startUp() {
        if (index.needsRebuild()) {
            rebuildNow();
        } else {
            for (TypeIndexer<?> t : types) {
                t.sync();
            }
        }
    }

    void rebuildNow() {
        long start = System.nanoTime();
        building = true;
        done = 0;
        total = 0;
        try {
            List<SearchIndex.Batch<?>> batches = new ArrayList<>();
            for (TypeIndexer<?> t : types) {
                batches.add(t.batch());
            }
            index.rebuild(batches, (d, t) -> {
                done = d;
                total = t;
            });
            lastRebuild = clock.instant();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            worker.clearError();
            log.info("Search index rebuilt: {}, {} documents in {} ms", batches.stream()
                            .map(b -> b.sources().size() + " " + b.type()).collect(Collectors.joining(", ")),
                    index.documentCount(), lastRebuildMillis);
        } finally {
            building = false;
        }
    }
}
