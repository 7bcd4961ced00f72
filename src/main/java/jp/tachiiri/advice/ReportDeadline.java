package jp.tachiiri.advice;

import java.time.LocalDate;
import jp.tachiiri.calendar.OfficeDays;
import jp.tachiiri.i18n.UserFacingException;

/**
 * When a hospital's improvement report is due: the given days after the advice document, or the office's next open
 * day if it is closed then. The printout states it, and the office's follow-up counts from it.
 */
public final class ReportDeadline {

    private static final OfficeDays OFFICE_DAYS = OfficeDays.bundled();

    private ReportDeadline() {
    }

    public static LocalDate due(LocalDate documentDate, int reportDays) {
        LocalDate due = documentDate.plusDays(reportDays);
        try {
            return OFFICE_DAYS.openOnOrAfter(due);
        } catch (IllegalArgumentException e) {
            // A year the holiday data does not cover (a mistyped inspection date): say so rather than guess.
            throw new UserFacingException(e, "advice.error.holidaysUnknown", Integer.toString(due.getYear()));
        }
    }
}
