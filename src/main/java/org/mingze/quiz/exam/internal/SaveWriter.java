package org.mingze.quiz.exam.internal;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the exam's hot path (decision 0009): concurrent saves hand their guarded UPDATE to one writer
 * thread, which runs the UPDATEs waiting at that moment (up to {@code mingze.exam.save-batch} of them) as one JDBC
 * batch in one transaction, commits it, and only then tells each caller how many rows its own UPDATE changed. With
 * {@code WRITE_DELAY=0} every commit writes to the database file, and that write, not the UPDATE, is the cost of a
 * save: sixteen saves in one commit pay it once. A caller's answer is durable when {@link #save} returns, exactly as
 * with a transaction of its own; a 0 ("a guard failed") is the caller's own, so it can say why (closed, taken over,
 * past the deadline). If the batch's transaction fails (a lock timeout, a deadlock with a closing attempt), nothing of
 * it was committed and every UPDATE of it is run again in a transaction of its own, so an error reaches only the
 * caller it belongs to. Within a batch the UPDATEs run ordered by attempt and position (the order in which closing an
 * attempt locks its items), two saves of the same item in the order they came.
 *
 * <p>No linger: the writer takes what is queued when it is free, so a lone save is written at once and saves queue
 * only while a commit is being written. {@code mingze.exam.group-commit=false} gives each save its own transaction in
 * the caller's thread (as before), which is also what happens after shutdown has begun.
 */
@Component
public class SaveWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SaveWriter.class);
    /** How long a caller waits for its batch before giving up (the database's lock timeout is 10 s). */
    private static final long WAIT_S = 60;

    private record Pending(long attemptId, long memberId, String token, int position, String json, Instant now,
                           CompletableFuture<Integer> done) {
    }

    private final ExamJdbc jdbc;
    private final TransactionTemplate tx;
    private final int maxBatch;
    private final boolean grouped;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private final Thread writer;
    private final LongAdder commits = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final AtomicInteger largest = new AtomicInteger();

    /** Since start: commits made, saves in them, the most saves in one commit. */
    public record Stats(long commits, long saves, int largest) {
    }

    SaveWriter(ExamJdbc jdbc, PlatformTransactionManager txm,
               @Value("${mingze.exam.group-commit:true}") boolean grouped,
               @Value("${mingze.exam.save-batch:64}") int maxBatch) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.grouped = grouped;
        this.maxBatch = Math.max(1, maxBatch);
        this.writer = new Thread(this::loop, "exam-save-writer");
        this.writer.setDaemon(true);
        if (grouped) {
            this.writer.start();
        }
    }

    /**
     * Runs {@link ExamJdbc#saveResponse} and commits it; returns the rows it changed (1, or 0 when a guard failed)
     * only after the commit.
     */
    public int save(long attemptId, long memberId, String token, int position, String json, Instant now) {
        if (!grouped || !running) {
            return alone(attemptId, memberId, token, position, json, now);
        }
        Pending p = new Pending(attemptId, memberId, token, position, json, now, new CompletableFuture<>());
        queue.add(p);
        if (!writer.isAlive() && queue.remove(p)) {
            // shutdown began after the check above and the writer has gone
            return alone(attemptId, memberId, token, position, json, now);
        }
        try {
            return p.done().get(WAIT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("saving an answer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the answer was being saved", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the answer's commit did not come within " + WAIT_S + " s", e);
        }
    }

    private int alone(long attemptId, long memberId, String token, int position, String json, Instant now) {
        Integer rows = tx.execute(s -> jdbc.saveResponse(attemptId, memberId, token, position, json, now));
        counted(1);
        return rows == null ? 0 : rows;
    }

    private void counted(int saves) {
        commits.increment();
        written.add(saves);
        largest.accumulateAndGet(saves, Math::max);
    }

    public Stats stats() {
        return new Stats(commits.sum(), written.sum(), largest.get());
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                // never leave a caller waiting; the writer keeps going
                LOG.error("exam save writer: a batch failed", t);
                batch.forEach(p -> p.done().completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            Pending p = left;
            try {
                p.done().complete(alone(p.attemptId(), p.memberId(), p.token(), p.position(), p.json(), p.now()));
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() == 1) {
            Pending p = batch.get(0);
            try {
                p.done().complete(alone(p.attemptId(), p.memberId(), p.token(), p.position(), p.json(), p.now()));
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
            return;
        }
        List<Pending> ordered = new ArrayList<>(batch);
        ordered.sort(Comparator.comparingLong(Pending::attemptId).thenComparingInt(Pending::position));
        int[] rows;
        try {
            rows = tx.execute(s -> jdbc.saveResponses(ordered.stream().map(p -> new ExamJdbc.Save(p.attemptId(),
                    p.memberId(), p.token(), p.position(), p.json(), p.now())).toList()));
        } catch (RuntimeException e) {
            // nothing of the batch was committed: each on its own, so each caller gets its own outcome
            LOG.debug("exam save batch of {} failed, writing them one by one", ordered.size(), e);
            for (Pending p : ordered) {
                write(List.of(p));
            }
            return;
        }
        counted(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).done().complete(rows[i]);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        // not interrupted: an interrupt inside H2's file I/O closes the database file
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_S));
    }
}
