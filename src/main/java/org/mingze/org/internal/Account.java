package org.mingze.org.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.mingze.base.security.Role;

/** A login. Usually belongs to a member (username = 警号); system accounts (e.g. the first admin) may not. */
@Entity
@Table(name = "org_account")
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "scope_unit_id")
    private Long scopeUnitId;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "org_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected Account() {
    }

    public Account(String username, String passwordHash, Long memberId, String displayName, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.memberId = memberId;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public Long getMemberId() { return memberId; }
    public String getDisplayName() { return displayName; }
    public Long getScopeUnitId() { return scopeUnitId; }
    public boolean isEnabled() { return enabled; }
    public int getFailedLogins() { return failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public Instant getLastLoginAt() { return lastLoginAt; }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public void setScopeUnitId(Long scopeUnitId) { this.scopeUnitId = scopeUnitId; }

    public void setRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    public void changePassword(String hash, boolean mustChange) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
    }

    /** Counts a failed login; returns true when this failure locks the account. */
    public boolean failedLogin(Instant now, int maxFailures, java.time.Duration lockout) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            lockedUntil = null;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= maxFailures && lockedUntil == null) {
            lockedUntil = now.plus(lockout);
            return true;
        }
        return false;
    }

    public void succeededLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
