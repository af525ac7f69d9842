package org.mingze.search;

import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.Roles;
import org.mingze.search.internal.SearchIndex;
import org.mingze.search.internal.SearchIndexer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The search index for administrators: its state, and a full rebuild from the library and the question bank. */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class SearchIndexAdmin {

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final AuditLog audit;

    SearchIndexAdmin(SearchIndex index, SearchIndexer indexer, AuditLog audit) {
        this.index = index;
        this.indexer = indexer;
        this.audit = audit;
    }

    public IndexStatus status() {
        SearchIndexer.Status s = indexer.status();
        return new IndexStatus(index.documentCount(), index.sizeOnDisk(),
                index.folder() == null ? null : index.folder().toString(), SearchIndex.FORMAT_VERSION, s.building(),
                s.done(), s.total(), s.lastRebuild(), s.lastRebuildMillis(), s.lastError());
    }

    /** Starts a full rebuild in the background (the old index answers searches until it is done). */
    public void rebuild() {
        audit.record("SEARCH_INDEX_REBUILD", "search-index", "v" + SearchIndex.FORMAT_VERSION, null);
        indexer.rebuild();
    }
}
