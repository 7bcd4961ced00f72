package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.intake.Filled;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.SelfCheckFixture;
import jp.tachiiri.testsupport.SettableClock;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.WorkbookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's self-check goes from the office to the inspector's tablet in the assignments bundle (real bundles on disk,
 * real SQLite files on both sides) and fills the inspection started from the plan, never over a confirmed row.
 */
class PlanSelfCheckSyncTest {

    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private static final LocalDate TARGET = LocalDate.parse("2026-12-31");
    private static final String ACTOR = SyncFixture.ACTOR;

    @TempDir
    Path folder;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-05-25T01:00:00Z"));
    private Workspace office;
    private Workspace tablet;
    private PlannedInspection plan;
    private int bundles;

    @BeforeEach
    void open() {
        office = Offices.open(folder.resolve("office"), clock);
        plan = PlanSelfChecks.planned(office, DAY);
        tablet = Workspace.open(folder.resolve("tablet"), clock);
        tablet.settings().setRole(Role.INSPECTOR);
        Enrolments.enrol(office, tablet);
    }

    @AfterEach
    void close() {
        tablet.close();
        office.close();
    }

    @Test
    void theSelfCheckTravelsWithThePlanAndFillsTheInspectionStartedFromIt() {
        FilledWorkbook hospital = PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null), PlanSelfChecks.row("2-⑩", SelfCheckAnswer.NO, TARGET));
        FilledWorkbook vendor = PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.EMR, "b".repeat(64),
                Map.of("2-⑦", SelfCheckAnswer.YES, "2-⑩", SelfCheckAnswer.NO));
        office.selfCheckImport().importWorkbook(hospital, "hospital.xlsx", "office-user");
        office.selfCheckImport().importWorkbook(vendor, "vendor.xlsx", "office-user");

        Path bundle = sendAssignments();
        assertThat(payload(bundle).selfChecks()).singleElement().satisfies(check -> {
            assertThat(check.planId()).isEqualTo(plan.id());
            assertThat(check.hospitalForm()).extracting(BundleRecords.HospitalFormRow::toEntry)
                    .containsExactlyElementsOf(hospital.hospitalRows().values().stream()
                            .sorted(java.util.Comparator.comparing(HospitalFormEntry::ministryNumber)).toList());
            assertThat(check.vendorForms()).extracting(BundleRecords.VendorForm::toForm)
                    .containsExactly(vendor.vendorForm().orElseThrow());
        });
        receive(bundle);

        clock.set(Instant.parse("2026-06-01T00:30:00Z"));
        String inspection = start();
        Filled filled = tablet.inspectionFill().startedFromPlan(inspection, ACTOR);

        SelfCheck forms = tablet.selfCheck().selfCheck(inspection, 1);
        assertThat(forms.hospitalForm()).isEqualTo(hospital.hospitalRows());
        assertThat(forms.vendorForm(SelfCheckFixture.EMR)).contains(vendor.vendorForm().orElseThrow());
        assertThat(filled.changedFields()).isPositive();
        assertThat(filled.keptConfirmed()).isEmpty();
        List<AuditEvent> trail = formEvents(inspection);
        assertThat(trail).isNotEmpty().allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo(ACTOR);
            assertThat(event.reason()).contains("self-check of plan " + plan.id());
        });

        assertThat(tablet.inspectionFill().startedFromPlan(inspection, ACTOR).changedFields())
                .as("the same self-check fills an inspection once").isZero();
    }

    @Test
    void aSelfCheckArrivingLaterFillsOnlyWhatTheInspectorHasNotConfirmed() {
        receive(sendAssignments());
        clock.set(Instant.parse("2026-06-01T00:30:00Z"));
        String inspection = start();
        assertThat(tablet.inspectionFill().startedFromPlan(inspection, ACTOR).changedFields()).as("no self-check yet").isZero();
        HospitalFormEntry confirmed = PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)
                .withConfirmation(Optional.of(Confirmation.AGREES), "");
        HospitalFormEntry typed = PlanSelfChecks.row("2-⑦", SelfCheckAnswer.NO, TARGET);
        tablet.selfCheck().recordHospitalForm(inspection, List.of(confirmed, typed), ACTOR);

        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.NO, TARGET), PlanSelfChecks.row("2-⑦", SelfCheckAnswer.YES, null),
                PlanSelfChecks.row("3-①", SelfCheckAnswer.YES, null)), "hospital.xlsx", "office-user");
        receive(sendAssignments());

        SelfCheck forms = tablet.selfCheck().selfCheck(inspection, 1);
        assertThat(forms.entry("2-①")).as("confirmed: as the inspector left it").isEqualTo(confirmed);
        assertThat(forms.entry("2-⑦")).isEqualTo(PlanSelfChecks.row("2-⑦", SelfCheckAnswer.YES, null));
        assertThat(forms.entry("3-①")).isEqualTo(PlanSelfChecks.row("3-①", SelfCheckAnswer.YES, null));
        assertThat(formEvents(inspection)).filteredOn(event -> event.reason() != null).isNotEmpty()
                .allSatisfy(event -> assertThat(event.reason()).contains("left as the inspector confirmed them: 2-①"))
                .noneSatisfy(event -> assertThat(event.subject()).startsWith("2-①/"));

        HospitalFormEntry corrected = forms.entry("2-⑦").withAnswer(Optional.of(SelfCheckAnswer.NO))
                .withTargetDate(Optional.of(TARGET));
        tablet.selfCheck().recordHospitalForm(inspection, List.of(corrected), ACTOR);
        receive(sendAssignments());
        assertThat(tablet.selfCheck().selfCheck(inspection, 1).entry("2-⑦"))
                .as("the same self-check again does not undo the inspector's change").isEqualTo(corrected);
    }

    @Test
    void aFilledWorkbookHandedOverAtTheInspectionFillsItTheSameWay() {
        receive(sendAssignments());
        clock.set(Instant.parse("2026-06-01T00:30:00Z"));
        String inspection = start();
        HospitalFormEntry confirmed = PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)
                .withConfirmation(Optional.of(Confirmation.DIFFERS), "台帳が古い");
        tablet.selfCheck().recordHospitalForm(inspection, List.of(confirmed), ACTOR);
        FilledWorkbook vendor = PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.PACS, "c".repeat(64),
                Map.of("2-①", SelfCheckAnswer.NO, "2-⑦", SelfCheckAnswer.YES));

        Filled filled = tablet.inspectionFill().fillFromWorkbook(inspection, vendor, "PACS.xlsx", ACTOR);

        VendorForm stored = tablet.selfCheck().selfCheck(inspection, 1).vendorForm(SelfCheckFixture.PACS).orElseThrow();
        assertThat(stored.status()).isEqualTo(VendorForm.Status.RECEIVED);
        assertThat(stored.answers()).as("2-① confirmed before the vendor's answer came")
                .isEqualTo(Map.of("2-⑦", SelfCheckAnswer.YES));
        assertThat(filled.keptConfirmed()).containsExactly("画像システム社 / PACS 2-①");
        assertThat(formEvents(inspection)).filteredOn(event -> event.reason() != null)
                .allSatisfy(event -> assertThat(event.reason()).contains("PACS.xlsx", "c".repeat(64)));

        WorkbookRequest written = vendor.request();
        Facility other = new Facility("other", "9910000099", "デモ 別の病院", "", "", written.facility().type(), 100, true,
                true, List.of(), List.of(), true);
        FilledWorkbook ofAnother = new FilledWorkbook(WorkbookRequest.hospital(written.plan(), other, written.catalog()),
                Map.of(), Optional.empty(), "d".repeat(64));
        assertThatThrownBy(() -> tablet.inspectionFill().fillFromWorkbook(inspection, ofAnother, "other.xlsx", ACTOR))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("selfCheckFill.error.otherFacility");
                    assertThat(e.getMessage()).contains("other.xlsx", "デモ 別の病院", SelfCheckFixture.FACILITY_NAME);
                });
    }

    @Test
    void aVendorFormOfAContractRemovedSinceStaysAtTheOfficeAndTheBundleIsTaken() {
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), "hospital.xlsx", "office-user");
        office.selfCheckImport().importWorkbook(PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.EMR,
                "b".repeat(64), Map.of("2-⑦", SelfCheckAnswer.YES)), "emr.xlsx", "office-user");
        office.selfCheckImport().importWorkbook(PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.PACS,
                "c".repeat(64), Map.of("2-⑦", SelfCheckAnswer.NO)), "pacs.xlsx", "office-user");
        Facility before = SelfCheckFixture.facility();
        office.facilities().save(new Facility(before.id(), before.code(), before.name(), before.kana(), before.address(),
                before.type(), before.licensedBeds(), before.hasMedicalInformationSystem(), before.usesEmr(),
                List.of(SelfCheckFixture.EMR), before.feeAddOnClaims(), before.demo()));

        Path bundle = sendAssignments();
        receive(bundle);

        assertThat(payload(bundle).selfChecks()).singleElement().satisfies(check -> assertThat(check.vendorForms())
                .extracting(BundleRecords.VendorForm::system).containsExactly(SelfCheckFixture.EMR.system()));
        assertThat(office.selfCheckImport().selfCheck(plan.id()).vendorForm(SelfCheckFixture.PACS))
                .as("kept at the office").isPresent();
    }

    @Test
    void onlyAPlanOfTheInspectionsFiscalYearNotStartedAlreadyFillsIt() {
        PlannedInspection lastYear = office.sync().plan(plan.facilityId(), "hanako", "デモ 立入花子",
                LocalDate.parse("2026-03-25"));
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, lastYear.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), "last-year.xlsx", "office-user");
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "b".repeat(64),
                PlanSelfChecks.row("2-⑦", SelfCheckAnswer.YES, null)), "this-year.xlsx", "office-user");
        receive(sendAssignments());
        clock.set(Instant.parse("2026-06-01T00:30:00Z"));

        String inspection = start(LocalDate.parse("2026-04-02"));
        tablet.inspectionFill().startedFromPlan(inspection, ACTOR);
        assertThat(tablet.selfCheck().selfCheck(inspection, 1).hospitalForm()).as("this fiscal year's plan, not the nearest")
                .containsOnlyKeys("2-⑦");

        String another = start(DAY);
        assertThat(tablet.inspectionFill().startedFromPlan(another, ACTOR).changedFields()).isZero();
        assertThat(tablet.selfCheck().selfCheck(another, 1).hospitalForm()).as("the plan is the first inspection's")
                .isEmpty();
    }

    @Test
    void aHandedOverWorkbooksBlankRowsLeaveTheInspectorsEntries() {
        receive(sendAssignments());
        clock.set(Instant.parse("2026-06-01T00:30:00Z"));
        String inspection = start();
        HospitalFormEntry typed = PlanSelfChecks.row("2-⑦", SelfCheckAnswer.NO, TARGET);
        tablet.selfCheck().recordHospitalForm(inspection, List.of(typed), ACTOR);
        FilledWorkbook handed = PlanSelfChecks.hospital(office, plan.id(), "e".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null), HospitalFormEntry.empty("2-⑦"));

        tablet.inspectionFill().fillFromWorkbook(inspection, handed, "hospital.xlsx", ACTOR);

        SelfCheck forms = tablet.selfCheck().selfCheck(inspection, 1);
        assertThat(forms.entry("2-⑦")).isEqualTo(typed);
        assertThat(forms.entry("2-①")).isEqualTo(PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null));
    }

    @Test
    void aFillThatFailedIsTriedAgainAfterTheNextBundleAndDoesNotStopTheOthers() {
        PlannedInspection later = office.sync().plan(plan.facilityId(), "hanako", "デモ 立入花子", LocalDate.parse("2026-06-15"));
        receive(sendAssignments());
        clock.set(Instant.parse("2026-06-15T00:30:00Z"));
        String first = start();
        String second = start(later.date());
        tablet.inspectionFill().startedFromPlan(first, ACTOR);
        tablet.inspectionFill().startedFromPlan(second, ACTOR);
        clock.set(Instant.parse("2026-05-25T01:00:00Z"));
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), "first.xlsx", "office-user");
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, later.id(), "b".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null).withCheckedOn(Optional.of(LocalDate.parse("2026-05-10")))),
                "second.xlsx", "office-user");
        Path bundle = sendAssignments();

        // The tablet's clock is behind: the first plan's 確認日 (05-20) is in its future, the second's (05-10) is not.
        clock.set(Instant.parse("2026-05-15T01:00:00Z"));
        receive(bundle);
        assertThat(tablet.selfCheck().selfCheck(first, 1).hospitalForm()).isEmpty();
        assertThat(tablet.selfCheck().selfCheck(second, 1).entry("2-①").answer()).contains(SelfCheckAnswer.YES);

        clock.set(Instant.parse("2026-06-15T01:00:00Z"));
        receive(sendAssignments());
        assertThat(tablet.selfCheck().selfCheck(first, 1).entry("2-①"))
                .isEqualTo(PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null));
    }

    private Path sendAssignments() {
        return office.sync().exportAssignments(folder.resolve("usb-" + ++bundles), Optional.empty(), List.of());
    }

    private void receive(Path bundle) {
        ImportOutcome outcome = tablet.sync().importFile(bundle, true);
        assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
    }

    private BundleRecords.AssignmentsPayload payload(Path bundle) {
        try (BundleReader reader = BundleReader.open(bundle, tablet.sync().identity())) {
            return reader.payload(BundleRecords.AssignmentsPayload.class);
        }
    }

    private String start() {
        return start(DAY);
    }

    private String start(LocalDate day) {
        return tablet.inspections().start(new NewInspection(plan.facilityId(), day, List.of("立入 花子"), List.of(), false),
                ACTOR).id();
    }

    private List<AuditEvent> formEvents(String inspection) {
        return tablet.chainVerifier().trail(inspection).events().stream()
                .filter(event -> event.action().endsWith("_FORM_CHANGED")).toList();
    }
}
