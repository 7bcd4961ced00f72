package jp.tachiiri.store;

import static jp.tachiiri.store.StoreFixture.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.VendorContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T01:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    // ---- a new file -------------------------------------------------------------------------------------

    @Test
    void workDoneAtomicallyIsAllOrNothingAndAFailedStepInsideItIsUndoneAlone() {
        try (Database database = Database.open(folder.resolve("tachiiri.db"))) {
            database.atomically(() -> {
                database.transaction(connection -> setting(connection, "kept", "1"));
                try {
                    database.transaction(connection -> {
                        setting(connection, "undone", "1");
                        throw new IllegalStateException("a step that fails");
                    });
                } catch (IllegalStateException expected) {
                    // The caller goes on without the failed step.
                }
                return null;
            });
            assertThatThrownBy(() -> database.atomically(() -> {
                database.transaction(connection -> setting(connection, "never", "1"));
                throw new IllegalStateException("the whole fails");
            })).hasMessage("the whole fails");

            int kept = database.read(connection -> queryInt(connection, "SELECT count(*) FROM settings WHERE key = 'kept'"));
            int undone = database.read(connection -> queryInt(connection,
                    "SELECT count(*) FROM settings WHERE key IN ('undone', 'never')"));
            assertThat(kept).isOne();
            assertThat(undone).isZero();
        }
    }

    private static Void setting(Connection connection, String key, String value) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
        return null;
    }

    @Test
    void newFileGetsSchemaVersionApplicationIdAndPragmasOnDatabaseConnection() {
        Path file = folder.resolve("tachiiri.db");
        assertThat(file).doesNotExist();

        try (Database database = Database.open(file)) {
            assertThat(file).exists();
            assertThat(database.file()).isEqualTo(file);
            assertThat(pragmaInt(database, "user_version")).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(pragmaInt(database, "application_id")).isEqualTo(0x54434849);
            assertThat(Database.APPLICATION_ID).isEqualTo(0x54434849);
            assertThat(pragmaText(database, "journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(pragmaInt(database, "synchronous")).isEqualTo(2);
            assertThat(pragmaInt(database, "foreign_keys")).isEqualTo(1);
        }
    }

    @Test
    void newFileSeenThroughSeparateConnectionIsWalAtCurrentSchema() throws SQLException {
        Path file = folder.resolve("tachiiri.db");
        try (Database database = Database.open(file)) {
            try (Connection other = jdbc(file)) {
                // journal_mode=WAL is persistent in the file; user_version and application_id are in its header.
                assertThat(queryText(other, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
                assertThat(queryInt(other, "PRAGMA user_version")).isEqualTo(Database.SCHEMA_VERSION);
                assertThat(queryInt(other, "PRAGMA application_id")).isEqualTo(0x54434849);
                assertThat(tables(other)).contains("facilities", "inspections", "inspection_revisions", "findings",
                        "audit_events", "settings", "device", "evidence");
            }
        }
        // Also after close, when the file stands alone.
        try (Connection other = jdbc(file)) {
            assertThat(queryText(other, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(queryInt(other, "PRAGMA user_version")).isEqualTo(Database.SCHEMA_VERSION);
        }
    }

    @Test
    void foreignKeysAreEnforcedOnTheDatabaseConnection() {
        try (Database database = Database.open(folder.resolve("tachiiri.db"))) {
            SqliteInspections inspections = new SqliteInspections(database, CLOCK);
            NewInspection request = new NewInspection("no-such-facility", LocalDate.of(2025, 6, 2), List.of("検査 太郎"),
                    List.of(), false);
            StoreException error = catchThrowableOfType(StoreException.class,
                    () -> inspections.start("i-1", request, "2025.1", "tester"));
            assertThat(error).isNotNull();
            assertThat(error.key()).isEqualTo("store.error.write");
            assertThat(inspections.list()).isEmpty();
            assertThat(inspections.find("i-1")).isEmpty();
        }
    }

    @Test
    void reopeningACurrentFileKeepsSchemaAndDoesNotRerunMigrations() {
        Path file = folder.resolve("tachiiri.db");
        Database.open(file).close();
        try (Database again = Database.open(file)) {
            assertThat(pragmaInt(again, "user_version")).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(pragmaInt(again, "application_id")).isEqualTo(0x54434849);
            assertThat(pragmaText(again, "journal_mode")).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void createsMissingParentFolders() {
        Path file = folder.resolve("a").resolve("b").resolve("tachiiri.db");
        try (Database database = Database.open(file)) {
            assertThat(pragmaInt(database, "user_version")).isEqualTo(Database.SCHEMA_VERSION);
        }
        assertThat(file).isRegularFile();
    }

    // ---- an existing empty file --------------------------------------------------------------------------

    @Test
    void existingEmptyFileIsMigrated() throws IOException, SQLException {
        Path file = Files.createFile(folder.resolve("tachiiri.db"));
        assertThat(Files.size(file)).isZero();

        try (Database database = Database.open(file)) {
            assertThat(pragmaInt(database, "user_version")).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(pragmaInt(database, "application_id")).isEqualTo(0x54434849);
            assertThat(pragmaText(database, "journal_mode")).isEqualToIgnoringCase("wal");
            new SqliteFacilities(database).save(facility("f-1"));
            assertThat(new SqliteFacilities(database).byId("f-1")).isPresent();
        }
        assertThat(Files.size(file)).isPositive();
        try (Connection other = jdbc(file)) {
            assertThat(queryInt(other, "PRAGMA user_version")).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(tables(other)).contains("audit_events", "findings");
        }
    }

    // ---- data survives -----------------------------------------------------------------------------------

    @Test
    void facilityInspectionAndFindingsSurviveCloseAndReopen() {
        Path file = folder.resolve("tachiiri.db");
        Facility facility = facility("f-1");
        NewInspection request = new NewInspection("f-1", LocalDate.of(2025, 6, 2), List.of("検査 太郎", "監視 花子"),
                List.of(new Attendee("情報 一郎", "システム管理者"), new Attendee("事務 次郎", "事務長")), false);
        Finding first = Finding.empty("item.one").withAnswer(Answer.NON_COMPLIANT)
                .withConfirmedBy(EnumSet.of(ConfirmationMethod.DOCUMENT, ConfirmationMethod.INTERVIEW))
                .withCheckedOn(LocalDate.of(2025, 6, 2))
                .withNote("台帳が未整備。\n次回までに整備予定。")
                .withAdvice("医療情報システム全般について台帳を作成してください。")
                .withTargetDate(LocalDate.of(2025, 12, 31))
                .withFollowUp(true);
        Finding second = Finding.empty("item.two").withAnswer(Answer.NOT_APPLICABLE).withReason("該当する機器がない");

        try (Database database = Database.open(file)) {
            new SqliteFacilities(database).save(facility);
            SqliteInspections inspections = new SqliteInspections(database, CLOCK);
            inspections.start("i-1", request, "2025.1", "tester");
            assertThat(inspections.recordFinding("i-1", 1, first, "tester")).isPositive();
            assertThat(inspections.recordFinding("i-1", 1, second, "tester")).isPositive();
        }

        try (Database reopened = Database.open(file)) {
            assertThat(new SqliteFacilities(reopened).byId("f-1")).contains(facility);
            assertThat(new SqliteFacilities(reopened).all()).containsExactly(facility);
            SqliteInspections inspections = new SqliteInspections(reopened, CLOCK);
            Optional<Inspection> inspection = inspections.find("i-1");
            assertThat(inspection).isPresent();
            assertThat(inspection.get().facilityId()).isEqualTo("f-1");
            assertThat(inspection.get().revision()).isEqualTo(1);
            assertThat(inspection.get().status()).isEqualTo(InspectionStatus.IN_PROGRESS);
            assertThat(inspection.get().inspectors()).containsExactly("検査 太郎", "監視 花子");
            assertThat(inspection.get().attendees()).containsExactlyElementsOf(request.attendees());
            assertThat(inspections.findings("i-1", 1)).containsOnlyKeys("item.one", "item.two");
            assertThat(inspections.findings("i-1", 1).get("item.one")).isEqualTo(first);
            assertThat(inspections.findings("i-1", 1).get("item.two")).isEqualTo(second);
            assertThat(new SqliteAuditLog(reopened).events("i-1")).isNotEmpty();
            // Recording the same finding after reopening changes nothing.
            assertThat(inspections.recordFinding("i-1", 1, first, "tester")).isZero();
        }
    }

    // ---- files that must be refused untouched -----------------------------------------------------------

    @Test
    void fileWithNewerSchemaIsRefusedUnchanged() throws Exception {
        Path file = folder.resolve("newer.db");
        execute(file,
                "CREATE TABLE future (x TEXT)",
                "INSERT INTO future VALUES ('from a newer app')",
                "PRAGMA application_id = " + 0x54434849,
                "PRAGMA user_version = " + (Database.SCHEMA_VERSION + 1));
        assertRefusedUnchanged(file, "store.error.newerSchema");
        StoreException error = attemptOpen(file);
        assertThat(error.arguments()).containsExactly(file, Database.SCHEMA_VERSION + 1, Database.SCHEMA_VERSION);
        try (Connection connection = jdbc(file)) {
            assertThat(tables(connection)).containsExactly("future");
        }
    }

    @Test
    void ownWalFileWrittenByNewerAppIsRefusedUnchanged() throws Exception {
        // A file as a newer version of the app would leave it: made by Database (WAL), then its schema moved on.
        Path file = folder.resolve("tachiiri.db");
        try (Database database = Database.open(file)) {
            new SqliteFacilities(database).save(facility("f-1"));
        }
        execute(file, "PRAGMA user_version = " + (Database.SCHEMA_VERSION + 1));
        assertThat(folder.resolve("tachiiri.db-wal")).doesNotExist();
        assertRefusedUnchanged(file, "store.error.newerSchema", true);
        // Reading a WAL file, even read-only, may leave SQLite's -wal/-shm beside it; nothing may be written to them.
        Path wal = folder.resolve("tachiiri.db-wal");
        if (Files.exists(wal)) {
            assertThat(Files.size(wal)).as("nothing written to the WAL of a refused file").isZero();
        }
    }

    @Test
    void sqliteFileOfAnotherApplicationIsRefusedUnchanged() throws Exception {
        Path file = folder.resolve("other.db");
        execute(file,
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
                "INSERT INTO notes (text) VALUES ('someone else''s data')",
                "PRAGMA application_id = " + 0x12345678);
        StoreException error = assertRefusedUnchanged(file, "store.error.foreignFile");
        assertThat(error.arguments()).containsExactly(file);
        try (Connection connection = jdbc(file)) {
            assertThat(tables(connection)).containsExactly("notes");
            assertThat(queryInt(connection, "PRAGMA user_version")).isZero();
        }
    }

    /**
     * Most SQLite applications never set application_id, so 0 alone does not make a file ours: version 0 with
     * tables in it is someone else's database, and must be refused as untouched as one with a foreign id.
     */
    @Test
    void sqliteFileOfAnotherApplicationWithoutApplicationIdIsRefusedUnchanged() throws Exception {
        Path file = folder.resolve("other.db");
        execute(file,
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
                "INSERT INTO notes (text) VALUES ('someone else''s data')");
        assertRefusedUnchanged(file, "store.error.foreignFile");
    }

    @Test
    void foreignApplicationIdIsRefusedEvenWithOurSchemaVersion() throws Exception {
        Path file = folder.resolve("other.db");
        execute(file,
                "CREATE TABLE notes (text TEXT)",
                "PRAGMA application_id = " + 0x54434848, // one off from ours
                "PRAGMA user_version = " + Database.SCHEMA_VERSION);
        assertRefusedUnchanged(file, "store.error.foreignFile");
    }

    @Test
    void fileOfRandomBytesIsRefusedUnchanged() throws Exception {
        Path file = writeRandomBytes(folder.resolve("random.db"), 8192, 20250602L);
        assertRefusedUnchanged(file, "store.error.notDatabase");
    }

    @Test
    void textFileIsRefusedUnchanged() throws Exception {
        Path file = folder.resolve("notes.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("立入検査のメモ ").append(i).append(": これはデータベースではありません。\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertRefusedUnchanged(file, "store.error.notDatabase");
    }

    @Test
    void shortTextFileIsRefusedUnchanged() throws Exception {
        Path file = folder.resolve("short.db");
        Files.writeString(file, "hello\n", StandardCharsets.UTF_8);
        assertRefusedUnchanged(file, "store.error.notDatabase");
    }

    @Test
    void refusalMessagesNameTheFileInBothLanguages() throws Exception {
        Path newer = folder.resolve("newer.db");
        execute(newer, "CREATE TABLE t (x)", "PRAGMA user_version = " + (Database.SCHEMA_VERSION + 1));
        Path foreign = folder.resolve("foreign.db");
        execute(foreign, "CREATE TABLE t (x)", "PRAGMA application_id = 42");
        Path garbage = writeRandomBytes(folder.resolve("garbage.db"), 4096, 7);

        for (Path file : List.of(newer, foreign, garbage)) {
            StoreException error = attemptOpen(file);
            assertThat(error).as(file.toString()).isNotNull();
            String japanese = error.localizedMessage(Language.JA);
            String english = error.localizedMessage(Language.EN);
            assertThat(japanese).as("ja for %s", file).contains(file.toString()).doesNotContain("{0}");
            assertThat(english).as("en for %s", file).contains(file.toString()).doesNotContain("{0}");
            assertThat(error.getMessage()).isEqualTo(japanese);
        }
        StoreException newerError = attemptOpen(newer);
        assertThat(newerError.localizedMessage(Language.EN))
                .contains("schema " + (Database.SCHEMA_VERSION + 1))
                .contains("up to " + Database.SCHEMA_VERSION);
        assertThat(newerError.localizedMessage(Language.JA)).contains("スキーマ " + (Database.SCHEMA_VERSION + 1));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Opens {@code file}, expects a refusal with {@code key}, and checks that nothing about the file changed. */
    private StoreException assertRefusedUnchanged(Path file, String key) throws Exception {
        return assertRefusedUnchanged(file, key, false);
    }

    /**
     * As above; {@code walFile} says the file already is in WAL mode, where SQLite's -wal/-shm may appear
     * beside it on any read. For other files, any new file beside it (a journal, a WAL) means it was written to.
     */
    private StoreException assertRefusedUnchanged(Path file, String key, boolean walFile) throws Exception {
        String hashBefore = sha256(file);
        long sizeBefore = Files.size(file);
        List<String> folderBefore = listing();

        StoreException error = attemptOpen(file);

        assertThat(error).as("opening %s must be refused", file).isNotNull();
        assertThat(error.key()).isEqualTo(key);
        assertThat(Files.size(file)).isEqualTo(sizeBefore);
        assertThat(sha256(file)).isEqualTo(hashBefore);
        List<String> folderAfter = walFile
                ? listing().stream().filter(name -> !name.equals(file.getFileName() + "-wal")
                        && !name.equals(file.getFileName() + "-shm")).toList()
                : listing();
        assertThat(folderAfter).as("no journal, WAL or other file left beside it").isEqualTo(folderBefore);
        // A second attempt is refused the same way: the first one did not "repair" the file.
        StoreException again = attemptOpen(file);
        assertThat(again).isNotNull();
        assertThat(again.key()).isEqualTo(key);
        assertThat(sha256(file)).isEqualTo(hashBefore);
        return error;
    }

    /** The refusal of opening {@code file}, or null (after closing it again) when it opened. */
    private static StoreException attemptOpen(Path file) {
        try {
            Database.open(file).close();
            return null;
        } catch (StoreException e) {
            return e;
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    static Facility facility(String id) {
        return new Facility(id, "code-" + id, "さくら総合病院", "さくらそうごうびょういん", "東京都千代田区1-1",
                FacilityType.HOSPITAL, 120, true, true,
                List.of(new VendorContract("医療システム株式会社", "電子カルテ"), new VendorContract("レセコン販売", "レセコン")),
                List.of(), false);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Runs {@code statements} on {@code file} through a plain SQLite connection, as another program would. */
    private static void execute(Path file, String... statements) throws SQLException {
        try (Connection connection = jdbc(file); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private static Path writeRandomBytes(Path file, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    private static int pragmaInt(Database database, String name) {
        return database.read(connection -> queryInt(connection, "PRAGMA " + name));
    }

    private static String pragmaText(Database database, String name) {
        return database.read(connection -> queryText(connection, "PRAGMA " + name));
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getInt(1);
        }
    }

    private static String queryText(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
