package jp.tachiiri.selfcheck.intake;

import static jp.tachiiri.testsupport.LibreOffice.Edit.text;
import static jp.tachiiri.testsupport.LibreOffice.Edit.typed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.LibreOffice;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.SelfCheckFixture;
import jp.tachiiri.testsupport.SettableClock;
import jp.tachiiri.workbook.WorkbookLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way of a self-check workbook, with real files: the office writes a plan's workbooks, the hospital and a
 * vendor fill them in LibreOffice as people do (dates typed, 令和 text, ○ with spaces), the office imports the folder
 * (and the same files again change nothing), and the inspector's tablet, given the plan, takes the hospital's
 * workbook handed over on a USB stick into the inspection.
 */
class WorkbookRoundTripTest {

    private static final LocalDate DAY = LocalDate.parse("2026-06-15");
    private static final String FORM = WorkbookLayout.HOSPITAL_SHEET;

    @TempDir
    Path folder;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-05-25T01:00:00Z"));
    private Workspace office;
    private PlannedInspection plan;

    @BeforeAll
    static void libreOfficeIsHere() {
        LibreOffice.assumeInstalled();
    }

    @BeforeEach
    void open() {
        office = Offices.open(folder.resolve("office"), clock);
        plan = PlanSelfChecks.planned(office, DAY);
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void writtenFilledInLibreOfficeImportedAtTheOfficeAndTakenIntoTheInspection() throws Exception {
        List<Path> written = office.planWorkbooks().write(plan.id(), Files.createDirectories(folder.resolve("out")));
        assertThat(written).as("the hospital's and one per vendor contract").hasSize(3);
        List<MinistryItem> items = office.selfCheckImport().request(plan.id()).orElseThrow().catalog().ministryItems();
        Path filled = Files.createDirectories(folder.resolve("filled"));
        Path hospital = fillHospital(written.get(0), filled.resolve("hospital.xlsx"), items);
        fillVendor(written.get(1), filled.resolve("vendor.xlsx"), items);

        List<FileOutcome> outcomes = office.planWorkbooks().importAll(List.of(filled), "office-user");

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.refusal()).as(outcome.toString()).isEmpty());
        assertThat(outcomes).extracting(outcome -> outcome.imported().orElseThrow().outcome())
                .containsOnly(Imported.Outcome.NEW);
        SelfCheck stored = office.selfCheckImport().selfCheck(plan.id());
        assertThat(stored.hospitalForm()).hasSize(items.size());
        assertThat(stored.entry("1-①").answer()).contains(SelfCheckAnswer.YES);
        assertThat(stored.entry("1-①").checkedOn()).contains(LocalDate.of(2026, 5, 20));
        assertThat(stored.entry("2-⑩").answer()).contains(SelfCheckAnswer.NO);
        assertThat(stored.entry("2-⑩").targetDate()).contains(LocalDate.of(2027, 3, 31));
        assertThat(stored.entry("3-③").answer()).as("○ with stray spaces").contains(SelfCheckAnswer.YES);
        assertThat(stored.entry("3-③").checkedOn()).as("令和 text").contains(LocalDate.of(2026, 5, 21));
        VendorForm vendor = stored.vendorForm(SelfCheckFixture.EMR).orElseThrow();
        assertThat(vendor.status()).isEqualTo(VendorForm.Status.RECEIVED);
        assertThat(vendor.filledOn()).contains(LocalDate.of(2026, 5, 18));
        assertThat(vendor.answers()).hasSize((int) items.stream().filter(MinistryItem::onVendorForm).count())
                .containsEntry("2-⑦", SelfCheckAnswer.NO);

        assertThat(office.planWorkbooks().importAll(List.of(filled), "office-user"))
                .as("the same files again").extracting(outcome -> outcome.imported().orElseThrow().outcome())
                .containsOnly(Imported.Outcome.UNCHANGED);

        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), clock)) {
            tablet.settings().setRole(Role.INSPECTOR);
            Enrolments.enrol(office, tablet);
            ImportOutcome received = tablet.sync().importFile(
                    office.sync().exportAssignments(folder.resolve("usb"), Optional.empty(), List.of()), true);
            assertThat(received.result()).as(received.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            clock.set(Instant.parse("2026-06-15T00:30:00Z"));
            String inspection = tablet.inspections().start(new NewInspection(plan.facilityId(), DAY, List.of("立入 花子"),
                    List.of(), false), SelfCheckFixture.ACTOR).id();

            tablet.planWorkbooks().fillInspection(inspection, hospital, SelfCheckFixture.ACTOR);

            assertThat(tablet.selfCheck().selfCheck(inspection, 1).hospitalForm()).isEqualTo(stored.hospitalForm());
        }
    }

    /** Every item はい on 2026-05-20, 2-⑩ いいえ with a target, 3-③ as ○ with spaces on a 令和 date typed as text. */
    private static Path fillHospital(Path written, Path out, List<MinistryItem> items) throws IOException, InterruptedException {
        List<LibreOffice.Edit> edits = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int row = WorkbookLayout.FIRST_ITEM_ROW + i;
            String number = items.get(i).number();
            String answer = number.equals("2-⑩") ? WorkbookLayout.NO : number.equals("3-③") ? " ○ " : WorkbookLayout.YES;
            edits.add(text(FORM, WorkbookLayout.cellName(row, WorkbookLayout.ANSWER_COLUMN), answer));
            edits.add(number.equals("3-③")
                    ? text(FORM, WorkbookLayout.cellName(row, WorkbookLayout.CHECKED_ON_COLUMN), "令和8年5月21日")
                    : typed(FORM, WorkbookLayout.cellName(row, WorkbookLayout.CHECKED_ON_COLUMN), "2026-05-20"));
            if (number.equals("2-⑩")) {
                edits.add(typed(FORM, WorkbookLayout.cellName(row, WorkbookLayout.TARGET_COLUMN), "2027-03-31"));
            }
        }
        LibreOffice.edit(written, out, edits, List.of());
        return out;
    }

    /** The vendor's form: filled in on 2026-05-18, はい for every item it carries but 2-⑦. */
    private static void fillVendor(Path written, Path out, List<MinistryItem> items) throws IOException, InterruptedException {
        String sheet = WorkbookLayout.VENDOR_SHEET;
        List<LibreOffice.Edit> edits = new ArrayList<>(List.of(typed(sheet,
                WorkbookLayout.cellName(WorkbookLayout.FILLED_ON_ROW, 1), "2026-05-18")));
        List<MinistryItem> carried = items.stream().filter(MinistryItem::onVendorForm).toList();
        for (int i = 0; i < carried.size(); i++) {
            edits.add(text(sheet, WorkbookLayout.cellName(WorkbookLayout.FIRST_ITEM_ROW + i, WorkbookLayout.ANSWER_COLUMN),
                    carried.get(i).number().equals("2-⑦") ? WorkbookLayout.NO : WorkbookLayout.YES));
        }
        LibreOffice.edit(written, out, edits, List.of());
    }
}
