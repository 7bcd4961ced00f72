package jp.tachiiri.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import jp.tachiiri.testsupport.CrashHarness;
import jp.tachiiri.testsupport.PowerLossFs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead battery, not just a killed process: the app killed at random moments on a file system that then forgets
 * everything not forced to the disk ({@link PowerLossFs}) loses nothing it had reported saved or written, and its
 * stores stay whole. A few cuts here; the benchmark run ({@code CrashBenchmark}, {@code crash.powerCuts}) does a
 * hundred and more. The seed is new on every run (set it with -Dcrash.seed=…); a failure names it.
 */
class PowerLossConsistencyTest {

    private static final int CUTS = 4;
    private static final long SEED = Long.getLong("crash.seed", new Random().nextLong());

    @TempDir
    Path work;

    @Test
    void everythingReportedSavedSurvivesPowerCutsAtRandomMoments() throws Exception {
        PowerLossFs.unavailable().ifPresent(reason -> Assumptions.abort("no power-loss file system here: " + reason));

        CrashHarness.Figures figures = CrashHarness.onPowerLoss(work, SEED).run(CUTS);

        assertThat(figures.failures()).isEmpty();
        // One cut after each kill and one after the last child's normal exit.
        assertThat(figures.powerCuts()).isEqualTo(CUTS + 1);
        assertThat(figures.integrityChecks()).isEqualTo(CUTS + 1);
        assertThat(figures.answersReported() + figures.evidenceReported() + figures.filesReported()).isGreaterThanOrEqualTo(20);
    }
}
