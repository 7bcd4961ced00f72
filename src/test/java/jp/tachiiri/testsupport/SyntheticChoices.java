package jp.tachiiri.testsupport;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/** The random choices synthetic national data makes, all from one {@link Random}, so that a seed repeats them. */
public final class SyntheticChoices {

    private final Random random;

    public SyntheticChoices(Random random) {
        this.random = random;
    }

    public String pick(String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    /** A name from {@link SyntheticJapanese}: surname, separator, given name. */
    public String person(String separator) {
        return pick(SyntheticJapanese.SURNAMES) + separator + pick(SyntheticJapanese.GIVEN);
    }

    public String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** A weekday among the {@code days} days from {@code start}. */
    public LocalDate weekday(LocalDate start, int days) {
        while (true) {
            LocalDate date = start.plusDays(random.nextInt(days));
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return date;
            }
        }
    }
}
