package org.mingze.base.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the audit log. Never updated, never deleted; each carries the hash of the one before. */
@Entity
@Immutable
@Table(name = "base_audit_entry")
class AuditEntry {

    @Id
    private Long id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String action;
    @Column(name = "object_type")
    private String objectType;
    @Column(name = "object_id")
    private String objectId;
    @Column(name = "source_addr")
    private String sourceAddr;
    private String detail;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long id, Instant occurredAt, String actor, String action, String objectType, String objectId,
               String sourceAddr, String detail, String prevHash) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.sourceAddr = sourceAddr;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = AuditHashing.hash(this);
    }

    Long getId() { return id; }
    Instant getOccurredAt() { return occurredAt; }
    String getActor() { return actor; }
    String getAction() { return action; }
    String getObjectType() { return objectType; }
    String getObjectId() { return objectId; }
    String getSourceAddr() { return sourceAddr; }
    String getDetail() { return detail; }
    String getPrevHash() { return prevHash; }
    String getHash() { return hash; }

    AuditRecord toRecord() {
        return new AuditRecord(id, occurredAt, actor, action, objectType, objectId, sourceAddr, detail);
    }
}
