package org.mingze.search.internal;

import java.util.List;
import org.mingze.library.IndexableMaterial;

/** Search components without Spring, over an in-memory index. */
final class TestEngines {

    private TestEngines() {
    }

    static final Analyzers ANALYZERS = new Analyzers(DomainDictionary.builtIn());

    static SearchEngine engine(List<IndexableMaterial> materials) {
        SearchIndex index = SearchIndex.inMemory(ANALYZERS);
        index.rebuild(SearchFields.TYPE_MATERIAL, materials,
                m -> MaterialDocuments.documents(m, index.facetsConfig()), SearchIndex.Progress.NONE);
        return new SearchEngine(index);
    }
}
