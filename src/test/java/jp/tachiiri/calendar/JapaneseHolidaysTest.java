package jp.tachiiri.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The holidays against the Act and the Cabinet Office's list (https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html):
 * each rule of the data file, each rule the Act derives, and whole years as the list prints them.
 */
class JapaneseHolidaysTest {

    private static final JapaneseHolidays HOLIDAYS = JapaneseHolidays.bundled();

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
        "2026-01-01, 元日",
        "2026-02-11, 建国記念の日",
        "2026-02-23, 天皇誕生日",
        "2026-04-29, 昭和の日",
        "2026-05-03, 憲法記念日",
        "2026-05-04, みどりの日",
        "2026-05-05, こどもの日",
        "2026-08-11, 山の日",
        "2026-11-03, 文化の日",
        "2026-11-23, 勤労感謝の日",
    })
    void eachFixedHolidayFallsOnItsDay(String date, String name) {
        assertThat(HOLIDAYS.name(day(date))).contains(name);
        assertThat(HOLIDAYS.name(day(date).minusYears(1))).contains(name);
    }

    /** 第2条 as amended in 1998 and 2001 (the Happy Monday system): the N-th Monday of the month. */
    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
        "2026-01-12, 成人の日, 2",
        "2027-01-11, 成人の日, 2",
        "2026-07-20, 海の日, 3",
        "2027-07-19, 海の日, 3",
        "2026-09-21, 敬老の日, 3",
        "2027-09-20, 敬老の日, 3",
        "2026-10-12, スポーツの日, 2",
        "2027-10-11, スポーツの日, 2",
    })
    void eachHappyMondayIsTheNthMondayOfItsMonth(String date, String name, int ordinal) {
        LocalDate holiday = day(date);
        assertThat(holiday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat((holiday.getDayOfMonth() + 6) / 7).isEqualTo(ordinal);
        assertThat(HOLIDAYS.name(holiday)).contains(name);
        assertThat(HOLIDAYS.isHoliday(holiday.minusWeeks(1))).as("a week before").isFalse();
        assertThat(HOLIDAYS.isHoliday(holiday.plusWeeks(1))).as("a week after").isFalse();
    }

    /** The equinox days as the Cabinet Office's list (and the 官報 before it) published them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2000, 2000-03-20, 2000-09-23",
        "2012, 2012-03-20, 2012-09-22",
        "2020, 2020-03-20, 2020-09-22",
        "2021, 2021-03-20, 2021-09-23",
        "2022, 2022-03-21, 2022-09-23",
        "2023, 2023-03-21, 2023-09-23",
        "2024, 2024-03-20, 2024-09-22",
        "2025, 2025-03-20, 2025-09-23",
        "2026, 2026-03-20, 2026-09-23",
        "2027, 2027-03-21, 2027-09-23",
    })
    void theEquinoxDaysAreThePublishedOnes(int year, String spring, String autumn) {
        assertThat(HOLIDAYS.name(day(spring))).contains("春分の日");
        assertThat(HOLIDAYS.name(day(autumn))).contains("秋分の日");
        assertThat(HOLIDAYS.of(year).entrySet()).filteredOn(holiday -> holiday.getValue().endsWith("分の日"))
                .extracting(Map.Entry::getKey).containsExactly(day(spring), day(autumn));
    }

    /** 第3条第2項: a holiday on a Sunday moves to the nearest following day that is no 国民の祝日. */
    @Test
    void aHolidayOnASundayGivesASubstituteHoliday() {
        // 勤労感謝の日 2025 on a Sunday: the Monday.
        assertThat(day("2025-11-23").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(HOLIDAYS.name(day("2025-11-24"))).contains("振替休日");
        // 憲法記念日 2026 on a Sunday, followed by two 祝日: the Wednesday.
        assertThat(HOLIDAYS.name(day("2026-05-03"))).contains("憲法記念日");
        assertThat(HOLIDAYS.name(day("2026-05-04"))).contains("みどりの日");
        assertThat(HOLIDAYS.name(day("2026-05-05"))).contains("こどもの日");
        assertThat(HOLIDAYS.name(day("2026-05-06"))).contains("振替休日");
        // 春分の日 2027 on a Sunday.
        assertThat(HOLIDAYS.name(day("2027-03-22"))).contains("振替休日");
        // 元日 2023 on a Sunday; 元日 2022 on a Saturday gives nothing.
        assertThat(HOLIDAYS.name(day("2023-01-02"))).contains("振替休日");
        assertThat(day("2022-01-01").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(HOLIDAYS.name(day("2022-01-03"))).isEmpty();
    }

    /** 第3条第3項: a day between two 国民の祝日 is a holiday. */
    @Test
    void aDayBetweenTwoHolidaysIsAHoliday() {
        assertThat(HOLIDAYS.name(day("2026-09-21"))).contains("敬老の日");
        assertThat(HOLIDAYS.name(day("2026-09-22"))).contains("国民の休日");
        assertThat(HOLIDAYS.name(day("2026-09-23"))).contains("秋分の日");
        assertThat(HOLIDAYS.name(day("2015-09-22"))).contains("国民の休日");
        // 2019: the accession day made two of them.
        assertThat(HOLIDAYS.name(day("2019-04-30"))).contains("国民の休日");
        assertThat(HOLIDAYS.name(day("2019-05-02"))).contains("国民の休日");
        // 2025: 敬老の日 on 15, 秋分の日 on 23 September: nothing between.
        assertThat(HOLIDAYS.name(day("2025-09-16"))).isEmpty();
        // In force since 27 December 1985, and until 2006 not on a Sunday.
        assertThat(HOLIDAYS.name(day("1985-05-04"))).isEmpty();
        assertThat(HOLIDAYS.name(day("1988-05-04"))).contains("国民の休日");
        assertThat(day("1997-05-04").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(HOLIDAYS.name(day("1997-05-04"))).isEmpty();
    }

    /** The days moved or added by special laws, as the Cabinet Office lists them. */
    @Test
    void theDaysOfSpecialLawsAreKept() {
        assertThat(HOLIDAYS.name(day("2019-05-01"))).contains("天皇の即位の日");
        assertThat(HOLIDAYS.name(day("2019-10-22"))).contains("即位礼正殿の儀の行われる日");
        assertThat(HOLIDAYS.of(2020)).contains(entry(day("2020-07-23"), "海の日"), entry(day("2020-07-24"), "スポーツの日"),
                entry(day("2020-08-10"), "山の日")).doesNotContainKeys(day("2020-07-20"), day("2020-08-11"),
                day("2020-10-12"));
        assertThat(HOLIDAYS.of(2021)).contains(entry(day("2021-07-22"), "海の日"), entry(day("2021-07-23"), "スポーツの日"),
                entry(day("2021-08-08"), "山の日"), entry(day("2021-08-09"), "振替休日"));
        // No 天皇誕生日 in 2019: 23 December had passed to the former emperor, 23 February not yet come.
        assertThat(HOLIDAYS.of(2019).values()).doesNotContain("天皇誕生日");
        assertThat(HOLIDAYS.name(day("2018-12-23"))).contains("天皇誕生日");
    }

    /** Whole years as the Cabinet Office's list prints them. */
    @Test
    void wholeYearsAsTheCabinetOfficeListsThem() {
        assertThat(HOLIDAYS.of(2025).keySet()).containsExactlyElementsOf(dates("2025-01-01", "2025-01-13", "2025-02-11",
                "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29", "2025-05-03", "2025-05-04", "2025-05-05",
                "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13", "2025-11-03",
                "2025-11-23", "2025-11-24"));
        assertThat(HOLIDAYS.of(2026).keySet()).containsExactlyElementsOf(dates("2026-01-01", "2026-01-12", "2026-02-11",
                "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06",
                "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03",
                "2026-11-23"));
        assertThat(HOLIDAYS.of(2027).keySet()).containsExactlyElementsOf(dates("2027-01-01", "2027-01-11", "2027-02-11",
                "2027-02-23", "2027-03-21", "2027-03-22", "2027-04-29", "2027-05-03", "2027-05-04", "2027-05-05",
                "2027-07-19", "2027-08-11", "2027-09-20", "2027-09-23", "2027-10-11", "2027-11-03", "2027-11-23"));
    }

    @Test
    void aYearOutsideTheKnownOnesIsAnErrorNotAGuess() {
        assertThat(HOLIDAYS.of(JapaneseHolidays.FIRST_YEAR)).isNotEmpty();
        assertThat(HOLIDAYS.of(JapaneseHolidays.LAST_YEAR)).isNotEmpty();
        assertThatThrownBy(() -> HOLIDAYS.name(LocalDate.of(2100, 1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2100");
        assertThatThrownBy(() -> HOLIDAYS.of(1979)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineTheLoaderCannotReadIsAnErrorNamingTheLine() {
        assertThat(JapaneseHolidays.parse(List.of("# comment", "", "01-01\t1980\t\t元日"))).hasSize(1);
        for (String line : List.of("01-32\t1980\t\t元日", "01-01\t1980\t\t", "01-01 1980  元日", "13-MON-2\t2000\t\t成人の日",
                "MOON\t2000\t\t月", "2020-07-23\t2020\t\t海の日", "01-01\t1970\t\t元日", "01-01\t2000\t1999\t元日")) {
            assertThatThrownBy(() -> JapaneseHolidays.parse(List.of("# first", line))).as(line)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        }
        assertThat(new JapaneseHolidays(JapaneseHolidays.parse(List.of("01-01\t1980\t\t元日"))).name(day("2023-01-01")))
                .isEqualTo(Optional.of("元日"));
        assertThat(new JapaneseHolidays(JapaneseHolidays.parse(List.of("01-01\t1980\t\t元日"))).name(day("2023-01-02")))
                .as("元日 2023 on a Sunday").contains("振替休日");
    }

    private static List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }
}
