package jp.tachiiri.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.Main;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.store.StoreException;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.ChildJvm;
import jp.tachiiri.testsupport.FileFaults;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.HaltAfterCommit;
import jp.tachiiri.testsupport.Permissions;
import jp.tachiiri.testsupport.Pragma;
import jp.tachiiri.testsupport.WriteLockHolder;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage that fails under the app, made with real files and real processes: a data folder that may not be
 * written, a full disk, another program holding the write lock, a damaged data file, evidence files gone or
 * unreadable. Each time the user is told what failed and where, in their language, nothing stored before is
 * lost, and what can still be read is.
 */
class StorageFaultsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T01:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path scratch;

    private Path data;

    /** Made read-only or unreadable by a test; given back its permissions so that @TempDir can clean up. */
    private final List<Path> restricted = new ArrayList<>();

    @AfterEach
    void givePermissionsBack() throws IOException {
        for (Path path : restricted) {
            Permissions.writable(path);
        }
    }

    // ---- a data folder that may not be written ------------------------------------------------------------

    @Test
    void aReadOnlyDataFolderIsOpenedForReadingAndEveryChangeIsRefusedSayingWhy() throws Exception {
        int inspections = demoStore();
        ChildJvm child = ChildJvm.heldByFilePermissions(scratch);
        readOnly(data.resolve(Workspace.DATABASE_FILE), data);
        Map<String, String> before = FileFaults.contents(data);

        ChildJvm.Result list = child.run(Main.class, "inspections", "--data", data.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).hasSize(inspections);

        ChildJvm.Result change = child.run(Main.class, "settings", "--authority", "新しい発行者", "--data", data.toString());
        assertThat(change.exitCode()).isEqualTo(1);
        assertThat(change.err()).contains(data.toString(), "書き込みが許可されていない", "これまでのデータは変わっていません");
        ChildJvm.Result english = child.run(Main.class, "--lang", "en", "settings", "--report-days", "7", "--data", data.toString());
        assertThat(english.exitCode()).isEqualTo(1);
        assertThat(english.err()).contains(data.toString(), "may not be written", "unchanged");

        assertThat(FileFaults.contents(data)).as("nothing written, nothing created beside the data file").isEqualTo(before);
    }

    @Test
    void aReadOnlyEmptyFolderIsRefusedNamingItAndNothingIsCreated() throws Exception {
        data = Files.createDirectories(scratch.resolve("empty"));
        ChildJvm child = ChildJvm.heldByFilePermissions(scratch);
        readOnly(data);

        ChildJvm.Result list = child.run(Main.class, "--lang", "en", "inspections", "--data", data.toString());

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains(data.toString(), "may not be written", "no data file can be created");
        assertThat(FileFaults.contents(data)).isEmpty();
    }

    /** An older data file must be migrated before this version reads it, which a read-only folder forbids. */
    @Test
    void anOlderDataFileInAReadOnlyFolderIsRefusedSayingWhyAndLeftAsItIs() throws Exception {
        demoStore();
        Path file = data.resolve(Workspace.DATABASE_FILE);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = 1");
        }
        ChildJvm child = ChildJvm.heldByFilePermissions(scratch);
        readOnly(file, data);
        Map<String, String> before = FileFaults.contents(data);

        ChildJvm.Result list = child.run(Main.class, "--lang", "en", "inspections", "--data", data.toString());

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains(data.toString(), file.toString(), "may not be written", "cannot be brought up to this version");
        assertThat(FileFaults.contents(data)).isEqualTo(before);
    }

    /** After a crash the last changes may still be in the WAL: read-only, they are read from there, not lost. */
    @Test
    void aReadOnlyDataFolderShowsTheChangesStillInItsWal() throws Exception {
        data = scratch.resolve("data");
        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            workspace.settings().setAdvice(new AdviceSettings("前の発行者", 30));
        }
        Path file = data.resolve(Workspace.DATABASE_FILE);
        ChildJvm.plain().run(HaltAfterCommit.class, file.toString(),
                "UPDATE settings SET value = 'WAL にだけある発行者' WHERE key = 'advice.authority'");
        assertThat(Files.size(data.resolve(Workspace.DATABASE_FILE + "-wal"))).as("the change waits in the WAL").isPositive();
        ChildJvm child = ChildJvm.heldByFilePermissions(scratch);
        readOnly(file, data.resolve(Workspace.DATABASE_FILE + "-wal"), data.resolve(Workspace.DATABASE_FILE + "-shm"), data);
        Map<String, String> before = FileFaults.contents(data);

        ChildJvm.Result settings = child.run(Main.class, "settings", "--data", data.toString());

        assertThat(settings.exitCode()).as(settings.err()).isZero();
        assertThat(settings.out()).contains("WAL にだけある発行者");
        assertThat(FileFaults.contents(data)).isEqualTo(before);
    }

    // ---- a full disk ------------------------------------------------------------------------------------------

    @Test
    void aDiskThatFillsUpDuringAnImportRefusesItNamingTheFolderAndKeepsWhatWasStored() throws Exception {
        demoStore();
        Path bundle;
        try (Workspace tablet = Workspace.open(data, CLOCK)) {
            bundle = tablet.sync().exportFindings(scratch.resolve("outbox")).orElseThrow();
        }
        Path office = scratch.resolve("office");
        try (Workspace workspace = Offices.open(office, CLOCK)) {
            workspace.settings().setAdvice(new AdviceSettings("さくら県 医務課", 30));
        }
        String stored = FileFaults.sha256(office.resolve(Workspace.DATABASE_FILE));
        // Room for a few pages of the WAL, where the import's transaction goes first; it needs far more.
        ChildJvm child = ChildJvm.withFileSizeLimit(48, scratch);

        ChildJvm.Result english = child.run(Main.class, "--lang", "en", "import", "--trust-new-devices", bundle.toString(),
                "--data", office.toString());
        ChildJvm.Result japanese = child.run(Main.class, "import", "--trust-new-devices", bundle.toString(),
                "--data", office.toString());

        assertThat(english.exitCode()).as(english.out()).isEqualTo(1);
        assertThat(english.err()).contains(bundle.getFileName().toString(), office.toString(), "the disk is full",
                "The data stored before is unchanged");
        assertThat(japanese.exitCode()).isEqualTo(1);
        assertThat(japanese.err()).contains(office.toString(), "空き容量が足りない", "これまでのデータは変わっていません");
        assertThat(FileFaults.sha256(office.resolve(Workspace.DATABASE_FILE))).isEqualTo(stored);
        try (Workspace workspace = Workspace.open(office, CLOCK)) {
            assertThat(workspace.settings().advice()).isEqualTo(new AdviceSettings("さくら県 医務課", 30));
            assertThat(workspace.inspections().list()).as("all or nothing: nothing of the bundle").isEmpty();
            assertThat(Pragma.of(office.resolve(Workspace.DATABASE_FILE), "integrity_check")).isEqualTo("ok");
            // With room again, the same bundle is taken in whole.
            workspace.sync().importAll(List.of(bundle), true);
            assertThat(workspace.inspections().list()).isNotEmpty();
        }
    }

    // ---- another program holding the write lock ---------------------------------------------------------------

    @Test
    void whileAnotherProgramHoldsTheWriteLockTheStoreIsReadableAndAChangeIsRefusedSayingWhy() throws Exception {
        int inspections = demoStore();
        Path file = data.resolve(Workspace.DATABASE_FILE);
        Process holder = ChildJvm.plain().start(WriteLockHolder.class, file.toString());
        try (BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo("locked");
            try (Workspace workspace = Workspace.open(data, CLOCK)) {
                assertThat(workspace.inspections().list()).hasSize(inspections);

                StoreException refused = catchThrowableOfType(StoreException.class,
                        () -> workspace.settings().setAdvice(new AdviceSettings("別の発行者", 10)));

                assertThat(refused).isNotNull();
                assertThat(refused.key()).isEqualTo("store.error.locked");
                assertNamed(refused, file.toString());
                assertThat(refused.localizedMessage(Language.JA)).contains("別のプログラム", "これまでのデータは変わっていません");
                assertThat(refused.localizedMessage(Language.EN)).contains("another program", "unchanged");

                holder.getOutputStream().close();
                assertThat(holder.waitFor()).isZero();
                workspace.settings().setAdvice(new AdviceSettings("別の発行者", 10));
                assertThat(workspace.settings().advice().issuingAuthority()).isEqualTo("別の発行者");
                assertThat(workspace.inspections().list()).hasSize(inspections);
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    // ---- a damaged data file ------------------------------------------------------------------------------------

    @Test
    void aDataFileWithBytesOverwrittenInTheMiddleIsReportedAsDamagedAndLeftAsItIs() throws Exception {
        demoStore();
        Path file = data.resolve(Workspace.DATABASE_FILE);
        FileFaults.overwriteMiddle(file, 20250602L);
        String damaged = FileFaults.sha256(file);

        StoreException refused = firstFailureReadingEverything();

        assertThat(refused).as("reading a damaged file fails somewhere").isNotNull();
        assertThat(refused.key()).isEqualTo("store.error.corrupt");
        assertNamed(refused, file.toString());
        assertThat(refused.localizedMessage(Language.JA)).contains("壊れています", "変更せず");
        assertThat(FileFaults.sha256(file)).as("the damaged file is not written to, nor repaired away").isEqualTo(damaged);
        assertThat(firstFailureReadingEverything().key()).isEqualTo("store.error.corrupt");
        assertThat(FileFaults.sha256(file)).isEqualTo(damaged);
    }

    @Test
    void aTruncatedDataFileIsRefusedAsDamagedAndLeftAsItIs() throws Exception {
        demoStore();
        Path file = data.resolve(Workspace.DATABASE_FILE);
        FileFaults.truncateToHalf(file);
        String truncated = FileFaults.sha256(file);

        ChildJvm.Result list = ChildJvm.plain().run(Main.class, "--lang", "en", "inspections", "--data", data.toString());

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains(file.toString(), "is damaged", "unchanged");
        assertThat(FileFaults.sha256(file)).isEqualTo(truncated);
    }

    // ---- evidence files gone or unreadable ----------------------------------------------------------------------

    @Test
    void anEvidenceFileThatIsGoneIsNamedWhenOpenedOrExportedAndTheRestStillWorks() throws Exception {
        demoStore();
        Evidence photo;
        Path stored;
        WithPhoto inspection;
        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            inspection = finalizedWithPhoto(workspace);
            photo = workspace.evidence().list(inspection.inspectionId(), inspection.revision()).get(0);
            stored = workspace.evidence().file(photo);
        }
        Path kept = Files.move(stored, scratch.resolve("kept-aside"));
        Path outbox = scratch.resolve("outbox");

        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            UserFacingException gone = catchThrowableOfType(UserFacingException.class, () -> workspace.evidence().file(photo));
            assertThat(gone.key()).isEqualTo("evidence.error.missing");
            assertNamed(gone, stored.toString(), "現場写真.png");

            UserFacingException export = catchThrowableOfType(UserFacingException.class,
                    () -> workspace.sync().exportFindings(outbox));
            assertThat(export.key()).isEqualTo("sync.error.evidenceMissing");
            assertNamed(export, stored.toString(), "現場写真.png");
            assertThat(outbox).doesNotExist();

            // The advice printout does not include evidence: it is still written, and the list still reads.
            Path pdf = scratch.resolve("advice.pdf");
            workspace.advice().writePdf(inspection.inspectionId(), Optional.empty(), workspace.settings().advice(),
                    Language.JA, pdf);
            assertThat(Files.size(pdf)).isPositive();
            assertThat(workspace.inspections().list()).isNotEmpty();
        }

        Files.move(kept, stored);
        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            assertThat(workspace.sync().exportFindings(outbox)).as("nothing was marked sent by the failed export").isPresent();
        }
    }

    @Test
    void anUnreadableEvidenceFileIsNamedWhenOpenedOrExportedAndNothingIsMarkedSent() throws Exception {
        demoStore();
        Path stored;
        WithPhoto inspection;
        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            inspection = finalizedWithPhoto(workspace);
            stored = workspace.evidence().file(
                    workspace.evidence().list(inspection.inspectionId(), inspection.revision()).get(0));
        }
        ChildJvm child = ChildJvm.heldByFilePermissions(scratch);
        Permissions.unreadable(stored);
        restricted.add(stored);
        Path outbox = scratch.resolve("outbox");

        ChildJvm.Result opened = child.run(OpenEvidence.class, data.toString(), inspection.inspectionId(),
                Integer.toString(inspection.revision()));
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("evidence.error.storedUnreadable", stored.toString(), "現場写真.png", "読めません",
                "cannot be read");
        ChildJvm.Result export = child.run(Main.class, "--lang", "en", "export", "--out", outbox.toString(), "--data", data.toString());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).contains(stored.toString(), "cannot read");
        Permissions.writable(stored);
        ChildJvm.Result again = child.run(Main.class, "export", "--out", outbox.toString(), "--data", data.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(outbox.toString());
    }

    /**
     * Run as a child JVM: opens each evidence file of one revision ({@code args}: data folder, inspection,
     * revision) as the screen does for a thumbnail, and prints the key and both languages' message of each
     * refusal.
     */
    public static final class OpenEvidence {

        private OpenEvidence() {
        }

        public static void main(String[] args) {
            try (Workspace workspace = Workspace.open(Path.of(args[0]), Clock.systemUTC())) {
                for (Evidence evidence : workspace.evidence().list(args[1], Integer.parseInt(args[2]))) {
                    try {
                        System.out.println("opened: " + workspace.evidence().file(evidence));
                    } catch (UserFacingException refused) {
                        System.out.println(refused.key() + ": " + refused.localizedMessage(Language.JA) + " / "
                                + refused.localizedMessage(Language.EN));
                    }
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The demo prefecture in a new data folder; returns how many inspections it holds. */
    private int demoStore() {
        data = scratch.resolve("data");
        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            workspace.demo().seed();
            // The office its findings are sealed to.
            Enrolments.officeKnownTo(workspace, scratch.resolve("office"));
            return workspace.inspections().list().size();
        }
    }

    /** A finalized inspection's revision with a photo attached (amended, the photo added, finalized again). */
    private record WithPhoto(String inspectionId, int revision) {
    }

    private WithPhoto finalizedWithPhoto(Workspace workspace) throws IOException {
        InspectionSummary finalized = workspace.inspections().list().stream()
                .filter(summary -> summary.status() == InspectionStatus.FINALIZED).findFirst().orElseThrow();
        int revision = workspace.inspections().amend(finalized.id(), "写真の追加", "tester").revision();
        String item = ForkedTablets.ITEM;
        Path photo = Files.write(scratch.resolve("現場写真.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        workspace.evidence().add(finalized.id(), revision, item, photo, "image/png", "tester");
        workspace.inspections().finalizeInspection(finalized.id(), "tester");
        return new WithPhoto(finalized.id(), revision);
    }

    /** Opens the data folder and reads everything in it; the first failure, or null when all of it reads. */
    private StoreException firstFailureReadingEverything() {
        try (Workspace workspace = Workspace.open(data, CLOCK)) {
            for (InspectionSummary summary : workspace.inspections().list()) {
                workspace.inspections().findings(summary.id(), summary.revision());
                workspace.chainVerifier().trail(summary.id());
            }
            return null;
        } catch (StoreException e) {
            return e;
        }
    }

    private void readOnly(Path... paths) throws IOException {
        for (Path path : paths) {
            Permissions.readOnly(path);
            restricted.add(path);
        }
    }

    private static void assertNamed(UserFacingException error, String... parts) {
        for (Language language : Language.values()) {
            assertThat(error.localizedMessage(language)).as(language.code()).contains(parts).doesNotContain("{0}", "{1}");
        }
    }

}
