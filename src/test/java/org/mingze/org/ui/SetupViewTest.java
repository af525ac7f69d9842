package org.mingze.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.org.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A production-like start: no demo data, no administrator, so the one-time set-up page is open. */
@TestPropertySource(properties = "mingze.demo.enabled=false")
@DirtiesContext
class SetupViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;

    @Test
    void the_first_administrator_is_created_once_and_then_the_page_closes() {
        assertThat(accounts.setupNeeded()).isTrue();
        UI.getCurrent().navigate("setup");
        _setValue(_get(TextField.class, spec -> spec.withLabel("管理员用户名")), "zhangadmin");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("新密码")), "12345678");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("再次输入新密码")), "12345678");
        _click(_get(Button.class, spec -> spec.withText("创建管理员")));

        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("新密码"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("常见密码");
        assertThat(accounts.setupNeeded()).isTrue();

        _setValue(password, "Jingwei#2026safe");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("再次输入新密码")), "Jingwei#2026safe");
        _click(_get(Button.class, spec -> spec.withText("创建管理员")));

        assertThat(accounts.setupNeeded()).isFalse();
        assertThat(accounts.rolesOf("zhangadmin")).containsExactly(org.mingze.base.security.Role.ADMIN);

        UI.getCurrent().navigate("setup");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }
}
