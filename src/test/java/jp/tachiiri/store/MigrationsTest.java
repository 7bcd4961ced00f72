package jp.tachiiri.store;

import static jp.tachiiri.store.StoreFixture.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.review.ReviewRepository.KeptConflict;
import jp.tachiiri.sync.KnownDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations under resources/db/migrations as a file left by an older version of the app meets them: a file of
 * every older schema, holding what that version wrote, opens with its data kept and the schema of a new file.
 */
class MigrationsTest {

    private static final Path MIGRATIONS = Path.of("resources/db/migrations");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String HASH = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final String KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /**
     * What a version of the app at each schema wrote, in that schema's columns: a row in every table but
     * trail_replacements, which holds one only inside the transaction that replaces a trail.
     */
    private static final Map<Integer, List<String>> ROWS_WRITTEN_AT_SCHEMA = Map.of(
            1, List.of(
                    "INSERT INTO device VALUES (1, 'tablet-old', '2025-04-01T00:00:00Z')",
                    "INSERT INTO settings VALUES ('issuer', '見本県 保健医療部')",
                    "INSERT INTO facilities VALUES ('f-old', '1234567890', '旧版病院', 'きゅうはんびょういん', '見本県見本市1-2', "
                            + "99, 1, 0, 0)",
                    "INSERT INTO facility_vendors VALUES ('f-old', 0, '医療システム株式会社', '電子カルテ')",
                    "INSERT INTO facilities VALUES ('f-clinic', '1234567891', '旧版診療所', 'きゅうはんしんりょうじょ', "
                            + "'見本県見本市3-4', 0, 1, 1, 0)",
                    "INSERT INTO facilities VALUES ('f-beds', '1234567892', '旧版有床診療所', 'きゅうはんゆうしょう', "
                            + "'見本県見本市5-6', 19, 1, 1, 0)",
                    "INSERT INTO inspections VALUES ('i-old', 'f-old', '2025-06-02T01:00:00Z', 0, 1, '" + HASH + "')",
                    "INSERT INTO inspection_revisions VALUES ('i-old', 1, '2025.1', '2025-06-02', 'IN_PROGRESS', NULL, "
                            + "'2025-06-02T01:00:00Z', NULL)",
                    "INSERT INTO revision_inspectors VALUES ('i-old', 1, 0, '検査 太郎')",
                    "INSERT INTO revision_attendees VALUES ('i-old', 1, 0, '情報 一郎', 'システム管理者')",
                    "INSERT INTO findings VALUES ('i-old', 1, 'backup.generations', 'NON_COMPLIANT', 'DOCUMENT,INTERVIEW', "
                            + "'2025-06-02', '台帳が未整備。', '', '台帳を作成してください。', '2025-12-31', 1, '2025-06-02T01:10:00Z')",
                    "INSERT INTO evidence VALUES ('e-old', 'i-old', 1, 'backup.generations', '台帳.pdf', 'application/pdf', 5, '"
                            + HASH + "', '2025-06-02T01:12:00Z', NULL)",
                    "INSERT INTO audit_events VALUES ('i-old', 1, 'a-old-1', '2025-06-02T01:00:00Z', 'tester', "
                            + "'INSPECTION_STARTED', 'f-old', NULL, 'date=2025-06-02', NULL, '" + "0".repeat(64) + "', '" + HASH + "')",
                    "UPDATE inspection_revisions SET status = 'FINALIZED', finalized_at = '2025-06-02T02:00:00Z'",
                    "INSERT INTO revision_facility VALUES ('i-old', 1, '1234567890', '旧版病院', 'きゅうはんびょういん', "
                            + "'見本県見本市1-2', 99, 1, 0, '医療システム株式会社\t電子カルテ')"),
            2, List.of(
                    "INSERT INTO device_key VALUES (1, X'302e020100', '" + KEY + "', '2025-05-01T00:00:00Z')",
                    "INSERT INTO known_devices VALUES ('tablet-2', '" + KEY + "', 'findings', 'TRUSTED', '2025-07-01T00:00:00Z', "
                            + "'findings.json', '2025-07-01T00:05:00Z')",
                    "INSERT INTO known_devices VALUES ('office-2', '" + KEY + "', 'assignments', 'PENDING', "
                            + "'2025-07-02T00:00:00Z', 'assignments.json', NULL)",
                    "INSERT INTO received_bundles VALUES ('bundle-in-2', 'tablet-2', 'findings', '2025-07-01T00:00:00Z', "
                            + "'2025-07-01T00:01:00Z', 'findings.json')",
                    "INSERT INTO sent_bundles VALUES ('bundle-out-2', 'findings', '2025-06-03T00:00:00Z', '/media/usb/out.json')",
                    "INSERT INTO sent_revisions VALUES ('i-old', 1, 'bundle-out-2')",
                    "INSERT INTO receipts VALUES ('bundle-out-2', '2025-06-10T00:00:00Z')",
                    "INSERT INTO inspections VALUES ('i-remote', 'f-old', '2025-06-20T01:00:00Z', 0, 0, '" + HASH + "', 'tablet-2')",
                    "INSERT INTO inspection_revisions VALUES ('i-remote', 1, '2025.1', '2025-06-20', 'FINALIZED', NULL, "
                            + "'2025-06-20T01:00:00Z', '2025-06-20T02:00:00Z')",
                    "INSERT INTO revision_origin VALUES ('i-remote', 1, '" + HASH + "', 'bundle-in-2')",
                    "INSERT INTO conflicts VALUES ('i-remote', 'settled-at-2', 'bundle-in-2', 'tablet-2', '2025-07-01T00:01:00Z', "
                            + "'{}', '2025-07-02T00:00:00Z')",
                    "INSERT INTO conflicts VALUES ('i-remote', 'open-at-2', 'bundle-in-2', 'tablet-2', '2025-07-01T00:02:00Z', "
                            + "'{}', NULL)",
                    "INSERT INTO assignments VALUES ('plan-2', 'f-old', 'inspector-1', '検査 太郎', '2025-09-01', "
                            + "'2025-07-03T00:00:00Z')",
                    "INSERT INTO review_results VALUES ('i-old', 1, 'RETURNED', '記載を確認してください。', "
                            + "'2025-06-11T00:00:00Z', 'supervisor')",
                    "INSERT INTO review_item_comments VALUES ('i-old', 1, 'backup.generations', '目標日を確認してください。')",
                    "INSERT INTO received_catalogs VALUES ('2026.1', '{\"version\":\"2026.1\"}', '2025-07-04T00:00:00Z')"),
            3, List.of(
                    "INSERT INTO review_events VALUES ('i-old', 1, 'r-old-1', '2025-06-11T00:00:00Z', 'supervisor', "
                            + "'REVIEW_STARTED', 'revision 1', NULL, NULL, NULL, '" + "0".repeat(64) + "', '" + HASH + "')",
                    "INSERT INTO review_heads VALUES ('i-old', 1, '" + HASH + "')",
                    "INSERT INTO review_started VALUES ('i-old', 1, '2025-06-11T00:00:00Z', 'supervisor')"),
            4, List.of(
                    "INSERT INTO conflicts VALUES ('i-remote', 'taken-at-4', 'bundle-in-2', 'tablet-2', '2025-08-01T00:00:00Z', "
                            + "'{}', '2025-08-02T00:00:00Z', 'TOOK_ARRIVING', '[]')"),
            5, List.of(
                    "INSERT INTO trust_events VALUES ('office', 1, 't-5', '2025-09-01T00:00:00Z', 'supervisor', 'DEVICE_TRUSTED', "
                            + "'tablet-2', NULL, 'INSPECTOR', NULL, '" + "0".repeat(64) + "', '" + HASH + "')",
                    "INSERT INTO trust_heads VALUES ('office', 1, '" + HASH + "')",
                    "INSERT INTO assignments_sequence VALUES (1, 3)",
                    "INSERT INTO applied_assignments VALUES ('office-2', '*', 3, 'bundle-out-3', '2025-09-02T00:00:00Z')"),
            7, List.of(
                    "INSERT INTO hospital_form VALUES ('i-old', 1, '2-①', 'NO', '2025-06-01', '2025-12-31', 'AGREES', '', "
                            + "'2025-06-02T01:20:00Z')",
                    "INSERT INTO vendor_forms VALUES ('i-old', 1, '医療システム株式会社', '電子カルテ', 'RECEIVED', '2025-05-30', '', "
                            + "'2025-06-02T01:21:00Z')",
                    "INSERT INTO vendor_form_answers VALUES ('i-old', 1, '医療システム株式会社', '電子カルテ', '2-①', 'YES')"),
            8, List.of(
                    "INSERT INTO plan_hospital_form VALUES ('plan-2', '2-①', 'YES', '2025-08-20', NULL, NULL, '', "
                            + "'2025-08-21T00:00:00Z')",
                    "INSERT INTO plan_vendor_forms VALUES ('plan-2', '医療システム株式会社', '電子カルテ', 'RECEIVED', '2025-08-19', '', "
                            + "'2025-08-21T00:00:00Z')",
                    "INSERT INTO plan_vendor_form_answers VALUES ('plan-2', '医療システム株式会社', '電子カルテ', '2-①', 'YES')",
                    "INSERT INTO plan_self_check_sources VALUES ('plan-2', 'HOSPITAL', '', '', '" + "ab".repeat(32) + "', "
                            + "'自己点検.xlsx', '2025-08-21T00:00:00Z', 'office-user')",
                    "INSERT INTO plan_self_check_events VALUES ('plan-2', 1, 'p-8-1', '2025-08-21T00:00:00Z', 'office-user', "
                            + "'SELF_CHECK_IMPORTED', 'HOSPITAL', NULL, NULL, NULL, '" + "0".repeat(64) + "', '" + "cd".repeat(32) + "')",
                    "INSERT INTO plan_self_check_heads VALUES ('plan-2', 1, '" + "cd".repeat(32) + "')",
                    "INSERT INTO plan_inspections VALUES ('i-old', 'plan-2', NULL, NULL)"),
            10, List.of(
                    "INSERT INTO improvement_reports VALUES ('i-old', '2025-08-25', '旧版 情報 一郎', 'システム管理者', "
                            + "'2025-08-26T00:00:00Z')",
                    "INSERT INTO follow_up_items VALUES ('i-old', 'backup.generations', '台帳を作成した', '2025-08-20', 'CLOSED', "
                            + "NULL, '2025-08-26T00:00:00Z')",
                    "INSERT INTO follow_up_evidence VALUES ('f-10-1', 'i-old', 'backup.generations', '台帳.pdf', "
                            + "'application/pdf', 5, '" + HASH + "', '2025-08-26T00:00:00Z')",
                    "INSERT INTO follow_up_events VALUES ('i-old', 1, 'f-10-e1', '2025-08-26T00:00:00Z', 'supervisor', "
                            + "'REPORT_RECORDED', 'report', NULL, '2025-08-25 旧版 情報 一郎', NULL, '" + "0".repeat(64) + "', '"
                            + HASH + "')",
                    "INSERT INTO follow_up_heads VALUES ('i-old', 1, '" + HASH + "')"));

