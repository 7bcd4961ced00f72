package jp.tachiiri.ui.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.testsupport.SettableClock;
import jp.tachiiri.testsupport.TestWorkbooks;
import jp.tachiiri.testsupport.TwoVendorHospital;
import jp.tachiiri.workbook.WorkbookRequest;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hospital's and vendors' forms and the confirmations on the inspection screen, without a screen: every change
 * shown at once and in the store (audited), refusals reported with what is stored shown again, the completeness the
 * ministry asks for, and where the screen reopens. A real data folder; the disk work runs on the test's thread.
 */
class SelfCheckViewModelTest extends DemoWorkspaceFixture {

    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    /** The ministry's 2-⑦ (passwords), on the vendors' form too. */
    private static final String PASSWORDS = "2-⑦";

    private Inspection inspection;
    private InspectionViewModel model;
    private SelfCheckViewModel forms;

    @BeforeEach
    void openTheInspection() {
        inspection = TwoVendorHospital.inspectedToday(workspace, TODAY);
        model = load(inspection.id(), Optional.empty());
        forms = model.forms();
    }

    @Test
    void theHospitalsFormIsEnteredRowByRowAndOneDateForManyRowsAllStoredAndAudited() {
        List<String> numbers = forms.ministryItems().stream().map(MinistryItem::number).toList();
        assertThat(numbers).hasSize(18).contains(PASSWORDS);
        int eventsBefore = auditEvents();

        forms.answerBlankRowsYes();
        forms.setAnswer(PASSWORDS, Optional.of(SelfCheckAnswer.NO));
        forms.setTargetDate(PASSWORDS, Optional.of(TODAY.plusMonths(6)));
        forms.selectedRows().addAll(List.of("1-①", "2-①"));
        forms.applyCheckedOn(TODAY.minusDays(20), List.copyOf(forms.selectedRows()));
        assertThat(forms.selectedRows()).as("ticks go once applied").isEmpty();
        assertThat(forms.rowsWithoutDate()).hasSize(16);
        forms.applyCheckedOn(TODAY.minusDays(10), forms.rowsWithoutDate());

        assertThat(forms.rowsWithoutDate()).isEmpty();
        assertThat(forms.filledRows()).isEqualTo(18);
        SelfCheck stored = stored();
        assertThat(stored).isEqualTo(forms.selfCheckProperty().get());
        assertThat(stored.entry("1-①").checkedOn()).contains(TODAY.minusDays(20));
        assertThat(stored.entry("2-②").checkedOn()).contains(TODAY.minusDays(10));
        assertThat(stored.entry("2-②").answer()).contains(SelfCheckAnswer.YES);
        assertThat(stored.entry(PASSWORDS).answer()).contains(SelfCheckAnswer.NO);
        assertThat(stored.entry(PASSWORDS).targetDate()).contains(TODAY.plusMonths(6));
        assertThat(auditEvents()).isGreaterThan(eventsBefore + 18 * 2);
        assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
        assertThat(model.saveStatusProperty().get()).startsWith("保存しました");

        // はい takes the target date away (it goes with いいえ only); tapping はい again clears the answer.
        forms.setAnswer(PASSWORDS, Optional.of(SelfCheckAnswer.YES));
        forms.setAnswer(PASSWORDS, Optional.empty());
        assertThat(stored().entry(PASSWORDS)).satisfies(entry -> {
            assertThat(entry.answer()).isEmpty();
            assertThat(entry.targetDate()).isEmpty();
            assertThat(entry.checkedOn()).contains(TODAY.minusDays(10));
        });
    }

    @Test
    void aRefusedDateIsReportedAndTheStoredRowShownAgain() {
        forms.setAnswer("1-①", Optional.of(SelfCheckAnswer.NO));
        forms.setCheckedOn("1-①", Optional.of(TODAY.minusDays(3)));
        int events = auditEvents();

        forms.setCheckedOn("1-①", Optional.of(TODAY.plusDays(1)));

        assertThat(model.saveStatusProperty().get()).startsWith("保存できませんでした")
                .contains("医療機関確認用 1-① の確認日").contains("未来の日付");
        assertThat(forms.refusalProperty().get()).isNotNull();
        assertThat(forms.entry("1-①").checkedOn()).as("what is stored, shown again").contains(TODAY.minusDays(3));
        assertThat(stored().entry("1-①").checkedOn()).contains(TODAY.minusDays(3));

        forms.setTargetDate("1-①", Optional.of(TODAY.minusDays(4)));
        assertThat(model.saveStatusProperty().get()).contains("目標日").contains("確認日").contains("より前");
        assertThat(forms.entry("1-①").targetDate()).isEmpty();
        assertThat(auditEvents()).isEqualTo(events);

        // The next change the store takes clears the refusal.
        forms.setTargetDate("1-①", Optional.of(TODAY.plusMonths(1)));
        assertThat(forms.refusalProperty().get()).isNull();
        assertThat(stored().entry("1-①").targetDate()).contains(TODAY.plusMonths(1));
    }

