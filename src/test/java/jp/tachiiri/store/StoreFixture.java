package jp.tachiiri.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store tests' common ground, open for each test: a new data file with two hospitals in it, さくら総合病院
 * (f-sakura) and あおば病院 (f-aoba); the bundled catalog and two of its items; and a look at the audit log.
 */
abstract class StoreFixture {

    static final CatalogLibrary CATALOGS = CatalogLibrary.bundled();

    @TempDir
    Path folder;

    Path file;
    Database database;
    Catalog catalog;
    /** The first two items of {@link #catalog} that take every answer the test asked for. */
    CatalogItem item;
    CatalogItem otherItem;

    private final Answer[] itemAnswers;

    /** {@code itemAnswers}: what {@link #item} and {@link #otherItem} must both take, for the test to record. */
    StoreFixture(Answer... itemAnswers) {
        this.itemAnswers = itemAnswers;
    }

    @BeforeEach
    void openStore() {
        file = folder.resolve("tachiiri.db");
        database = Database.open(file);
        new SqliteFacilities(database).save(facility("f-sakura", "さくら総合病院", "さくら"));
        new SqliteFacilities(database).save(facility("f-aoba", "あおば病院", "あおば"));
        catalog = CATALOGS.latest();
        List<CatalogItem> items = catalog.items().stream()
                .filter(candidate -> candidate.answers().containsAll(Arrays.asList(itemAnswers)))
                .toList();
        assertThat(items).as("the bundled catalog has two items taking %s", Arrays.toString(itemAnswers))
                .hasSizeGreaterThanOrEqualTo(2);
        item = items.get(0);
        otherItem = items.get(1);
    }

    /** Closes the data file, also when a test has opened it again. */
    @AfterEach
    void closeStore() {
        database.close();
    }

    static Facility facility(String id, String name, String kana) {
        return new Facility(id, "code-" + id, name, kana, "東京都", FacilityType.HOSPITAL, 200, true, true, List.of(), List.of(),
                false);
    }

    List<AuditEvent> events(String inspectionId) {
        return new SqliteAuditLog(database).events(inspectionId);
    }

    void assertChainVerifies() {
        ChainVerifier.Report report = new ChainVerifier(new SqliteAuditLog(database)).verifyAll();
        assertThat(report.broken()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    /** A second connection to the data file, past the store's own code, as another program would open it. */
    Connection jdbc() throws SQLException {
        return jdbc(file);
    }

    static Connection jdbc(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
