package jp.tachiiri.backup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When the office is reminded to back up: once {@code days} calendar days (in the office's time zone) have passed
 * since the day of the last successful backup, or when there was none. With the default 7, a backup on a Monday
 * reminds from the next Monday on. 0 turns the reminder off.
 */
public record BackupReminder(int days) {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 365;

    public BackupReminder {
        if (days < 0 || days > MAX_DAYS) {
            throw new BackupException("backup.error.reminderDays", days, MAX_DAYS);
        }
    }

    /** Why a reminder is due: the day of the last backup and the days since, or empty when there was none. */
    public record Due(Optional<LocalDate> lastBackup, long daysSince) {
    }

    public Optional<Due> due(Optional<Instant> lastBackup, Clock clock) {
        if (days == 0) {
            return Optional.empty();
        }
        if (lastBackup.isEmpty()) {
            return Optional.of(new Due(Optional.empty(), 0));
        }
        LocalDate day = LocalDate.ofInstant(lastBackup.get(), clock.getZone());
        long since = ChronoUnit.DAYS.between(day, LocalDate.now(clock));
        return since >= days ? Optional.of(new Due(Optional.of(day), since)) : Optional.empty();
    }
}
