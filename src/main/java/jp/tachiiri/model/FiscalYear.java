package jp.tachiiri.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;

/**
 * A Japanese fiscal year (年度): 1 April of {@code year} to 31 March of the next year, so 令和7年度 = 2025 runs
 * from 2025-04-01 to 2026-03-31. Every rule of the app that asks which year a date belongs to asks this one.
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    /** The fiscal year a date falls in. */
    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonth().compareTo(Month.APRIL) >= 0 ? date.getYear() : date.getYear() - 1);
    }

    /** The first day: 1 April. */
    public LocalDate start() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    /** The day after the last day (exclusive): 1 April of the next year. */
    public LocalDate end() {
        return next().start();
    }

    public boolean contains(LocalDate date) {
        return of(date).year == year;
    }

    public FiscalYear next() {
        return new FiscalYear(year + 1);
    }

    /**
     * The year in the imperial era, as it names the fiscal year: 令和8年度 in Japanese, Reiwa 8 in English. A
     * fiscal year takes the era of the calendar year it starts in as that year ended, which is how Japan renamed
     * them when an era changed mid-year: 2019 is 令和元年度 (not 平成31年度), 2018 is 平成30年度, 1988 昭和63年度.
     * Japanese writes an era's first year 元 (元年度); English keeps the number (Reiwa 1). Before the Japanese
     * calendar the JDK knows (1873, Meiji 6) the western year stands in: 1872年度, FY1872.
     */
    public String eraLabel(Language language) {
        JapaneseDate lastDayOfStartingYear;
        try {
            lastDayOfStartingYear = JapaneseDate.from(LocalDate.of(year, Month.DECEMBER, 31));
        } catch (DateTimeException beforeMeiji6) {
            return language == Language.JA ? year + "年度" : "FY" + year;
        }
        String era = lastDayOfStartingYear.getEra().getDisplayName(TextStyle.FULL, language.locale());
        int yearOfEra = lastDayOfStartingYear.get(ChronoField.YEAR_OF_ERA);
        return language == Language.JA
                ? era + (yearOfEra == 1 ? "元" : Integer.toString(yearOfEra)) + "年度"
                : era + " " + yearOfEra;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(year, other.year);
    }
}
