package jp.tachiiri.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;

/** Dates as the user reads and types them: 2026年11月25日 / 25 Nov 2026; typed as 2026/11/25 or 2026-11-25. */
public final class Dates {

    private static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM uuuu", Language.EN.locale());
    private static final List<DateTimeFormatter> TYPED = List.of(DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ISO_LOCAL_DATE, JAPANESE, ENGLISH);

    private Dates() {
    }

    public static String format(LocalDate date, Messages messages) {
        return (messages.language() == Language.EN ? ENGLISH : JAPANESE).format(date);
    }

    /** The local day of a stored moment (an ISO instant, as decisions are stamped). */
    public static String dayOf(String instant, Messages messages) {
        return format(Instant.parse(instant).atZone(ZoneId.systemDefault()).toLocalDate(), messages);
    }

    /** A fiscal year as the choices of a year name it: 2026年度（令和8年度）/ FY 2026 (Reiwa 8). */
    public static String fiscalYear(FiscalYear year, Messages messages) {
        return messages.get("office.fiscalYear", Integer.toString(year.year()), year.eraLabel(messages.language()));
    }

    /** The date in a typed text, if it is one in any of the accepted forms. */
    public static Optional<LocalDate> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (DateTimeFormatter format : TYPED) {
            try {
                return Optional.of(LocalDate.parse(trimmed, format));
            } catch (DateTimeParseException notThisForm) {
                // Try the next accepted form.
            }
        }
        return Optional.empty();
    }
}
