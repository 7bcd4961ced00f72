package jp.tachiiri.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Japanese fiscal year (年度), April to March, and its name in the imperial era. */
class FiscalYearTest {

    @Test
    void aFiscalYearRunsFromTheFirstOfAprilToTheThirtyFirstOfMarch() {
        assertThat(FiscalYear.of(LocalDate.of(2026, 3, 31))).isEqualTo(new FiscalYear(2025));
        assertThat(FiscalYear.of(LocalDate.of(2026, 4, 1))).isEqualTo(new FiscalYear(2026));
        assertThat(FiscalYear.of(LocalDate.of(2026, 12, 31))).isEqualTo(new FiscalYear(2026));
        assertThat(FiscalYear.of(LocalDate.of(2027, 1, 1))).isEqualTo(new FiscalYear(2026));

        FiscalYear year = new FiscalYear(2025);
        assertThat(year.start()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(year.end()).as("the day after the last").isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(year.next()).isEqualTo(new FiscalYear(2026));
        assertThat(year.contains(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(year.contains(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(year.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2026, 4, 1))).isFalse();
    }

    @Test
    void containsAgreesWithStartAndEndOnEveryDayOfThreeYears() {
        FiscalYear year = new FiscalYear(2024);
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusDays(1)) {
            boolean within = !day.isBefore(year.start()) && day.isBefore(year.end());
            assertThat(year.contains(day)).as(day.toString()).isEqualTo(within);
            assertThat(FiscalYear.of(day).contains(day)).as(day.toString()).isTrue();
        }
    }

    @Test
    void yearsSortInTimeOrder() {
        assertThat(new TreeSet<>(List.of(new FiscalYear(2026), new FiscalYear(2019), new FiscalYear(2024))))
                .containsExactly(new FiscalYear(2019), new FiscalYear(2024), new FiscalYear(2026));
    }

    @Test
    void theEraLabelNamesTheYearAsJapaneseOfficesDo() {
        assertThat(new FiscalYear(2026).eraLabel(Language.JA)).isEqualTo("令和8年度");
        assertThat(new FiscalYear(2025).eraLabel(Language.JA)).isEqualTo("令和7年度");
        assertThat(new FiscalYear(2020).eraLabel(Language.JA)).isEqualTo("令和2年度");
        // Reiwa began on 1 May 2019; the fiscal year begun that April was renamed 令和元年度.
        assertThat(new FiscalYear(2019).eraLabel(Language.JA)).isEqualTo("令和元年度");
        assertThat(new FiscalYear(2018).eraLabel(Language.JA)).isEqualTo("平成30年度");
        // Heisei began on 8 January 1989: the fiscal year begun in April 1988 stays 昭和63年度.
        assertThat(new FiscalYear(1989).eraLabel(Language.JA)).isEqualTo("平成元年度");
        assertThat(new FiscalYear(1988).eraLabel(Language.JA)).isEqualTo("昭和63年度");
    }

    @Test
    void inEnglishTheEraYearKeepsItsNumber() {
        assertThat(new FiscalYear(2026).eraLabel(Language.EN)).isEqualTo("Reiwa 8");
        assertThat(new FiscalYear(2019).eraLabel(Language.EN)).isEqualTo("Reiwa 1");
        assertThat(new FiscalYear(2018).eraLabel(Language.EN)).isEqualTo("Heisei 30");
    }

    @Test
    void beforeTheJapaneseCalendarTheWesternYearStandsIn() {
        assertThat(new FiscalYear(1873).eraLabel(Language.JA)).isEqualTo("明治6年度");
        assertThat(new FiscalYear(1872).eraLabel(Language.JA)).isEqualTo("1872年度");
        assertThat(new FiscalYear(1872).eraLabel(Language.EN)).isEqualTo("FY1872");
    }
}
