package org.mingze.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations come from Spring's message bundles ({@code i18n/messages*.properties}): Simplified Chinese
 * first, English second. A missing key shows as {@code !key!} so that it is seen, never as an exception.
 */
@Component
public class MingzeI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MingzeI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, Languages.supported(locale));
        } catch (NoSuchMessageException e) {
            return "!" + key + "!";
        }
    }
}
