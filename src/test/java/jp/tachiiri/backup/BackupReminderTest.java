package jp.tachiiri.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the office is reminded, worked by hand on Tokyo's calendar: the last backup on Monday 1 June 2026 at 23:30
 * (14:30 UTC), the default 7 days. Sunday 7 June is day 6: no reminder, even at 23:59; Monday 8 June at 00:00 is day
 * 7: reminded, although fewer than 7 × 24 hours have passed (a calendar day, as people count them).
 */
class BackupReminderTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Optional<Instant> MONDAY_NIGHT = Optional.of(Instant.parse("2026-06-01T14:30:00Z"));
    private static final Instant BEGAN = Instant.parse("2026-05-15T01:00:00Z");
    private final BackupReminder weekly = new BackupReminder(BackupReminder.DEFAULT_DAYS);

    @Test
    void theSeventhCalendarDayRemindsAndTheSixthDoesNot() {
        assertThat(weekly.due(MONDAY_NIGHT, BEGAN, at("2026-06-01T23:59:00"))).isEmpty();
        assertThat(weekly.due(MONDAY_NIGHT, BEGAN, at("2026-06-07T23:59:59"))).isEmpty();
        assertThat(weekly.due(MONDAY_NIGHT, BEGAN, at("2026-06-08T00:00:00")))
                .hasValue(new BackupReminder.Due(Optional.of(LocalDate.parse("2026-06-01")), 7));
        assertThat(weekly.due(MONDAY_NIGHT, BEGAN, at("2026-07-01T09:00:00")))
                .hasValue(new BackupReminder.Due(Optional.of(LocalDate.parse("2026-06-01")), 30));
    }

    @Test
    void theDayIsTheOfficesNotUtcs() {
        // 14:30 UTC on 1 June is 15:30 on 1 June in London (summer time, UTC+1): there day 7 begins at 23:00 UTC on
        // 7 June, eight hours after Tokyo's (15:00 UTC). At 22:30 UTC, Tokyo reminds and London does not yet.
        Instant between = Instant.parse("2026-06-07T22:30:00Z");
        assertThat(weekly.due(MONDAY_NIGHT, BEGAN, Clock.fixed(between, ZoneId.of("Europe/London")))).isEmpty();
        assertThat(weekly.due(MONDAY_NIGHT, BEGAN, Clock.fixed(between, TOKYO))).isPresent();
    }

    /** Never backed up: counted from the day the data folder began, Friday 15 May 2026 (Tokyo). */
    @Test
    void noBackupYetCountsFromTheFoldersFirstDayAndZeroDaysNever() {
        assertThat(weekly.due(Optional.empty(), BEGAN, at("2026-05-21T23:59:00"))).isEmpty();
        assertThat(weekly.due(Optional.empty(), BEGAN, at("2026-05-22T00:00:00"))).hasValue(new BackupReminder.Due(Optional.empty(), 7));
        assertThat(new BackupReminder(1).due(MONDAY_NIGHT, BEGAN, at("2026-06-02T00:00:00"))).isPresent();
        assertThat(new BackupReminder(0).due(Optional.empty(), BEGAN, at("2026-09-01T09:00:00"))).isEmpty();
        assertThat(new BackupReminder(0).due(MONDAY_NIGHT, BEGAN, at("2027-06-01T09:00:00"))).isEmpty();
    }

    @Test
    void daysOutsideTheRangeAreRefusedNamingIt() {
        BackupException refused = catchThrowableOfType(BackupException.class, () -> new BackupReminder(366));
        assertThat(refused.key()).isEqualTo("backup.error.reminderDays");
        assertThat(refused.getMessage()).contains("366", "0〜365");
        assertThat(catchThrowableOfType(BackupException.class, () -> new BackupReminder(-1))).isNotNull();
    }

    private static Clock at(String tokyoTime) {
        return Clock.fixed(java.time.LocalDateTime.parse(tokyoTime).atZone(TOKYO).toInstant(), TOKYO);
    }
}
