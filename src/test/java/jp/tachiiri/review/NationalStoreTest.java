package jp.tachiiri.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.dashboard.CheckpointFigure;
import jp.tachiiri.dashboard.Dashboard;
import jp.tachiiri.dashboard.Disagreement;
import jp.tachiiri.dashboard.ItemFigure;
import jp.tachiiri.dashboard.MinistryItemFigure;
import jp.tachiiri.dashboard.NonCompliantItem;
import jp.tachiiri.dashboard.Share;
import jp.tachiiri.dashboard.YearCheckpoints;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.store.NationalOfficeStore.Inspection;
import jp.tachiiri.store.NationalOfficeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The office at national scale: a generated store of 40,000 received inspections (five fiscal years of the whole
 * country, see {@link NationalOfficeStore}) opens, lists and filters, and the dashboard counts it. Every expected
 * figure is computed from what the generator wrote, not by the product's code. Speed is not asserted here: the
 * benchmark measures it ({@code OfficeBenchmark}, docs/performance.md).
 */
class NationalStoreTest {

    private static final int INSPECTIONS = 40_000;
    private static final long SEED = 20_251_130L;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final int NEWEST_YEAR = NationalOfficeStore.FIRST_FISCAL_YEAR + NationalOfficeStore.FISCAL_YEARS - 1;

    @TempDir
    Path folder;

