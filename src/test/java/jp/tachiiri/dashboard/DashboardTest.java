package jp.tachiiri.dashboard;

import static jp.tachiiri.store.DashboardFixture.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.store.Database;
import jp.tachiiri.store.DashboardFixture;
import jp.tachiiri.store.DashboardFixture.Row;
import jp.tachiiri.store.SqliteDashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's figures against a small office store whose every figure was computed by hand.
 *
 * <p>Seven items of catalog 2025.1 are answered (the others never): V1 vulnerability.device-ledger, V2
 * vulnerability.password-policy, B1 backup.emr, B2 backup.offline-copy, B3 backup.leak-protection, R1
 * recovery.cyber-bcp, C1 contact.security-manager; and the gate. C = 適合, NC = 不適合 (target date), ALT = 代替措置,
 * NA = 該当なし, — = unanswered (a finding row without an answer).
 *
 * <pre>
 * insp  facility  rev  status       date        beds  gate  V1          V2          B1  B2          B3   R1          C1
 * i1    A         1    FINALIZED    2025-04-01  150   YES   C           NC 25-09-30 C   C           ALT  C           C
 * i2    B         1    FINALIZED    2025-03-30  180   YES   C           C           C   C           C    C           C      (older: ignored)
 * i2    B         2    FINALIZED    2025-10-15  250   YES   NC 25-12-31 NC 26-06-30 NA  C           NC 26-03-01  —   C
 * i2    B         3    IN_PROGRESS  2025-10-15   -    YES   NC …        (every item NC 25-05-01: ignored)
 * i3    C         1    FINALIZED    2026-03-31  450   YES   C           ALT         C   C           C    NC 26-04-30 NC 26-05-01
 * i4    D         1    IN_PROGRESS  2026-01-20   -    YES   NC …        (never finalized: ignored)
 * i5    E         1    FINALIZED    2025-06-01   60   NO    NA          NA          NA  NA          NA   NA          NA
 * demo  X (demo)  1    FINALIZED    2025-07-01  300   YES   NC …        (demo inspection: ignored)
 * i6    A         1    FINALIZED    2025-03-31  150   YES   NC 25-06-30 C           C   NC 25-09-30 NC   C           C
 * i7    C         1    FINALIZED    2024-04-01  450   YES   C           C           C   ALT         C    C           C
 * i8    D         1    FINALIZED    2024-03-31  120   YES   C           C           C   C           C    C           C
 * </pre>
 *
 * B3 (backup.leak-protection) is 参考 (not on the ministry's checklist): it has figures of its own, but the
 * checkpoints' shares and the ranking of 不適合 count the ministry's items only.
 *
 * <p>The hospital's own form (医療機関確認用), by ministry number, with the inspector's confirmation: A = 確認 (agrees),
 * D = 相違 (differs), N = 未確認, — = a row without a confirmation; 2-① is V1, 2-⑦ is V2, 3-② has B1 and B2 among its
 * parts. "2-(旧)" is a number no bundled catalog has.
 *
 * <pre>
 * insp  rev  2-①  2-⑦  3-②  1-①  3-③  2-(旧)
 * i1    1    A    D    A    N    —    D
 * i2    1    D    D                          (older: ignored)
 * i2    2    D    A    A
 * i2    3    D    D    D                     (in progress: ignored)
 * i3    1    A    D    N
 * i4    1         D                          (in progress: ignored)
 * i5    1                                    (gate いいえ: no form)
 * demo  1    D    D                          (demo: ignored)
 * i6    1    D    A                          (FY2024)
 * </pre>
 *
 * <p>FY2025 (2025-04-01..2026-03-31) counts i1, i2 rev 2, i3, i5: bands &lt;200 {i1, i5}, 200-399 {i2 (250 beds at rev
 * 2, though 180 at rev 1 and 420 now)}, 400+ {i3}. FY2024 counts i6, i7 (not i2: its newest finalized date is in
 * FY2025). FY2023 counts i8.
 */
class DashboardTest {

    private static final String V1 = "vulnerability.device-ledger";
    private static final String V2 = "vulnerability.password-policy";
    private static final String B1 = "backup.emr";
    private static final String B2 = "backup.offline-copy";
    private static final String B3 = "backup.leak-protection";
    private static final String R1 = "recovery.cyber-bcp";
    private static final String C1 = "contact.security-manager";
    private static final String GATE = "gate.medical-information-system";
    private static final List<String> ITEMS = List.of(V1, V2, B1, B2, B3, R1, C1);

    private static final String C = "COMPLIANT";
    private static final String NC = "NON_COMPLIANT";
    private static final String ALT = "ALTERNATIVE";
    private static final String NA = "NOT_APPLICABLE";

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    private static final Confirmation AGREES = Confirmation.AGREES;
    private static final Confirmation DIFFERS = Confirmation.DIFFERS;
    private static final Confirmation NOT_CONFIRMED = Confirmation.NOT_CONFIRMED;

    @TempDir
    Path folder;

    private Database database;
    private Dashboard dashboard;

    @BeforeEach
    void buildStore() {
        database = Database.open(folder.resolve("office.db"));
        DashboardFixture store = new DashboardFixture(database);
        store.facility("f-a", "A病院", 150);
        store.facility("f-b", "B病院", 420);
        store.facility("f-c", "C病院", 450);
        store.facility("f-d", "D病院", 120);
        store.facility("f-e", "E医院", 60);
        store.facility("f-x", "デモ病院", 300);

        store.inspection("i1", "f-a", false);
        store.revision("i1", 1, date("2025-04-01"), true, 150, List.of(finding(GATE, "YES"), finding(V1, C),
                finding(V2, NC, date("2025-09-30")), finding(B1, C), finding(B2, C), finding(B3, ALT), finding(R1, C),
                finding(C1, C)), List.of(form("2-①", AGREES), form("2-⑦", DIFFERS), form("3-②", AGREES),
                form("1-①", NOT_CONFIRMED), form("3-③", null), form("2-(旧)", DIFFERS)));

        store.inspection("i2", "f-b", false);
        store.revision("i2", 1, date("2025-03-30"), true, 180, all("YES", C, null),
                List.of(form("2-①", DIFFERS), form("2-⑦", DIFFERS)));
        store.revision("i2", 2, date("2025-10-15"), true, 250, List.of(finding(GATE, "YES"),
                finding(V1, NC, date("2025-12-31")), finding(V2, NC, date("2026-06-30")), finding(B1, NA),
                finding(B2, C), finding(B3, NC, date("2026-03-01")), finding(R1, null), finding(C1, C)),
                List.of(form("2-①", DIFFERS), form("2-⑦", AGREES), form("3-②", AGREES)));
        store.revision("i2", 3, date("2025-10-15"), false, 250, all("YES", NC, date("2025-05-01")),
                List.of(form("2-①", DIFFERS), form("2-⑦", DIFFERS), form("3-②", DIFFERS)));

        store.inspection("i3", "f-c", false);
        store.revision("i3", 1, date("2026-03-31"), true, 450, List.of(finding(GATE, "YES"), finding(V1, C),
                finding(V2, ALT), finding(B1, C), finding(B2, C), finding(B3, C), finding(R1, NC, date("2026-04-30")),
                finding(C1, NC, date("2026-05-01"))),
                List.of(form("2-①", AGREES), form("2-⑦", DIFFERS), form("3-②", NOT_CONFIRMED)));

        store.inspection("i4", "f-d", false);
        store.revision("i4", 1, date("2026-01-20"), false, 120, all("YES", NC, date("2025-06-01")),
                List.of(form("2-⑦", DIFFERS)));

        store.inspection("i5", "f-e", false);
        store.revision("i5", 1, date("2025-06-01"), true, 60, all("NO", NA, null));

        store.inspection("demo", "f-x", true);
        store.revision("demo", 1, date("2025-07-01"), true, 300, all("YES", NC, date("2025-08-01")),
                List.of(form("2-①", DIFFERS), form("2-⑦", DIFFERS)));

        store.inspection("i6", "f-a", false);
        store.revision("i6", 1, date("2025-03-31"), true, 150, List.of(finding(GATE, "YES"),
                finding(V1, NC, date("2025-06-30")), finding(V2, C), finding(B1, C), finding(B2, NC, date("2025-09-30")),
                finding(B3, NC), finding(R1, C), finding(C1, C)), List.of(form("2-①", DIFFERS), form("2-⑦", AGREES)));

        store.inspection("i7", "f-c", false);
        store.revision("i7", 1, date("2024-04-01"), true, 450, List.of(finding(GATE, "YES"), finding(V1, C),
                finding(V2, C), finding(B1, C), finding(B2, ALT), finding(B3, C), finding(R1, C), finding(C1, C)));

        store.inspection("i8", "f-d", false);
        store.revision("i8", 1, date("2024-03-31"), true, 120, all("YES", C, null));

        dashboard = new Dashboard(new SqliteDashboard(database), CatalogLibrary.bundled());
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    // ---- which inspections count -----------------------------------------------------------------------------

    @Test
    void aStoreOfNothingButTheDemoCountsTheDemo(@TempDir Path other) {
        try (Database demoOnly = Database.open(other.resolve("demo-only.db"))) {
            DashboardFixture store = new DashboardFixture(demoOnly);
            store.facility("f-x", "デモ病院", 300);
            store.inspection("demo", "f-x", true);
            store.revision("demo", 1, date("2025-07-01"), true, 300, all("YES", NC, date("2025-08-01")));
            YearFigures figures = new Dashboard(new SqliteDashboard(demoOnly), CatalogLibrary.bundled()).year(2025);
            // The demo alone counts: 1 inspection, in the 200-399 band.
            assertThat(figures.inspections()).isEqualTo(1);
            assertThat(figures.inspectionsByBand().get(BedBand.FROM_200_TO_399)).isEqualTo(1);
            assertThat(new Dashboard(new SqliteDashboard(demoOnly), CatalogLibrary.bundled()).years())
                    .containsExactly(new FiscalYear(2025));
        }
    }

    @Test
    void countsTheNewestFinalizedRevisionByItsDateWithinTheFiscalYear() {
        // FY2025: i1 (1 April, first day), i2 rev 2 (15 Oct), i3 (31 March, last day), i5; not i4 (in progress),
        // not the demo, not i6 (31 March 2025 is FY2024).
        YearFigures fy2025 = dashboard.year(2025);
        assertThat(fy2025.inspections()).isEqualTo(4);
        // Bands from revision_facility of the counted revision: i1 150 and i5 60 beds; i2 250 at rev 2 (180 at rev 1,
        // 420 in facilities now); i3 450.
        assertThat(fy2025.inspectionsByBand()).containsExactly(Map.entry(BedBand.UNDER_200, 2),
                Map.entry(BedBand.FROM_200_TO_399, 1), Map.entry(BedBand.FROM_400, 1));

        // FY2024: i7 (1 April 2024) and i6 (31 March 2025); not i2, whose rev 1 was dated 30 March 2025 but whose
        // newest finalized revision is dated in FY2025; not i1 (1 April 2025); not i8 (31 March 2024).
        YearFigures fy2024 = dashboard.year(2024);
        assertThat(fy2024.inspections()).isEqualTo(2);
        assertThat(fy2024.inspectionsByBand()).containsExactly(Map.entry(BedBand.UNDER_200, 1),
                Map.entry(BedBand.FROM_200_TO_399, 0), Map.entry(BedBand.FROM_400, 1));

        assertThat(dashboard.year(2023).inspections()).as("i8 on 31 March 2024").isEqualTo(1);
        assertThat(dashboard.year(2026).inspections()).isZero();
        // The years to choose from are those with counted inspections (not FY2026: i4 is in progress), newest first.
        assertThat(dashboard.years()).extracting(FiscalYear::year).containsExactly(2025, 2024, 2023);
    }

    // ---- per item ------------------------------------------------------------------------------------------

    @Test
    void itemSharesCountCompliantAndAlternativeOverAnswersOtherThanNotApplicable() {
        YearFigures fy2025 = dashboard.year(2025);
        // V1: i1 C, i2 NC, i3 C (i5 NA) → 2 of 3
        assertItem(fy2025, V1, new Share(2, 3), 1);
        // V2: i1 NC, i2 NC, i3 ALT → 1 of 3 (ALT complies)
        assertItem(fy2025, V2, new Share(1, 3), 2);
        // B1: i1 C, i2 NA, i3 C → 2 of 2 (NA is not applicable)
        assertItem(fy2025, B1, new Share(2, 2), 0);
        // B2: C, C, C → 3 of 3
        assertItem(fy2025, B2, new Share(3, 3), 0);
        // B3: i1 ALT, i2 NC, i3 C → 2 of 3
        assertItem(fy2025, B3, new Share(2, 3), 1);
        // R1: i1 C, i2 unanswered (not counted), i3 NC → 1 of 2
        assertItem(fy2025, R1, new Share(1, 2), 1);
        // C1: C, C, NC → 2 of 3
        assertItem(fy2025, C1, new Share(2, 3), 1);

        assertThat(fy2025.item(V1).orElseThrow().share().ratio()).hasValueSatisfying(
                ratio -> assertThat(ratio).isEqualTo(2.0 / 3));
        assertThat(fy2025.item(B1).orElseThrow().share().ratio()).contains(1.0);

        // FY2024, i6 and i7: V1 NC, C → 1/2; V2 2/2; B1 2/2; B2 NC, ALT → 1/2; B3 NC, C → 1/2; R1 2/2; C1 2/2
        YearFigures fy2024 = dashboard.year(2024);
        assertItem(fy2024, V1, new Share(1, 2), 1);
        assertItem(fy2024, V2, new Share(2, 2), 0);
        assertItem(fy2024, B1, new Share(2, 2), 0);
        assertItem(fy2024, B2, new Share(1, 2), 1);
        assertItem(fy2024, B3, new Share(1, 2), 1);
        assertItem(fy2024, R1, new Share(2, 2), 0);
        assertItem(fy2024, C1, new Share(2, 2), 0);
    }

    @Test
    void itemsAreTheCatalogsInCatalogOrderWithoutTheGateAndUnansweredOnesHaveNoShare() {
        YearFigures fy2025 = dashboard.year(2025);
        List<String> catalogOrder = CatalogLibrary.bundled().latest().items().stream().map(item -> item.id()).toList();
        assertThat(fy2025.items()).extracting(ItemFigure::itemId).containsExactlyElementsOf(catalogOrder)
                .doesNotContain(GATE);
        ItemFigure generations = fy2025.item("backup.generations").orElseThrow();
        assertThat(generations.share()).isEqualTo(Share.NONE);
        assertThat(generations.share().ratio()).isEmpty();
        assertThat(generations.checkpoint()).isEqualTo(Checkpoint.BACKUP);
    }

    @Test
    void itemSharesPerBedBand() {
        YearFigures fy2025 = dashboard.year(2025);
        // <200 is i1 (i5 answered NA everywhere), 200-399 is i2 rev 2, 400+ is i3.
        assertBands(fy2025.item(V1).orElseThrow(), new Share(1, 1), new Share(0, 1), new Share(1, 1));
        assertBands(fy2025.item(V2).orElseThrow(), new Share(0, 1), new Share(0, 1), new Share(1, 1));
        // B1: i2 answered NA, so nothing applied in 200-399
        assertBands(fy2025.item(B1).orElseThrow(), new Share(1, 1), Share.NONE, new Share(1, 1));
        assertBands(fy2025.item(B2).orElseThrow(), new Share(1, 1), new Share(1, 1), new Share(1, 1));
        assertBands(fy2025.item(B3).orElseThrow(), new Share(1, 1), new Share(0, 1), new Share(1, 1));
        // R1: i2 left it unanswered
        assertBands(fy2025.item(R1).orElseThrow(), new Share(1, 1), Share.NONE, new Share(0, 1));
        assertBands(fy2025.item(C1).orElseThrow(), new Share(1, 1), new Share(1, 1), new Share(0, 1));
    }

    // ---- per checkpoint --------------------------------------------------------------------------------------

    @Test
    void checkpointSharesCountFacilitiesWithNoApplicableItemNonCompliant() {
        YearFigures fy2025 = dashboard.year(2025);
        assertThat(fy2025.checkpoints()).extracting(CheckpointFigure::checkpoint)
                .containsExactly(Checkpoint.values());
        // vulnerability: i1 fails (V2 NC), i2 fails (V1, V2 NC), i3 complies (C, ALT); i5 has nothing applicable → 1 of 3
        assertCheckpoint(fy2025, Checkpoint.VULNERABILITY, new Share(1, 3),
                new Share(0, 1), new Share(0, 1), new Share(1, 1));
        // backup: i1 complies (C, C), i2 complies (B2 C, B1 NA; its B3 NC is 参考 and does not count), i3 complies
        // → 3 of 3
        assertCheckpoint(fy2025, Checkpoint.BACKUP, new Share(3, 3),
                new Share(1, 1), new Share(1, 1), new Share(1, 1));
        // recovery: i1 complies, i2 has R1 unanswered (nothing applicable), i3 fails → 1 of 2
        assertCheckpoint(fy2025, Checkpoint.RECOVERY, new Share(1, 2),
                new Share(1, 1), Share.NONE, new Share(0, 1));
        // contact: i1 C, i2 C, i3 NC → 2 of 3
        assertCheckpoint(fy2025, Checkpoint.CONTACT, new Share(2, 3),
                new Share(1, 1), new Share(1, 1), new Share(0, 1));
        assertThat(fy2025.checkpoints().get(1).title().ja()).isEqualTo("バックアップ");
    }

    /**
     * The ministry's 3-② is one answer, made from its parts: B1 and B2 are two of its seven (B3 is 参考). FY2025: i1
     * (C, C), i2 (NA, C), i3 (C, C) comply → 3 of 3. FY2024: i6 fails (B2 NC), i7 complies (B2 ALT) → 1 of 2. 2-⑦ is V2
     * alone: i1 NC, i2 NC, i3 ALT → 1 of 3.
     */
    @Test
    void theMinistrysItemsRollUpTheirParts() {
        YearFigures fy2025 = dashboard.year(2025);
        assertThat(fy2025.ministryItems()).extracting(MinistryItemFigure::label).contains("R7 3-②", "R7 2-⑦");
        MinistryItemFigure backup = ministryItem(fy2025, "R7 3-②");
        assertThat(backup.parts()).isEqualTo(7);
        assertThat(backup.share()).isEqualTo(new Share(3, 3));
        assertThat(ministryItem(dashboard.year(2024), "R7 3-②").share()).isEqualTo(new Share(1, 2));
        assertThat(ministryItem(fy2025, "R7 2-⑦").share()).isEqualTo(new Share(1, 3));
        assertThat(ministryItem(fy2025, "R7 2-⑦").in(BedBand.FROM_400)).isEqualTo(new Share(1, 1));
        assertThat(ministryItem(fy2025, "R7 2-①").share()).isEqualTo(new Share(2, 3));

        List<List<String>> table = DashboardTables.ministryItems(fy2025, Language.JA);
        assertThat(table.get(0)).containsExactly("fiscalYear", "checklistNumber", "wording", "parts", "complies",
                "applicable", "share", "agrees", "differs", "notConfirmed", "unconfirmed", "differsShare");
        // 3-②'s hospital rows: i1 確認, i2 確認, i3 未確認 → 相違 0 of 2
        assertThat(table).hasSize(1 + 18).contains(List.of("2025", "R7 3-②", backup.wording().ja(), "7", "3", "3", "1.0000",
                "2", "0", "1", "0", "0.0000"));
    }

    // ---- the hospitals' self-checks against the inspectors --------------------------------------------------------

    /**
     * Issue 16: per ministry item, the share of the hospitals' own answers the inspector contradicted, 相違 / (確認 + 相違),
     * over the counted inspections; 未確認 and rows without a confirmation are out of the base and counted beside it.
     */
    @Test
    void theShareOfHospitalAnswersTheInspectorsContradictedPerMinistryItem() {
        YearFigures fy2025 = dashboard.year(2025);
        // i1, i2 rev 2 and i3 hold the hospital's form; i5 (gate いいえ) has none.
        assertThat(fy2025.inspectionsWithHospitalForm()).isEqualTo(3);
        assertThat(fy2025.inspections()).isEqualTo(4);
        // 2-⑦: i1 D, i2 A, i3 D → 2 of 3. Not i2 rev 1 (older), rev 3 (in progress), i4 (in progress), the demo.
        assertDisagreement(fy2025, "R7 2-⑦", new Disagreement(1, 2, 0, 0), 2.0 / 3);
        // 2-①: i1 A, i2 D, i3 A → 1 of 3
        assertDisagreement(fy2025, "R7 2-①", new Disagreement(2, 1, 0, 0), 1.0 / 3);
        // 3-②: i1 A, i2 A, i3 N → 0 of 2, one 未確認 beside
        assertDisagreement(fy2025, "R7 3-②", new Disagreement(2, 0, 1, 0), 0.0);
        // 1-①: only i1's 未確認 → no base, no share; 3-③: only i1's row without a confirmation
        assertThat(ministryItem(fy2025, "R7 1-①").disagreement()).isEqualTo(new Disagreement(0, 0, 1, 0));
        assertThat(ministryItem(fy2025, "R7 1-①").disagreement().ratio()).isEmpty();
        assertThat(ministryItem(fy2025, "R7 3-③").disagreement()).isEqualTo(new Disagreement(0, 0, 0, 1));
        // An item with no row of the hospital's form anywhere; the number no catalog has is not listed.
        assertThat(ministryItem(fy2025, "R7 2-⑪").disagreement()).isEqualTo(Disagreement.NONE);
        assertThat(fy2025.ministryItems()).extracting(MinistryItemFigure::label).noneMatch(label -> label.contains("旧"));

        // FY2024 is i6 alone: 2-① D → 1 of 1, 2-⑦ A → 0 of 1.
        YearFigures fy2024 = dashboard.year(2024);
        assertThat(fy2024.inspectionsWithHospitalForm()).isEqualTo(1);
        assertDisagreement(fy2024, "R7 2-①", new Disagreement(0, 1, 0, 0), 1.0);
        assertDisagreement(fy2024, "R7 2-⑦", new Disagreement(1, 0, 0, 0), 0.0);
        assertThat(dashboard.year(2023).inspectionsWithHospitalForm()).as("i8 has no form").isZero();

        List<List<String>> table = DashboardTables.ministryItems(fy2025, Language.EN);
        String passwords = ministryItem(fy2025, "R7 2-⑦").wording().en();
        // 2-⑦ is V2 alone: 1 of 3 comply (i3 ALT); 相違 2 of 3 = 0.6667
        assertThat(table).contains(List.of("2025", "R7 2-⑦", passwords, "1", "1", "3", "0.3333", "1", "2", "0", "0", "0.6667"));
        // No base: the share is left empty, the 未確認 and unconfirmed counts stand.
        assertThat(table).filteredOn(row -> row.get(1).equals("R7 1-①")).singleElement()
                .satisfies(row -> assertThat(row.subList(7, 12)).containsExactly("0", "0", "1", "0", ""));
        assertThat(table).filteredOn(row -> row.get(1).equals("R7 3-③")).singleElement()
                .satisfies(row -> assertThat(row.subList(7, 12)).containsExactly("0", "0", "0", "1", ""));
    }

    private static void assertDisagreement(YearFigures figures, String label, Disagreement expected, double ratio) {
        Disagreement disagreement = ministryItem(figures, label).disagreement();
        assertThat(disagreement).as(label).isEqualTo(expected);
        assertThat(disagreement.confirmed()).as(label).isEqualTo(expected.agrees() + expected.differs());
        assertThat(disagreement.ratio()).as(label).hasValueSatisfying(value -> assertThat(value).isEqualTo(ratio));
    }

    /** A row of the hospital's form: はい, checked on 1 April 2025, confirmed as given ({@code null}: not yet). */
    private static HospitalFormEntry form(String number, Confirmation confirmation) {
        return new HospitalFormEntry(number, Optional.of(SelfCheckAnswer.YES), Optional.of(date("2025-04-01")),
                Optional.empty(), Optional.ofNullable(confirmation), confirmation == null || confirmation == AGREES ? ""
                : "確認の理由");
    }

    private static MinistryItemFigure ministryItem(YearFigures figures, String label) {
        return figures.ministryItems().stream().filter(item -> item.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void checkpointsComparedOverYears() {
        List<YearCheckpoints> years = dashboard.checkpointsByYear(List.of(2024, 2025));
        assertThat(years).extracting(year -> year.fiscalYear().year()).containsExactly(2024, 2025);
        assertThat(years).extracting(YearCheckpoints::inspections).containsExactly(2, 4);
        // FY2024: vulnerability i6 fails (V1 NC), i7 complies → 1/2; backup i6 fails, i7 complies (ALT) → 1/2;
        // recovery 2/2; contact 2/2
        assertThat(years.get(0).checkpoints()).extracting(CheckpointFigure::share)
                .containsExactly(new Share(1, 2), new Share(1, 2), new Share(2, 2), new Share(2, 2));
        // FY2025 as in checkpointSharesCount…: 1/3, 3/3, 1/2, 2/3
        assertThat(years.get(1).checkpoints()).extracting(CheckpointFigure::share)
                .containsExactly(new Share(1, 3), new Share(3, 3), new Share(1, 2), new Share(2, 3));
    }

    // ---- most often 不適合 -------------------------------------------------------------------------------------

    @Test
    void mostOftenNonCompliantRanksByCountThenCatalogOrder() {
        // FY2025 NC counts: V2 2; V1, R1, C1 1 each (ties in catalog order); B1, B2 0 (left out); B3's 1 is 参考,
        // never the ministry's 不適合 (left out)
        List<NonCompliantItem> ranked = dashboard.mostOftenNonCompliant(2025, 10);
        assertThat(ranked).extracting(entry -> entry.item().itemId()).containsExactly(V2, V1, R1, C1);
        assertThat(ranked).extracting(NonCompliantItem::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranked.get(0).item().nonCompliant()).isEqualTo(2);
        // V2: 2 NC of 3 applicable; complies 1 of 3
        assertThat(ranked.get(0).item().nonCompliantRatio()).contains(2.0 / 3);
        assertThat(ranked.get(0).item().share()).isEqualTo(new Share(1, 3));

        assertThat(dashboard.mostOftenNonCompliant(2025, 3)).extracting(entry -> entry.item().itemId())
                .containsExactly(V2, V1, R1);
        assertThat(Dashboard.mostOftenNonCompliant(dashboard.year(2025), 3)).isEqualTo(dashboard.mostOftenNonCompliant(2025, 3));
        // FY2024: V1, B2 one each, in catalog order (and B3, 参考)
        assertThat(dashboard.mostOftenNonCompliant(2024, 10)).extracting(entry -> entry.item().itemId())
                .containsExactly(V1, B2);
    }

    // ---- overdue target dates --------------------------------------------------------------------------------

    @Test
    void overdueTargetDatesAreThoseBeforeTheGivenDayMostOverdueFirst() {
        // Today 2026-05-01. FY2025's NC findings with a target date before it:
        //   i1 V2 2025-09-30 → 213 days (Oct–Apr 212 days + 30 Sep → 1 Oct)
        //   i2 V1 2025-12-31 → 121 days (1 + 31 + 28 + 31 + 30)
        //   i2 B3 2026-03-01 → 61 days (31 + 30)
        //   i3 R1 2026-04-30 → 1 day
        // Not: i3 C1 2026-05-01 (due today), i2 V2 2026-06-30 (future), i2 rev 3 and i4 (in progress), demo, i6 (FY2024).
        List<OverdueFinding> overdue = dashboard.overdue(2025, TODAY);
        assertThat(overdue).extracting(OverdueFinding::inspectionId, OverdueFinding::itemId, OverdueFinding::targetDate,
                OverdueFinding::daysOverdue).containsExactly(
                        tuple("i1", V2, date("2025-09-30"), 213L),
                        tuple("i2", V1, date("2025-12-31"), 121L),
                        tuple("i2", B3, date("2026-03-01"), 61L),
                        tuple("i3", R1, date("2026-04-30"), 1L));
        OverdueFinding first = overdue.get(0);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.facilityName()).isEqualTo("A病院");
        assertThat(first.facilityCode()).isEqualTo("code-f-a");
        assertThat(first.inspectionDate()).isEqualTo(date("2025-04-01"));
        assertThat(first.itemTitle().ja()).isEqualTo("パスワードを適切に設定し、初期パスワードを変更している");
        assertThat(overdue.get(1).revision()).as("i2's counted revision").isEqualTo(2);
        // B3 is 参考: still followed up, and marked so.
        assertThat(overdue).extracting(OverdueFinding::itemId, OverdueFinding::reference)
                .containsExactly(tuple(V2, false), tuple(V1, false), tuple(B3, true), tuple(R1, false));

        // Relative to the given day: one day later, C1 (due 2026-05-01) is 1 day overdue and everything moves on.
        assertThat(dashboard.overdue(2025, TODAY.plusDays(1))).extracting(OverdueFinding::itemId, OverdueFinding::daysOverdue)
                .containsExactly(tuple(V2, 214L), tuple(V1, 122L),
                        tuple(B3, 62L), tuple(R1, 2L),
                        tuple(C1, 1L));

        // FY2024 on 2025-07-01: i6 V1 (2025-06-30) → 1 day; i6 B2 (2025-09-30) not yet; i6 B3 has no target date.
        assertThat(dashboard.overdue(2024, date("2025-07-01"))).extracting(OverdueFinding::inspectionId,
                OverdueFinding::itemId, OverdueFinding::daysOverdue).containsExactly(
                        tuple("i6", V1, 1L));
    }

    // ---- national reference lines ----------------------------------------------------------------------------

    @Test
    void theItemsASurveyAskedAboutComeWithOurShareAndTheSurveysFigure() {
        YearFigures fy2025 = dashboard.year(2025);
        NationalSurvey of2022 = survey(2022);
        // In the survey's order: B1 2 of 2 (i2 and i5 該当なし), generations never answered, B2 3 of 3, B3 2 of 3.
        assertThat(fy2025.against(of2022)).extracting(NationalComparison::itemId, NationalComparison::ours,
                comparison -> comparison.national().ratio()).containsExactly(
                        tuple(B1, new Share(2, 2), 0.959),
                        tuple("backup.generations", Share.NONE, 0.807),
                        tuple(B2, new Share(3, 3), 0.475),
                        tuple(B3, new Share(2, 3), 0.524));
        assertThat(fy2025.against(of2022).get(0).title().ja()).isEqualTo("電子カルテのデータとシステムをバックアップしている");
        assertThat(fy2025.against(survey(2023))).extracting(comparison -> comparison.national().ratio())
                .containsExactly(0.98, 0.78, 0.49, 0.65);
    }

    // ---- export ----------------------------------------------------------------------------------------------

    @Test
    void everyTableHasAHeaderAndTheFiguresAsText() {
        YearFigures fy2025 = dashboard.year(2025);

        assertThat(DashboardTables.inspections(fy2025)).containsExactly(
                List.of("fiscalYear", "band", "inspections"),
                List.of("2025", "<200", "2"), List.of("2025", "200-399", "1"), List.of("2025", "400+", "1"),
                List.of("2025", "all", "4"));

        List<List<String>> checkpoints = DashboardTables.checkpoints(fy2025, Language.JA);
        assertThat(checkpoints).hasSize(5);
        assertThat(checkpoints.get(0)).containsExactly("fiscalYear", "checkpoint", "title", "complies", "applicable", "share");
        // backup 3 of 3 = 1.0000; recovery 1 of 2 = 0.5000
        assertThat(checkpoints.get(2)).containsExactly("2025", "backup", "バックアップ", "3", "3", "1.0000");
        assertThat(checkpoints.get(3)).containsExactly("2025", "recovery", "復旧手順・BCP・訓練", "1", "2", "0.5000");

        List<List<String>> byBand = DashboardTables.checkpointsByBand(fy2025, Language.EN);
        assertThat(byBand).hasSize(1 + 4 * 3);
        // recovery in 200-399: nothing applicable, so no share
        assertThat(byBand).contains(List.of("2025", "recovery", "Recovery procedures, BCP and drills", "200-399", "0", "0", ""));

        NationalSurvey of2022 = survey(2022);
        String name = "病院における医療情報システムのサイバーセキュリティ対策に係る調査";
        String sources2022 = "https://cbnews.jp/news/entry/20220331124713?page=1 https://wic-net.com/material/document/7461/5";
        List<List<String>> items = DashboardTables.items(fy2025, of2022, Language.JA);
        assertThat(items.get(0)).containsExactly("fiscalYear", "checkpoint", "itemId", "scope", "checklistNumber",
                "title", "complies", "applicable", "share", "nonCompliant", "nationalShare", "nationalSurveyYear",
                "nationalSurvey", "nationalSources");
        // B3 (参考): 2 of 3 = 0.6667, 1 NC, national 52.4% in the 2022 survey, 65% in the 2023 one
        assertThat(items).contains(List.of("2025", "backup", B3, "reference", "", "バックアップを漏えいから保護している",
                "2", "3", "0.6667", "1", "0.524", "2022", name, sources2022));
        assertThat(DashboardTables.items(fy2025, survey(2023), Language.JA)).contains(List.of("2025", "backup", B3,
                "reference", "", "バックアップを漏えいから保護している", "2", "3", "0.6667", "1", "0.65", "2023", name,
                "https://wic-net.com/material/document/8585/5 https://www.mhlw.go.jp/stf/newpage_32083.html"));
        // V1: checklist R7 2-①, 2 of 3, 1 NC, no national figure
        assertThat(items).contains(List.of("2025", "vulnerability", V1, "checklist", "R7 2-①",
                "サーバ・端末PC・ネットワーク機器の台帳を管理している", "2", "3", "0.6667", "1", "", "", "", ""));
        // The checklist's items first, the 参考 ones after them.
        assertThat(items.subList(1, items.size())).extracting(row -> row.get(3))
                .isSortedAccordingTo(Comparator.comparing("reference"::equals));

        List<List<String>> itemsByBand = DashboardTables.itemsByBand(fy2025, Language.JA);
        assertThat(itemsByBand).hasSize(1 + fy2025.items().size() * 3);
        assertThat(itemsByBand).contains(List.of("2025", "backup", B1, "電子カルテのデータとシステムをバックアップしている",
                "200-399", "0", "0", ""));

        // V2: 2 NC of 3 = 0.6667; complies 1 of 3 = 0.3333
        assertThat(DashboardTables.mostOftenNonCompliant(dashboard.mostOftenNonCompliant(2025, 2), Language.JA))
                .containsExactly(
                        List.of("rank", "checkpoint", "itemId", "title", "nonCompliant", "applicable", "nonCompliantShare",
                                "complies", "share"),
                        List.of("1", "vulnerability", V2, "パスワードを適切に設定し、初期パスワードを変更している", "2", "3",
                                "0.6667", "1", "0.3333"),
                        List.of("2", "vulnerability", V1, "サーバ・端末PC・ネットワーク機器の台帳を管理している", "1", "3",
                                "0.3333", "2", "0.6667"));

        List<List<String>> overdue = DashboardTables.overdue(dashboard.overdue(2025, TODAY), Language.JA);
        assertThat(overdue).hasSize(5);
        assertThat(overdue.get(1)).containsExactly("i1", "1", "code-f-a", "A病院", "2025-04-01", V2, "checklist",
                "パスワードを適切に設定し、初期パスワードを変更している", "2025-09-30", "213");
        assertThat(overdue.get(3)).contains(B3, "reference");

        List<List<String>> trend = DashboardTables.checkpointsByYear(dashboard.checkpointsByYear(List.of(2024, 2025)),
                Language.EN);
        assertThat(trend).hasSize(1 + 2 * 4);
        assertThat(trend.get(1)).containsExactly("2024", "vulnerability", "Vulnerability and system management", "1", "2",
                "0.5000");

        List<List<String>> national = DashboardTables.nationalFigures(NationalSurveys.bundled(), Language.JA);
        assertThat(national.get(0)).containsExactly("surveyYear", "surveyId", "publisher", "survey", "reported", "asked",
                "replied", "base", "note", "itemId", "nationalShare", "label", "approximation", "sources");
        assertThat(national).hasSize(1 + 4 + 4);
        assertThat(national.get(1)).startsWith("2023");
        assertThat(national).contains(List.of("2022", "mhlw-hospital-cybersecurity-2022", "厚生労働省", name, "2022-03-31",
                "8252", "6216", of2022.base().ja(), "", B2, "0.475", "同時被災を避ける方法で保管",
                of2022.figure(B2).orElseThrow().approximation().orElseThrow().ja(), sources2022));
    }

    private static NationalSurvey survey(int year) {
        return NationalSurveys.bundled().all().stream().filter(survey -> survey.year() == year).findFirst().orElseThrow();
    }

    // ---- the share itself ------------------------------------------------------------------------------------

    @Test
    void aShareWithNothingApplicableHasNoRatio() {
        assertThat(Share.NONE.ratio()).isEmpty();
        assertThat(new Share(3, 4).ratio()).contains(0.75);
        assertThat(new Share(1, 2).plus(new Share(2, 2))).isEqualTo(new Share(3, 4));
        assertThatThrownBy(() -> new Share(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BedBand.of(199)).isEqualTo(BedBand.UNDER_200);
        assertThat(BedBand.of(200)).isEqualTo(BedBand.FROM_200_TO_399);
        assertThat(BedBand.of(399)).isEqualTo(BedBand.FROM_200_TO_399);
        assertThat(BedBand.of(400)).isEqualTo(BedBand.FROM_400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static void assertItem(YearFigures figures, String itemId, Share share, int nonCompliant) {
        ItemFigure item = figures.item(itemId).orElseThrow();
        assertThat(item.share()).as(itemId).isEqualTo(share);
        assertThat(item.nonCompliant()).as(itemId + " 不適合").isEqualTo(nonCompliant);
    }

    private static void assertBands(ItemFigure item, Share under200, Share from200, Share from400) {
        assertThat(item.byBand()).as(item.itemId()).containsExactly(Map.entry(BedBand.UNDER_200, under200),
                Map.entry(BedBand.FROM_200_TO_399, from200), Map.entry(BedBand.FROM_400, from400));
        assertThat(item.share()).as(item.itemId() + " is the sum of its bands")
                .isEqualTo(under200.plus(from200).plus(from400));
    }

    private static void assertCheckpoint(YearFigures figures, Checkpoint checkpoint, Share share, Share under200,
                                         Share from200, Share from400) {
        CheckpointFigure figure = figures.checkpoints().stream().filter(each -> each.checkpoint() == checkpoint)
                .findFirst().orElseThrow();
        assertThat(figure.share()).as(checkpoint.id()).isEqualTo(share);
        assertThat(figure.byBand()).as(checkpoint.id()).containsExactly(Map.entry(BedBand.UNDER_200, under200),
                Map.entry(BedBand.FROM_200_TO_399, from200), Map.entry(BedBand.FROM_400, from400));
    }

    /** The gate answered {@code gate}, and every one of the seven items {@code answer} with {@code target}. */
    private static List<Row> all(String gate, String answer, LocalDate target) {
        List<Row> rows = new ArrayList<>();
        rows.add(finding(GATE, gate));
        ITEMS.forEach(item -> rows.add(finding(item, answer, target)));
        return rows;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