    @Test
    void aTargetDateAfterTheFiscalYearIsKeptWithAWarning() {
        LocalDate yearEnd = LocalDate.of(TODAY.getMonthValue() < 4 ? TODAY.getYear() : TODAY.getYear() + 1, 3, 31);
        forms.setAnswer("1-①", Optional.of(SelfCheckAnswer.NO));
        forms.setTargetDate("1-①", Optional.of(yearEnd));
        assertThat(forms.targetAfterYear("1-①")).isEmpty();

        forms.setTargetDate("1-①", Optional.of(yearEnd.plusDays(1)));

        assertThat(forms.targetAfterYear("1-①")).contains(yearEnd);
        assertThat(stored().entry("1-①").targetDate()).contains(yearEnd.plusDays(1));
        assertThat(model.gaps()).contains(new Gap("1-①", Gap.Kind.HOSPITAL_TARGET_AFTER_YEAR));
    }

    @Test
    void vendorFormsOneReceivedWithItsAnswersOneMissingWithTheReason() {
        assertThat(forms.contracts()).containsExactly(TwoVendorHospital.EMR, TwoVendorHospital.BILLING);
        assertThat(forms.vendorItems()).extracting(MinistryItem::number).contains(PASSWORDS).doesNotContain("2-②", "3-①");
        assertThat(model.gaps()).contains(new Gap(TwoVendorHospital.EMR.key(), Gap.Kind.VENDOR_FORM_MISSING));

        forms.setVendorStatus(TwoVendorHospital.EMR, VendorForm.Status.RECEIVED);
        forms.setFilledOn(TwoVendorHospital.EMR, Optional.of(TODAY.minusDays(14)));
        forms.setVendorAnswer(TwoVendorHospital.EMR, PASSWORDS, Optional.of(SelfCheckAnswer.NO));
        forms.answerBlankVendorItemsYes(TwoVendorHospital.EMR);
        forms.setVendorStatus(TwoVendorHospital.BILLING, VendorForm.Status.MISSING);
        forms.setMissingReason(TwoVendorHospital.BILLING, "契約更新中で未着");

        SelfCheck stored = stored();
        VendorForm emr = stored.vendorForm(TwoVendorHospital.EMR).orElseThrow();
        assertThat(emr.status()).isEqualTo(VendorForm.Status.RECEIVED);
        assertThat(emr.filledOn()).contains(TODAY.minusDays(14));
        assertThat(emr.answers()).hasSize(forms.vendorItems().size()).containsEntry(PASSWORDS, SelfCheckAnswer.NO)
                .containsEntry("1-①", SelfCheckAnswer.YES);
        VendorForm billing = stored.vendorForm(TwoVendorHospital.BILLING).orElseThrow();
        assertThat(billing.status()).isEqualTo(VendorForm.Status.MISSING);
        assertThat(billing.missingReason()).isEqualTo("契約更新中で未着");
        assertThat(forms.settledVendorForms()).isEqualTo(2);
        assertThat(model.gaps()).noneMatch(gap -> gap.kind().place() == Gap.Place.VENDOR_FORM);

        // Each vendor's answer stands beside the hospital's in the confirmation pass.
        MinistryItem passwords = forms.vendorItems().stream().filter(item -> item.number().equals(PASSWORDS)).findFirst()
                .orElseThrow();
        assertThat(forms.vendorAnswers(passwords)).containsExactly(
                new SelfCheckViewModel.VendorAnswer(TwoVendorHospital.EMR, Optional.of(VendorForm.Status.RECEIVED),
                        Optional.of(SelfCheckAnswer.NO)),
                new SelfCheckViewModel.VendorAnswer(TwoVendorHospital.BILLING, Optional.of(VendorForm.Status.MISSING),
                        Optional.empty()));
    }

