package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreKeys;
import jp.tachiiri.testsupport.StoreDump;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus of {@code src/test/resources/bundles/hostile/} against real data folders, an office's and
 * a tablet's, as {@code expected.tsv} says for each file: every file gets the outcome it gives, every rejection
 * names the file and its problem in both languages, and a rejected file leaves the store (every table, and the
 * files of the data folder) exactly as it was.
 */
class HostileCorpusTest {

    static final Path CORPUS = Path.of(System.getProperty("basedir", ".")).resolve(HostileCorpusGenerator.CORPUS_FOLDER);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T00:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path office;

    /** The office, which has enrolled the corpus's two tablets with their controls. */
    private static Workspace workspace;
    /** A tablet, which has enrolled the corpus office with its assignments bundle no. 512. */
    private static Workspace tablet;

    /** One line of expected.tsv. */
    record Expected(String file, String recipient, String result, String key, String detail, String what) {

        @Override
        public String toString() {
            return file + " → " + recipient + ": " + result + (key.equals(HostileCorpusGenerator.NO_KEY) ? "" : " " + key);
        }
    }

    @BeforeAll
    static void enrolTheCorpusDevices() {
        // The office the sealed files are sealed to: its store holds the receiving office's fixed keys.
        Offices.open(office.resolve("office"), CLOCK).close();
        StoreKeys.replace(office.resolve("office"), HostileCorpusGenerator.receivingOffice());
        workspace = Offices.open(office.resolve("office"), CLOCK);
        for (String control : List.of(HostileCorpusGenerator.CONTROL, HostileCorpusGenerator.SECOND_CONTROL)) {
            ImportOutcome imported = workspace.sync().importFile(CORPUS.resolve(control), true);
            assertThat(imported.result()).as("the control bundle: %s", imported).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(imported.counts()).isEqualTo(new ImportOutcome.Counts(1, 0, 0, 0));
        }
        assertThat(workspace.deviceTrust().devices()).extracting(KnownDevice::deviceId, KnownDevice::role,
                KnownDevice::status).containsExactlyInAnyOrder(
                tuple(HostileCorpusGenerator.DEVICE_ID, Role.INSPECTOR, DeviceStatus.TRUSTED),
                tuple(HostileCorpusGenerator.SECOND_DEVICE_ID, Role.INSPECTOR, DeviceStatus.TRUSTED));
        assertThat(workspace.chainVerifier().verifyAll().ok()).as("the controls' audit trails are valid chains").isTrue();

        // The tablet the sealed assignments are sealed to: its store holds the receiving tablet's fixed keys.
        Workspace.open(office.resolve("tablet"), CLOCK).close();
        StoreKeys.replace(office.resolve("tablet"), HostileCorpusGenerator.receivingTablet());
        tablet = Workspace.open(office.resolve("tablet"), CLOCK);
        tablet.settings().setRole(Role.INSPECTOR);
        ImportOutcome assignments = tablet.sync().importFile(CORPUS.resolve(HostileCorpusGenerator.TABLET_CONTROL), true);
        assertThat(assignments.result()).as("the tablet's control: %s", assignments).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(tablet.deviceTrust().office()).map(KnownDevice::deviceId).contains(HostileCorpusGenerator.OFFICE_ID);
        assertThat(tablet.sync().plans()).singleElement().extracting(PlannedInspection::id)
                .isEqualTo("corpus-plan-1");
    }

    @AfterAll
    static void close() {
        for (Workspace store : new Workspace[] {workspace, tablet}) {
            if (store != null) {
                store.close();
            }
        }
    }

