package jp.tachiiri.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tachiiri.files.AtomicFile.IfExists;
import jp.tachiiri.testsupport.PowerLossFs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the power-loss harness found in the way files were written, kept as regression cases on a {@link PowerLossFs}
 * mount, over several seeds (each draws which names not yet forced a cut keeps): a file written whole into a folder
 * made for it, and a file moved into place from another folder, are there after the cut with their bytes.
 */
class AtomicFilePowerLossTest {

    private static final int SEEDS = 12;

    @TempDir
    Path work;

    @BeforeEach
    void needsFuse() {
        PowerLossFs.unavailable().ifPresent(reason -> Assumptions.abort("no power-loss file system here: " + reason));
    }

    @Test
    void aFileWrittenIntoNewFoldersSurvivesACut() throws IOException {
        for (int seed = 0; seed < SEEDS; seed++) {
            Path backing = Files.createDirectories(work.resolve("backing-" + seed));
            Path mount = Files.createDirectories(work.resolve("mount-" + seed));
            try (PowerLossFs fs = PowerLossFs.mount(backing, mount, seed)) {
                // As the first evidence file or printout of a data folder: evidence/45/…, printouts/…
                Path folder = AtomicFile.createFolders(mount.resolve("evidence").resolve("45"));
                AtomicFile.write(folder.resolve("photo.jpg"), IfExists.REFUSE, out -> out.write(bytes("seed " + 0)));
                fs.cut();
            }
            assertThat(backing.resolve("evidence/45/photo.jpg")).as("seed %d", seed).hasContent("seed 0");
        }
    }

    @Test
    void aFileMovedIntoPlaceFromAnotherFolderSurvivesACut() throws IOException {
        for (int seed = 0; seed < SEEDS; seed++) {
            Path backing = Files.createDirectories(work.resolve("backing-" + seed));
            Files.createDirectories(backing.resolve("staging"));
            Files.createDirectories(backing.resolve("evidence"));
            Path mount = Files.createDirectories(work.resolve("mount-" + seed));
            try (PowerLossFs fs = PowerLossFs.mount(backing, mount, seed)) {
                // As an evidence file is staged in one folder, then named by its hash in another.
                try (AtomicFile.Staged staged = AtomicFile.stage(mount.resolve("staging"), out -> out.write(bytes("staged")))) {
                    staged.moveTo(mount.resolve("evidence").resolve("ab12"), IfExists.REFUSE);
                }
                fs.cut();
            }
            assertThat(backing.resolve("evidence/ab12")).as("seed %d", seed).hasContent("staged");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
