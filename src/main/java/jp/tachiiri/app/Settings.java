package jp.tachiiri.app;

import java.time.Instant;
import java.util.Optional;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.backup.BackupReminder;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.store.SqliteSettings;

/**
 * What this installation keeps of the user's choices: its role, who issues the printouts, the transfer folders,
 * the language, where the inspector was, and when it was last backed up and after how long it reminds of it.
 */
public final class Settings {

    private static final String LANGUAGE = "ui.language";
    private static final String POSITION = "ui.position";
    private static final String AUTHORITY = "advice.authority";
    private static final String REPORT_DAYS = "advice.reportDays";
    private static final String ROLE = "app.role";
    private static final String OUTBOX = "sync.outbox";
    private static final String INBOX = "sync.inbox";
    private static final String DEMO_TABLET = "demo.tablet";
    private static final String LAST_BACKUP = "backup.lastAt";
    private static final String BACKUP_REMINDER_DAYS = "backup.reminderDays";

    private final SqliteSettings stored;
    private final InspectionService inspections;
    private final boolean readOnly;

    Settings(SqliteSettings stored, InspectionService inspections, boolean readOnly) {
        this.stored = stored;
        this.inspections = inspections;
        this.readOnly = readOnly;
    }

    /** Where bundles go and come from (a USB stick, a network share), as the user chose them; empty until then. */
    public record TransferFolders(String outbox, String inbox) {
    }

    /** Where the inspector was: the inspection and item shown last, to reopen there. */
    public record Position(String inspectionId, String itemId) {
    }

    /** Who issues the advice printouts and the days given for the improvement report. */
    public AdviceSettings advice() {
        int days = stored.get(REPORT_DAYS).map(Integer::parseInt).orElse(AdviceSettings.DEFAULT_REPORT_DAYS);
        return new AdviceSettings(stored.get(AUTHORITY).orElse(""), days);
    }

    public void setAdvice(AdviceSettings advice) {
        stored.put(AUTHORITY, advice.issuingAuthority());
        stored.put(REPORT_DAYS, Integer.toString(advice.reportDays()));
    }

    /**
     * The installation's role. Unset on a first start, until the user chooses; a data folder from before
     * roles existed that holds inspections recorded here is an inspector's.
     */
    public Optional<Role> role() {
        Optional<Role> chosen = stored.get(ROLE).filter(code -> !code.isBlank()).map(Role::fromCode);
        if (chosen.isEmpty() && inspections.list().stream().anyMatch(summary -> inspections.madeHere(summary.id()))) {
            return Optional.of(Role.INSPECTOR);
        }
        return chosen;
    }

    public void setRole(Role role) {
        stored.put(ROLE, role.code());
    }

    public TransferFolders transferFolders() {
        return new TransferFolders(stored.get(OUTBOX).orElse(""), stored.get(INBOX).orElse(""));
    }

    public void setTransferFolders(TransferFolders folders) {
        stored.put(OUTBOX, folders.outbox().strip());
        stored.put(INBOX, folders.inbox().strip());
    }

    /** The language chosen in the app; Japanese until the user picks another. */
    public Language language() {
        return stored.get(LANGUAGE).map(Language::fromCode).orElse(Language.JA);
    }

    public void setLanguage(Language language) {
        rememberForTheScreens(LANGUAGE, language.code());
    }

    public Optional<Position> lastPosition() {
        return stored.get(POSITION).map(value -> value.split("\t", 2))
                .filter(parts -> parts.length == 2)
                .map(parts -> new Position(parts[0], parts[1]));
    }

    public void savePosition(Position position) {
        rememberForTheScreens(POSITION, position.inspectionId() + "\t" + position.itemId());
    }

    /** Forgets the position, e.g. when the inspector goes back to the list. */
    public void clearPosition() {
        rememberForTheScreens(POSITION, "");
    }

    /**
     * The office demo's tablet, which this installation made itself in demo/tablet: it has no screen to read its
     * fingerprint from, so the enrolment question shows it whole.
     */
    public Optional<String> demoTablet() {
        return stored.get(DEMO_TABLET);
    }

    void setDemoTablet(String deviceId) {
        stored.put(DEMO_TABLET, deviceId);
    }

    /** When the last backup of this data folder was written whole; empty if none was. */
    public Optional<Instant> lastBackup() {
        return stored.get(LAST_BACKUP).filter(value -> !value.isBlank()).map(Instant::parse);
    }

    /** When this data folder began (its device id was made): a folder never backed up counts its days from then. */
    public Optional<Instant> inUseSince() {
        return stored.deviceCreatedAt();
    }

    void setLastBackup(Instant at) {
        stored.put(LAST_BACKUP, at.toString());
    }

    /** After how many days without a backup the office is reminded (0: never). */
    public BackupReminder backupReminder() {
        return new BackupReminder(stored.get(BACKUP_REMINDER_DAYS).map(Integer::parseInt).orElse(BackupReminder.DEFAULT_DAYS));
    }

    public void setBackupReminder(BackupReminder reminder) {
        stored.put(BACKUP_REMINDER_DAYS, Integer.toString(reminder.days()));
    }

    /**
     * A choice of the screens (language, where the inspector was), stored for the next start. A read-only
     * folder cannot store it; the screens then keep it for this run only, which loses no record.
     */
    private void rememberForTheScreens(String key, String value) {
        if (!readOnly) {
            stored.put(key, value);
        }
    }
}
