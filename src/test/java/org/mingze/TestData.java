package org.mingze;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mingze.base.security.Role;
import org.mingze.org.UnitKind;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.AccountRepository;
import org.mingze.org.internal.DemoData;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.MemberRepository;
import org.mingze.org.internal.Unit;
import org.mingze.org.internal.UnitRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small builders for test data, written straight to the repositories (bypassing services and their checks, so
 * that a test can set up any situation). Every name and 警号 is unique per call.
 */
@Component
public class TestData {

    private static final AtomicInteger SEQ = new AtomicInteger(1);

    private final UnitRepository units;
    private final MemberRepository members;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;
    private String demoHash;

    TestData(UnitRepository units, MemberRepository members, AccountRepository accounts, PasswordEncoder encoder,
             UserDetailsService users) {
        this.users = users;
        this.units = units;
        this.members = members;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    public static int next() {
        return SEQ.getAndIncrement();
    }

    /** The demo bureau's party committee. */
    @Transactional(readOnly = true)
    public Unit committee() {
        return units.findAll().stream().filter(u -> u.getParentId() == null).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Unit unitNamed(String name) {
        return units.findAll().stream().filter(u -> u.getName().equals(name)).findFirst().orElseThrow();
    }

    /** A new branch under the demo committee. */
    @Transactional
    public Unit branch() {
        return unit("测试党支部" + next(), UnitKind.BRANCH, committee());
    }

    @Transactional
    public Unit unit(String name, UnitKind kind, Unit parent) {
        Unit u = units.saveAndFlush(new Unit(name, kind, parent == null ? null : parent.getId(), 99));
        u.placeUnder(parent == null ? null : parent.getPath());
        return units.save(u);
    }

    /** A new active member of the unit, with a unique 警号 "T" + sequence. */
    @Transactional
    public Member member(Unit unit) {
        int n = next();
        Member m = new Member("测试人员" + n, "T" + (100000 + n), unit.getId(), Instant.now());
        m.setPost("民警");
        return members.save(m);
    }

    /**
     * A member with an account holding these roles (an organiser's scope is the member's unit); the password is
     * the demo password.
     */
    @Transactional
    public Account account(Unit unit, Role... roles) {
        Member m = member(unit);
        Account a = new Account(m.getEmployeeNo(), hash(), m.getId(), m.getName(), Instant.now());
        Set<Role> set = roles.length == 0 ? EnumSet.of(Role.LEARNER) : EnumSet.of(roles[0], roles);
        a.setRoles(set);
        if (set.contains(Role.ORGANIZER)) {
            a.setScopeUnitId(unit.getId());
        }
        return accounts.save(a);
    }

    /** Signs the account in for service calls on this thread, as the login form would; see {@link #signOut()}. */
    public UserDetails signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return user;
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String hash() {
        if (demoHash == null) {
            demoHash = encoder.encode(DemoData.PASSWORD);
        }
        return demoHash;
    }
}
