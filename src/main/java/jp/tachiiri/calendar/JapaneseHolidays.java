package jp.tachiiri.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holidays of Japan under 国民の祝日に関する法律（昭和23年法律第178号）: the 国民の祝日 listed as rules in
 * {@code resources/calendar/japan-holidays.tsv} (fixed days, Happy Mondays, the equinox days and the days moved or
 * added by special laws, after the Cabinet Office's list https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html),
 * and the two kinds of 休日 the Act derives from them: 振替休日 (第3条第2項) and 国民の休日 (第3条第3項).
 * Known for {@value #FIRST_YEAR}–{@value #LAST_YEAR}; asking about another year is an error rather than a guess.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 1980;
    /** The equinox formula holds to 2099. */
    public static final int LAST_YEAR = 2099;

    static final String RESOURCE = "/calendar/japan-holidays.tsv";
    static final String SUBSTITUTE = "振替休日";
    static final String BRIDGE = "国民の休日";
    /** 第3条第3項 came into force on 27 December 1985; until 2006 it left out Sundays. */
    private static final int BRIDGE_SINCE = 1986;
    private static final int BRIDGE_ON_SUNDAYS_SINCE = 2007;

    private static final Pattern FIXED = Pattern.compile("(\\d\\d)-(\\d\\d)");
    private static final Pattern MONDAY = Pattern.compile("(\\d\\d)-MON-([1-5])");
    private static final Pattern ONE_DAY = Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)");

    private static final class Bundled {
        static final JapaneseHolidays INSTANCE = load();
    }

    private final List<Rule> rules;
    private final Map<Integer, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    JapaneseHolidays(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The holidays as the bundled data file has them. */
    public static JapaneseHolidays bundled() {
        return Bundled.INSTANCE;
    }

    /** The holiday's name (e.g. 元日, 振替休日, 国民の休日), or empty on a day that is no holiday. */
    public Optional<String> name(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    public boolean isHoliday(LocalDate date) {
        return name(date).isPresent();
    }

    /** Every holiday of a year, in date order, with its name. */
    public Map<LocalDate, String> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the holidays of Japan are known for " + FIRST_YEAR + "–" + LAST_YEAR
                    + " only, not for " + year);
        }
        return years.computeIfAbsent(year, this::compute);
    }

    /**
     * The 国民の祝日 of the year, then the 休日 the Act derives from them. Neither 31 December nor 2 January is a
     * 祝日, so a year's own 祝日 decide its 休日.
     */
    private Map<LocalDate, String> compute(int year) {
        Map<LocalDate, String> shukujitsu = new TreeMap<>();
        for (Rule rule : rules) {
            rule.in(year).ifPresent(date -> shukujitsu.put(date, rule.name()));
        }
        Map<LocalDate, String> holidays = new TreeMap<>(shukujitsu);
        for (LocalDate date : shukujitsu.keySet()) {
            // 第3条第2項: a 祝日 on a Sunday makes the nearest following day that is no 祝日 a holiday.
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = date.plusDays(1);
                while (shukujitsu.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                holidays.putIfAbsent(substitute, SUBSTITUTE);
            }
            // 第3条第3項: a day that is no 祝日, with a 祝日 the day before and the day after, is a holiday.
            LocalDate between = date.plusDays(1);
            if (year >= BRIDGE_SINCE && !shukujitsu.containsKey(between) && shukujitsu.containsKey(between.plusDays(1))
                    && (year >= BRIDGE_ON_SUNDAYS_SINCE || between.getDayOfWeek() != DayOfWeek.SUNDAY)) {
                holidays.putIfAbsent(between, BRIDGE);
            }
        }
        return Collections.unmodifiableMap(holidays);
    }

    /** One line of the data file: a 祝日 and the years it holds. */
    record Rule(String name, int from, int to, Day day) {

        Optional<LocalDate> in(int year) {
            return year < from || year > to ? Optional.empty() : day.in(year);
        }
    }

    /** Where a rule puts its day in a year. */
    interface Day {
        Optional<LocalDate> in(int year);
    }

    /**
     * The equinox days, by the formula fitted to the dates of the 暦要項 (National Astronomical Observatory of
     * Japan) for 1980–2099; the Act names the days only as 春分日 and 秋分日, which the 暦要項 fixes each February
     * for the following year.
     */
    static int equinoxDay(int year, boolean spring) {
        int since = year - 1980;
        return (int) ((spring ? 20.8431 : 23.2488) + 0.242194 * since - since / 4);
    }

    static JapaneseHolidays load() {
        try (InputStream in = JapaneseHolidays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return new JapaneseHolidays(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules of the data file's lines; a line it cannot read is an error naming the line. */
    static List<Rule> parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(rule(line));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static Rule rule(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4 || fields[3].isBlank()) {
            throw new IllegalArgumentException("expected RULE, FROM, TO and NAME separated by tabs: " + line);
        }
        String name = fields[3].strip();
        Matcher oneDay = ONE_DAY.matcher(fields[0]);
        if (oneDay.matches()) {
            if (!fields[1].isEmpty() || !fields[2].isEmpty()) {
                throw new IllegalArgumentException("a one-day rule has no years: " + line);
            }
            LocalDate date = LocalDate.parse(fields[0]);
            return new Rule(name, date.getYear(), date.getYear(), year -> Optional.of(date));
        }
        int from = Integer.parseInt(fields[1]);
        int to = fields[2].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(fields[2]);
        if (from < FIRST_YEAR || to < from) {
            throw new IllegalArgumentException("years " + fields[1] + "–" + fields[2] + ": " + line);
        }
        return new Rule(name, from, to, day(fields[0]));
    }

    private static Day day(String rule) {
        Matcher fixed = FIXED.matcher(rule);
        Matcher monday = MONDAY.matcher(rule);
        if (fixed.matches()) {
            Month month = Month.of(Integer.parseInt(fixed.group(1)));
            int day = Integer.parseInt(fixed.group(2));
            LocalDate.of(2000, month, day); // a leap year: any day that exists at all
            return year -> Optional.of(LocalDate.of(year, month, day));
        } else if (monday.matches()) {
            Month month = Month.of(Integer.parseInt(monday.group(1)));
            int ordinal = Integer.parseInt(monday.group(2));
            return year -> Optional.of(LocalDate.of(year, month, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY)));
        } else if (rule.equals("SPRING-EQUINOX") || rule.equals("AUTUMN-EQUINOX")) {
            boolean spring = rule.startsWith("SPRING");
            return year -> Optional.of(LocalDate.of(year, spring ? Month.MARCH : Month.SEPTEMBER, equinoxDay(year, spring)));
        }
        throw new IllegalArgumentException("unknown rule " + rule);
    }
}
