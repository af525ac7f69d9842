package org.mingze.org.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.mingze.org.UnitKind;

/** A party organisation unit. {@code path} is the chain of ids from the root, e.g. "/1/4/", for subtree queries. */
@Entity
@Table(name = "org_unit")
public class Unit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;
    @Column(name = "parent_id")
    private Long parentId;
    @Column(nullable = false)
    private String path = "/";
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;
    @Column(nullable = false)
    private boolean active = true;
    @Version
    private long version;

    protected Unit() {
    }

    public Unit(String name, UnitKind kind, Long parentId, int sortOrder) {
        this.name = name;
        this.kind = kind;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public UnitKind getKind() { return kind; }
    public Long getParentId() { return parentId; }
    public String getPath() { return path; }
    public int getSortOrder() { return sortOrder; }
    public boolean isActive() { return active; }

    public void setName(String name) { this.name = name; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    public void setActive(boolean active) { this.active = active; }

    /** Called once the id is known: the path is the parent's path plus this id. */
    public void placeUnder(String parentPath) {
        this.path = (parentPath == null ? "/" : parentPath) + id + "/";
    }
}
