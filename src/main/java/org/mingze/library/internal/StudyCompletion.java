package org.mingze.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.mingze.library.StudyHow;

/** A material marked studied for a person, once per way ({@link StudyHow}). */
@Entity
@Table(name = "library_study_completion")
public class StudyCompletion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(name = "material_id", nullable = false)
    private String materialId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StudyHow how;
    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    protected StudyCompletion() {
    }

    public StudyCompletion(long memberId, String materialId, StudyHow how, Instant at) {
        this.memberId = memberId;
        this.materialId = materialId;
        this.how = how;
        this.completedAt = at;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getMaterialId() {
        return materialId;
    }

    public StudyHow getHow() {
        return how;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
