package org.mingze.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.security.Role;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.AccountRepository;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

@MingzeTest
class MemberServiceTest {

    @Autowired
    MemberService members;
    @Autowired
    TestData data;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditLog audit;
    @Autowired
    SessionRegistry sessions;
    @Autowired
    AccountRepository accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }


    private MemberData valid(Unit unit) {
        return new MemberData("赵新民", "N" + (200000 + TestData.next()), unit.getId(), "民警", false, true,
                "13912345678");
    }

    @Test
    void an_organiser_of_one_branch_sees_none_of_another_branchs_members() {
        Unit mine = data.branch();
        Unit other = data.branch();
        Member stranger = data.member(other);
        Member colleague = data.member(mine);
        data.signIn(data.account(mine, Role.ORGANIZER).getUsername());

        var visible = members.search(MemberFilter.any(), 0, 500).map(MemberRow::id).toList();
        assertThat(visible).contains(colleague.getId()).doesNotContain(stranger.getId());
        assertThat(members.member(stranger.getId())).isEmpty();
        assertThat(members.byEmployeeNo(stranger.getEmployeeNo())).isEmpty();
        assertThat(members.search(new MemberFilter(null, other.getId(), null, null), 0, 50).getContent()).isEmpty();
    }

    @Test
    void an_organiser_cannot_change_or_deactivate_a_member_of_another_branch() {
        Unit mine = data.branch();
        Unit other = data.branch();
        Member stranger = data.member(other);
        data.signIn(data.account(mine, Role.ORGANIZER).getUsername());

        assertThatThrownBy(() -> members.update(stranger.getId(), new MemberData("改名", stranger.getEmployeeNo(),
                mine.getId(), null, false, true, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.deactivate(stranger.getId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_organiser_cannot_place_a_new_member_in_another_branch() {
        Unit mine = data.branch();
        Unit other = data.branch();
        data.signIn(data.account(mine, Role.ORGANIZER).getUsername());

        assertThatThrownBy(() -> members.create(valid(other))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.key()).contains("member.error.unit-out-of-scope"));
        assertThat(members.create(valid(mine)).unitId()).isEqualTo(mine.getId());
    }

    @Test
    void a_learner_cannot_list_members_and_an_auditor_cannot_change_them() {
        Unit unit = data.branch();
        Member someone = data.member(unit);
        data.signIn(data.account(unit, Role.LEARNER).getUsername());
        assertThatThrownBy(() -> members.search(MemberFilter.any(), 0, 10)).isInstanceOf(AccessDeniedException.class);

        data.signIn(data.account(unit, Role.AUDITOR).getUsername());
        assertThat(members.search(MemberFilter.any(), 0, 10).getTotalElements()).isPositive();
        assertThatThrownBy(() -> members.deactivate(someone.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.create(valid(unit))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void every_wrong_field_is_reported_at_once_in_chinese_keys_and_nothing_is_stored() {
        Unit unit = data.branch();
        data.signIn("admin");
        long before = members.count(MemberFilter.any());
        assertThatThrownBy(() -> members.create(new MemberData(" ", "12", unit.getId(), null, false, true, "12345")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.key()).containsExactlyInAnyOrder("member.error.name-required",
                                "member.error.employee-no-format", "member.error.phone-format"));
        assertThat(members.count(MemberFilter.any())).isEqualTo(before);
    }

    @Test
    void a_second_member_with_the_same_employee_number_is_refused_with_the_owners_name() {
        Unit unit = data.branch();
        Member first = data.member(unit);
        data.signIn("admin");
        assertThatThrownBy(() -> members.create(new MemberData("另一人", first.getEmployeeNo().toLowerCase(),
                unit.getId(), null, false, true, null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).args()).contains(first.getName()));
    }

    @Test
    void deactivating_a_member_keeps_the_record_disables_the_account_and_ends_its_sessions_at_once() {
        Unit unit = data.branch();
        Account account = data.account(unit, Role.LEARNER);
        UserDetails person = users.loadUserByUsername(account.getUsername());
        sessions.registerNewSession("session-of-" + account.getUsername(), person);
        data.signIn("admin");

        members.deactivate(account.getMemberId());

        assertThat(sessions.getSessionInformation("session-of-" + account.getUsername()).isExpired()).isTrue();
        assertThat(users.loadUserByUsername(account.getUsername()).isEnabled()).isFalse();
        assertThat(members.member(account.getMemberId())).hasValueSatisfying(m -> assertThat(m.active()).isFalse());
        assertThat(audit.search(new AuditQuery(null, "MEMBER_DEACTIVATE", "member",
                String.valueOf(account.getMemberId()), null, null), 0, 5).getTotalElements()).isEqualTo(1);
    }

    @Test
    void an_issued_temporary_password_must_be_changed_and_only_administrators_may_issue_one() {
        Unit unit = data.branch();
        Member m = data.member(unit);
        data.signIn(data.account(unit, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> members.issuePassword(m.getId())).isInstanceOf(AccessDeniedException.class);

        data.signIn("admin");
        TemporaryPassword temp = members.issuePassword(m.getId());
        assertThat(temp.username()).isEqualTo(m.getEmployeeNo());
        assertThat(temp.password()).hasSize(12);
        Account created = accounts.findByMemberId(m.getId()).orElseThrow();
        assertThat(created.isMustChangePassword()).isTrue();
        assertThat(created.getRoles()).containsExactly(Role.LEARNER);
    }

    @Test
    void an_organiser_role_needs_a_scope_unit() {
        Unit unit = data.branch();
        Account a = data.account(unit, Role.LEARNER);
        data.signIn("admin");
        assertThatThrownBy(() -> members.setRoles(a.getMemberId(), EnumSet.of(Role.ORGANIZER), null))
                .isInstanceOf(ValidationException.class);
        members.setRoles(a.getMemberId(), EnumSet.of(Role.LEARNER, Role.ORGANIZER), unit.getId());
        assertThat(accounts.findById(a.getId()).orElseThrow().getScopeUnitId()).isEqualTo(unit.getId());
    }

    @Test
    void an_organiser_is_not_told_who_outside_their_scope_holds_an_employee_number() {
        Unit mine = data.branch();
        Member stranger = data.member(data.branch());
        data.signIn(data.account(mine, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> members.create(new MemberData("新人", stranger.getEmployeeNo(), mine.getId(), null,
                false, true, null))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems().get(0).key()).isEqualTo("member.error.employee-no-taken-elsewhere");
                    assertThat(e.problems().get(0).args()).doesNotContain(stranger.getName());
                });
    }
}
