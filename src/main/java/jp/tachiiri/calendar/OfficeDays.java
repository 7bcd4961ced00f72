package jp.tachiiri.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The days a public office is closed: Saturdays and Sundays, the holidays of 国民の祝日に関する法律, and the year-end
 * days from 29 December to 3 January, as 行政機関の休日に関する法律（昭和63年法律第91号）第1条 lists them for the
 * national government and the prefectures' own ordinances (都道府県の休日を定める条例) repeat them. A deadline the
 * office sets must fall on a day it is open to receive what is due.
 */
public final class OfficeDays {

    private final JapaneseHolidays holidays;

    public OfficeDays(JapaneseHolidays holidays) {
        this.holidays = holidays;
    }

    /** With the bundled holidays. */
    public static OfficeDays bundled() {
        return new OfficeDays(JapaneseHolidays.bundled());
    }

    public boolean isOpen(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isYearEnd(date) && !holidays.isHoliday(date);
    }

    /** The day itself if the office is open then, else the first day after it that the office is open. */
    public LocalDate openOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isOpen(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isYearEnd(LocalDate date) {
        return date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 29
                || date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 3;
    }
}
