package org.mingze.search.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.mingze.base.i18n.Languages;

/** The language of API messages: Chinese unless the caller asks for English with Accept-Language. */
final class ApiLocale {

    private ApiLocale() {
    }

    static Locale of(HttpServletRequest request) {
        if (request == null || request.getHeader("Accept-Language") == null) {
            return Languages.CHINESE;
        }
        return Languages.supported(request.getLocale());
    }
}
