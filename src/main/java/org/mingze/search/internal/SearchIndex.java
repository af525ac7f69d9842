package org.mingze.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index: one {@link IndexWriter}, one {@link SearcherManager} refreshed after every change (near real
 * time: a change is searchable as soon as the call that made it returns), in {@code <root>/v<FORMAT_VERSION>}.
 *
 * <p>The index is derived data. On opening, a folder of an older format is deleted; a damaged index (it does not
 * open, or a checksum fails) is deleted and started afresh; an empty index, or one built with another domain
 * dictionary, is flagged {@link #needsRebuild()}. If the folder is locked by another process the index lives in
 * memory instead (with a warning), so that the application still works.
 */
public final class SearchIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /**
     * Bump when analysis or fields change: the index then goes to a new folder and is rebuilt from the sources.
     */
    public static final int FORMAT_VERSION = 6;
    static final String DICTIONARY_KEY = "dictionary";
    /** The indexing buffer for everyday changes (a rebuild takes more, see {@link #rebuildBufferMB()}). */
    static final double RAM_BUFFER_MB = 64;
    static final String FORMAT_KEY = "format";

    /** The sources of one document type for a rebuild, and how each becomes its documents. */
    public record Batch<T>(String type, List<T> sources, Function<T, List<Document>> toDocuments) {
        public Batch {
            sources = List.copyOf(sources);
        }

        List<Document> documents(int i) {
            return toDocuments.apply(sources.get(i));
        }
    }

    /** Called during a rebuild with the number of sources done and the total. */
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> {
        };
    }

    /** An {@link IndexSearcher} with the facet ordinals of its reader, made once per refresh. */
    public static final class Searcher extends IndexSearcher {
        private final SortedSetDocValuesReaderState facetState;
        private final FacetOrdinals facetOrdinals;

        Searcher(IndexReader reader, FacetsConfig config) {
            super(reader);
            SortedSetDocValuesReaderState state = null;
            FacetOrdinals ordinals = null;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, config);
                ordinals = new FacetOrdinals(state);
            } catch (IllegalArgumentException | IOException noFacetsYet) {
                // an empty index has no facet field yet
                state = null;
            }
            this.facetState = state;
            this.facetOrdinals = ordinals;
        }

        /** Null while the index holds no document with facets. */
        public SortedSetDocValuesReaderState facetState() {
            return facetState;
        }

        /** The facet values of every document, in memory; null while {@link #facetState()} is. */
        FacetOrdinals facetOrdinals() {
            return facetOrdinals;
        }
    }

    private final Analyzers analyzers;
    private final FacetsConfig facetsConfig;
    private final Path folder;
    private final ReentrantLock writeLock = new ReentrantLock();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile boolean needsRebuild;
    private volatile boolean inMemory;

    private SearchIndex(Path root, Analyzers analyzers) {
        this.analyzers = analyzers;
        this.facetsConfig = MaterialDocuments.facetsConfig();
        this.folder = root == null ? null : root.resolve("v" + FORMAT_VERSION);
    }

    /** Opens (or creates) the index under {@code root/v<FORMAT_VERSION>}; see the class comment. */
    public static SearchIndex open(Path root, Analyzers analyzers) {
        SearchIndex index = new SearchIndex(root, analyzers);
        index.openOnDisk(root);
        return index;
    }

    /** An index in memory: tests, benchmarks, and the fallback when the folder is locked. */
    public static SearchIndex inMemory(Analyzers analyzers) {
        SearchIndex index = new SearchIndex(null, analyzers);
        try {
            index.openIn(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index.inMemory = true;
        index.needsRebuild = true;
        return index;
    }

    public Analyzers analyzers() {
        return analyzers;
    }

    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** The folder of this format version, or null in memory. */
    public Path folder() {
        return inMemory ? null : folder;
    }

    /** True while the index is empty, outdated or was damaged: a full rebuild from the sources is due. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    private void openOnDisk(Path root) {
        try {
            Files.createDirectories(folder);
            deleteOlderFormats(root);
            try {
                Directory dir = FSDirectory.open(folder);
                try {
                    verify(dir);
                    openIn(dir);
                } catch (IOException | RuntimeException e) {
                    dir.close();
                    throw e;
                }
            } catch (LockObtainFailedException locked) {
                log.warn("Search index {} is locked by another process; using a temporary index in memory", folder);
                openIn(new ByteBuffersDirectory());
                inMemory = true;
                needsRebuild = true;
                return;
            } catch (IOException | RuntimeException damaged) {
                log.warn("Search index {} is damaged ({}); it is deleted and rebuilt", folder, damaged.toString());
                deleteFolder(folder);
                Files.createDirectories(folder);
                openIn(FSDirectory.open(folder));
                needsRebuild = true;
                return;
            }
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            String dictionary = analyzers.dictionary().termsFingerprint();
            if (writer.getDocStats().numDocs == 0) {
                needsRebuild = true;
            } else if (!dictionary.equals(data.get(DICTIONARY_KEY))) {
                log.info("The search dictionary changed since the index was built; it will be rebuilt");
                needsRebuild = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    /** Opens a reader and checks every file's checksum: a damaged index fails here, not in the middle of a search. */
    private static void verify(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    private void openIn(Directory dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzers.index());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        config.setCommitOnClose(true);
        this.directory = dir;
        this.writer = new IndexWriter(dir, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new Searcher(reader, facetsConfig);
            }
        });
    }

    private void deleteOlderFormats(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && name.matches("v\\d+")
                        && Integer.parseInt(name.substring(1)) < FORMAT_VERSION) {
                    log.info("Deleting the search index of an older format: {}", child);
                    deleteFolder(child);
                }
            }
        }
    }

    private static void deleteFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A searcher on the latest refreshed state; give it back with {@link #release}. */
    public Searcher acquire() {
        try {
            return (Searcher) searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every document of one source (the sections of a material) and makes the change searchable. */
    public void replace(String type, String sourceId, List<Document> documents) {
        writeLock.lock();
        try {
            writer.updateDocuments(sourceTerm(type, sourceId), documents);
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces the documents of several sources and removes others, then makes it all searchable at once (one
     * commit, one refresh).
     */
    public void update(String type, Map<String, List<Document>> replacements, java.util.Collection<String> deletions) {
        if (replacements.isEmpty() && deletions.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            for (Map.Entry<String, List<Document>> e : replacements.entrySet()) {
                writer.updateDocuments(sourceTerm(type, e.getKey()), e.getValue());
            }
            for (String id : deletions) {
                writer.deleteDocuments(sourceTerm(type, id));
            }
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes every document of one source and makes the change searchable. */
    public void delete(String type, String sourceId) {
        writeLock.lock();
        try {
            writer.deleteDocuments(sourceTerm(type, sourceId));
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces everything of one type by the documents made from {@code sources}, in parallel, and makes the new
     * state searchable at once at the end (searches see the old state until then).
     */
    public <T> void rebuild(String type, List<T> sources, Function<T, List<Document>> toDocuments, Progress progress) {
        rebuild(List.of(new Batch<>(type, sources, toDocuments)), progress);
    }

    /**
     * Replaces everything of the batches' types by the documents made from their sources, in parallel, and makes the
     * new state searchable at once at the end, in one commit (searches see the old state until then). The progress
     * counts the sources of all batches together.
     */
    public void rebuild(List<Batch<?>> batches, Progress progress) {
        writeLock.lock();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-rebuild");
            t.setDaemon(true);
            return t;
        });
        LiveIndexWriterConfig live = writer.getConfig();
        live.setRAMBufferSizeMB(rebuildBufferMB());
        live.setUseCompoundFile(false);
        try {
            int[] offsets = new int[batches.size() + 1];
            for (int b = 0; b < batches.size(); b++) {
                writer.deleteDocuments(new Term(SearchFields.TYPE, batches.get(b).type()));
                offsets[b + 1] = offsets[b] + batches.get(b).sources().size();
            }
            AtomicInteger done = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            int total = offsets[batches.size()];
            progress.update(0, total);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                work.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                        int b = 0;
                        while (k >= offsets[b + 1]) {
                            b++;
                        }
                        writer.addDocuments(batches.get(b).documents(k - offsets[b]));
                        int d = done.incrementAndGet();
                        if (d % 50 == 0 || d == total) {
                            progress.update(d, total);
                        }
                    }
                    // Write out a buffered segment here, on this worker, while the other workers do the same:
                    // the commit would otherwise write all the buffers one after the other on one thread.
                    writer.flushNextBuffer();
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            // One segment: a search pays per segment for looking up its terms and setting up its scorers, and a
            // rebuilt index is read far more than it is written (format 6, decision 0007).
            writer.forceMerge(1);
            needsRebuild = false;
            commitAndRefresh();
        } catch (ExecutionException e) {
            rollBackToLastCommit();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            rollBackToLastCommit();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
            LiveIndexWriterConfig after = writer.getConfig(); // a new writer after a roll-back
            after.setRAMBufferSizeMB(RAM_BUFFER_MB);
            after.setUseCompoundFile(true);
            writeLock.unlock();
        }
    }

    /**
     * The indexing buffer of a rebuild: a quarter of the heap, between {@value #RAM_BUFFER_MB} and 512 MB. Every
     * time the buffer fills, a segment is written, and every ten segments are merged again; with a bigger buffer a
     * rebuild of 20,000 sections writes a handful of segments and merges none (see docs/benchmarks.md). The buffer
     * is freed when the rebuild ends.
     */
    static double rebuildBufferMB() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / 1048576;
        return Math.max(RAM_BUFFER_MB, Math.min(512, quarter));
    }

    private void rollBackToLastCommit() {
        try {
            // IndexWriter.rollback closes the writer: open a fresh one on the last commit
            writer.rollback();
            searchers.close();
            openIn(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Source id to fingerprint of every source of a type in the index (to find what changed while we were down). */
    public Map<String, String> fingerprints(String type) {
        Map<String, String> out = new HashMap<>();
        Searcher s = acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc, Set.of(SearchFields.TYPE, SearchFields.SOURCE_ID,
                            SearchFields.FINGERPRINT));
                    if (type.equals(d.get(SearchFields.TYPE))) {
                        out.put(d.get(SearchFields.SOURCE_ID), d.get(SearchFields.FINGERPRINT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
        return out;
    }

    public int documentCount() {
        Searcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /** Bytes on disk (0 in memory). */
    public long sizeOnDisk() {
        if (inMemory || folder == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private void commitAndRefresh() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, String.valueOf(FORMAT_VERSION),
                DICTIONARY_KEY, analyzers.dictionary().termsFingerprint()).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Term sourceTerm(String type, String sourceId) {
        return new Term(SearchFields.SOURCE, type + "|" + sourceId);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the search index: {}", e.toString());
        } finally {
            writeLock.unlock();
        }
    }
}
