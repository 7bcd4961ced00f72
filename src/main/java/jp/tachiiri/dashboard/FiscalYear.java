package jp.tachiiri.dashboard;

import java.time.LocalDate;

/**
 * A Japanese fiscal year (年度): 1 April of {@code year} to 31 March of the next year, so 令和7年度 = 2025 runs
 * from 2025-04-01 to 2026-03-31. The same definition as {@code CsvReport.inFiscalYear}.
 */
public record FiscalYear(int year) {

    /** The first day (inclusive). */
    public LocalDate start() {
        return LocalDate.of(year, 4, 1);
    }

    /** The day after the last day (exclusive): 1 April of the next year. */
    public LocalDate end() {
        return LocalDate.of(year + 1, 4, 1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(end());
    }

    /** The fiscal year a date falls in. */
    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }
}
