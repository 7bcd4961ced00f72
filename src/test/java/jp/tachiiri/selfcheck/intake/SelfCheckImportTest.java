package jp.tachiiri.selfcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.SelfCheckFixture;
import jp.tachiiri.testsupport.SettableClock;
import jp.tachiiri.testsupport.StoreDump;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.WorkbookKind;
import jp.tachiiri.workbook.WorkbookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office takes filled workbooks into its plans' self-checks, on a real SQLite file. */
class SelfCheckImportTest {

    private static final LocalDate TARGET = LocalDate.parse("2026-12-31");

    @TempDir
    Path folder;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-05-25T01:00:00Z"));
    private Workspace office;
    private PlannedInspection plan;

    @BeforeEach
    void open() {
        office = Offices.open(folder.resolve("office"), clock);
        plan = PlanSelfChecks.planned(office, LocalDate.parse("2026-06-15"));
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void aFilledWorkbookBecomesThePlansSelfCheckWithItsSourceAndTrail() {
        FilledWorkbook workbook = PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null),
                PlanSelfChecks.row("2-⑩", SelfCheckAnswer.NO, TARGET));

        Imported imported = office.selfCheckImport().importWorkbook(workbook, "森の丘病院.xlsx", "office-user");

        assertThat(imported.outcome()).isEqualTo(Imported.Outcome.NEW);
        assertThat(imported.changedFields()).isEqualTo(5);
        SelfCheck stored = office.selfCheckImport().selfCheck(plan.id());
        assertThat(stored.hospitalForm()).isEqualTo(workbook.hospitalRows());
        assertThat(office.selfCheckImport().sources(plan.id())).singleElement().satisfies(source -> {
            assertThat(source.kind()).isEqualTo(WorkbookKind.HOSPITAL);
            assertThat(source.fileName()).isEqualTo("森の丘病院.xlsx");
            assertThat(source.sha256()).isEqualTo("a".repeat(64));
            assertThat(source.importedAt()).isEqualTo(clock.instant());
            assertThat(source.importedBy()).isEqualTo("office-user");
        });
        List<AuditEvent> trail = office.selfCheckImport().trail(plan.id());
        assertThat(trail).extracting(AuditEvent::action).containsExactly("SELF_CHECK_IMPORTED", "HOSPITAL_FORM_CHANGED",
                "HOSPITAL_FORM_CHANGED", "HOSPITAL_FORM_CHANGED", "HOSPITAL_FORM_CHANGED", "HOSPITAL_FORM_CHANGED");
        assertThat(trail.get(0).newValue()).isEqualTo("森の丘病院.xlsx " + "a".repeat(64));
        assertChained(trail);
    }

    @Test
    void theSameFileAgainChangesNothing() {
        FilledWorkbook workbook = PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null));
        office.selfCheckImport().importWorkbook(workbook, "森の丘病院.xlsx", "office-user");
        String before = StoreDump.of(office.databaseFile(), Set.of());
        clock.set(clock.instant().plusSeconds(3600));

        Imported again = office.selfCheckImport().importWorkbook(workbook, "コピー.xlsx", "someone-else");

        assertThat(again.outcome()).isEqualTo(Imported.Outcome.UNCHANGED);
        assertThat(again.changedFields()).isZero();
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(before);
    }

    @Test
    void aNewerWorkbookReplacesTheOlderAndEveryChangedFieldIsAudited() {
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null),
                PlanSelfChecks.row("2-⑦", SelfCheckAnswer.YES, null)), "first.xlsx", "office-user");
        clock.set(clock.instant().plusSeconds(86_400));
        FilledWorkbook newer = PlanSelfChecks.hospital(office, plan.id(), "b".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.NO, TARGET),
                PlanSelfChecks.row("3-①", SelfCheckAnswer.YES, null));

        Imported replaced = office.selfCheckImport().importWorkbook(newer, "second.xlsx", "office-user");

        assertThat(replaced.outcome()).isEqualTo(Imported.Outcome.REPLACED);
        assertThat(office.selfCheckImport().selfCheck(plan.id()).hospitalForm()).as("2-⑦ left blank in the newer one")
                .isEqualTo(newer.hospitalRows());
        List<AuditEvent> trail = office.selfCheckImport().trail(plan.id());
        List<AuditEvent> second = trail.subList(trail.size() - replaced.changedFields() - 1, trail.size());
        assertThat(second.get(0).action()).isEqualTo("SELF_CHECK_IMPORTED");
        assertThat(second.get(0).oldValue()).isEqualTo("first.xlsx " + "a".repeat(64));
        assertThat(second.get(0).newValue()).isEqualTo("second.xlsx " + "b".repeat(64));
        assertThat(second.get(0).reason()).contains("replaces", "確認日 2026-05-20");
        assertThat(second.subList(1, second.size()))
                .extracting(event -> event.subject() + " " + event.oldValue() + "→" + event.newValue())
                .containsExactly("2-①/answer YES→NO", "2-①/targetDate null→2026-12-31",
                        "2-⑦/answer YES→null", "2-⑦/checkedOn 2026-05-20→null",
                        "3-①/answer null→YES", "3-①/checkedOn null→2026-05-20");
        assertChained(trail);
    }

    @Test
    void aFileImportedBeforeAndReplacedSinceIsRefusedAsOlderNotTakenAsNewer() {
        FilledWorkbook first = PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null));
        FilledWorkbook second = PlanSelfChecks.hospital(office, plan.id(), "b".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.NO, TARGET));
        office.selfCheckImport().importWorkbook(first, "first.xlsx", "office-user");
        office.selfCheckImport().importWorkbook(second, "second.xlsx", "office-user");
        String stored = StoreDump.of(office.databaseFile(), Set.of());

        assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(first, "first.xlsx", "office-user"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("selfCheckImport.error.replacedBefore");
                    assertThat(e.getMessage()).contains("first.xlsx", "second.xlsx");
                });
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(stored);
        assertThat(office.selfCheckImport().importWorkbook(second, "copy.xlsx", "office-user").outcome())
                .isEqualTo(Imported.Outcome.UNCHANGED);
    }

    @Test
    void aWorkbookOlderByTheDayItCarriesIsRefusedWhateverTheOrderOfImport() {
        FilledWorkbook newer = PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.NO, TARGET).withCheckedOn(Optional.of(LocalDate.parse("2026-05-22"))));
        FilledWorkbook older = PlanSelfChecks.hospital(office, plan.id(), "b".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null));
        office.selfCheckImport().importWorkbook(newer, "newer.xlsx", "office-user");
        FilledWorkbook vendor = PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.EMR, "c".repeat(64),
                Map.of("2-⑦", SelfCheckAnswer.YES));
        office.selfCheckImport().importWorkbook(vendor, "vendor.xlsx", "office-user");
        VendorForm held = vendor.vendorForm().orElseThrow();
        FilledWorkbook olderVendor = new FilledWorkbook(vendor.request(), Map.of(), Optional.of(new VendorForm(
                held.contract(), held.status(), Optional.of(held.filledOn().orElseThrow().minusDays(1)), "",
                Map.of("2-⑦", SelfCheckAnswer.NO))), "d".repeat(64));
        String stored = StoreDump.of(office.databaseFile(), Set.of());

        assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(older, "older.xlsx", "office-user"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("selfCheckImport.error.older");
                    assertThat(e.getMessage()).contains("older.xlsx", "確認日", "2026-05-20", "2026-05-22");
                });
        assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(olderVendor, "older-vendor.xlsx", "office-user"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("selfCheckImport.error.older");
                    assertThat(e.getMessage()).contains("older-vendor.xlsx", "記入日", "2026-05-16", "2026-05-17");
                });
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(stored);
    }

    @Test
    void aBlankWorkbookIsRefusedAndClearsNothing() {
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), "filled.xlsx", "office-user");
        FilledWorkbook blank = PlanSelfChecks.hospital(office, plan.id(), "b".repeat(64),
                HospitalFormEntry.empty("2-①"));
        FilledWorkbook blankVendor = PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.EMR, "c".repeat(64), Map.of());
        String stored = StoreDump.of(office.databaseFile(), Set.of());

        for (FilledWorkbook workbook : List.of(blank, blankVendor)) {
            assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(workbook, "blank.xlsx", "office-user"))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.key()).isEqualTo("selfCheckImport.error.blank");
                        assertThat(e.getMessage()).contains("blank.xlsx");
                    });
        }
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(stored);
    }

    @Test
    void aVendorWorkbookIsOneContractsFormBesideTheHospitals() {
        Map<String, SelfCheckAnswer> answers = Map.of("2-⑦", SelfCheckAnswer.YES, "2-⑩", SelfCheckAnswer.NO);
        FilledWorkbook workbook = PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.EMR, "c".repeat(64), answers);

        assertThat(office.selfCheckImport().importWorkbook(workbook, "電子カルテ社.xlsx", "office-user").outcome())
                .isEqualTo(Imported.Outcome.NEW);

        VendorForm stored = office.selfCheckImport().selfCheck(plan.id()).vendorForm(SelfCheckFixture.EMR).orElseThrow();
        assertThat(stored).isEqualTo(workbook.vendorForm().orElseThrow());
        assertThat(office.selfCheckImport().sources(plan.id())).singleElement()
                .satisfies(source -> assertThat(source.contract()).contains(SelfCheckFixture.EMR));
    }

    @Test
    void aVendorWorkbookForAContractTheFacilityNoLongerHasIsRefusedAndNothingIsStored() {
        office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), "hospital.xlsx", "office-user");
        FilledWorkbook written = PlanSelfChecks.vendor(office, plan.id(), SelfCheckFixture.PACS, "d".repeat(64),
                Map.of("2-⑦", SelfCheckAnswer.YES));
        Facility before = SelfCheckFixture.facility();
        office.facilities().save(new Facility(before.id(), before.code(), before.name(), before.kana(), before.address(),
                before.type(), before.licensedBeds(), before.hasMedicalInformationSystem(), before.usesEmr(),
                List.of(SelfCheckFixture.EMR), before.feeAddOnClaims(), before.demo()));
        String stored = StoreDump.of(office.databaseFile(), Set.of());

        assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(written, "画像システム社.xlsx", "office-user"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("selfCheckImport.error.noContract");
                    assertThat(e.getMessage()).contains("画像システム社.xlsx", "画像システム社 / PACS", SelfCheckFixture.FACILITY_NAME);
                });
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(stored);
    }

    @Test
    void aRowBreakingTheFormsRulesRefusesTheWholeWorkbook() {
        FilledWorkbook workbook = PlanSelfChecks.hospital(office, plan.id(), "e".repeat(64),
                PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null),
                PlanSelfChecks.row("2-⑦", SelfCheckAnswer.YES, TARGET));
        String stored = StoreDump.of(office.databaseFile(), Set.of());

        assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(workbook, "hospital.xlsx", "office-user"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.key()).isEqualTo("selfCheck.error.targetWithoutNo"));
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(stored);
    }

    @Test
    void aWorkbookOfAPlanTheOfficeDoesNotHaveIsRefused() {
        WorkbookRequest known = office.selfCheckImport().request(plan.id()).orElseThrow();
        PlannedInspection elsewhere = new PlannedInspection("plan-of-another-office", plan.facilityId(), "taro", "太郎",
                plan.date());
        FilledWorkbook workbook = new FilledWorkbook(WorkbookRequest.hospital(elsewhere, known.facility(), known.catalog()),
                Map.of("2-①", PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), Optional.empty(), "f".repeat(64));

        assertThatThrownBy(() -> office.selfCheckImport().importWorkbook(workbook, "other.xlsx", "office-user"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("selfCheckImport.error.noPlan");
                    assertThat(e.getMessage()).contains("other.xlsx", "plan-of-another-office");
                });
        assertThat(office.selfCheckImport().request("plan-of-another-office")).isEmpty();
    }

    @Test
    void theWorkbooksOfAPeriodAreThoseOfItsPlans() {
        PlannedInspection later = office.sync().plan(plan.facilityId(), "hanako", "デモ 立入花子", LocalDate.parse("2026-09-01"));

        assertThat(office.selfCheckImport().requests(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30")))
                .extracting(request -> request.plan().id()).containsExactly(plan.id());
        assertThat(office.selfCheckImport().requests(LocalDate.parse("2026-06-15"), LocalDate.parse("2026-09-01")))
                .extracting(request -> request.plan().id()).containsExactly(plan.id(), later.id());
        assertThat(office.selfCheckImport().request(plan.id()).orElseThrow().catalog().version()).isEqualTo("2026.1");
        assertThatThrownBy(() -> office.selfCheckImport().requests(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-06-01")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.key()).isEqualTo("selfCheckImport.error.period"));
    }

    private static void assertChained(List<AuditEvent> trail) {
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < trail.size(); i++) {
            AuditEvent event = trail.get(i);
            assertThat(event.sequence()).isEqualTo(i + 1);
            assertThat(event.previousHash()).isEqualTo(previous);
            assertThat(event.hash()).isEqualTo(AuditChain.hashOf(event));
            previous = event.hash();
        }
    }

}
