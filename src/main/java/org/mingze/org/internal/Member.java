package org.mingze.org.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person in the organisation. Never hard-deleted once created: deactivated instead. */
@Entity
@Table(name = "org_member")
public class Member {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "employee_no", nullable = false, unique = true)
    private String employeeNo;
    @Column(name = "unit_id", nullable = false)
    private Long unitId;
    private String post;
    @Column(nullable = false)
    private boolean leader;
    @Column(name = "party_member", nullable = false)
    private boolean partyMember = true;
    private String phone;
    @Column(nullable = false)
    private boolean active = true;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Member() {
    }

    public Member(String name, String employeeNo, Long unitId, Instant createdAt) {
        this.name = name;
        this.employeeNo = employeeNo;
        this.unitId = unitId;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getEmployeeNo() { return employeeNo; }
    public Long getUnitId() { return unitId; }
    public String getPost() { return post; }
    public boolean isLeader() { return leader; }
    public boolean isPartyMember() { return partyMember; }
    public String getPhone() { return phone; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }

    public void setName(String name) { this.name = name; }
    public void setEmployeeNo(String employeeNo) { this.employeeNo = employeeNo; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public void setPost(String post) { this.post = post; }
    public void setLeader(boolean leader) { this.leader = leader; }
    public void setPartyMember(boolean partyMember) { this.partyMember = partyMember; }
    public void setPhone(String phone) { this.phone = phone; }
    public void setActive(boolean active) { this.active = active; }
}
