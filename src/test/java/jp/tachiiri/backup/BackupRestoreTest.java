package jp.tachiiri.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tachiiri.app.Backups;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.FileFaults;
import jp.tachiiri.testsupport.Pragma;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of real data folders with the app's own Argon2id cost (64 MiB, 3 passes): restored on a fresh folder they
 * give the same rows in every table, the same evidence bytes and the same identity; one taken while another
 * connection writes is a consistent snapshot; a copy whose audit trail was changed is refused by the restore's
 * checks.
 */
class BackupRestoreTest {

    private static final Clock CLOCK = Clock.systemDefaultZone();
    private static final char[] PASSPHRASE = "デモ県 医務課のバックアップ".toCharArray();

    @TempDir
    Path scratch;

    @Test
    void aRestoredFolderHoldsTheSameRowsEvidenceAndIdentity() throws Exception {
        Path data = scratch.resolve("tablet");
        String dump;
        Map<String, String> evidence;
        String deviceId;
        String fingerprint;
        Path backup;
        try (Workspace tablet = Workspace.open(data, CLOCK)) {
            tablet.demo().seed();
            String inProgress = inProgress(tablet);
            Finding finding = someFinding(tablet, inProgress);
            tablet.evidence().add(inProgress, 1, finding.itemId(), Files.write(scratch.resolve("photo.png"), new byte[] {1, 2, 3, 4, 5}),
                    "image/png", "test");
            tablet.evidence().add(inProgress, 1, finding.itemId(), Files.write(scratch.resolve("scan.pdf"), new byte[300_000]),
                    "application/pdf", "test");
            dump = StoreDump.of(tablet.databaseFile(), Set.of());
            evidence = FileFaults.contents(data.resolve("evidence"));
            deviceId = tablet.sync().identity().deviceId();
            fingerprint = tablet.sync().fingerprint();
            assertThat(tablet.settings().lastBackup()).isEmpty();

            backup = tablet.backups().backUp(scratch.resolve("usb"), PASSPHRASE);

            assertThat(tablet.settings().lastBackup()).as("recorded after the file was written").isPresent();
        }
        assertThat(evidence).hasSize(2);
        assertThat(Files.list(data.resolve("backup-staging")).toList()).as("no snapshot left in the clear").isEmpty();

        Path fresh = scratch.resolve("new-pc/data");
        RestoreService.Restored restored = Backups.restorer(CLOCK).restore(backup, PASSPHRASE, fresh, false);

        assertThat(restored.manifest().deviceId()).isEqualTo(deviceId);
        assertThat(StoreDump.of(fresh.resolve(Workspace.DATABASE_FILE), Set.of())).isEqualTo(dump);
        assertThat(FileFaults.contents(fresh.resolve("evidence"))).isEqualTo(evidence);
        assertThat(Pragma.of(fresh.resolve(Workspace.DATABASE_FILE), "integrity_check")).isEqualTo("ok");
        try (Workspace opened = Workspace.open(fresh, CLOCK)) {
            assertThat(opened.sync().identity().deviceId()).isEqualTo(deviceId);
            assertThat(opened.sync().fingerprint()).isEqualTo(fingerprint);
            assertThat(opened.chainVerifier().verifyEveryChain()).isEmpty();
            assertThat(opened.chainVerifier().verifyAll().chains()).isEqualTo(3);
        }
    }

    @Test
    void aBackupTakenWhileAnotherConnectionWritesIsConsistent() throws Exception {
        Path data = scratch.resolve("tablet");
        try (Workspace backingUp = Workspace.open(data, CLOCK)) {
            backingUp.demo().seed();
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Path backup;
        int before;
        try (Workspace backingUp = Workspace.open(data, CLOCK); Workspace other = Workspace.open(data, CLOCK)) {
            String inspection = inProgress(other);
            Finding finding = someFinding(other, inspection);
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    other.inspections().record(inspection, finding.withNote("記録 " + written.incrementAndGet()), "other");
                }
            });
            writer.start();
            while (written.get() < 20) {
                Thread.onSpinWait();
            }
            before = written.get();
            backup = backingUp.backups().backUp(scratch.resolve("usb"), PASSPHRASE);
            int after = written.get();
            writing.set(false);
            writer.join();
            assertThat(after).as("the other connection wrote while the backup was taken").isGreaterThan(before);
        }

        Path fresh = scratch.resolve("restored");
        Backups.restorer(CLOCK).restore(backup, PASSPHRASE, fresh, false);

        try (Workspace restored = Workspace.open(fresh, CLOCK)) {
            assertThat(restored.chainVerifier().verifyEveryChain()).as("each change with its audit event, or neither").isEmpty();
            String inspection = inProgress(restored);
            String note = restored.inspections().findings(inspection, 1).values().stream()
                    .map(Finding::note).filter(text -> text != null && text.startsWith("記録 ")).findFirst().orElseThrow();
            // The counter moves before each change is written, so one counted change may still have been in flight.
            assertThat(Integer.parseInt(note.substring(3))).as("a snapshot of one moment during the writing")
                    .isGreaterThanOrEqualTo(before - 1).isLessThan(written.get());
        }
        assertThat(Pragma.of(fresh.resolve(Workspace.DATABASE_FILE), "integrity_check")).isEqualTo("ok");
    }

    @Test
    void aCopyWhoseAuditTrailWasChangedIsRefusedAndNothingIsRestored() throws Exception {
        Path data = scratch.resolve("tablet");
        Path backup;
        try (Workspace tablet = Workspace.open(data, CLOCK)) {
            tablet.demo().seed();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Workspace.DATABASE_FILE));
             Statement statement = connection.createStatement()) {
            // As someone with the file in hand would: the append-only triggers dropped first.
            statement.executeUpdate("DROP TRIGGER audit_events_no_update");
            statement.executeUpdate("UPDATE audit_events SET actor = 'someone else' WHERE sequence = 2");
        }
        try (Workspace tablet = Workspace.open(data, CLOCK)) {
            backup = tablet.backups().backUp(scratch.resolve("usb"), PASSPHRASE);
        }
        Path fresh = scratch.resolve("restored");

        BackupException refused = catchThrowableOfType(BackupException.class,
                () -> Backups.restorer(CLOCK).restore(backup, PASSPHRASE, fresh, false));

        assertThat(refused.key()).isEqualTo("backup.error.checksFailed");
        assertThat(refused.details()).isNotEmpty().allSatisfy(detail -> assertThat(detail.key()).isEqualTo("backup.check.chain"));
        assertThat(Messages.of(Language.JA).describe(refused)).contains("立入検査", "改ざん", "復元先は元のまま");
        assertThat(fresh).doesNotExist();
        assertThat(Files.list(scratch).map(path -> path.getFileName().toString()).toList())
                .as("the temporary copy is gone").containsExactlyInAnyOrder("tablet", "usb");
    }

    private static String inProgress(Workspace workspace) {
        return workspace.inspections().list().stream().filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS)
                .findFirst().orElseThrow().id();
    }

    private static Finding someFinding(Workspace workspace, String inspectionId) {
        String gate = workspace.inspections().catalogOf(workspace.inspections().find(inspectionId).orElseThrow()).gate().id();
        return workspace.inspections().findings(inspectionId, 1).values().stream()
                .filter(finding -> !finding.itemId().equals(gate)).findFirst().orElseThrow();
    }
}
