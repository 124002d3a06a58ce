package com.salescopilot.base;

import java.util.Locale;

/**
 * Remembers the UI language the logged-in user chose. Declared here so that the shell can offer the
 * switch without knowing where users live; the security module implements it.
 */
public interface LocalePreference {

    void rememberForCurrentUser(Locale locale);
}