    @Test
    void aNationalStoreOpensListsFiltersAndCounts() throws SQLException {
        NationalOfficeStore.Generated store = NationalOfficeStore.create(folder.resolve("office"), INSPECTIONS, SEED);
        List<Inspection> generated = store.newest();
        assertThat(generated).hasSize(INSPECTIONS);
        assertThat(counts(store.database(), store.byTable().keySet())).isEqualTo(store.byTable());
        assertThat(foreignKeyProblems(store.database())).as("PRAGMA foreign_key_check").isZero();
        // The generated store has what the filters need: every band, status and year.
        assertThat(NationalOfficeStore.bands(generated)).containsOnlyKeys(BedBand.values());
        assertThat(generated.stream().map(Inspection::status).distinct()).containsExactlyInAnyOrder(ReviewStatus.values());
        assertThat(generated.stream().filter(inspection -> inspection.fiscalYear() == NEWEST_YEAR)).hasSize(8_000);
        assertThat(store.revisions()).isGreaterThan(INSPECTIONS);

        try (Workspace office = Workspace.open(store.folder(), CLOCK)) {
            ReviewService review = office.review();
            List<ReviewRow> rows = review.rows();
            assertThat(rows).hasSize(INSPECTIONS);
            Map<String, Inspection> byId = generated.stream().collect(Collectors.toMap(Inspection::id, inspection -> inspection));
            assertThat(rows).allSatisfy(row -> {
                Inspection expected = byId.get(row.inspectionId());
                assertThat(expected).isNotNull();
                assertThat(row.revision()).isEqualTo(expected.revision());
                assertThat(row.date()).isEqualTo(expected.date());
                assertThat(row.status()).isEqualTo(expected.status());
                assertThat(row.licensedBeds()).isEqualTo(expected.licensedBeds());
                assertThat(row.inspectors()).isEqualTo(expected.inspectors());
                // The list's 不適合 are the ministry's items: 参考 items answered 不適合 are left out.
                assertThat(row.nonCompliantItems()).isEqualTo(expected.ministryNonCompliantItems());
            });
            // The store holds inspections whose only 不適合 in a checkpoint are 参考 items, for the filter to leave out.
            for (Checkpoint checkpoint : List.of(Checkpoint.BACKUP, Checkpoint.VULNERABILITY)) {
                assertThat(generated).as(checkpoint.id()).anyMatch(inspection -> inspection.fails(checkpoint)
                        && !inspection.failsByMinistryItems(checkpoint));
            }

            // A fiscal year, a status, a checkpoint with 不適合 among the ministry's items, a band, free text; then all at once.
            assertFiltered(review, rows, generated, filter(Optional.of(2023), Optional.empty(), Optional.empty(), Optional.empty(), ""),
                    inspection -> inspection.fiscalYear() == 2023);
            assertFiltered(review, rows, generated,
                    filter(Optional.empty(), Optional.of(ReviewStatus.RECEIVED), Optional.empty(), Optional.empty(), ""),
                    inspection -> inspection.status() == ReviewStatus.RECEIVED);
            assertFiltered(review, rows, generated,
                    filter(Optional.empty(), Optional.of(ReviewStatus.CONFLICT), Optional.empty(), Optional.empty(), ""),
                    inspection -> inspection.status() == ReviewStatus.CONFLICT);
            assertFiltered(review, rows, generated,
                    filter(Optional.empty(), Optional.empty(), Optional.of(Checkpoint.BACKUP), Optional.empty(), ""),
                    inspection -> inspection.failsByMinistryItems(Checkpoint.BACKUP));
            assertFiltered(review, rows, generated,
                    filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(BedBand.FROM_200_TO_399), ""),
                    inspection -> inspection.band() == BedBand.FROM_200_TO_399);
            assertFiltered(review, rows, generated, filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    "桜川記念"), inspection -> inspection.facilityName().contains("桜川記念"));
            // Free text ignores width: full-width katakana reading and digits of the facility code.
            assertFiltered(review, rows, generated, filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    "ｻｸﾗｶﾞﾜｷﾈﾝ"), inspection -> inspection.facilityKana().contains("サクラガワキネン"));
            assertFiltered(review, rows, generated,
                    filter(Optional.of(NEWEST_YEAR), Optional.of(ReviewStatus.RECEIVED), Optional.of(Checkpoint.VULNERABILITY),
                            Optional.of(BedBand.UNDER_200), ""),
                    inspection -> inspection.fiscalYear() == NEWEST_YEAR && inspection.status() == ReviewStatus.RECEIVED
                            && inspection.failsByMinistryItems(Checkpoint.VULNERABILITY) && inspection.band() == BedBand.UNDER_200);

            Dashboard dashboard = office.dashboard();
            YearFigures year = dashboard.year(NEWEST_YEAR);
            List<Inspection> counted = generated.stream().filter(inspection -> inspection.fiscalYear() == NEWEST_YEAR).toList();
            Map<BedBand, Integer> perBand = new EnumMap<>(BedBand.class);
            for (BedBand band : BedBand.values()) {
                perBand.put(band, (int) counted.stream().filter(inspection -> inspection.band() == band).count());
            }
            assertThat(year.inspections()).isEqualTo(counted.size());
            assertThat(year.inspectionsByBand()).isEqualTo(perBand);
            for (CheckpointFigure figure : year.checkpoints()) {
                Checkpoint checkpoint = figure.checkpoint();
                for (BedBand band : BedBand.values()) {
                    // The dashboard judges a checkpoint by the ministry's items: 参考 items do not count.
                    List<Inspection> applies = counted.stream().filter(inspection -> inspection.band() == band
                            && inspection.appliesByMinistryItems(checkpoint)).toList();
                    int complies = (int) applies.stream()
                            .filter(inspection -> !inspection.failsByMinistryItems(checkpoint)).count();
                    assertThat(figure.in(band)).as("%s %s", checkpoint, band).isEqualTo(new Share(complies, applies.size()));
                }
            }
            Map<String, Integer> nonCompliant = new HashMap<>();
            counted.forEach(inspection -> inspection.nonCompliantItems().forEach(item -> nonCompliant.merge(item, 1, Integer::sum)));
            assertThat(year.items()).allSatisfy(item -> assertThat(item.nonCompliant()).as(item.itemId())
                    .isEqualTo(nonCompliant.getOrDefault(item.itemId(), 0)));
            List<NonCompliantItem> most = Dashboard.mostOftenNonCompliant(year, 5);
            assertThat(most).hasSize(5);
            // The ranking is of the ministry's items: the most often 不適合 among them comes first.
            Catalog catalog = CatalogLibrary.bundled().latest();
            assertThat(most.get(0).item().nonCompliant()).isEqualTo(nonCompliant.entrySet().stream()
                    .filter(entry -> !catalog.item(entry.getKey()).orElseThrow().isReference())
                    .mapToInt(Map.Entry::getValue).max().orElseThrow());
            assertThat(most).noneMatch(ranked -> ranked.item().reference());
            assertThat(year.items().stream().mapToInt(ItemFigure::nonCompliant).sum())
                    .isEqualTo(counted.stream().mapToInt(inspection -> inspection.nonCompliantItems().size()).sum());

            // The hospitals' own forms against the inspectors, per item of the ministry's checklist, counted from what
            // was generated: 相違 / (確認 + 相違), with 未確認 and rows without a confirmation beside.
            assertThat(year.inspectionsWithHospitalForm()).isEqualTo(counted.size());
            for (MinistryItemFigure item : year.ministryItems()) {
                String number = item.label().substring(item.label().indexOf(' ') + 1);
                Map<Optional<Confirmation>, Integer> confirmations = new HashMap<>();
                counted.forEach(inspection -> confirmations.merge(inspection.hospitalForm().get(number), 1, Integer::sum));
                assertThat(item.disagreement()).as(item.label()).isEqualTo(new Disagreement(
                        confirmations.getOrDefault(Optional.of(Confirmation.AGREES), 0),
                        confirmations.getOrDefault(Optional.of(Confirmation.DIFFERS), 0),
                        confirmations.getOrDefault(Optional.of(Confirmation.NOT_CONFIRMED), 0),
                        confirmations.getOrDefault(Optional.<Confirmation>empty(), 0)));
            }
            assertThat(year.ministryItems()).allSatisfy(item -> assertThat(item.disagreement().differs()).isPositive());
            assertThat(dashboard.year(2023).inspectionsWithHospitalForm()).as("no form before FY2024").isZero();

            List<Integer> years = List.of(2021, 2022, 2023, 2024, 2025);
            List<YearCheckpoints> byYear = dashboard.checkpointsByYear(years);
            Map<Integer, Integer> perYear = new LinkedHashMap<>();
            byYear.forEach(figures -> perYear.put(figures.fiscalYear().year(), figures.inspections()));
            assertThat(perYear).isEqualTo(generated.stream().collect(Collectors.groupingBy(Inspection::fiscalYear,
                    LinkedHashMap::new, Collectors.summingInt(inspection -> 1))));
            assertThat(dashboard.overdue(NEWEST_YEAR, CLOCK.instant().atZone(CLOCK.getZone()).toLocalDate())).isNotEmpty();
        }
    }

    private static ReviewFilter filter(Optional<Integer> fiscalYear, Optional<ReviewStatus> status, Optional<Checkpoint> checkpoint,
                                       Optional<BedBand> band, String text) {
        return new ReviewFilter(fiscalYear.map(FiscalYear::new), status, checkpoint, band, "", text);
    }

    /** The product's filter keeps exactly the rows of the inspections {@code expected} picks from what was generated. */
    private static void assertFiltered(ReviewService review, List<ReviewRow> rows, List<Inspection> generated, ReviewFilter filter,
                                       Predicate<Inspection> expected) {
        List<String> wanted = generated.stream().filter(expected).map(Inspection::id).sorted().toList();
        List<String> kept = rows.stream().filter(review.matcher(filter)).map(ReviewRow::inspectionId).sorted().toList();
        assertThat(wanted).as("%s picks some rows but not all", filter).isNotEmpty().hasSizeLessThan(generated.size());
        assertThat(kept).as(filter.toString()).isEqualTo(wanted);
    }

    private static Map<String, Integer> counts(Path database, Iterable<String> tables) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = readOnly(database); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getInt(1));
                }
            }
        }
        return counts;
    }

    private static int foreignKeyProblems(Path database) throws SQLException {
        int problems = 0;
        try (Connection connection = readOnly(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (rows.next()) {
                problems++;
            }
        }
        return problems;
    }

    private static Connection readOnly(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties());
    }
}
