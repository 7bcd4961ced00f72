package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.review.Decision;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that arrives in a bundle is stored as the same rows as where it was made: the tablet's facility,
 * inspection, revisions, findings, evidence and audit trail at the office, and the office's facility, plan and
 * review at the tablet, compared row by row and column by column in the two SQLite files. The records fill every
 * compared column with something other than its default, so that an import that dropped a column would show.
 */
class ImportedRowsTest {

    /**
     * Columns that say something about the installation that holds the row, not about the record: they differ
     * between the two stores by design, and are left out of the comparison.
     */
    private static final Set<String> PER_INSTALLATION = Set.of(
            // Which tablet's inspection named a facility the office did not know: null where it is the store's own.
            "facilities.reported_by",
            // The device that made the inspection: null on that device itself.
            "inspections.origin_device");

    /** Compared columns that hold their default in every record a bundle can carry. */
    private static final Set<String> ALWAYS_DEFAULT = Set.of(
            // A bundle carries only the evidence that was not removed.
            "evidence.removed_at");

    private static final String SUPERVISOR = "supervisor";

    @TempDir
    Path folder;

    /** What the tablet made: its facility, and an inspection of it in two finalized revisions. */
    private record Made(Facility facility, String inspectionId, List<String> items) {
    }

    @Test
    void whatATabletRecordedIsStoredAtTheOfficeAsTheSameRows() throws Exception {
        try (Workspace tablet = tablet(); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            Made made = recordOnTheTablet(tablet);
            sendFindings(tablet, office);

            String inspection = made.inspectionId();
            assertSameRows(tablet, office, "facilities", "id", made.facility().id());
            assertSameRows(tablet, office, "facility_vendors", "facility_id", made.facility().id());
            assertSameRows(tablet, office, "inspections", "id", inspection);
            for (String table : List.of("inspection_revisions", "revision_inspectors", "revision_attendees", "findings",
                    "evidence", "revision_facility", "hospital_form", "vendor_forms", "vendor_form_answers", "audit_events")) {
                assertSameRows(tablet, office, table, "inspection_id", inspection);
            }
        }
    }

    @Test
    void whatTheOfficeDecidedAndPlannedIsStoredAtTheTabletAsTheSameRows() throws Exception {
        try (Workspace tablet = tablet(); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            Made made = recordOnTheTablet(tablet);
            sendFindings(tablet, office);
            Facility planned = new Facility("office-clinic", "1398765432", "青葉台記念クリニック", "あおばだいきねんくりにっく",
                    "東京都青葉区2-2", FacilityType.CLINIC_WITH_BEDS, 19, true, false,
                    List.of(new VendorContract("青葉システム", "医事会計")),
                    List.of(new FeeAddOnClaim("digital-linkage-inpatient-2026", LocalDate.parse("2026-06-01"))), true);
            office.facilities().save(planned);
            office.sync().plan(planned.id(), "hanako", "立入 花子", LocalDate.parse("2025-11-04"));
            office.review().decide(new Decision(made.inspectionId(), 2, false, "目標日を具体的に",
                    Map.of(made.items().get(0), "更新日の記入を", made.items().get(1), "代替策の期限を")), SUPERVISOR);
            Path answer = office.sync().exportAssignments(folder.resolve("usb-back"), Optional.empty(), List.of());
            ImportOutcome back = tablet.sync().importFile(answer, true);
            assertThat(back.result()).as(back.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);

            assertSameRows(office, tablet, "facilities", "id", planned.id());
            assertSameRows(office, tablet, "facility_vendors", "facility_id", planned.id());
            assertSameRows(office, tablet, "assignments", "facility_id", planned.id());
            assertSameRows(office, tablet, "review_results", "inspection_id", made.inspectionId());
            assertSameRows(office, tablet, "review_item_comments", "inspection_id", made.inspectionId());
        }
    }

