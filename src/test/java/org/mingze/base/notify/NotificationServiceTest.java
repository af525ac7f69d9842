package org.mingze.base.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.org.MemberService;
import org.mingze.org.internal.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@MingzeTest
class NotificationServiceTest {

    @Autowired
    NotificationService notices;
    @Autowired
    MemberService members;
    @Autowired
    TestData data;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }


    @Test
    void a_notice_shows_in_the_recipients_inbox_as_unread_until_marked() {
        Account a = data.account(data.branch(), Role.LEARNER);
        long id = notices.post(a.getUsername(), "主题党日提醒", "本周五下午三点", "");
        data.signIn(a.getUsername());
        assertThat(notices.unreadCount()).isEqualTo(1);
        assertThat(notices.inbox(10)).extracting(Notice::title).containsExactly("主题党日提醒");
        notices.markRead(id);
        assertThat(notices.unreadCount()).isZero();
        assertThat(notices.inbox(10).get(0).read()).isTrue();
    }

    @Test
    void nobody_can_read_or_mark_anothers_notice() {
        Account owner = data.account(data.branch(), Role.LEARNER);
        Account other = data.account(data.branch(), Role.LEARNER);
        long id = notices.post(owner.getUsername(), "仅本人可见", null, null);
        data.signIn(other.getUsername());
        assertThat(notices.inbox(10)).isEmpty();
        assertThatThrownBy(() -> notices.markRead(id)).isInstanceOf(AccessDeniedException.class);
        data.signIn(owner.getUsername());
        assertThat(notices.unreadCount()).isEqualTo(1);
    }

    @Test
    void a_person_whose_roles_change_is_told_in_the_inbox() {
        var unit = data.branch();
        Account a = data.account(unit, Role.LEARNER);
        data.signIn("admin");
        members.setRoles(a.getMemberId(), EnumSet.of(Role.LEARNER, Role.ORGANIZER), unit.getId());
        data.signIn(a.getUsername());
        assertThat(notices.inbox(5)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("您的角色已调整");
            assertThat(n.body()).contains("学员、组织员");
        });
    }
}
