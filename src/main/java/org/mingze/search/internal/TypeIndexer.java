package org.mingze.search.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document type of the index ({@link SearchFields#TYPE}) and the module its sources come from: how to read
 * them, how each becomes documents, and the two ways of catching up, by fingerprints ({@link #sync()}) and by the
 * ids a change event names ({@link #apply}). {@link SearchIndexer} rebuilds all types together; a subclass listens
 * to its module's change event and hands the ids to {@link #submitChange} (the writes run on the {@link IndexWorker}).
 *
 * @param <T> what the source module offers ({@code IndexableMaterial}, {@code IndexableQuestion})
 */
abstract class TypeIndexer<T> {

    private static final Logger log = LoggerFactory.getLogger(TypeIndexer.class);

    protected final SearchIndex index;
    private final IndexWorker worker;

    TypeIndexer(SearchIndex index, IndexWorker worker) {
        this.index = index;
        this.worker = worker;
    }

    /** {@link SearchFields#TYPE_MATERIAL}, {@link SearchFields#TYPE_QUESTION}. */
    abstract String type();

    /** Every source as it is now; empty when the module that provides them is not present. */
    abstract Optional<List<T>> all();

    /** The sources with these ids that exist now (the others are to be removed from the index). */
    abstract List<T> find(Collection<String> ids);

    abstract String id(T source);

    abstract String fingerprint(T source);

    abstract List<Document> documents(T source);

    /** Everything of this type for a full rebuild (nothing when the module is absent). */
    SearchIndex.Batch<T> batch() {
        return new SearchIndex.Batch<>(type(), all().orElse(List.of()), this::documents);
    }

    /** Re-indexes what differs between the sources and the index (after a restart); nothing without a source. */
    void sync() {
        Optional<List<T>> sources = all();
        if (sources.isEmpty()) {
            log.info("Search index: no source of {} documents, nothing to bring in step", type());
            return;
        }
        Map<String, String> indexed = new HashMap<>(index.fingerprints(type()));
        Map<String, List<Document>> replace = new LinkedHashMap<>();
        for (T s : sources.get()) {
            String id = id(s);
            if (!fingerprint(s).equals(indexed.remove(id))) {
                replace.put(id, documents(s));
            }
        }
        index.update(type(), replace, indexed.keySet());
        log.info("Search index in step with the {} sources: {} re-indexed, {} removed", type(), replace.size(),
                indexed.size());
    }

    /** Re-indexes the changed sources (a changed id that no longer exists is removed) and drops the removed ones. */
    void apply(Collection<String> changed, Collection<String> removed) {
        Set<String> delete = new HashSet<>(removed == null ? Set.of() : removed);
        Map<String, List<Document>> replace = new LinkedHashMap<>();
        if (changed != null && !changed.isEmpty()) {
            Set<String> missing = new HashSet<>(changed);
            for (T s : find(changed)) {
                String id = id(s);
                replace.put(id, documents(s));
                missing.remove(id);
                delete.remove(id);
            }
            delete.addAll(missing);
        }
        index.update(type(), replace, delete);
        log.debug("Search index: {} {} re-indexed, {} removed", replace.size(), type(), delete.size());
    }

    /** Applies a change on the index's writer thread, after everything submitted before it. */
    protected void submitChange(Collection<String> changed, Collection<String> removed) {
        Set<String> c = changed == null ? Set.of() : Set.copyOf(changed);
        Set<String> r = removed == null ? Set.of() : Set.copyOf(removed);
        worker.submit("re-indexing changed " + type() + " documents", () -> apply(c, r));
    }
}
