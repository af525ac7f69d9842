package org.mingze.search.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one background thread that writes the search index: start-up, changes of every document type and full
 * rebuilds run on it one after another, so that neither a publisher of a change nor a page waits for Lucene and no
 * two writes of the same source overtake each other. Remembers the last failure for administrators.
 */
@Component
public class IndexWorker {

    private static final Logger log = LoggerFactory.getLogger(IndexWorker.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastError;

    /** Runs {@code task} after everything submitted before; a failure is logged and kept as the last error. */
    public Future<?> submit(String what, Runnable task) {
        return worker.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                lastError = e.toString();
                log.error("Search index: {} failed", what, e);
                throw e;
            }
        });
    }

    /** Waits until every task submitted so far has run (tests). */
    public void awaitIdle() throws Exception {
        worker.submit(() -> { }).get();
    }

    public String lastError() {
        return lastError;
    }

    void clearError() {
        lastError = null;
    }

    @PreDestroy
    void stop() {
        worker.shutdown(); // no interrupt: Lucene must not be interrupted in the middle of a write
    }
}
