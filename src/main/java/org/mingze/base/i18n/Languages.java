package org.mingze.base.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Mingze speaks: Simplified Chinese (default) and English. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private Languages() {
    }

    /** The supported locale closest to {@code locale}; Chinese unless it is English. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }
}