    private Workspace tablet() {
        Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC());
        tablet.settings().setRole(Role.INSPECTOR);
        return tablet;
    }

    /**
     * A facility of the tablet's own and an inspection of it, as its user makes them: answers with every field
     * filled in, photos, the hospital's form and both vendors' forms (one received, one missing), a finalization, an
     * amendment that changes an answer, a row of the hospital's form and a vendor form and adds a photo, a second
     * finalization.
     */
    private Made recordOnTheTablet(Workspace tablet) throws Exception {
        Facility facility = new Facility("tablet-hospital", "1312345678", "立入記念病院", "たちいりきねんびょういん",
                "東京都千代田区1-1", FacilityType.CLINIC_WITH_BEDS, 18, true, true,
                List.of(new VendorContract("電子カルテ社", "電子カルテ"), new VendorContract("画像システム社", "PACS")),
                List.of(new FeeAddOnClaim("records-management-1-2024", LocalDate.parse("2024-06-01")),
                        new FeeAddOnClaim("digital-linkage-inpatient-2026", LocalDate.parse("2026-06-01"))),
                true);
        tablet.facilities().save(facility);
        Inspection started = tablet.inspections().start(new NewInspection(facility.id(), LocalDate.parse("2025-06-10"),
                List.of("立入 花子", "検査 太郎"), List.of(new Attendee("院長 一郎", "院長"), new Attendee("情報 二郎", "システム担当")),
                true), SyncFixture.ACTOR);
        String id = started.id();
        Catalog catalog = tablet.inspections().catalogOf(started);
        String nonCompliant = itemAllowing(catalog, Answer.NON_COMPLIANT, null);
        String alternative = itemAllowing(catalog, Answer.ALTERNATIVE, nonCompliant);
        record(tablet, id, Finding.empty(catalog.gate().id()).withAnswer(Answer.YES));
        record(tablet, id, Finding.empty(nonCompliant).withAnswer(Answer.NON_COMPLIANT)
                .withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT, ConfirmationMethod.OBSERVATION))
                .withCheckedOn(LocalDate.parse("2025-06-10")).withNote("台帳が古い").withAdvice("台帳を更新すること")
                .withTargetDate(LocalDate.parse("2025-09-30")).withFollowUp(true));
        record(tablet, id, Finding.empty(alternative).withAnswer(Answer.ALTERNATIVE)
                .withConfirmedBy(Set.of(ConfirmationMethod.INTERVIEW)).withReason("紙の手順書で代替").withNote("聞き取り"));
        tablet.evidence().add(id, 1, nonCompliant, SyncFixture.photo(folder, "ledger.png", 40_000), "image/png",
                SyncFixture.ACTOR);
        tablet.selfCheck().recordHospitalForm(id, List.of(
                new HospitalFormEntry("2-①", Optional.of(SelfCheckAnswer.YES), Optional.of(LocalDate.parse("2025-06-01")),
                        Optional.empty(), Optional.of(Confirmation.DIFFERS), "台帳が2023年のまま"),
                new HospitalFormEntry("2-⑩", Optional.of(SelfCheckAnswer.NO), Optional.of(LocalDate.parse("2025-06-01")),
                        Optional.of(LocalDate.parse("2026-03-31")), Optional.of(Confirmation.AGREES), "")), SyncFixture.ACTOR);
        tablet.selfCheck().recordVendorForm(id, new VendorForm(facility.vendors().get(0), VendorForm.Status.RECEIVED,
                Optional.of(LocalDate.parse("2025-05-30")), "", Map.of("2-⑦", SelfCheckAnswer.YES, "2-⑩", SelfCheckAnswer.NO)),
                SyncFixture.ACTOR);
        tablet.selfCheck().recordVendorForm(id, new VendorForm(facility.vendors().get(1), VendorForm.Status.MISSING,
                Optional.empty(), "提出を依頼中", Map.of()), SyncFixture.ACTOR);
        tablet.inspections().finalizeInspection(id, SyncFixture.ACTOR);

        tablet.inspections().amend(id, "目標日の訂正", SyncFixture.ACTOR);
        Finding corrected = tablet.inspections().findings(id, 2).get(nonCompliant)
                .withTargetDate(LocalDate.parse("2025-10-31")).withNote("台帳が古い（再確認済み）");
        record(tablet, id, corrected);
        tablet.selfCheck().recordHospitalForm(id, List.of(tablet.selfCheck().selfCheck(id, 2).entry("2-⑩")
                .withConfirmation(Optional.of(Confirmation.NOT_CONFIRMED), "担当者が不在")), SyncFixture.ACTOR);
        tablet.selfCheck().recordVendorForm(id, tablet.selfCheck().selfCheck(id, 2).vendorForm(facility.vendors().get(1))
                .orElseThrow().withStatus(VendorForm.Status.RECEIVED, "").withFilledOn(Optional.of(LocalDate.parse("2025-06-09")))
                .withAnswer("2-⑦", Optional.of(SelfCheckAnswer.NO)), SyncFixture.ACTOR);
        tablet.evidence().add(id, 2, alternative, SyncFixture.photo(folder, "procedure.pdf", 12_000), "application/pdf",
                SyncFixture.ACTOR);
        tablet.inspections().finalizeInspection(id, SyncFixture.ACTOR);
        return new Made(facility, id, List.of(nonCompliant, alternative));
    }

    private static void record(Workspace tablet, String inspectionId, Finding finding) {
        tablet.inspections().record(inspectionId, finding, SyncFixture.ACTOR);
    }

    private static String itemAllowing(Catalog catalog, Answer answer, String other) {
        return catalog.items().stream().filter(item -> item.answers().contains(answer) && !item.id().equals(other))
                .map(CatalogItem::id).findFirst().orElseThrow();
    }

    /** The tablet's findings bundle, written and imported as the app does it. */
    private void sendFindings(Workspace tablet, Workspace office) {
        Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
        ImportOutcome imported = office.sync().importFile(bundle, true);
        assertThat(imported.result()).as(imported.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(imported.counts().added()).isEqualTo(1);
    }

    /**
     * The rows of {@code table} whose {@code keyColumn} is {@code key} are the same in both stores, but for the
     * columns {@link #PER_INSTALLATION}; and each compared column holds, in some of them, a value other than the
     * column's default (or null), so that losing it on the way would make the rows differ.
     */
    private static void assertSameRows(Workspace madeIn, Workspace importedIn, String table, String keyColumn, String key)
            throws SQLException {
        List<Map<String, Object>> made = rows(madeIn, table, keyColumn, key);
        List<Map<String, Object>> imported = rows(importedIn, table, keyColumn, key);
        assertThat(imported).as("the rows of %s as imported", table).isEqualTo(made);
        Map<String, Object> defaults = defaults(madeIn, table);
        for (String column : made.get(0).keySet()) {
            if (!ALWAYS_DEFAULT.contains(table + "." + column)) {
                assertThat(made).as("some row of %s holds in %s a value other than its default, %s", table, column,
                        defaults.get(column)).anySatisfy(row -> assertThat(row.get(column)).isNotEqualTo(defaults.get(column)));
            }
        }
    }

    /** The rows in a stable order, each as its columns' values by name. */
    private static List<Map<String, Object>> rows(Workspace workspace, String table, String keyColumn, String key)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = StoreDump.openReadOnly(workspace.databaseFile());
             PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " WHERE " + keyColumn + " = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                        String column = row.getMetaData().getColumnName(c);
                        if (!PER_INSTALLATION.contains(table + "." + column)) {
                            values.put(column, row.getObject(c));
                        }
                    }
                    rows.add(values);
                }
            }
        }
        rows.sort(Comparator.comparing(Object::toString));
        assertThat(rows).as("rows of %s for %s", table, key).isNotEmpty();
        return rows;
    }

    /** Each column's default value as the schema declares it (null where it declares none). */
    private static Map<String, Object> defaults(Workspace workspace, String table) throws SQLException {
        Map<String, Object> defaults = new LinkedHashMap<>();
        try (Connection connection = StoreDump.openReadOnly(workspace.databaseFile());
             Statement statement = connection.createStatement()) {
            List<String[]> declared = new ArrayList<>();
            try (ResultSet columns = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (columns.next()) {
                    declared.add(new String[] {columns.getString("name"), columns.getString("dflt_value")});
                }
            }
            for (String[] column : declared) {
                Object value = null;
                if (column[1] != null) {
                    try (ResultSet evaluated = statement.executeQuery("SELECT " + column[1])) {
                        evaluated.next();
                        value = evaluated.getObject(1);
                    }
                }
                defaults.put(column[0], value);
            }
        }
        return defaults;
    }
}
