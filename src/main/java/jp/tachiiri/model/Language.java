package jp.tachiiri.model;

import java.util.Locale;

/** The languages the product speaks: Japanese first, English second. */
public enum Language {
    JA(Locale.JAPANESE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** Parses "ja" or "en" (any case); anything else is rejected. */
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language: " + code);
    }
}
