package jp.tachiiri.backup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When the office is reminded to back up: once {@code days} calendar days (in the office's time zone) have passed
 * since the day of the last successful backup, or, with none yet, since the data folder began (a new office is not
 * reminded on its first day, but is after a week without one). With the default 7, a backup on a Monday reminds
 * from the next Monday on. 0 turns the reminder off.
 */
public record BackupReminder(int days) {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 365;

    public BackupReminder {
        if (days < 0 || days > MAX_DAYS) {
            throw new BackupException("backup.error.reminderDays", days, MAX_DAYS);
        }
    }

    /**
     * Why a reminder is due: the day of the last backup (empty when there was none) and the days since it, or since
     * the data folder began.
     */
    public record Due(Optional<LocalDate> lastBackup, long daysSince) {
    }

    /** {@code inUseSince}: when the data folder began, from which a folder never backed up counts. */
    public Optional<Due> due(Optional<Instant> lastBackup, Instant inUseSince, Clock clock) {
        if (days == 0) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(lastBackup.orElse(inUseSince), clock.getZone());
        long since = ChronoUnit.DAYS.between(day, LocalDate.now(clock));
        return since >= days ? Optional.of(new Due(lastBackup.map(at -> day), since)) : Optional.empty();
    }
}
