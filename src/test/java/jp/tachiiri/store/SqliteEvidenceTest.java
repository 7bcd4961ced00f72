package jp.tachiiri.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteEvidenceTest extends StoreFixture {

    private static final Instant NOW = Instant.parse("2025-06-02T01:30:00Z");
    private static final LocalDate DATE = LocalDate.of(2025, 6, 2);
    private static final String ACTOR = "検査 太郎";

    private final SettableClock clock = new SettableClock(NOW);
    private Path evidenceFolder;
    private Path camera;
    private SqliteInspections inspections;
    private SqliteEvidence evidence;

    /** Any two items: evidence goes with an item whatever it takes as answers. */
    SqliteEvidenceTest() {
        super();
    }

    @BeforeEach
    void openEvidenceAndStartAnInspection() throws IOException {
        evidenceFolder = folder.resolve("evidence");
        camera = Files.createDirectories(folder.resolve("camera"));
        inspections = new SqliteInspections(database, clock);
        evidence = new SqliteEvidence(database, evidenceFolder, clock);
        inspections.start("i-1", request("f-sakura"), catalog.version(), ACTOR);
    }

    // ---- add ------------------------------------------------------------------------------------------------

    @Test
    void addStoresTheBytesUnderTheirSha256WithHashSizeAndOriginalName() throws Exception {
        // Larger than the copy buffer, and not a multiple of it.
        byte[] bytes = randomBytes(150_001, 1);
        Path source = write("IMG_0001.jpg", bytes);
        String expectedHash = sha256(bytes);
        int eventsBefore = events("i-1").size();

        Evidence added = evidence.add("i-1", 1, item.id(), source, "image/jpeg", ACTOR);

        assertThat(added.sha256()).isEqualTo(expectedHash);
        assertThat(added.sizeBytes()).isEqualTo(bytes.length);
        assertThat(added.fileName()).isEqualTo("IMG_0001.jpg");
        assertThat(added.mediaType()).isEqualTo("image/jpeg");
        assertThat(added.isImage()).isTrue();
        assertThat(added.inspectionId()).isEqualTo("i-1");
        assertThat(added.revision()).isEqualTo(1);
        assertThat(added.itemId()).isEqualTo(item.id());
        assertThat(added.addedAt()).isEqualTo(NOW);
        assertThat(UUID.fromString(added.id()).toString()).isEqualTo(added.id());

        Path stored = evidenceFolder.resolve(expectedHash.substring(0, 2)).resolve(expectedHash);
        assertThat(stored).isRegularFile();
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        assertThat(storedFiles()).containsExactly(stored);
        assertThat(allFiles(evidenceFolder)).as("no temporary file left").containsExactly(stored);
        assertThat(evidence.file(added)).isEqualTo(stored);
        assertThat(source).as("the source is copied, not moved").isRegularFile();
        assertThat(Files.readAllBytes(source)).isEqualTo(bytes);
        assertThat(evidence.list("i-1", 1)).containsExactly(added);

        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(eventsBefore + 1);
        AuditEvent event = events.get(events.size() - 1);
        assertThat(event.action()).isEqualTo(SqliteEvidence.ADDED).isEqualTo("EVIDENCE_ADDED");
        assertThat(event.subject()).isEqualTo(item.id() + "/evidence");
        assertThat(event.oldValue()).isNull();
        assertThat(event.newValue()).isEqualTo("IMG_0001.jpg sha256=" + expectedHash);
        assertThat(event.actor()).isEqualTo(ACTOR);
        assertThat(event.at()).isEqualTo(NOW);
        assertChainVerifies();
    }

    @Test
    void emptyFileAndFileNamesWithSpacesAndJapaneseAreKept() throws Exception {
        Path source = write("院内 ネットワーク図.pdf", new byte[0]);

        Evidence added = evidence.add("i-1", 1, item.id(), source, "application/pdf", ACTOR);

        assertThat(added.sizeBytes()).isZero();
        assertThat(added.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(added.fileName()).isEqualTo("院内 ネットワーク図.pdf");
        assertThat(added.isImage()).isFalse();
        assertThat(evidence.file(added)).isRegularFile().isEmptyFile();
        assertThat(evidence.list("i-1", 1)).containsExactly(added);
    }

    @Test
    void theSameContentTwiceIsStoredOnceButGivesTwoEvidenceRecords() throws Exception {
        byte[] bytes = randomBytes(10_000, 2);
        Path first = write("backup-log.png", bytes);
        Path second = write("backup-log (copy).png", bytes);

        Evidence one = evidence.add("i-1", 1, item.id(), first, "image/png", ACTOR);
        clock.set(NOW.plusSeconds(60));
        Evidence two = evidence.add("i-1", 1, otherItem.id(), second, "image/png", "監視 花子");

        assertThat(one.id()).isNotEqualTo(two.id());
        assertThat(one.sha256()).isEqualTo(two.sha256()).isEqualTo(sha256(bytes));
        assertThat(storedFiles()).as("one file on disk for one content").hasSize(1);
        assertThat(allFiles(evidenceFolder)).as("the second copy is dropped").isEqualTo(storedFiles());
        assertThat(evidence.file(one)).isEqualTo(evidence.file(two));
        assertThat(evidence.list("i-1", 1)).containsExactly(one, two);
        assertThat(two.fileName()).isEqualTo("backup-log (copy).png");
        assertThat(two.itemId()).isEqualTo(otherItem.id());

        List<AuditEvent> added = events("i-1").stream().filter(e -> e.action().equals(SqliteEvidence.ADDED)).toList();
        assertThat(added).extracting(AuditEvent::subject).containsExactly(item.id() + "/evidence", otherItem.id() + "/evidence");
        assertThat(added).extracting(AuditEvent::actor).containsExactly(ACTOR, "監視 花子");
        assertChainVerifies();
    }

    @Test
    void listReturnsTheLiveEvidenceOfOneRevisionOldestFirst() throws Exception {
        inspections.start("i-2", request("f-aoba"), catalog.version(), ACTOR);
        // "…:00Z" is earlier than "…:00.500Z" but sorts after it as plain Instant text.
        clock.set(Instant.parse("2025-06-02T01:30:00Z"));
        Evidence first = evidence.add("i-1", 1, item.id(), write("a.jpg", randomBytes(100, 3)), "image/jpeg", ACTOR);
        clock.set(Instant.parse("2025-06-02T01:30:00.500Z"));
        Evidence second = evidence.add("i-1", 1, otherItem.id(), write("b.jpg", randomBytes(100, 4)), "image/jpeg", ACTOR);
        clock.set(Instant.parse("2025-06-02T01:30:00.500000001Z"));
        Evidence third = evidence.add("i-1", 1, item.id(), write("c.jpg", randomBytes(100, 5)), "image/jpeg", ACTOR);
        // Evidence of another inspection is not listed.
        Evidence elsewhere = evidence.add("i-2", 1, item.id(), write("d.jpg", randomBytes(100, 6)), "image/jpeg", ACTOR);
        // Two at the same instant are ordered by id.
        clock.set(Instant.parse("2025-06-02T02:00:00Z"));
        Evidence sameA = evidence.add("i-1", 1, item.id(), write("e.jpg", randomBytes(100, 7)), "image/jpeg", ACTOR);
        Evidence sameB = evidence.add("i-1", 1, item.id(), write("f.jpg", randomBytes(100, 8)), "image/jpeg", ACTOR);
        List<Evidence> sameInstant = new ArrayList<>(List.of(sameA, sameB));
        sameInstant.sort((x, y) -> x.id().compareTo(y.id()));

        List<Evidence> listed = evidence.list("i-1", 1);

        assertThat(listed).containsExactly(first, second, third, sameInstant.get(0), sameInstant.get(1));
        assertThat(listed).extracting(Evidence::addedAt).containsExactly(
                Instant.parse("2025-06-02T01:30:00Z"), Instant.parse("2025-06-02T01:30:00.500Z"),
                Instant.parse("2025-06-02T01:30:00.500000001Z"), Instant.parse("2025-06-02T02:00:00Z"),
                Instant.parse("2025-06-02T02:00:00Z"));
        assertThat(evidence.list("i-2", 1)).containsExactly(elsewhere);
        assertThat(evidence.list("i-1", 2)).isEmpty();
        assertThat(evidence.list("no-such", 1)).isEmpty();
    }

    // ---- remove ---------------------------------------------------------------------------------------------

    @Test
    void removeHidesItFromTheListKeepsTheBytesAndWritesAnAuditEvent() throws Exception {
        byte[] bytes = randomBytes(5_000, 9);
        Evidence kept = evidence.add("i-1", 1, item.id(), write("kept.jpg", randomBytes(5_000, 10)), "image/jpeg", ACTOR);
        Evidence removed = evidence.add("i-1", 1, item.id(), write("wrong-room.jpg", bytes), "image/jpeg", ACTOR);
        int eventsBefore = events("i-1").size();
        Instant removedAt = NOW.plusSeconds(300);
        clock.set(removedAt);

        evidence.remove(removed.id(), "監視 花子");

        assertThat(evidence.list("i-1", 1)).containsExactly(kept);
        // The bytes and the record stay: the removal is marked, not deleted.
        assertThat(evidence.file(removed)).isRegularFile();
        assertThat(Files.readAllBytes(evidence.file(removed))).isEqualTo(bytes);
        assertThat(storedFiles()).hasSize(2);
        assertThat(removedAt(removed.id())).isEqualTo(removedAt);
        assertThat(removedAt(kept.id())).isNull();

        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(eventsBefore + 1);
        AuditEvent event = events.get(events.size() - 1);
        assertThat(event.action()).isEqualTo(SqliteEvidence.REMOVED).isEqualTo("EVIDENCE_REMOVED");
        assertThat(event.subject()).isEqualTo(item.id() + "/evidence");
        assertThat(event.oldValue()).isEqualTo("wrong-room.jpg sha256=" + sha256(bytes));
        assertThat(event.newValue()).isNull();
        assertThat(event.actor()).isEqualTo("監視 花子");
        assertThat(event.at()).isEqualTo(removedAt);
        assertChainVerifies();

        // Removing it again changes nothing and records nothing.
        evidence.remove(removed.id(), ACTOR);
        assertThat(events("i-1")).hasSize(eventsBefore + 1);
        assertThat(removedAt(removed.id())).isEqualTo(removedAt);
    }

    @Test
    void removingAnUnknownEvidenceIsRefused() {
        int eventsBefore = events("i-1").size();

        UserFacingException error = catchThrowableOfType(UserFacingException.class, () -> evidence.remove("no-such-id", ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("evidence.error.notFound");
        assertThat(error.arguments()).containsExactly("no-such-id");
        assertNamedInBothLanguages(error, "no-such-id");
        assertThat(events("i-1")).hasSize(eventsBefore);
    }

    // ---- finalized revisions --------------------------------------------------------------------------------

    @Test
    void addAndRemoveOnAFinalizedRevisionAreRefusedAndChangeNothing() throws Exception {
        Evidence existing = evidence.add("i-1", 1, item.id(), write("before.jpg", randomBytes(2_000, 11)), "image/jpeg", ACTOR);
        inspections.finalizeRevision("i-1", 1, ACTOR);
        List<AuditEvent> eventsBefore = events("i-1");
        List<Path> filesBefore = storedFiles();
        Path late = write("after.jpg", randomBytes(2_000, 12));

        UserFacingException addError = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("i-1", 1, item.id(), late, "image/jpeg", ACTOR));
        UserFacingException removeError = catchThrowableOfType(UserFacingException.class,
                () -> evidence.remove(existing.id(), ACTOR));

        assertThat(addError).isNotNull();
        assertThat(addError.key()).isEqualTo("inspection.error.locked");
        assertThat(addError.arguments()).containsExactly("i-1", 1);
        assertThat(removeError).isNotNull();
        assertThat(removeError.key()).isEqualTo("inspection.error.locked");
        assertThat(removeError.arguments()).containsExactly("i-1", 1);

        assertThat(evidence.list("i-1", 1)).containsExactly(existing);
        assertThat(removedAt(existing.id())).isNull();
        assertThat(evidenceRows()).isEqualTo(1);
        assertThat(events("i-1")).isEqualTo(eventsBefore);
        assertThat(storedFiles()).as("nothing copied in for a refused add").isEqualTo(filesBefore);
        assertThat(allFiles(evidenceFolder)).as("no temporary file either").isEqualTo(filesBefore);
        assertChainVerifies();
    }

    /**
     * The revision is finalized after the file was copied in but before it is recorded (the clock is read in
     * between): the recording transaction checks the status itself and refuses.
     */
    @Test
    void aRevisionFinalizedWhileTheFileIsCopiedInRefusesTheRecord() throws Exception {
        Path source = write("late.jpg", randomBytes(2_000, 27));
        int eventsBefore = events("i-1").size();
        clock.beforeNextRead(() -> inspections.finalizeRevision("i-1", 1, "監視 花子"));

        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("i-1", 1, item.id(), source, "image/jpeg", ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("inspection.error.locked");
        assertThat(inspections.find("i-1").orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);
        assertThat(evidenceRows()).isZero();
        assertThat(evidence.list("i-1", 1)).isEmpty();
        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events.get(events.size() - 1).action()).isEqualTo(AuditChain.REVISION_FINALIZED);
        assertChainVerifies();
    }

    @Test
    void addToAnUnknownInspectionOrRevisionIsRefused() throws Exception {
        Path source = write("x.jpg", randomBytes(100, 13));

        UserFacingException unknownInspection = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("no-such", 1, item.id(), source, "image/jpeg", ACTOR));
        UserFacingException unknownRevision = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("i-1", 2, item.id(), source, "image/jpeg", ACTOR));

        assertThat(unknownInspection).isNotNull();
        assertThat(unknownInspection.key()).isEqualTo("inspection.error.notFound");
        assertThat(unknownRevision).isNotNull();
        assertThat(unknownRevision.key()).isEqualTo("inspection.error.notFound");
        assertThat(evidenceRows()).isZero();
        assertThat(allFiles(evidenceFolder)).isEmpty();
    }

    // ---- unreadable sources and write failures --------------------------------------------------------------

    @Test
    void aMissingSourceIsRefusedAsUnreadableAndLeavesNoFiles() throws Exception {
        // Something stored already, so that the evidence folder exists and can be checked for leftovers.
        Evidence existing = evidence.add("i-1", 1, item.id(), write("first.jpg", randomBytes(100, 14)), "image/jpeg", ACTOR);
        List<Path> filesBefore = allFiles(evidenceFolder);
        int eventsBefore = events("i-1").size();
        Path missing = camera.resolve("IMG_9999.jpg");
        assertThat(missing).doesNotExist();

        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("i-1", 1, item.id(), missing, "image/jpeg", ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("evidence.error.unreadable");
        assertThat(error.arguments()).containsExactly(missing);
        assertNamedInBothLanguages(error, missing.toString());
        assertThat(allFiles(evidenceFolder)).as("no temporary file left").isEqualTo(filesBefore);
        assertThat(evidence.list("i-1", 1)).containsExactly(existing);
        assertThat(events("i-1")).hasSize(eventsBefore);

        // A folder is no file to copy either.
        UserFacingException folderError = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("i-1", 1, item.id(), camera, "image/jpeg", ACTOR));
        assertThat(folderError).isNotNull();
        assertThat(folderError.key()).isEqualTo("evidence.error.unreadable");
        assertThat(allFiles(evidenceFolder)).isEqualTo(filesBefore);
        assertThat(events("i-1")).hasSize(eventsBefore);
    }

    @Test
    void aWriteFailureNamesThePathAndRecordsNothing() throws Exception {
        // A file where the evidence folder should be: nothing can be written under it.
        Files.writeString(evidenceFolder, "in the way");
        int eventsBefore = events("i-1").size();

        StoreException error = catchThrowableOfType(StoreException.class,
                () -> evidence.add("i-1", 1, item.id(), write("x.jpg", randomBytes(100, 15)), "image/jpeg", ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("evidence.error.write");
        assertThat(error.arguments()[0]).isEqualTo(evidenceFolder);
        assertNamedInBothLanguages(error, evidenceFolder.toString());
        assertThat(evidenceRows()).isZero();
        assertThat(events("i-1")).hasSize(eventsBefore);
        assertThat(Files.readString(evidenceFolder)).isEqualTo("in the way");
    }

    // ---- file -----------------------------------------------------------------------------------------------

    @Test
    void fileDetectsADeletedAndAnAlteredStoredFile() throws Exception {
        byte[] photo = randomBytes(3_000, 16);
        Evidence deleted = evidence.add("i-1", 1, item.id(), write("server-room.jpg", randomBytes(3_000, 17)), "image/jpeg", ACTOR);
        Evidence altered = evidence.add("i-1", 1, item.id(), write("patch-list.jpg", photo), "image/jpeg", ACTOR);
        Path deletedFile = evidence.file(deleted);
        Path alteredFile = evidence.file(altered);

        Files.delete(deletedFile);
        byte[] changed = photo.clone();
        changed[1_500] ^= 1;
        Files.write(alteredFile, changed);

        UserFacingException missing = catchThrowableOfType(UserFacingException.class, () -> evidence.file(deleted));
        assertThat(missing).isNotNull();
        assertThat(missing.key()).isEqualTo("evidence.error.missing");
        assertThat(missing.arguments()).containsExactly(deletedFile, "server-room.jpg");
        assertNamedInBothLanguages(missing, deletedFile.toString(), "server-room.jpg");

        UserFacingException tampered = catchThrowableOfType(UserFacingException.class, () -> evidence.file(altered));
        assertThat(tampered).isNotNull();
        assertThat(tampered.key()).isEqualTo("evidence.error.altered");
        assertThat(tampered.arguments()).containsExactly(alteredFile, "patch-list.jpg");
        assertNamedInBothLanguages(tampered, alteredFile.toString(), "patch-list.jpg");

        // Adding the original content again stores good bytes under the name: both records check out again.
        Evidence again = evidence.add("i-1", 1, item.id(), write("patch-list-2.jpg", photo), "image/jpeg", ACTOR);
        assertThat(again.sha256()).isEqualTo(altered.sha256());
        assertThat(evidence.file(altered)).isEqualTo(alteredFile);
        assertThat(Files.readAllBytes(alteredFile)).isEqualTo(photo);
        assertThat(allFiles(evidenceFolder)).doesNotContain(deletedFile).contains(alteredFile).hasSize(1);
    }

    // ---- durability and revisions ---------------------------------------------------------------------------

    @Test
    void evidenceSurvivesCloseAndReopen() throws Exception {
        clock.set(Instant.parse("2025-06-02T01:30:00.123456789Z"));
        Evidence first = evidence.add("i-1", 1, item.id(), write("a.jpg", randomBytes(1_000, 18)), "image/jpeg", ACTOR);
        clock.set(Instant.parse("2025-06-02T01:31:00Z"));
        Evidence second = evidence.add("i-1", 1, otherItem.id(), write("b.pdf", randomBytes(1_000, 19)), "application/pdf", ACTOR);
        evidence.remove(second.id(), ACTOR);
        Evidence third = evidence.add("i-1", 1, otherItem.id(), write("c.pdf", randomBytes(1_000, 20)), "application/pdf", ACTOR);

        database.close();
        database = Database.open(file);
        evidence = new SqliteEvidence(database, evidenceFolder, clock);

        assertThat(evidence.list("i-1", 1)).containsExactly(first, third);
        assertThat(evidence.list("i-1", 1).get(0).addedAt()).isEqualTo(Instant.parse("2025-06-02T01:30:00.123456789Z"));
        assertThat(evidence.file(first)).isRegularFile();
        assertThat(evidence.file(third)).isRegularFile();
        assertChainVerifies();
    }

    @Test
    void amendCarriesTheLiveEvidenceIntoTheNewRevisionWhileTheOldRevisionKeepsItsOwn() throws Exception {
        Evidence a = evidence.add("i-1", 1, item.id(), write("a.jpg", randomBytes(500, 21)), "image/jpeg", ACTOR);
        clock.set(NOW.plusSeconds(1));
        Evidence b = evidence.add("i-1", 1, item.id(), write("b.jpg", randomBytes(500, 22)), "image/jpeg", ACTOR);
        clock.set(NOW.plusSeconds(2));
        Evidence c = evidence.add("i-1", 1, otherItem.id(), write("c.pdf", randomBytes(500, 23)), "application/pdf", ACTOR);
        evidence.remove(b.id(), ACTOR);
        inspections.finalizeRevision("i-1", 1, ACTOR);
        clock.set(NOW.plusSeconds(3_600));

        inspections.amend("i-1", "写真の差し替え", ACTOR);

        List<Evidence> carried = evidence.list("i-1", 2);
        assertThat(carried).hasSize(2);
        assertThat(carried).extracting(Evidence::revision).containsOnly(2);
        assertThat(carried).extracting(Evidence::fileName).containsExactly("a.jpg", "c.pdf");
        assertThat(carried).extracting(Evidence::itemId).containsExactly(item.id(), otherItem.id());
        assertThat(carried).extracting(Evidence::sha256).containsExactly(a.sha256(), c.sha256());
        assertThat(carried).extracting(Evidence::sizeBytes).containsExactly(a.sizeBytes(), c.sizeBytes());
        assertThat(carried).extracting(Evidence::mediaType).containsExactly("image/jpeg", "application/pdf");
        assertThat(carried).extracting(Evidence::addedAt).containsExactly(a.addedAt(), c.addedAt());
        assertThat(carried).extracting(Evidence::id).doesNotContain(a.id(), b.id(), c.id()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
        assertThat(evidence.file(carried.get(0))).isEqualTo(evidence.file(a));
        assertThat(storedFiles()).as("amending copies records, not bytes").hasSize(3);

        // The new revision's evidence changes on its own; the finalized revision keeps its list.
        evidence.remove(carried.get(0).id(), ACTOR);
        Evidence added = evidence.add("i-1", 2, item.id(), write("a-retaken.jpg", randomBytes(500, 24)), "image/jpeg", ACTOR);
        assertThat(evidence.list("i-1", 2)).containsExactly(carried.get(1), added);
        assertThat(evidence.list("i-1", 1)).containsExactly(a, c);
        assertThat(removedAt(a.id())).isNull();
        UserFacingException locked = catchThrowableOfType(UserFacingException.class,
                () -> evidence.add("i-1", 1, item.id(), write("late.jpg", randomBytes(500, 25)), "image/jpeg", ACTOR));
        assertThat(locked).isNotNull();
        assertThat(locked.key()).isEqualTo("inspection.error.locked");
        assertThat(evidence.list("i-1", 1)).containsExactly(a, c);
        assertChainVerifies();
    }

    @Test
    void theWorkspaceKeepsEvidenceInTheEvidenceFolderBesideTheDatabase() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        byte[] bytes = randomBytes(700, 26);
        try (Workspace workspace = Workspace.open(data, clock)) {
            workspace.facilities().save(facility("f-w", "みどり病院", "みどり"));
            String id = workspace.inspections().start(request("f-w"), ACTOR).id();

            Evidence added = workspace.evidence().add(id, 1, item.id(), write("w.jpg", bytes), "image/jpeg", ACTOR);

            Path expected = data.resolve("evidence").resolve(sha256(bytes).substring(0, 2)).resolve(sha256(bytes));
            assertThat(workspace.evidence().file(added)).isEqualTo(expected);
            assertThat(Files.readAllBytes(expected)).isEqualTo(bytes);
            assertThat(workspace.evidence().list(id, 1)).containsExactly(added);
            assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static NewInspection request(String facilityId) {
        return new NewInspection(facilityId, DATE, List.of(ACTOR, "監視 花子"), List.of(), false);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(camera.resolve(name), bytes);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The content files under evidence/: in a two-hex-digit folder, named by a SHA-256. */
    private List<Path> storedFiles() throws IOException {
        return allFiles(evidenceFolder).stream()
                .filter(path -> path.getParent().getParent().equals(evidenceFolder))
                .filter(path -> path.getFileName().toString().matches("[0-9a-f]{64}"))
                .filter(path -> path.getParent().getFileName().toString().equals(path.getFileName().toString().substring(0, 2)))
                .toList();
    }

    /** Every regular file under {@code root}, sorted; none when it does not exist. */
    private static List<Path> allFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void assertNamedInBothLanguages(UserFacingException error, String... parts) {
        for (Language language : Language.values()) {
            String message = error.localizedMessage(language);
            assertThat(message).as("%s in %s", error.key(), language).contains(parts).doesNotContain("{0}", "{1}");
        }
    }

    private Instant removedAt(String evidenceId) throws SQLException {
        try (Connection connection = jdbc();
             PreparedStatement select = connection.prepareStatement("SELECT removed_at FROM evidence WHERE id = ?")) {
            select.setString(1, evidenceId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("evidence row %s", evidenceId).isTrue();
                String value = row.getString(1);
                return value == null ? null : Instant.parse(value);
            }
        }
    }

    private int evidenceRows() throws SQLException {
        try (Connection connection = jdbc();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM evidence");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
