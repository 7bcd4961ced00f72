package jp.tachiiri.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import jp.tachiiri.testsupport.CrashHarness;
import jp.tachiiri.testsupport.CrashScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app killed with SIGKILL at random moments loses nothing it had reported saved, and its store stays whole
 * and usable. A few kills here; the benchmark run ({@code CrashBenchmark}) does hundreds. The seed is new on every
 * run (set it with -Dcrash.seed=…); a failure names it.
 */
class CrashConsistencyTest {

    private static final int KILLS = 5;
    private static final long SEED = Long.getLong("crash.seed", new Random().nextLong());

    @TempDir
    Path work;

    @Test
    void everySavedAnswerSurvivesKillsAtRandomMoments() throws Exception {
        CrashHarness.Figures figures = new CrashHarness(work, SEED).run(KILLS);

        assertThat(figures.failures()).isEmpty();
        assertThat(figures.kills()).isEqualTo(KILLS);
        // One check after each kill and one after the last child, which records 20 steps and exits normally.
        assertThat(figures.integrityChecks()).isEqualTo(KILLS + 1);
        assertThat(figures.answersReported() + figures.evidenceReported() + figures.filesReported()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aReportedAnswerMissingFromTheStoreIsCaught() throws Exception {
        CrashHarness harness = new CrashHarness(work, SEED);
        assertThat(harness.run(0).failures()).isEmpty();

        // As if the child had reported saved one more step than the store holds (one that changes the store: a step
        // writing a file changes nothing in it).
        long unsaved = LongStream.iterate(harness.storedThrough() + 1, step -> step + 1)
                .filter(step -> CrashScript.of(SEED).step(step).output().isEmpty()).findFirst().orElseThrow();
        assertThat(harness.verify(unsaved, false, true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not as the script left it"));
    }

    @Test
    void aFileReportedWrittenAndThenCutShortIsCaught() throws Exception {
        // A seed whose first steps (those the last child records) write a file for the user.
        long seed = LongStream.iterate(1, next -> next + 1).filter(candidate -> LongStream.range(0, 20)
                .anyMatch(step -> CrashScript.of(candidate).step(step).output().isPresent())).findFirst().orElseThrow();
        CrashHarness harness = new CrashHarness(work, seed);
        CrashHarness.Figures figures = harness.run(0);
        assertThat(figures.failures()).isEmpty();
        assertThat(figures.filesReported()).isPositive();

        Path file;
        try (Stream<Path> files = Files.walk(CrashHarness.storeFolder(work))) {
            file = files.filter(path -> path.toString().endsWith(".pdf") || path.toString().endsWith(".csv")
                    || path.getParent().endsWith("outbox")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(harness.verify(harness.storedThrough(), false, true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("is not what was reported written"));
        Files.delete(file);
        assertThat(harness.verify(harness.storedThrough(), false, true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("was reported written and is missing"));
        Files.write(file, bytes);

        // A half file under its own name that no report named, as a writer that skipped its temporary file would leave.
        Path stray = Files.createDirectories(CrashHarness.storeFolder(work).resolve("printouts")).resolve("stray.pdf");
        Files.write(stray, Arrays.copyOf(bytes, 100));
        assertThat(harness.verify(harness.storedThrough(), false, true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("printouts/stray.pdf, which no report named, is not whole"));
    }
}