    static Stream<Expected> corpus() {
        return expected().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileGetsItsExpectedOutcome(Expected expected) {
        Path file = CORPUS.resolve(expected.file());
        Workspace store = expected.recipient().equals(HostileCorpusGenerator.TABLET) ? tablet : workspace;
        String before = StoreDump.withFiles(store);

        ImportOutcome outcome = store.sync().importFile(file, false);

        switch (expected.result()) {
            case HostileCorpusGenerator.IMPORTED -> {
                // Imported while enrolling the device; a second time it changes nothing.
                assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.ALREADY_IMPORTED);
                assertThat(StoreDump.withFiles(store)).isEqualTo(before);
            }
            case HostileCorpusGenerator.PENDING -> {
                assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.PENDING_ENROLMENT);
                assertThat(store.deviceTrust().devices()).filteredOn(device -> device.deviceId()
                                .equals(outcome.header().orElseThrow().deviceId()))
                        .singleElement().extracting(KnownDevice::status).isEqualTo(DeviceStatus.PENDING);
                assertThat(withoutTable(StoreDump.withFiles(store), "known_devices")).as("only the device waiting for enrolment is new")
                        .isEqualTo(withoutTable(before, "known_devices"));
            }
            case HostileCorpusGenerator.REJECTED -> {
                assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.REJECTED);
                UserFacingException problem = outcome.problem().orElseThrow();
                // Softly, so that one run tells everything that is wrong with the handling of a file.
                SoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(problem.key()).as(problem.toString()).isEqualTo(expected.key());
                    for (Language language : Language.values()) {
                        softly.assertThat(problem.localizedMessage(language)).as("the message in %s", language)
                                .contains(expected.file());
                        if (!expected.detail().equals(HostileCorpusGenerator.NO_KEY)) {
                            softly.assertThat(problem.localizedMessage(language)).as("the message in %s", language)
                                    .contains(expected.detail());
                        }
                    }
                    softly.assertThat(StoreDump.withFiles(store)).as("the store after rejecting %s", expected.file())
                            .isEqualTo(before);
                });
            }
            default -> throw new IllegalStateException("unknown expected result in expected.tsv: " + expected);
        }
    }

    @Test
    void theCorpusIsLargeEnoughAndEveryFileIsListed() throws IOException {
        List<Expected> expected = expected();
        assertThat(expected).filteredOn(e -> e.result().equals(HostileCorpusGenerator.REJECTED)).hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(e -> assertThat(e.key()).matches("(bundle|sync)\\.error\\.[A-Za-z0-9]+"));
        assertThat(expected).filteredOn(e -> e.result().equals(HostileCorpusGenerator.IMPORTED)).extracting(Expected::file)
                .containsExactlyInAnyOrder(HostileCorpusGenerator.CONTROL, HostileCorpusGenerator.SECOND_CONTROL,
                        HostileCorpusGenerator.TABLET_CONTROL);
        assertThat(expected).extracting(Expected::result).allSatisfy(result -> assertThat(result)
                .isIn(HostileCorpusGenerator.IMPORTED, HostileCorpusGenerator.PENDING, HostileCorpusGenerator.REJECTED));
        assertThat(expected).extracting(Expected::recipient).allSatisfy(recipient -> assertThat(recipient)
                .isIn(HostileCorpusGenerator.OFFICE, HostileCorpusGenerator.TABLET));
        assertThat(expected).extracting(Expected::file).doesNotHaveDuplicates();

        Set<String> files = fileNames(CORPUS);
        Set<String> listed = expected.stream().map(Expected::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).as("every file of the corpus folder is a listed bundle or one of %s", HostileCorpusGenerator.NOT_BUNDLES)
                .containsExactlyInAnyOrderElementsOf(union(listed, HostileCorpusGenerator.NOT_BUNDLES));
        assertThat(Files.readString(CORPUS.resolve(HostileCorpusGenerator.KEY_FILE))).contains("TEST KEY ONLY");
    }

    @Test
    void theCommittedCorpusIsExactlyWhatTheGeneratorWrites(@TempDir Path fresh) throws IOException {
        HostileCorpusGenerator generator = new HostileCorpusGenerator(
                HostileCorpusGenerator.readKey(CORPUS.resolve(HostileCorpusGenerator.KEY_FILE)));
        HostileCorpusGenerator.write(fresh, generator.cases());

        Set<String> generated = fileNames(fresh);
        Set<String> committed = new TreeSet<>(fileNames(CORPUS));
        committed.removeAll(Set.of(HostileCorpusGenerator.KEY_FILE, HostileCorpusGenerator.README_FILE));
        assertThat(committed).as("run HostileCorpusGenerator to bring the corpus up to date").isEqualTo(generated);
        for (String name : generated) {
            assertThat(Arrays.equals(withoutChance(Files.readAllBytes(CORPUS.resolve(name))),
                    withoutChance(Files.readAllBytes(fresh.resolve(name)))))
                    .as("%s differs from what HostileCorpusGenerator writes now; run it to bring the corpus up to date", name)
                    .isTrue();
        }
        // And a second run gives the same bytes again: nothing depends on the clock, and only sealing on chance.
        HostileCorpusGenerator.write(fresh.resolve("again"), generator.cases());
        for (String name : generated) {
            assertThat(withoutChance(Files.readAllBytes(fresh.resolve("again").resolve(name)))).as(name)
                    .isEqualTo(withoutChance(Files.readAllBytes(fresh.resolve(name))));
        }
    }

    /**
     * A file as far as it does not depend on chance: a sealed file's content keys and ciphertext differ at every
     * sealing (HPKE's ephemeral key, the streaming AEAD's salt), so of it only its envelope without the sealed keys
     * and its length are compared; its outcome is checked like every file's.
     */
    private static byte[] withoutChance(byte[] file) {
        String start = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.ISO_8859_1);
        int newline = start.indexOf('\n');
        if (newline < 0 || !start.substring(0, newline).contains("tachiiri-sealed-bundle")) {
            return file;
        }
        String line = start.substring(0, newline).replaceAll("\"sealedKey\":\"[^\"]*\"", "\"sealedKey\":\"…\"");
        return (line + "\n" + file.length).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Too big to keep in the repository, so written here: a bundle whose note is 100,000,000 characters long.
     * The reader stops at its string limit, long before the end of the file.
     */
    @Test
    void aHundredMegabyteStringIsRefusedWithoutReadingItAll(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("hundred-megabyte-note.json");
        String control = Files.readString(CORPUS.resolve(HostileCorpusGenerator.CONTROL), StandardCharsets.UTF_8);
        String head = control.substring(0, control.indexOf("\"note\":\"") + "\"note\":\"".length());
        String tail = control.substring(control.indexOf('"', head.length()));
        long characters = 100_000_000L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] piece = "0123456789".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < characters; written += piece.length) {
                out.write(piece);
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isGreaterThan(characters);
        String before = store();

        long start = System.nanoTime();
        ImportOutcome outcome = workspace.sync().importFile(file, false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.REJECTED);
        UserFacingException problem = outcome.problem().orElseThrow();
        assertThat(problem.key()).isEqualTo("bundle.error.limits");
        assertThat(problem.localizedMessage(Language.JA)).contains(file.getFileName().toString());
        assertThat(problem.localizedMessage(Language.EN)).contains(file.getFileName().toString());
        assertThat(((Number) problem.arguments()[1]).longValue()).as("the byte at which reading stopped")
                .isLessThan(10_000_000L);
        assertThat(took).as("refused quickly").isLessThan(Duration.ofSeconds(5));
        assertThat(store()).isEqualTo(before);
    }

    /** A file refused before its parser exists (bad UTF-8 in the first bytes) is closed all the same. */
    @Test
    void aFileRefusedAtItsFirstBytesIsClosed(@TempDir Path temp) throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(descriptors), "needs /proc to count open files");
        Path file = Files.write(temp.resolve("not-utf8.json"), new byte[] {'{', (byte) 0xff, '}'});
        long before = count(descriptors);
        for (int i = 0; i < 200; i++) {
            ImportOutcome outcome = workspace.sync().importFile(file, false);
            assertThat(outcome.problem().orElseThrow().key()).isEqualTo("bundle.error.invalidUtf8");
        }
        assertThat(count(descriptors)).as("open files after 200 refusals").isLessThan(before + 20);
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static List<Expected> expected() {
        try {
            return Files.readAllLines(CORPUS.resolve(HostileCorpusGenerator.EXPECTED_FILE), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> {
                        String[] columns = line.split("\t", -1);
                        if (columns.length != 6) {
                            throw new IllegalStateException("expected.tsv: not six tab-separated columns: " + line);
                        }
                        return new Expected(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String store() {
        return StoreDump.withFiles(workspace);
    }

    private static String withoutTable(String dump, String table) {
        return dump.replaceAll("(?s)## " + table + " \\(\\d+\\)\\n.*?(?=## )", "");
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
