package jp.tachiiri.i18n;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.Language;

/**
 * Dates as users read and type them, the one rule for every screen and command. Shown as 2026年11月25日 or
 * 25 Nov 2026. Typed as 2026/11/25, 2026-11-25, 2026.11.25, 2026年11月25日 or 25 Nov 2026 (months and days with
 * or without their leading zero), in any width a Japanese keyboard gives: the text is NFKC-normalised first, so
 * ２０２６／１１／２５ and 2026－11－25 are read too. A day that does not exist (2026/02/30) is refused, not
 * moved to the end of the month.
 */
public final class DateText {

    private static final DateTimeFormatter JAPANESE = strict("uuuu年M月d日");
    private static final DateTimeFormatter ENGLISH = strict("d MMM uuuu");
    private static final List<DateTimeFormatter> TYPED = List.of(strict("uuuu/M/d"), strict("uuuu-M-d"),
            strict("uuuu.M.d"), JAPANESE, ENGLISH);

    private DateText() {
    }

    /** The date as the screens show it in {@code language}: 2026年11月25日, 25 Nov 2026. */
    public static String format(LocalDate date, Language language) {
        return (language == Language.EN ? ENGLISH : JAPANESE).format(date);
    }

    /**
     * The date typed into the field labelled by message key {@code fieldKey}, or empty when nothing is typed (only
     * spaces count as nothing).
     *
     * @throws UnreadableDate when the text is no date in any of the accepted forms
     */
    public static Optional<LocalDate> parse(String typed, String fieldKey) {
        return normalize(typed).isEmpty() ? Optional.empty() : Optional.of(parseRequired(typed, fieldKey));
    }

    /**
     * The date in a typed text, or empty when it holds none: nothing typed or no date. For fields whose screen
     * already says what is wrong when they hold no date.
     */
    public static Optional<LocalDate> read(String typed) {
        String normalized = normalize(typed);
        for (DateTimeFormatter form : TYPED) {
            try {
                return Optional.of(LocalDate.parse(normalized, form));
            } catch (DateTimeParseException notThisForm) {
                // Try the next accepted form.
            }
        }
        return Optional.empty();
    }

    /** As {@link #parse}, for a field that must hold a date: an empty text is refused as no date. */
    public static LocalDate parseRequired(String typed, String fieldKey) {
        return read(typed).orElseThrow(() -> new UnreadableDate(fieldKey, typed));
    }

    /** Full-width digits and separators to their ASCII forms, without the spaces around. */
    private static String normalize(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    }

    /** Strict: a month or day out of range is an error, not a date moved to a valid one. */
    private static DateTimeFormatter strict(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Language.EN.locale()).withResolverStyle(ResolverStyle.STRICT);
    }

    /** A typed text that is no date; its message names the field and repeats the text, with an example. */
    public static final class UnreadableDate extends UserFacingException {

        private static final long serialVersionUID = 1L;

        private final String fieldKey;
        private final String typed;

        UnreadableDate(String fieldKey, String typed) {
            super("date.unreadable", fieldKey, typed);
            this.fieldKey = fieldKey;
            this.typed = typed;
        }

        @Override
        protected String describe(Messages messages) {
            return messages.get(key(), messages.get(fieldKey), typed);
        }
    }
}
