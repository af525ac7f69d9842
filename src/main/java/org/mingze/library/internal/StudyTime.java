package org.mingze.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** Study time credited to one person for one material on one day, in seconds. */
@Entity
@Table(name = "library_study_time")
public class StudyTime {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(name = "material_id", nullable = false)
    private String materialId;
    @Column(name = "study_day", nullable = false)
    private LocalDate studyDay;
    @Column(nullable = false)
    private int seconds;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected StudyTime() {
    }

    public StudyTime(long memberId, String materialId, LocalDate studyDay, Instant at) {
        this.memberId = memberId;
        this.materialId = materialId;
        this.studyDay = studyDay;
        this.updatedAt = at;
    }

    public int getSeconds() {
        return seconds;
    }

    public void add(int more, Instant at) {
        seconds += more;
        updatedAt = at;
    }
}