    @Test
    void theConfirmationPassSaysWhereTheInspectorsResultContradictsTheHospitalAndKeepsTheDifference() {
        String logs = "2-⑥";
        forms.setAnswer(logs, Optional.of(SelfCheckAnswer.YES));
        assertThat(forms.contradicts(logs)).as("not answered yet").isFalse();
        model.answer(Answer.YES);
        model.showItem("vulnerability.access-logs");
        model.answer(Answer.NON_COMPLIANT);
        assertThat(forms.contradicts(logs)).isTrue();
        assertThat(model.confirmingItem(logs)).isEqualTo("vulnerability.access-logs");
        assertThat(model.gaps()).contains(new Gap(logs, Gap.Kind.CONFIRMATION_MISSING));

        forms.setConfirmation(logs, Optional.of(Confirmation.DIFFERS));
        assertThat(model.blockingGaps()).contains(new Gap(logs, Gap.Kind.CONFIRMATION_REASON_MISSING));
        forms.setConfirmationReason(logs, "削除から保護されていない");

        HospitalFormEntry stored = stored().entry(logs);
        assertThat(stored.confirmation()).contains(Confirmation.DIFFERS);
        assertThat(stored.confirmationReason()).isEqualTo("削除から保護されていない");
        assertThat(stored.answer()).as("the hospital's answer stays as it wrote it").contains(SelfCheckAnswer.YES);
        assertThat(model.gaps()).noneMatch(gap -> gap.subject().equals(logs) && gap.kind().place() == Gap.Place.CONFIRMATION);
        // Last year's row, with what the inspector made of it then.
        assertThat(forms.previousEntry(logs)).hasValueSatisfying(previous -> {
            assertThat(previous.confirmation()).contains(Confirmation.DIFFERS);
            assertThat(previous.confirmationReason()).isEqualTo(TwoVendorHospital.LAST_YEARS_REASON);
        });
        assertThat(forms.previousEntry("1-①")).isEmpty();

        // Tapping the chosen one again takes it back; the reason stays for when it is chosen again.
        forms.setConfirmation(logs, Optional.empty());
        assertThat(stored().entry(logs).confirmation()).isEmpty();
        assertThat(stored().entry(logs).confirmationReason()).isEqualTo("削除から保護されていない");
    }

    @Test
    void whatIsMissingListsWhatBlocksFirstAndOnlyTheHospitalsOmissionsLeftLetItFinalize() {
        List<Gap> gaps = model.gaps();
        int firstListed = gaps.indexOf(gaps.stream().filter(gap -> !gap.blocking()).findFirst().orElseThrow());
        assertThat(gaps.subList(0, firstListed)).allMatch(Gap::blocking);
        assertThat(gaps.subList(firstListed, gaps.size())).noneMatch(Gap::blocking);
        assertThat(gaps).contains(new Gap("1-①", Gap.Kind.HOSPITAL_ANSWER_MISSING), new Gap("1-①", Gap.Kind.CONFIRMATION_MISSING));

        AtomicBoolean finalized = new AtomicBoolean();
        assertThat(model.finalizeInspection(() -> finalized.set(true))).isEqualTo(model.blockingGaps()).isNotEmpty();
        assertThat(finalized).isFalse();

        // The inspector's part done; the hospital's form left blank.
        model.answer(Answer.YES);
        for (String itemId : model.questionOrder()) {
            if (model.finding(itemId).answer().isEmpty()) {
                model.showItem(itemId);
                model.answer(Answer.COMPLIANT);
            }
        }
        settleTheInspectorsPart(forms);
        assertThat(model.blockingGaps()).isEmpty();
        assertThat(model.gaps()).isNotEmpty().allMatch(gap -> gap.kind().place() == Gap.Place.HOSPITAL_FORM);

        assertThat(model.finalizeInspection(() -> finalized.set(true))).isEmpty();
        assertThat(finalized).isTrue();
        assertThat(workspace.inspections().find(inspection.id()).orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);

        // A finalized inspection's forms are shown, never changed.
        forms.setAnswer("1-①", Optional.of(SelfCheckAnswer.YES));
        assertThat(stored().entry("1-①").answer()).isEmpty();
        assertThat(forms.entry("1-①").answer()).isEmpty();
    }

    @Test
    void theFormShownIsRememberedAndTheScreenReopensOnIt() {
        model.shownFormProperty().set(InspectionViewModel.Form.VENDORS);
        assertThat(workspace.settings().lastPosition()).hasValueSatisfying(position ->
                assertThat(position.itemId()).isEqualTo("form:vendors"));

        InspectionViewModel reopened = load(inspection.id(), Optional.empty());
        assertThat(reopened.shownFormProperty().get()).isEqualTo(InspectionViewModel.Form.VENDORS);

        reopened.next();
        assertThat(reopened.shownFormProperty().get()).as("stepping shows an item again").isNull();
        assertThat(load(inspection.id(), Optional.empty()).shownFormProperty().get()).isNull();
    }

