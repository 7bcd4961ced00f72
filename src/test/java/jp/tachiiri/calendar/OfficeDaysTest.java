package jp.tachiiri.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The office's closed days (行政機関の休日に関する法律 第1条) and the next day it is open. */
class OfficeDaysTest {

    private static final OfficeDays OFFICE = OfficeDays.bundled();

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "2026-07-16, 2026-07-16, a Thursday",
        "2026-08-15, 2026-08-17, a Saturday",
        "2026-08-16, 2026-08-17, a Sunday",
        "2026-12-28, 2026-12-28, the last day before the year end",
        "2026-12-29, 2027-01-04, the first year-end day",
        "2026-12-31, 2027-01-04, a year-end day",
        "2027-01-01, 2027-01-04, 元日",
        "2027-01-03, 2027-01-04, the last year-end day, a Sunday",
        "2028-01-03, 2028-01-04, the last year-end day, a Monday",
        "2027-01-11, 2027-01-12, 成人の日",
        "2026-09-19, 2026-09-24, a Saturday before 敬老の日, 国民の休日 and 秋分の日",
        "2026-05-02, 2026-05-07, a Saturday before 憲法記念日 on a Sunday and its 振替休日 on Wednesday",
        "2025-12-27, 2026-01-05, a Saturday before the year end that ends on a Sunday",
    })
    void aClosedDayMovesToTheNextOpenDay(String date, String open, String why) {
        LocalDate day = LocalDate.parse(date);
        LocalDate expected = LocalDate.parse(open);

        assertThat(OFFICE.openOnOrAfter(day)).as(why).isEqualTo(expected);
        assertThat(OFFICE.isOpen(expected)).isTrue();
        assertThat(OFFICE.isOpen(day)).isEqualTo(day.equals(expected));
        for (LocalDate closed = day; closed.isBefore(expected); closed = closed.plusDays(1)) {
            assertThat(OFFICE.isOpen(closed)).as("%s", closed).isFalse();
        }
    }
}
