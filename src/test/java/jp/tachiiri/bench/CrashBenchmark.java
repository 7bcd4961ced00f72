package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import jp.tachiiri.testsupport.CrashHarness;
import jp.tachiiri.testsupport.CrashHarness.Figures;
import jp.tachiiri.testsupport.CrashHarness.Phase;
import jp.tachiiri.testsupport.PowerLossFs;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency at length: {@code crash.kills} (default 200) SIGKILLs of the app at random moments on one data
 * folder, then {@code crash.powerCuts} (default 100) kills each followed by a power cut on a {@link PowerLossFs}
 * mount (skipped, saying why, where FUSE cannot be used), each followed by the harness's checks. Not a timing: the
 * figures are counts, printed and written to {@code target/bench/reliability.md}. Seed with {@code -Dcrash.seed=…}
 * to repeat a run's script.
 */
class CrashBenchmark {

    @Test
    void killedAtRandomMomentsLosesNothingReportedSaved() throws Exception {
        int kills = Bench.intProperty("crash.kills", 200);
        int powerCuts = Bench.intProperty("crash.powerCuts", 100);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        Path work = Bench.workFolder("crash");
        Figures killed = new CrashHarness(work.resolve("kills"), seed).run(kills);
        StringBuilder report = new StringBuilder(header(seed, kills, powerCuts));
        section(report, "Crash consistency", "kills (SIGKILL)", killed);
        List<String> failures = new ArrayList<>(killed.failures());
        Optional<String> unavailable = PowerLossFs.unavailable();
        if (unavailable.isPresent()) {
            report.append("\n## Power loss\n\nNot run: ").append(unavailable.get()).append('\n');
        } else if (powerCuts > 0) {
            Figures cut = CrashHarness.onPowerLoss(work.resolve("power"), seed).run(powerCuts);
            section(report, "Power loss", "kills, each followed by a power cut", cut);
            failures.addAll(cut.failures());
        }
        Bench.log("%s", report);
        Files.createDirectories(Bench.outputFolder());
        Files.writeString(Bench.outputFolder().resolve("reliability.md"), report);
        assertThat(failures).isEmpty();
        // Kept on failure: the data folders are the evidence.
        Bench.deleteTree(work);
    }

    private static String header(long seed, int kills, int powerCuts) {
        return "# Reliability results\n\n"
                + "Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "  \n"
                + "Machine: " + Bench.machine() + "  \n"
                + "Product: " + Bench.productVersion() + "  \n"
                + String.format(Locale.ROOT, "Command: `mvn -o -Pbench verify -Dtest=CrashBenchmark -Dcrash.kills=%d"
                + " -Dcrash.powerCuts=%d -Dcrash.seed=%d`%n", kills, powerCuts, seed);
    }

    private static void section(StringBuilder out, String title, String kills, Figures figures) {
        out.append("\n## ").append(title).append("\n\n| figure | count |\n|---|---:|\n");
        row(out, kills, figures.kills());
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
        if (figures.powerCuts() > 0) {
            row(out, "power cuts (one after each kill, one after the last child's normal exit)", figures.powerCuts());
        }
        row(out, "failures", figures.failures().size());
        out.append(String.format(Locale.ROOT, "%nDuration: %d s. Load average (1, 5, 15 min) after: %s.%n",
                figures.duration().toSeconds(), Bench.loadAverage()));
        figures.failures().forEach(failure -> out.append("\nFailure: ").append(failure).append('\n'));
    }

    private static int killsDuring(Figures figures, Phase phase) {
        return figures.killsDuring().getOrDefault(phase, 0);
    }

    private static void row(StringBuilder out, String figure, long count) {
        out.append("| ").append(figure).append(" | ").append(count).append(" |\n");
    }
}
