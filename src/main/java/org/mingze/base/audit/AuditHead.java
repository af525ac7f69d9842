package org.mingze.base.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain's head: the id and hash of the newest entry. Locked by every writer. */
@Entity
@Table(name = "base_audit_head")
class AuditHead {
    @Id
    private Integer id;
    @Column(name = "last_id", nullable = false)
    private long lastId;
    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    long getLastId() { return lastId; }
    String getLastHash() { return lastHash; }

    void advance(AuditEntry entry) {
        this.lastId = entry.getId();
        this.lastHash = entry.getHash();
    }
}
