package org.mingze.library.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.springframework.stereotype.Component;

/** {@link MaterialSource} over the loaded snapshot, with the archived flags from the database. */
@Component
class CatalogMaterialSource implements MaterialSource {

    private final Catalog catalog;
    private final MaterialStateRepository states;

    CatalogMaterialSource(Catalog catalog, MaterialStateRepository states) {
        this.catalog = catalog;
        this.states = states;
    }

    @Override
    public List<IndexableMaterial> all() {
        Set<String> archived = new HashSet<>(states.archivedIds());
        return catalog.current().materials().stream().map(m -> m.indexable(archived.contains(m.id()))).toList();
    }

    @Override
    public Optional<IndexableMaterial> find(String id) {
        Material m = id == null ? null : catalog.current().byId().get(id);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(m.indexable(states.findById(id).map(MaterialState::isArchived).orElse(false)));
    }
}
