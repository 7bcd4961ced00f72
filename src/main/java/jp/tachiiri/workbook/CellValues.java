package jp.tachiiri.workbook;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tachiiri.i18n.DateText;
import jp.tachiiri.model.SelfCheckAnswer;

/**
 * What a cell of a filled self-check workbook means, as people and spreadsheet programs write it: はい / いいえ (or
 * ○ / ×) with stray spaces of either width, and dates as serial numbers in date-formatted cells or as text in the
 * usual Japanese forms, in either width. Pure functions of the cell's content, so that each form is tested alone.
 */
public final class CellValues {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** はい and its marks: the circle people draw (○), the kanji zero that IMEs offer for it (〇) and the large circle. */
    private static final Map<String, SelfCheckAnswer> ANSWERS = Map.of(
            WorkbookLayout.YES, SelfCheckAnswer.YES, "○", SelfCheckAnswer.YES, "〇", SelfCheckAnswer.YES,
            "◯", SelfCheckAnswer.YES,
            WorkbookLayout.NO, SelfCheckAnswer.NO, "×", SelfCheckAnswer.NO, "✕", SelfCheckAnswer.NO);

    /** 令和8年6月1日, 令和元年5月1日, R8.6.1, R8/6/1, H31-4-30: an era, its year, month and day (after NFKC). */
    private static final Pattern ERA_DATE = Pattern.compile(
            "(令和|平成|昭和|[RHSrhs])(元|\\d{1,2})(?:年(\\d{1,2})月(\\d{1,2})日|[./-](\\d{1,2})[./-](\\d{1,2}))");
    private static final Map<String, JapaneseEra> ERAS = Map.of("令和", JapaneseEra.REIWA, "R", JapaneseEra.REIWA,
            "平成", JapaneseEra.HEISEI, "H", JapaneseEra.HEISEI, "昭和", JapaneseEra.SHOWA, "S", JapaneseEra.SHOWA);

    /** The first day a form's date may name: the form asks for dates from 2000 on (its cells' validation says so). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    /** The last day a spreadsheet holds, and the last a bundle's dates may name. */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** Day 0 of the 1900 date system as spreadsheets count it (Excel's phantom 1900-02-29 is serial 60). */
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    /** 9999-12-31, the last day a spreadsheet holds. */
    private static final double LAST_SERIAL = 2_958_465;

    /**
     * Built-in number formats of dates and times: Excel's (14–22, 45–47) and its Japanese locale's (27–36, 50–58). A time
     * alone is a serial below 1, which {@link #serialDate} refuses.
     */
    private static final Pattern BUILT_IN_DATE_FORMAT = Pattern.compile("1[4-9]|2[0-2]|2[7-9]|3[0-6]|4[5-7]|5[0-8]");
    /** What a format code says literally (quoted text, [colour] / [$-411] / [h], escaped characters): not date parts. */
    private static final Pattern FORMAT_LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.|_.|\\*.");

    private CellValues() {
    }

    /** The text with full-width letters, digits and spaces made ASCII (NFKC) and every space removed. */
    static String normalize(String text) {
        return text == null ? "" : SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    /**
     * The answer a cell's text gives: はい / ○ / 〇 / ◯ for はい, いいえ / × / ✕ for いいえ, empty for a blank cell.
     *
     * @throws IllegalArgumentException when the text is something else
     */
    public static Optional<SelfCheckAnswer> answer(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        SelfCheckAnswer answer = ANSWERS.get(normalized);
        if (answer == null) {
            throw new IllegalArgumentException("not an answer: " + text);
        }
        return Optional.of(answer);
    }

    /**
     * The date a cell's text gives, empty for a blank cell: 2026/6/1, 2026-06-01, 2026.6.1, 2026年6月1日 (the forms
     * the screens accept, {@link DateText}) and the era forms 令和8年6月1日, 令和元年5月1日, R8.6.1, H31/4/30, in any
     * width and with spaces anywhere. A day that does not exist (2026/2/30, 平成32年1月1日) is no date.
     *
     * @throws IllegalArgumentException when the text is no date
     */
    public static Optional<LocalDate> date(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Matcher era = ERA_DATE.matcher(normalized);
        if (era.matches()) {
            return Optional.of(eraDate(era, text));
        }
        return Optional.of(DateText.read(normalized).orElseThrow(() -> new IllegalArgumentException("not a date: " + text)));
    }

    private static LocalDate eraDate(Matcher era, String text) {
        int year = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
        String month = era.group(3) != null ? era.group(3) : era.group(5);
        String day = era.group(4) != null ? era.group(4) : era.group(6);
        try {
            return LocalDate.from(JapaneseDate.of(ERAS.get(era.group(1).toUpperCase()), year, Integer.parseInt(month),
                    Integer.parseInt(day)));
        } catch (DateTimeException noSuchDay) {
            throw new IllegalArgumentException("not a date: " + text, noSuchDay);
        }
    }

    /**
     * The day of a date serial number (the time of day, a fraction, is dropped) in the workbook's date system: the
     * 1900 system counts from 1899-12-30 (serials below 61 from 1899-12-31, as Excel counts a 1900-02-29 that never
     * was), the 1904 system from 1904-01-01.
     *
     * @throws IllegalArgumentException for a serial before the system's first day or after 9999-12-31
     */
    public static LocalDate serialDate(double serial, boolean date1904) {
        if (!(serial >= (date1904 ? 0 : 1) && serial <= LAST_SERIAL)) {
            throw new IllegalArgumentException("not a date serial: " + serial);
        }
        long days = (long) Math.floor(serial);
        if (date1904) {
            return EPOCH_1904.plusDays(days);
        }
        return days < 61 ? EPOCH_1900.plusDays(days + 1) : EPOCH_1900.plusDays(days);
    }

    /** Whether {@code day} is one a form may name: from {@link #FIRST_DAY} to {@link #LAST_DAY}. */
    public static boolean inRange(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /**
     * Whether a cell's number format shows a date: a built-in date format, or a format code with a year or a day
     * part (y, d; era codes such as ggge"年"m"月"d"日" have a day too) outside its literal text.
     */
    public static boolean isDateFormat(Integer formatId, String formatCode) {
        if (formatId != null && BUILT_IN_DATE_FORMAT.matcher(formatId.toString()).matches()) {
            return true;
        }
        if (formatCode == null) {
            return false;
        }
        String parts = FORMAT_LITERALS.matcher(formatCode).replaceAll("").toLowerCase();
        return parts.indexOf('y') >= 0 || parts.indexOf('d') >= 0;
    }
}
