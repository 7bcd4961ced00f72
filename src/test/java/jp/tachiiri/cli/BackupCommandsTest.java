package jp.tachiiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import jp.tachiiri.Main;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.testsupport.ChildJvm;
import jp.tachiiri.testsupport.FileFaults;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tachiiri backup} and {@code tachiiri restore} as a user runs them, in a process of their own with the
 * passphrase in the environment (never an argument): the exit codes, the messages in both languages, a target
 * that holds data left as it was, and a disk that fills up leaving no half-written backup.
 */
class BackupCommandsTest {

    private static final String PASSPHRASE = "デモ県のバックアップ用パスフレーズ";

    @TempDir
    Path scratch;

    private Path data;

    @BeforeEach
    void aTabletWithEvidence() throws Exception {
        data = scratch.resolve("data");
        try (Workspace tablet = Workspace.open(data, Clock.systemUTC())) {
            tablet.demo().seed();
            String inspection = tablet.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS).findFirst().orElseThrow().id();
            String gate = tablet.inspections().catalogOf(tablet.inspections().find(inspection).orElseThrow()).gate().id();
            Finding finding = tablet.inspections().findings(inspection, 1).values().stream()
                    .filter(candidate -> !candidate.itemId().equals(gate)).findFirst().orElseThrow();
            byte[] photo = new byte[3 * 1024 * 1024];
            new Random(3).nextBytes(photo);
            tablet.evidence().add(inspection, 1, finding.itemId(), Files.write(scratch.resolve("photo.jpg"), photo), "image/jpeg", "test");
        }
    }

    @Test
    void aBackupRestoresIntoANewFolderAndExitCodesSayWhatHappened() throws Exception {
        ChildJvm child = ChildJvm.plain().withEnvironment(PassphraseInput.VARIABLE, PASSPHRASE);
        Path usb = scratch.resolve("usb");

        ChildJvm.Result backup = child.run(Main.class, "backup", "--out", usb.toString(), "--data", data.toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Path file = single(usb);
        assertThat(backup.out()).contains("バックアップを書き出しました", file.toString());
        ChildJvm.Result settings = ChildJvm.plain().run(Main.class, "--lang", "en", "settings", "--data", data.toString());
        assertThat(settings.out()).contains("Last backup: 20");

        Path fresh = scratch.resolve("new-pc");
        ChildJvm.Result verified = child.run(Main.class, "restore", file.toString(), "--verify-only", "--data", fresh.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("正常です", "すべてハッシュが一致しました");
        assertThat(fresh).doesNotExist();

        ChildJvm.Result restored = child.run(Main.class, "--lang", "en", "restore", file.toString(), "--data", fresh.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored into " + fresh, "Inspector's tablet", "passed the integrity and audit-trail checks");
        ChildJvm.Result audit = ChildJvm.plain().run(Main.class, "audit", "verify", "--data", fresh.toString());
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(FileFaults.contents(fresh.resolve("evidence"))).isEqualTo(FileFaults.contents(data.resolve("evidence")));

        // Into a folder that holds data: refused, unless --replace, which keeps the old one beside it.
        Map<String, String> before = FileFaults.contents(data);
        ChildJvm.Result refused = child.run(Main.class, "restore", file.toString(), "--data", data.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(data.toString(), "既にデータがあります", "--replace");
        assertThat(FileFaults.contents(data)).isEqualTo(before);

        ChildJvm.Result replaced = child.run(Main.class, "restore", file.toString(), "--replace", "--data", fresh.toString());
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        Path aside = Files.list(scratch).filter(path -> path.getFileName().toString().startsWith("new-pc.before-restore-"))
                .findFirst().orElseThrow();
        assertThat(replaced.out()).contains(aside.toString());
        assertThat(StoreDump.of(aside.resolve(Workspace.DATABASE_FILE), java.util.Set.of()))
                .isEqualTo(StoreDump.of(fresh.resolve(Workspace.DATABASE_FILE), java.util.Set.of()));
    }

    @Test
    void aWrongOrMissingPassphraseAndAUsageErrorHaveTheirExitCodes() throws Exception {
        ChildJvm right = ChildJvm.plain().withEnvironment(PassphraseInput.VARIABLE, PASSPHRASE);
        Path usb = scratch.resolve("usb");
        assertThat(right.run(Main.class, "backup", "--out", usb.toString(), "--data", data.toString()).exitCode()).isZero();
        Path file = single(usb);
        Path target = scratch.resolve("target");

        ChildJvm.Result wrong = ChildJvm.plain().withEnvironment(PassphraseInput.VARIABLE, PASSPHRASE + "!")
                .run(Main.class, "restore", file.toString(), "--data", target.toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("パスフレーズが違います", file.toString());
        assertThat(target).doesNotExist();

        ChildJvm.Result none = ChildJvm.plain().withEnvironment(PassphraseInput.VARIABLE, null)
                .run(Main.class, "--lang", "en", "backup", "--out", usb.toString(), "--data", data.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("No passphrase", PassphraseInput.VARIABLE);

        ChildJvm.Result tooShort = ChildJvm.plain().withEnvironment(PassphraseInput.VARIABLE, "short")
                .run(Main.class, "backup", "--out", usb.toString(), "--data", data.toString());
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).contains("12 文字以上");

        ChildJvm.Result usage = right.run(Main.class, "backup", "--data", data.toString());
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(single(usb)).as("still the one backup").isEqualTo(file);
    }

    /** Room for the snapshot of the data file, not for the backup with its 3 MB photo. */
    @Test
    void aDiskThatFillsUpWhileTheBackupIsWrittenLeavesNothingHalfWritten() throws Exception {
        ChildJvm child = ChildJvm.withFileSizeLimit(2048, scratch).withEnvironment(PassphraseInput.VARIABLE, PASSPHRASE);
        Path usb = Files.createDirectories(scratch.resolve("usb"));
        assertThat(Files.size(data.resolve(Workspace.DATABASE_FILE))).isLessThan(2048 * 1024);

        ChildJvm.Result english = child.run(Main.class, "--lang", "en", "backup", "--out", usb.toString(), "--data", data.toString());
        ChildJvm.Result japanese = child.run(Main.class, "backup", "--out", usb.toString(), "--data", data.toString());

        assertThat(english.exitCode()).as(english.out()).isEqualTo(1);
        assertThat(english.err()).contains(usb.toString(), "could not be written", "No half-written file is left");
        assertThat(japanese.exitCode()).isEqualTo(1);
        assertThat(japanese.err()).contains(usb.toString(), "書きかけのファイルは残していません");
        assertThat(Files.list(usb).toList()).as("nothing half-written").isEmpty();
        assertThat(Files.list(data.resolve("backup-staging")).toList()).as("no snapshot left in the clear").isEmpty();
        try (Workspace tablet = Workspace.open(data, Clock.systemUTC())) {
            assertThat(tablet.settings().lastBackup()).as("no backup recorded").isEmpty();
        }
    }

    private static Path single(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
