package jp.tachiiri.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.tachiiri.model.Language;

/**
 * The product's texts from {@code i18n/messages*.properties}: Japanese in the base file, English in
 * {@code _en}. Never falls back to the JVM's default locale, so a Japanese user on an English machine
 * still sees Japanese.
 */
public final class Messages {

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        Locale locale = language == Language.JA ? Locale.ROOT : language.locale();
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_DEFAULT_LOCALE_FALLBACK);
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
    }

    /** The resource bundle itself, for JavaFX views that bind texts by key. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code arguments} put in its {0}, {1} … places (MessageFormat rules: '' for a quote). */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for key '" + key + "' in " + language, e);
        }
        return new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /** The text of a user-facing error in this language. */
    public String describe(UserFacingException error) {
        return error.describe(this);
    }
}