    @TempDir
    Path folder;

    @Test
    void theListInTheCodeIsTheFolderInOrderNoneMissingNoneExtra() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(MIGRATIONS)) {
            files = paths.map(path -> path.getFileName().toString()).sorted().toList();
        }

        assertThat(Database.MIGRATIONS).containsExactlyElementsOf(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(files.get(i)).as("migration %s", i + 1).matches("%03d-[a-z0-9-]+\\.sql".formatted(i + 1));
        }
    }

    static IntStream olderSchemas() {
        return IntStream.range(1, Database.SCHEMA_VERSION);
    }

    @ParameterizedTest
    @MethodSource("olderSchemas")
    void aFileOfAnOlderSchemaOpensWithItsDataKeptAndTheSchemaOfANewFile(int schema) throws Exception {
        Path file = fileOfSchema(schema);
        Map<String, Table> before = tables(file);
        assertThat(before).allSatisfy((name, table) -> assertThat(table.rows())
                .as("rows in %s at schema %s (add them to ROWS_WRITTEN_AT_SCHEMA)", name, schema).isNotEmpty());

        try (Database database = Database.open(file)) {
            List<Map<String, Object>> version = database.read(connection -> query(connection, "PRAGMA user_version"));
            assertThat(version).containsExactly(Map.of("user_version", Database.SCHEMA_VERSION));
            assertTheOldestRowsReadBack(database);
        }
        try (Database fresh = Database.open(folder.resolve("fresh.db"))) {
            assertThat(schemaOf(file)).isEqualTo(schemaOf(fresh.file()));
        }
        Map<String, Table> after = tables(file);
        before.forEach((name, table) -> assertThat(after.get(name).rowsIn(table.columns()))
                .as("the rows of %s, in the columns kept", name).isEqualTo(table.rowsIn(after.get(name).columns())));
    }

    /**
     * Columns added later are filled from what was there: a device's role from the kind of its first bundle, a
     * settled conflict's resolution, a plan's time of change from its time of making.
     */
    @Test
    void theNewColumnsAreDerivedFromTheOldData() throws Exception {
        try (Database database = Database.open(fileOfSchema(2))) {
            SqliteSync sync = new SqliteSync(database, new SqliteEvidence(database, folder.resolve("evidence"), CLOCK), CLOCK);

            assertThat(sync.knownDevices()).extracting(KnownDevice::deviceId, KnownDevice::role)
                    .containsExactly(tuple("tablet-2", Role.INSPECTOR), tuple("office-2", Role.OFFICE));
            assertThat(sync.assignments()).containsExactly(new BundleRecords.Assignment("plan-2", "f-old", "inspector-1",
                    "検査 太郎", "2025-09-01", "2025-07-03T00:00:00Z"));
            assertThat(new SqliteReview(database).conflicts("i-remote")).extracting(KeptConflict::contentHash)
                    .containsExactly("open-at-2");
            List<Map<String, Object>> resolutions = database.read(connection -> query(connection,
                    "SELECT content_hash, resolution FROM conflicts ORDER BY content_hash"));
            assertThat(resolutions).containsExactly(
                    row("content_hash", "open-at-2", "resolution", null),
                    row("content_hash", "settled-at-2", "resolution", "KEPT_STORED"));
        }
    }

    /** The facility and inspection of schema 1, read through the app's own repositories. */
    private static void assertTheOldestRowsReadBack(Database database) {
        SqliteFacilities facilities = new SqliteFacilities(database);
        assertThat(facilities.byId("f-old")).hasValueSatisfying(facility -> {
            assertThat(facility.licensedBeds()).isEqualTo(99);
            assertThat(facility.vendors()).containsExactly(new VendorContract("医療システム株式会社", "電子カルテ"));
            // Recorded before types and fee add-ons: a type by its beds, as 医療法 defines them, and no claim.
            assertThat(facility.type()).isEqualTo(FacilityType.HOSPITAL);
            assertThat(facility.feeAddOnClaims()).isEmpty();
        });
        assertThat(facilities.byId("f-clinic").orElseThrow().type()).isEqualTo(FacilityType.CLINIC_WITHOUT_BEDS);
        assertThat(facilities.byId("f-beds").orElseThrow().type()).isEqualTo(FacilityType.CLINIC_WITH_BEDS);
        SqliteInspections inspections = new SqliteInspections(database, CLOCK);
        assertThat(inspections.find("i-old")).hasValueSatisfying(inspection -> {
            assertThat(inspection.status()).isEqualTo(InspectionStatus.FINALIZED);
            assertThat(inspection.date()).isEqualTo(LocalDate.of(2025, 6, 2));
            assertThat(inspection.inspectors()).containsExactly("検査 太郎");
            assertThat(inspection.attendees()).containsExactly(new Attendee("情報 一郎", "システム管理者"));
        });
        Finding finding = inspections.findings("i-old", 1).get("backup.generations");
        assertThat(finding.answer()).contains(Answer.NON_COMPLIANT);
        assertThat(finding.advice()).isEqualTo("台帳を作成してください。");
        assertThat(new SqliteAuditLog(database).events("i-old")).hasSize(1);
    }

    /** A file as the app at {@code schema} left it: each migration up to it run, and after each what that version wrote. */
    private Path fileOfSchema(int schema) throws SQLException {
        Path file = folder.resolve("schema-" + schema + ".db");
        try (Connection connection = jdbc(file); Statement statement = connection.createStatement()) {
            for (int version = 1; version <= schema; version++) {
                for (String sql : Database.statements(Database.MIGRATIONS.get(version - 1))) {
                    statement.executeUpdate(sql);
                }
                for (String sql : ROWS_WRITTEN_AT_SCHEMA.getOrDefault(version, List.of())) {
                    statement.executeUpdate(sql);
                }
            }
            statement.executeUpdate("PRAGMA application_id = " + Database.APPLICATION_ID);
            statement.executeUpdate("PRAGMA user_version = " + schema);
        }
        return file;
    }

    /** A table's columns and its rows, each row by column name. */
    private record Table(Set<String> columns, List<Map<String, Object>> rows) {

        /** The rows in only the {@code columns} named (those another version of the table has too), in a fixed order. */
        List<String> rowsIn(Set<String> columns) {
            return rows.stream().map(row -> new TreeMap<>(row).entrySet().stream()
                    .filter(cell -> columns.contains(cell.getKey())).toList().toString()).sorted().toList();
        }
    }

    /** Every table by name; trail_replacements, empty outside a transaction, left out. */
    private static Map<String, Table> tables(Path file) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        try (Connection connection = jdbc(file)) {
            for (Map<String, Object> table : query(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                String name = (String) table.get("name");
                if (!name.equals("trail_replacements")) {
                    Set<String> columns = query(connection, "PRAGMA table_info(" + name + ")").stream()
                            .map(column -> (String) column.get("name")).collect(Collectors.toSet());
                    tables.put(name, new Table(columns, query(connection, "SELECT * FROM " + name)));
                }
            }
        }
        return tables;
    }

    /** Each object of sqlite_master (table, index, trigger) with its SQL, by type and name. */
    private static List<Map<String, Object>> schemaOf(Path file) throws SQLException {
        try (Connection connection = jdbc(file)) {
            return query(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
        }
    }

    private static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = rows.getObject(c);
                    row.put(rows.getMetaData().getColumnName(c), value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
                }
                result.add(row);
            }
        }
        return result;
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
