package org.mingze.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

class LoginViewTest extends KaribuTest {

    @Test
    void the_login_form_speaks_chinese() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);
        assertThat(i18n(form)).contains("\"title\":\"登录明责\"").contains("\"username\":\"用户名（警号）\"");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void a_locked_account_is_told_so_and_how_to_get_in() {
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LockedException("locked"));
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("锁定 15 分钟").contains("解锁");
    }

    /** The texts the browser receives (the form's i18n property as JSON). */
    private static String i18n(LoginForm form) {
        Object raw = form.getElement().getPropertyRaw("i18n");
        return raw instanceof elemental.json.JsonValue json ? json.toJson() : String.valueOf(raw);
    }
}
