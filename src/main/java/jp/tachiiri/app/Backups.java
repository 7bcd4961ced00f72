package jp.tachiiri.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.backup.BackupReminder;
import jp.tachiiri.backup.BackupService;
import jp.tachiiri.backup.BackupSource;
import jp.tachiiri.backup.RestoreService;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Role;
import jp.tachiiri.store.Database;
import jp.tachiiri.store.SqliteChecks;
import jp.tachiiri.store.SqliteEvidence;

/**
 * Backups of an opened data folder (docs/backup.md): written from a snapshot of its database taken while the app
 * runs and its evidence, the time of the last one kept for the office's reminder; and restores, checked the way
 * {@code tachiiri audit verify} checks a data folder, and more, before the restored folder is used.
 */
public final class Backups {

    /** Where the snapshot waits while a backup is written, inside the data folder; swept when a killed run left it. */
    static final String STAGING_FOLDER = "backup-staging";

    private final Workspace workspace;
    private final Settings settings;
    private final BackupService service;

    Backups(Workspace workspace, Database database, SqliteEvidence evidence, Settings settings) {
        this.workspace = workspace;
        this.settings = settings;
        this.service = new BackupService(source(workspace, database, evidence), workspace.clock());
    }

    /** Writes a backup into {@code outFolder} and records its time; returns its file. */
    public Path backUp(Path outFolder, char[] passphrase) {
        Path file = service.create(outFolder, passphrase);
        if (!workspace.readOnly()) {
            settings.setLastBackup(workspace.clock().instant());
        }
        return file;
    }

    /** At the office, why it should back up now; empty when the last backup is recent enough, and on a tablet. */
    public Optional<BackupReminder.Due> reminderDue() {
        if (settings.role().filter(role -> role == Role.OFFICE).isEmpty()) {
            return Optional.empty();
        }
        return settings.backupReminder().due(settings.lastBackup(), settings.inUseSince().orElse(workspace.clock().instant()),
                workspace.clock());
    }

    /** Restores backups into data folders that are not open, checking each restored copy before it is used. */
    public static RestoreService restorer(Clock clock) {
        return new RestoreService(folder -> problems(folder, clock), Workspace.DATABASE_FILE, clock);
    }

    /**
     * What is wrong with a restored copy: SQLite's integrity and foreign-key checks, then (on a sound file) every
     * audit chain of every trail, read through the app as it will use the folder, and every evidence file the store
     * names present.
     */
    static List<UserFacingException> problems(Path folder, Clock clock) {
        Path file = folder.resolve(Workspace.DATABASE_FILE);
        List<UserFacingException> problems = new ArrayList<>();
        SqliteChecks.Findings findings = SqliteChecks.of(file);
        findings.integrity().forEach(line -> problems.add(new UserFacingException("backup.check.integrity", line)));
        findings.foreignKeys().forEach(line -> problems.add(new UserFacingException("backup.check.foreignKey", line)));
        if (!problems.isEmpty()) {
            return problems;
        }
        try (Workspace restored = Workspace.open(folder, clock)) {
            for (ChainVerifier.BrokenChain broken : restored.chainVerifier().verifyEveryChain()) {
                problems.add(new UserFacingException("backup.check.chain",
                        new UserFacingException("backup.trail." + broken.trail()), broken.link().inspectionId(),
                        broken.link().sequence(), new UserFacingException(broken.link().problemKey())));
            }
            // The manifest vouches for the files a backup holds, not for those it should hold.
            restored.missingEvidence().forEach(missing -> problems.add(new UserFacingException("backup.check.evidenceMissing", missing)));
        }
        return problems;
    }

    private static BackupSource source(Workspace workspace, Database database, SqliteEvidence evidence) {
        Path evidenceFolder = workspace.folder().resolve(Workspace.EVIDENCE_FOLDER);
        return new BackupSource() {
            @Override
            public Origin origin() {
                return new Origin(workspace.sync().identity().deviceId(),
                        workspace.settings().role().map(Role::code).orElse("unset"), AppVersion.current(),
                        Database.SCHEMA_VERSION);
            }

            @Override
            public Path dataFolder() {
                return workspace.folder();
            }

            @Override
            public String databaseFileName() {
                return Workspace.DATABASE_FILE;
            }

            @Override
            public void snapshotDatabase(Path target) {
                database.snapshotTo(target);
            }

            @Override
            public List<Path> evidenceFiles() {
                if (!Files.isDirectory(evidenceFolder)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.walk(evidenceFolder)) {
                    return files.filter(Files::isRegularFile).filter(file -> !evidence.isTemporary(file))
                            .map(workspace.folder()::relativize).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Path stagingFolder() {
                // A folder that may not be written cannot hold the snapshot: the system's temporary folder then does.
                return workspace.readOnly() ? Path.of(System.getProperty("java.io.tmpdir")).resolve("tachiiri-" + STAGING_FOLDER)
                        : workspace.folder().resolve(STAGING_FOLDER);
            }
        };
    }
}
