package org.mingze.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.mingze.base.i18n.Languages;
import org.springframework.stereotype.Component;

/**
 * The UI language: Simplified Chinese unless the person chose English, which a cookie remembers across logins.
 */
@Component
public class LocaleSwitch implements VaadinServiceInitListener {

    static final String COOKIE = "mingze-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(chosen(VaadinRequest.getCurrent())));
    }

    static Locale chosen(VaadinRequest request) {
        if (request != null && request.getCookies() != null) {
            return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).findFirst()
                    .map(c -> Languages.supported(Locale.forLanguageTag(c.getValue()))).orElse(Languages.CHINESE);
        }
        return Languages.CHINESE;
    }

    /** Switches the language, remembers it, and reloads the page so every label follows. */
    public static void switchTo(Locale locale) {
        Locale l = Languages.supported(locale);
        VaadinSession.getCurrent().setLocale(l);
        UI.getCurrent().setLocale(l);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, l.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        UI.getCurrent().getPage().reload();
    }
}
