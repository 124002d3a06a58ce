package com.salescopilot.analysis.ai;

import java.util.Locale;

/** The language the model answers in: the session's (Polish or English). */
public enum AnswerLanguage {
    POLISH("pl", "Polish"),
    ENGLISH("en", "English");

    private final String code;
    private final String englishName;

    AnswerLanguage(String code, String englishName) {
        this.code = code;
        this.englishName = englishName;
    }

    public String code() {
        return code;
    }

    /** "Polish" / "English", as the prompts (written in English) name it. */
    public String englishName() {
        return englishName;
    }

    /** The language of an ISO code or locale tag ("pl", "pl-PL", "en_GB"); Polish when unknown or blank. */
    public static AnswerLanguage fromCode(String code) {
        if (code != null) {
            String lower = code.strip().toLowerCase(Locale.ROOT);
            for (AnswerLanguage language : values()) {
                if (lower.equals(language.code) || lower.startsWith(language.code + "-")
                        || lower.startsWith(language.code + "_")) {
                    return language;
                }
            }
        }
        return POLISH;
    }

    public static AnswerLanguage of(Locale locale) {
        return locale == null ? POLISH : fromCode(locale.getLanguage());
    }
}
