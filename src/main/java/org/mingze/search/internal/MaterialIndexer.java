package org.mingze.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.library.MaterialsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the material sections of the index in step with the library: on {@link MaterialsChanged} (after the
 * publisher's transaction commits, or at once without one) it re-indexes the changed materials from
 * {@link MaterialSource} and drops the removed ones, on the {@link IndexWorker}'s thread. Start-up and full rebuilds
 * are {@link SearchIndexer}'s. Without a {@link MaterialSource} bean nothing is indexed from the library.
 */
@Component
class MaterialIndexer extends TypeIndexer<IndexableMaterial> {

    private static final Logger log = LoggerFactory.getLogger(MaterialIndexer.class);

    private final ObjectProvider<MaterialSource> sources;

    MaterialIndexer(SearchIndex index, IndexWorker worker, ObjectProvider<MaterialSource> sources) {
        super(index, worker);
        this.sources = sources;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MaterialsChanged event) {
        submitChange(event.changed(), event.removed());
    }

    @Override
    String type() {
        return SearchFields.TYPE_MATERIAL;
    }

    private Optional<MaterialSource> source() {
        try {
            return Optional.ofNullable(sources.getIfAvailable());
        } catch (RuntimeException e) {
            log.warn("No unique MaterialSource ({}); nothing is indexed from the library", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    Optional<List<IndexableMaterial>> all() {
        return source().map(MaterialSource::all);
    }

    @Override
    List<IndexableMaterial> find(Collection<String> ids) {
        Optional<MaterialSource> source = source();
        if (source.isEmpty()) {
            return List.of();
        }
        List<IndexableMaterial> out = new ArrayList<>();
        for (String id : ids) {
            source.get().find(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    String id(IndexableMaterial m) {
        return m.id();
    }

    @Override
    String fingerprint(IndexableMaterial m) {
        return MaterialDocuments.fingerprint(m);
    }

    @Override
    List<Document> documents(IndexableMaterial m) {
        return MaterialDocuments.documents(m, index.facetsConfig());
    }
}
