package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.testsupport.StoreKeys;
import jp.tachiiri.bundle.TestDevices;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

/**
 * National scale import at the office: the findings bundles of every hospital inspection of a year
 * (8,060 by default) imported into an empty office store through the product's path, against the floor for
 * the same work (see {@link ImportFloor}). Not part of the normal test run: {@code mvn -o -Pbench verify}.
 * Scale down for a quick try with {@code -Dbench.inspections=500 -Dbench.runs=1}.
 *
 * <p>Properties: {@code bench.inspections} (8060), {@code bench.perBundle} (inspections per tablet bundle, 50),
 * {@code bench.runs} (measured rounds, 3), {@code bench.warmups} (1).
 */
class ImportBenchmark {

    private static final long SEED = 20_250_516L;
    /**
     * Left out of the comparison of the two stores: each store's own identity, its record of trusting the tablets
     * (--trust-new-devices, which the floor does not keep) and the times of arrival.
     */
    private static final Set<String> OWN_TABLES = Set.of("device", "device_key", "settings", "trust_events", "trust_heads");
    private static final Set<String> ARRIVAL_COLUMNS = Set.of("known_devices.first_seen_at", "known_devices.decided_at",
            "received_bundles.received_at", "revision_origin.content_hash");

    @Test
    void importNationalFindingsIntoAnEmptyOffice() throws Exception {
        int inspections = Bench.intProperty("bench.inspections", 8_060);
        int perBundle = Bench.intProperty("bench.perBundle", 50);
        int runs = Bench.intProperty("bench.runs", 3);
        int warmups = Bench.intProperty("bench.warmups", 1);
        Path work = Bench.workFolder("import");

        // The office every bundle is sealed to: the product's store is given its keys, the floor opens with them.
        DeviceIdentity officeKeys = TestDevices.fresh("bench-office");
        NationalData.Generated data = NationalData.generate(work.resolve("bundles"), work.resolve("scratch"), inspections,
                perBundle, SEED, officeKeys.asRecipient());
        List<Path> files = SyncService.filesOf(data.folder());
        assertThat(files).hasSize(data.counts().bundles());
        Map<String, Integer> expected = data.counts().byTable();
        Bench.note("Data: %,d inspections in %d sealed findings bundles (one per tablet, up to %d inspections each), "
                        + "%.0f MB in all; %,d findings, %,d audit events, %,d attachments; generated and exported in %.1f s.",
                inspections, files.size(), perBundle, data.bytes() / 1e6, data.counts().findings(), data.counts().auditEvents(),
                data.counts().attachments(), data.seconds());

        AtomicReference<Map<String, StoreContents.Table>> reference = new AtomicReference<>();
        Bench.Timed ours = round -> {
            Path folder = work.resolve("office-" + round);
            Bench.deleteTree(folder);
            Offices.open(folder, Clock.systemUTC()).close();
            StoreKeys.replace(folder, officeKeys);
            Workspace office = Offices.open(folder, Clock.systemUTC());
            Path database = office.databaseFile();
            Bench.Measured<List<ImportOutcome>> imported;
            try {
                SyncService sync = office.sync();
                imported = Bench.time(() -> sync.importAll(List.of(data.folder()), true));
            } finally {
                office.close();
            }
            List<ImportOutcome> outcomes = imported.result();
            assertThat(outcomes).hasSize(files.size());
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.result()).as(outcome.toString())
                    .isEqualTo(ImportOutcome.Result.IMPORTED));
            check(database, folder.resolve("evidence"), expected, data.counts().attachments(), round, reference);
            Bench.deleteTree(folder);
            return imported.sample();
        };
        Bench.Timed floor = floor(work, "floor-", files, officeKeys, expected, data.counts().attachments(), reference);
        Bench.Case result = Bench.compare("import, national scale",
                String.format("%,d inspections, %d bundles, into an empty office store", inspections, files.size()),
                warmups, runs, ours, floor);
        assertThat(result.ratio()).isPositive();

        // What the encryption itself costs: the floor on the sealed files against the floor on the same signed
        // bundles unsealed (decrypted once beforehand, untimed).
        List<Path> plain = new ArrayList<>();
        Path plainFolder = Files.createDirectories(work.resolve("plain"));
        for (Path file : files) {
            plain.add(Files.write(plainFolder.resolve(file.getFileName()), RewrittenBundles.signedBundle(file, officeKeys)));
        }
        Bench.Case decryption = Bench.compare("import, national scale: decryption's share",
                "the floor reading the sealed bundles against the floor reading them unsealed", warmups, runs,
                floor(work, "sealed-", files, officeKeys, expected, data.counts().attachments(), reference),
                floor(work, "plain-", plain, officeKeys, expected, data.counts().attachments(), reference));
        assertThat(decryption.ratio()).isPositive();
        Bench.deleteTree(work);
    }

    /** The floor importing {@code files} into a new store with the product's schema, checked as the product's is. */
    private static Bench.Timed floor(Path work, String name, List<Path> files, DeviceIdentity officeKeys,
                                     Map<String, Integer> expected, int attachments,
                                     AtomicReference<Map<String, StoreContents.Table>> reference) {
        return round -> {
            Path folder = work.resolve(name + round);
            Bench.deleteTree(folder);
            Path database;
            // The product's own schema, identical to the office's: an empty data folder opened once and closed.
            try (Workspace empty = Workspace.open(folder, Clock.systemUTC())) {
                database = empty.databaseFile();
            }
            Bench.Measured<Void> imported;
            try (ImportFloor importer = ImportFloor.open(database, folder.resolve("evidence"), officeKeys)) {
                imported = Bench.time(() -> {
                    importer.importAll(files);
                    return null;
                });
            }
            check(database, folder.resolve("evidence"), expected, attachments, round, reference);
            Bench.deleteTree(folder);
            return imported.sample();
        };
    }

    /**
     * Row counts as generated, every attachment stored once; and the first store of a round is the reference the
     * other must equal table by table, so the floor provably does the same work.
     */
    private static void check(Path database, Path evidence, Map<String, Integer> expected, int attachments, int round,
                              AtomicReference<Map<String, StoreContents.Table>> reference) throws IOException, SQLException {
        Map<String, Long> counted = count(database, expected.keySet());
        Map<String, Long> wanted = new LinkedHashMap<>();
        expected.forEach((table, rows) -> wanted.put(table, (long) rows));
        assertThat(counted).isEqualTo(wanted);
        if (Files.isDirectory(evidence)) {
            try (Stream<Path> files = Files.walk(evidence)) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(attachments);
            }
        } else {
            assertThat(attachments).isZero();
        }
        if (round == 0) {
            Map<String, StoreContents.Table> contents = StoreContents.of(database, OWN_TABLES, ARRIVAL_COLUMNS);
            if (reference.get() == null) {
                reference.set(contents);
            } else {
                assertThat(contents).as("the floor's store equals the product's").isEqualTo(reference.get());
                Bench.log("the floor's store equals the product's, table by table (%d tables)", contents.size());
            }
        }
    }

    private static Map<String, Long> count(Path database, Set<String> tables) throws SQLException {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(),
                readOnly.toProperties()); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
