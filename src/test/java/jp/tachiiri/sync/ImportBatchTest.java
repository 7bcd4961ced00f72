package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import of several files opens each next file on a second thread while the one before it is written: tried on
 * real bundles of two real tablets, against the same office importing the same files one by one. Every file must get
 * the outcome it gets alone, in order (a file sent twice is imported once, a new device is trusted by its first file),
 * and the store must end the same.
 */
class ImportBatchTest {

    /** Both offices keep the same times, so that their stores can be compared row by row. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);

    /** The ids of the office's own trust decisions are random, and so the hashes of its trail over them. */
    private static final Set<String> RANDOM_IDS = Set.of("trust_events.id", "trust_events.previous_hash",
            "trust_events.hash", "trust_heads.last_hash");

    @TempDir
    Path folder;
    private final List<Path> files = new ArrayList<>();

    /**
     * Tablet A's enrolment file and findings, a copy of tablet B's findings with one byte changed, A's findings
     * again, B's findings; the office folder copied before any import, so that both offices hold the same keys.
     */
    @BeforeEach
    void twoTabletsFiles() throws Exception {
        Path usb = Files.createDirectories(folder.resolve("usb"));
        try (Workspace tabletA = SyncFixture.demoTablet(folder.resolve("tablet-a"));
             Workspace tabletB = SyncFixture.demoTablet(folder.resolve("tablet-b"));
             Workspace office = Offices.open(folder.resolve("office"), CLOCK)) {
            Enrolments.enrol(tabletA, office);
            Enrolments.enrol(tabletB, office);
            Path enrolment = tabletA.sync().exportEnrolment(Files.createDirectories(folder.resolve("enrolment")));
            Path findingsA = tabletA.sync().exportFindings(Files.createDirectories(folder.resolve("a"))).orElseThrow();
            Path findingsB = tabletB.sync().exportFindings(Files.createDirectories(folder.resolve("b"))).orElseThrow();
            byte[] changed = Files.readAllBytes(findingsB);
            changed[changed.length / 2] ^= 0x01;
            Path broken = Files.write(usb.resolve("changed.tachiiri"), changed);
            files.addAll(List.of(enrolment, findingsA, broken, findingsA, findingsB));
        }
        SyncFixture.copyFolder(folder.resolve("office"), folder.resolve("office-one-by-one"));
    }

    @Test
    void everyFileGetsTheOutcomeItGetsAloneAndTheStoreEndsTheSame() {
        List<ImportOutcome> batched;
        try (Workspace office = Offices.open(folder.resolve("office"), CLOCK)) {
            batched = office.sync().importAll(files, true);
        }
        List<ImportOutcome> alone = new ArrayList<>();
        try (Workspace office = Offices.open(folder.resolve("office-one-by-one"), CLOCK)) {
            files.forEach(file -> alone.add(office.sync().importFile(file, true)));
        }

        assertThat(batched).extracting(ImportOutcome::result).containsExactly(ImportOutcome.Result.IMPORTED,
                ImportOutcome.Result.IMPORTED, ImportOutcome.Result.REJECTED, ImportOutcome.Result.ALREADY_IMPORTED,
                ImportOutcome.Result.IMPORTED);
        Messages messages = Messages.of(Language.JA);
        assertThat(batched).extracting(outcome -> outcome.describe(messages))
                .isEqualTo(alone.stream().map(outcome -> outcome.describe(messages)).toList());
        assertThat(batched.get(2).describe(messages)).contains("changed.tachiiri");
        assertThat(StoreDump.of(folder.resolve("office").resolve(Workspace.DATABASE_FILE), RANDOM_IDS))
                .isEqualTo(StoreDump.of(folder.resolve("office-one-by-one").resolve(Workspace.DATABASE_FILE), RANDOM_IDS));
    }

    @Test
    void stoppingEarlyClosesTheFileOpenedAheadAndLeavesTheRestUnread() throws Exception {
        try (Workspace office = Offices.open(folder.resolve("office"), CLOCK)) {
            try (ImportBatch batch = office.sync().importBatch(files, true)) {
                assertThat(batch.nextFile()).isEqualTo(files.get(0));
                assertThat(batch.next().result()).isEqualTo(ImportOutcome.Result.IMPORTED);
                assertThat(batch.nextFile()).isEqualTo(files.get(1));
            }
            assertThat(office.inspections().list()).as("A's findings, opened ahead, are not imported").isEmpty();
            Path incoming = office.folder().resolve("incoming");
            if (Files.isDirectory(incoming)) {
                try (var staged = Files.list(incoming)) {
                    assertThat(staged).isEmpty();
                }
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("bundle-read-ahead")
                && thread.isAlive() && !waitForEnd(thread));
    }

    private static boolean waitForEnd(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
