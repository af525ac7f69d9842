package org.mingze.org;

/** A unit as views and other modules see it. {@code path} lists the ids from the root, e.g. "/1/4/". */
public record UnitNode(long id, String name, UnitKind kind, Long parentId, String path, int sortOrder,
                       boolean active) {
    public boolean contains(UnitNode other) {
        return other.path().startsWith(path);
    }
}