    @Test
    void withoutAVendorContractNoVendorFormIsAsked() {
        Inspection mizuho = workspace.inspections().start(new NewInspection(MIZUHO, TODAY,
                List.of("テスト 検査花子"), List.of(), false), "tester");
        InspectionViewModel other = load(mizuho.id(), Optional.empty());
        other.answer(Answer.YES);
        assertThat(other.forms().contracts()).isEmpty();
        assertThat(other.gaps()).noneMatch(gap -> gap.kind().place() == Gap.Place.VENDOR_FORM);
    }

    /**
     * What the ministry asks of the inspector of both forms, done the quickest way: every ministry item 未確認 with a
     * reason, every vendor form missing with a reason.
     */
    static void settleTheInspectorsPart(SelfCheckViewModel forms) {
        forms.ministryItems().forEach(item -> {
            forms.setConfirmation(item.number(), Optional.of(Confirmation.NOT_CONFIRMED));
            forms.setConfirmationReason(item.number(), "医療機関確認用が未記入のため");
        });
        forms.contracts().forEach(contract -> {
            forms.setVendorStatus(contract, VendorForm.Status.MISSING);
            forms.setMissingReason(contract, "未着");
        });
    }

    @Test
    void filledWorkbooksChosenTogetherEachSayWhatTheyDidARefusalNotHiddenByTheNextFile() throws Exception {
        LocalDate day = LocalDate.parse("2026-06-15");
        try (Workspace office = Offices.open(data.resolve("office"),
                new SettableClock(Instant.parse("2026-06-15T01:00:00Z")))) {
            PlannedInspection plan = PlanSelfChecks.planned(office, day);
            String inspectionId = office.inspections().start(new NewInspection(plan.facilityId(), day,
                    List.of("立入 花子"), List.of(), false), "test-inspector").id();
            HospitalFormEntry confirmed = PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)
                    .withConfirmation(Optional.of(Confirmation.AGREES), "");
            office.selfCheck().recordHospitalForm(inspectionId, List.of(confirmed), "test-inspector");
            WorkbookRequest request = office.selfCheckImport().request(plan.id()).orElseThrow();
            Path broken = Files.writeString(data.resolve("broken.xlsx"), "not a workbook");
            Path hospital = TestWorkbooks.Draft.blank(request)
                    .hospitalRow(request, "1-①", "はい", day.minusDays(5), null)
                    .hospitalRow(request, "2-①", "いいえ", day.minusDays(5), day.plusMonths(3))
                    .write(data.resolve("hospital.xlsx"));
            InspectionViewModel screen = new InspectionViewModel(
                    new ViewModelContext(office, new SameThread(), Messages.of(Language.JA)));
            screen.load(inspectionId, Optional.empty(), Optional.empty(), () -> { });

            screen.forms().readFilledWorkbooks(List.of(broken, hospital));

            List<SelfCheckViewModel.WorkbookOutcome> outcomes = screen.forms().workbookOutcomesProperty().get();
            assertThat(outcomes).hasSize(2);
            assertThat(outcomes.get(0).refused()).isTrue();
            assertThat(outcomes.get(0).line()).startsWith("✗ broken.xlsx: ファイル broken.xlsx は取り込めません");
            assertThat(outcomes.get(1).refused()).isFalse();
            assertThat(outcomes.get(1).line()).startsWith("✓ hospital.xlsx: 取り込みました（変更 ")
                    .endsWith("照合済みのため変えなかった行: 2-①");
            assertThat(screen.saveStatusProperty().get()).as("the refusal stays said after the next file")
                    .startsWith("保存できませんでした").contains("broken.xlsx");
            SelfCheck stored = office.selfCheck().selfCheck(inspectionId, 1);
            assertThat(screen.forms().selfCheckProperty().get()).isEqualTo(stored);
            assertThat(stored.entry("1-①").answer()).contains(SelfCheckAnswer.YES);
            assertThat(stored.entry("2-①")).as("confirmed: as the inspector left it").isEqualTo(confirmed);
        }
    }

    private InspectionViewModel load(String inspectionId, Optional<String> itemId) {
        InspectionViewModel loaded = new InspectionViewModel(models(Language.JA));
        loaded.load(inspectionId, Optional.empty(), itemId, () -> { });
        return loaded;
    }

    private SelfCheck stored() {
        return workspace.selfCheck().selfCheck(inspection.id(), inspection.revision());
    }

    private int auditEvents() {
        return workspace.chainVerifier().trail(inspection.id()).events().size();
    }
}
