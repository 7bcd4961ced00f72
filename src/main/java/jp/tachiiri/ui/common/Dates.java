package jp.tachiiri.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.util.StringConverter;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.FiscalYear;

/** Dates and fiscal years on the screens, in the user's language, by the app's one date rule ({@link DateText}). */
public final class Dates {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Dates() {
    }

    /** 2026年11月25日 / 25 Nov 2026. */
    public static String format(LocalDate date, Messages messages) {
        return DateText.format(date, messages.language());
    }

    /** The day of a moment (as decisions are stamped) where the data folder's clock is. */
    public static String dayOf(Instant instant, Clock clock, Messages messages) {
        return format(instant.atZone(clock.getZone()).toLocalDate(), messages);
    }

    /** The time now on the data folder's clock, to the second: when a change was saved. */
    public static String timeNow(Clock clock) {
        return TIME.format(LocalTime.now(clock));
    }

    /** A moment to the second, where the data folder's clock is: when a revision or an audit event was made. */
    public static String moment(Instant instant, Clock clock) {
        return MOMENT.format(instant.atZone(clock.getZone()));
    }

    /** A fiscal year as the choices of a year name it: 2026年度（令和8年度）/ FY 2026 (Reiwa 8). */
    public static String fiscalYear(FiscalYear year, Messages messages) {
        return messages.get("office.fiscalYear", Integer.toString(year.year()), year.eraLabel(messages.language()));
    }

    /**
     * Stores the text typed into the date field labelled by {@code fieldKey}, read as every date field of the app
     * reads it ({@link DateText}: 2027/3/31, 2027-03-31, 2027年3月31日, in full-width digits too); an empty text
     * clears the date. A text that is no date stores nothing.
     *
     * @return why the text was not stored, naming the field; empty when it was
     */
    public static Optional<String> typed(String text, String fieldKey, Messages messages,
                                         Consumer<Optional<LocalDate>> store) {
        Optional<LocalDate> date;
        try {
            date = DateText.parse(text, fieldKey);
        } catch (DateText.UnreadableDate unreadable) {
            return Optional.of(messages.describe(unreadable));
        }
        store.accept(date);
        return Optional.empty();
    }

    /**
     * The text of a date field that must hold a date for the screen to go on (the screen says so when it holds
     * none): shown as {@link #format}, read by {@link DateText}. A text that is no date reads as no date.
     */
    public static StringConverter<LocalDate> requiredField(Messages messages) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : format(date, messages);
            }

            @Override
            public LocalDate fromString(String text) {
                return DateText.read(text).orElse(null);
            }
        };
    }
}
