package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import jp.tachiiri.testsupport.CrashHarness;
import jp.tachiiri.testsupport.CrashHarness.Figures;
import jp.tachiiri.testsupport.CrashHarness.Phase;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency at length: {@code crash.kills} (default 200) SIGKILLs of the app at random moments on one data
 * folder, each followed by the harness's checks. Not a timing: the figures are counts, printed and written to
 * {@code target/bench/reliability.md}. Seed with {@code -Dcrash.seed=…} to repeat a run's script.
 */
class CrashBenchmark {

    @Test
    void killedAtRandomMomentsLosesNothingReportedSaved() throws Exception {
        int kills = Bench.intProperty("crash.kills", 200);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        Path work = Bench.workFolder("crash");
        Figures figures = new CrashHarness(work, seed).run(kills);

        String report = report(figures);
        Bench.log("%s", report);
        Files.createDirectories(Bench.outputFolder());
        Files.writeString(Bench.outputFolder().resolve("reliability.md"), report);
        assertThat(figures.failures()).isEmpty();
        // Kept on failure: the data folder is the evidence.
        Bench.deleteTree(work);
    }

    private static String report(Figures figures) {
        StringBuilder out = new StringBuilder();
        out.append("# Reliability results\n\n");
        out.append("Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("  \n");
        out.append("Machine: ").append(Bench.machine()).append("  \n");
        out.append("Product: ").append(Bench.productVersion()).append("  \n");
        out.append(String.format(Locale.ROOT, "Command: `mvn -o -Pbench verify -Dtest=CrashBenchmark -Dcrash.kills=%d"
                + " -Dcrash.seed=%d`%n%n", figures.kills(), figures.seed()));
        out.append("## Crash consistency\n\n| figure | count |\n|---|---:|\n");
        row(out, "kills (SIGKILL)", figures.kills());
        row(out, "… while starting (JVM, opening and migrating the store, first-start seeding)", killsDuring(figures, Phase.STARTUP));
        row(out, "… inside an answer's save", killsDuring(figures, Phase.ANSWER));
        row(out, "… inside an evidence file's save", killsDuring(figures, Phase.EVIDENCE));
        row(out, "… while writing a printout or a CSV report, or sending findings to the office", killsDuring(figures, Phase.FILE));
        row(out, "… between two saves", killsDuring(figures, Phase.BETWEEN_STEPS));
        row(out, "starts of the app on the same data folder", figures.childStarts());
        row(out, "answers reported saved, all found stored", figures.answersReported());
        row(out, "evidence files reported saved, all found stored with their bytes", figures.evidenceReported());
        row(out, "printouts, CSV reports and findings bundles reported written, all found with their bytes",
                figures.filesReported());
        row(out, "inspections reported sent, all found finalized in the office's store", figures.inspectionsSent());
        row(out, "saves found stored beyond the last report (committed, killed before reporting)",
                figures.foundBeyondReport());
        row(out, "integrity checks (integrity_check and foreign_key_check), all ok", figures.integrityChecks());
        row(out, "audit chains verified", figures.chainsVerified());
        row(out, "audit events verified", figures.auditEventsVerified());
        row(out, "evidence copies cut short, left for a later start to remove (younger than an hour)",
                figures.leftoverTempFiles());
        row(out, "failures", figures.failures().size());
        out.append(String.format(Locale.ROOT, "%nDuration: %d s. Load average (1, 5, 15 min) after: %s.%n",
                figures.duration().toSeconds(), Bench.loadAverage()));
        figures.failures().forEach(failure -> out.append("\nFailure: ").append(failure).append('\n'));
        return out.toString();
    }

    private static int killsDuring(Figures figures, Phase phase) {
        return figures.killsDuring().getOrDefault(phase, 0);
    }

    private static void row(StringBuilder out, String figure, long count) {
        out.append("| ").append(figure).append(" | ").append(count).append(" |\n");
    }
}
