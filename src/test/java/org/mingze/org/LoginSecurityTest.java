package org.mingze.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.security.LoginThrottledException;
import org.mingze.base.security.Role;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.AccountRepository;
import org.mingze.org.internal.DemoData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The real login endpoint, through Spring Security's filter chain. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = {"mingze.security.address-max-failures=12", "mingze.security.max-failed-logins=5"})
class LoginSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    AccountRepository accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService users;

    private MvcResult login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn();
    }

    private long audited(String actor, String action) {
        data.signIn("admin");
        try {
            return audit.count(new AuditQuery(actor, action, null, null, null, null));
        } finally {
            data.signOut();
        }
    }

    @Test
    void the_right_password_logs_in_and_is_audited_with_the_address() throws Exception {
        Account a = data.account(data.branch(), Role.LEARNER);
        MvcResult r = login(a.getUsername(), DemoData.PASSWORD, "10.1.0.1");
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(audited(a.getUsername(), "LOGIN_SUCCESS")).isEqualTo(1);
        assertThat(accounts.findById(a.getId()).orElseThrow().getLastLoginAt()).isNotNull();
    }

    @Test
    void logging_in_gives_the_session_a_new_id() throws Exception {
        Account a = data.account(data.branch(), Role.LEARNER);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult r = mvc.perform(post("/login").session(session).param("username", a.getUsername())
                .param("password", DemoData.PASSWORD).with(csrf())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(r.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused() throws Exception {
        Account a = data.account(data.branch(), Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            MvcResult r = login(a.getUsername(), "wrong-password-" + i, "10.2.0." + i);
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        MvcResult locked = login(a.getUsername(), DemoData.PASSWORD, "10.2.0.9");
        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(((MockHttpSession) locked.getRequest().getSession())
                .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).isInstanceOf(LockedException.class);
        assertThat(accounts.findById(a.getId()).orElseThrow().getLockedUntil()).isNotNull();
        assertThat(audited(a.getUsername(), "LOGIN_FAILURE")).isEqualTo(6);
        assertThat(audited(a.getUsername(), "LOGIN_LOCKOUT")).isEqualTo(1);
    }

    @Test
    void an_administrator_unlock_lets_the_person_in_again() throws Exception {
        Account a = data.account(data.branch(), Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            login(a.getUsername(), "nope-nope-" + i, "10.3.0." + i);
        }
        data.signIn("admin");
        try {
            memberService.unlock(a.getMemberId());
        } finally {
            data.signOut();
        }
        assertThat(login(a.getUsername(), DemoData.PASSWORD, "10.3.0.9").getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Autowired
    MemberService memberService;

    @Test
    void an_address_that_fails_too_often_is_refused_before_any_password_is_checked() throws Exception {
        Account a = data.account(data.branch(), Role.LEARNER);
        // 12 failures spread over unknown usernames, so no account lockout is involved
        for (int i = 0; i < 12; i++) {
            login("nobody" + i, "whatever-" + i, "10.9.9.9");
        }
        MvcResult r = login(a.getUsername(), DemoData.PASSWORD, "10.9.9.9");
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(r.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(LoginThrottledException.class);
        assertThat(accounts.findById(a.getId()).orElseThrow().getFailedLogins()).isZero();
        // another address is not affected
        assertThat(login(a.getUsername(), DemoData.PASSWORD, "10.9.9.10").getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void a_deactivated_members_account_cannot_log_in() throws Exception {
        Account a = data.account(data.branch(), Role.LEARNER);
        data.signIn("admin");
        try {
            memberService.deactivate(a.getMemberId());
        } finally {
            data.signOut();
        }
        assertThat(login(a.getUsername(), DemoData.PASSWORD, "10.4.0.1").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }
}
