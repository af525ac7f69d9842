package org.mingze.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.LoginThrottledException;
import org.mingze.base.ui.LocaleSwitch;
import org.mingze.org.AccountService;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** The Chinese login page. Says why a login failed (wrong password, locked, disabled, throttled). */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final AccountService accounts;

    LoginView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("mingze-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("mingze-login-title");
        Paragraph motto = new Paragraph(getTranslation("app.motto"));
        motto.addClassName("mingze-motto");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> form.setI18n(i18n(getTranslation("login.forgot"))));
        form.setI18n(i18n(null));

        boolean english = Languages.ENGLISH.equals(Languages.supported(getLocale()));
        Button lang = new Button(getTranslation(english ? "shell.lang.zh" : "shell.lang.en"),
                e -> LocaleSwitch.switchTo(english ? Languages.CHINESE : Languages.ENGLISH));
        lang.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(title, motto, form, lang);
        if (accounts.setupNeeded()) {
            add(new Div(new Anchor("setup", getTranslation("login.setup"))));
        }
    }

    private LoginI18n i18n(String info) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot.button"));
        LoginI18n.ErrorMessage err = i18n.getErrorMessage();
        err.setTitle(getTranslation("login.error.title"));
        err.setMessage(info != null ? info : getTranslation("login.error.bad"));
        err.setUsername(getTranslation("login.error.username-required"));
        err.setPassword(getTranslation("login.error.password-required"));
        i18n.setAdditionalInformation(info != null ? info : getTranslation("login.info"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        String message = getTranslation("login.error.bad");
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest req) {
            HttpSession session = req.getHttpServletRequest().getSession(false);
            Object ex = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (ex instanceof LockedException) {
                message = getTranslation("login.error.locked");
            } else if (ex instanceof DisabledException) {
                message = getTranslation("login.error.disabled");
            } else if (ex instanceof LoginThrottledException) {
                message = getTranslation("login.error.throttled");
            }
        }
        LoginI18n i18n = i18n(null);
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
