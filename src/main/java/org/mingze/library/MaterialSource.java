package org.mingze.library;

import java.util.List;
import java.util.Optional;

/**
 * What the library offers to modules that index or link its materials (search, quiz). Implemented by the library;
 * callers run as the system, so it returns archived materials too (flagged) and leaves access to the caller.
 */
public interface MaterialSource {

    /** Every loaded material, archived included. */
    List<IndexableMaterial> all();

    Optional<IndexableMaterial> find(String id);
}
