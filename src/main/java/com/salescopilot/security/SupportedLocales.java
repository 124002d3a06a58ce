package com.salescopilot.security;

import java.util.List;
import java.util.Locale;

/** The UI languages: Polish (the primary market) and English. */
public final class SupportedLocales {

    public static final Locale POLISH = Locale.forLanguageTag("pl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(POLISH, ENGLISH);

    private SupportedLocales() {
    }

    /** The supported locale for a tag such as "pl", "pl-PL" or "en-GB"; Polish for anything else. */
    public static Locale of(String tag) {
        if (tag == null) {
            return POLISH;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return "en".equals(language) ? ENGLISH : POLISH;
    }
}
