package org.mingze.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** What the database knows of a material whose text lives in content/: whether it is archived (hidden). */
@Entity
@Table(name = "library_material_state")
public class MaterialState {
    @Id
    @Column(name = "material_id")
    private String materialId;
    @Column(nullable = false)
    private boolean archived;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Version
    private long version;

    protected MaterialState() {
    }

    public MaterialState(String materialId) {
        this.materialId = materialId;
    }

    public String getMaterialId() {
        return materialId;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived, Instant at, String by) {
        this.archived = archived;
        this.changedAt = at;
        this.changedBy = by;
    }
}
