package jp.tachiiri.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import jp.tachiiri.app.Backups;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.testsupport.PowerLossFs;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore reported done survives a power cut right after it ({@link PowerLossFs}, several seeds): the data folder's
 * name holds the restored store, not nothing, even when a folder was there before and was moved aside.
 */
class RestorePowerLossTest {

    private static final Clock CLOCK = Clock.systemDefaultZone();
    private static final char[] PASSPHRASE = "停電の試験 バックアップ".toCharArray();
    private static final int SEEDS = 6;

    @TempDir
    Path scratch;

    @Test
    void aRestoredDataFolderIsThereAfterAPowerCut() throws Exception {
        PowerLossFs.unavailable().ifPresent(reason -> Assumptions.abort("no power-loss file system here: " + reason));
        Path backup;
        String dump;
        try (Workspace tablet = Workspace.open(scratch.resolve("tablet"), CLOCK)) {
            tablet.demo().seed();
            dump = StoreDump.of(tablet.databaseFile(), Set.of());
            backup = tablet.backups().backUp(scratch.resolve("usb"), PASSPHRASE);
        }
        for (int seed = 0; seed < SEEDS; seed++) {
            Path backing = Files.createDirectories(scratch.resolve("backing-" + seed));
            Path mount = Files.createDirectories(scratch.resolve("mount-" + seed));
            try (PowerLossFs fs = PowerLossFs.mount(backing, mount, seed)) {
                // A data folder made on this machine's first start, which the restore moves aside.
                try (Workspace firstStart = Workspace.open(mount.resolve("data"), CLOCK)) {
                    firstStart.demo().seed();
                }
                Backups.restorer(CLOCK).restore(backup, PASSPHRASE, mount.resolve("data"), true);
                fs.cut();
            }
            String found;
            try (var names = Files.walk(backing, 2)) {
                found = names.map(backing::relativize).map(Path::toString).sorted().toList().toString();
            }
            assertThat(StoreDump.of(backing.resolve("data").resolve(Workspace.DATABASE_FILE), Set.of()))
                    .as("seed %d, after the cut: %s", seed, found).isEqualTo(dump);
        }
    }
}
