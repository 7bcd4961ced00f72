package jp.tachiiri.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.review.Conflict;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.testsupport.SelfCheckFixture;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's review of the hospital's and vendors' forms without a screen, on a real office store that imported
 * a real tablet's findings bundle.
 */
class ReviewFormsViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path devices;

    private Workspace tablet;
    private Workspace office;
    private String inspectionId;

    @BeforeEach
    void theFindingsArrive() {
        tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC());
        tablet.settings().setRole(Role.INSPECTOR);
        inspectionId = SelfCheckFixture.inspectedWithForms(tablet);
        office = Offices.open(data, Clock.systemUTC());
        Enrolments.enrol(tablet, office);
        Path bundle = tablet.sync().exportFindings(devices.resolve("usb")).orElseThrow();
        assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
    }

    @AfterEach
    void close() {
        office.close();
        tablet.close();
    }

    private ReviewViewModel review(int revision, Language language) {
        Inspection inspection = office.inspections().find(inspectionId, revision).orElseThrow();
        ReviewViewModel model = new ReviewViewModel(new ViewModelContext(office, new SameThread(), Messages.of(language)),
                new ReviewViewModel.Subject(inspectionId, revision, SelfCheckFixture.FACILITY_NAME,
                        office.catalogs().version(inspection.catalogVersion()).orElseThrow(),
                        office.inspections().findings(inspectionId, revision), Optional.empty()));
        model.start();
        return model;
    }

    @Test
    void everyMinistryItemShowsTheHospitalsAnswerAndTheConfirmationWithTheDifferencesCounted() {
        ReviewViewModel model = review(2, Language.JA);

        assertThat(model.hospitalForm()).extracting(row -> row.item().number())
                .as("every item of the checklist, in its order").containsExactlyElementsOf(
                        office.catalogs().version("2025.1").orElseThrow().ministryItems().stream().map(item -> item.number()).toList());
        assertThat(model.hospitalForm()).filteredOn(ReviewViewModel.FormRow::differs)
                .extracting(row -> row.item().number()).containsExactly("2-①", "2-⑩");
        assertThat(model.differencesProperty().get()).isEqualTo(2);
        assertThat(model.formsSummaryProperty().get())
                .isEqualTo("医療機関確認用: 相違 2 件、未確認 1 件\n事業者確認用: 契約 2 件のうち受領 1 件、未提出 1 件");

        ReviewViewModel.FormRow ledger = row(model, "2-①");
        assertThat(ledger.entry().answer()).contains(SelfCheckAnswer.YES);
        assertThat(ledger.entry().checkedOn()).contains(LocalDate.parse("2025-06-01"));
        assertThat(ledger.entry().confirmationReason()).isEqualTo("台帳が2023年から更新されていない");
        assertThat(ledger.inspectorAnswer()).as("the inspector's own result beside it").contains(Answer.NON_COMPLIANT);
        ReviewViewModel.FormRow twoFactor = row(model, "2-⑩");
        assertThat(twoFactor.entry().answer()).contains(SelfCheckAnswer.NO);
        assertThat(twoFactor.entry().targetDate()).contains(LocalDate.parse("2026-03-31"));
        assertThat(twoFactor.entry().confirmationReason()).isEqualTo("電子カルテの利用者は二要素認証済み（回答はいいえ）");
        assertThat(row(model, "3-①").entry().confirmation()).contains(Confirmation.NOT_CONFIRMED);
        assertThat(row(model, "2-②").entry().hasHospitalAnswer()).as("an item the form left blank").isFalse();
    }

    @Test
    void everyVendorContractShowsItsFormReceivedWithItsAnswersOrMissingWithTheReason() {
        ReviewViewModel model = review(2, Language.EN);

        assertThat(model.vendorForms()).extracting(ReviewViewModel.VendorRow::contract)
                .containsExactly(SelfCheckFixture.EMR, SelfCheckFixture.PACS);
        ReviewViewModel.VendorRow emr = model.vendorForms().get(0);
        assertThat(emr.form().map(VendorForm::status)).contains(VendorForm.Status.RECEIVED);
        assertThat(emr.form().flatMap(VendorForm::filledOn)).contains(LocalDate.parse("2025-05-28"));
        assertThat(emr.answered()).containsExactly("2-⑦", "2-⑩");
        ReviewViewModel.VendorRow pacs = model.vendorForms().get(1);
        assertThat(pacs.form().map(VendorForm::missingReason)).contains("提出を依頼中");
        assertThat(pacs.answered()).isEmpty();
        assertThat(model.formsSummaryProperty().get()).isEqualTo(
                "Hospital's form: 2 differing, 1 not confirmed\nVendor forms: 1 received and 1 missing of 2 contracts");
    }

    @Test
    void theFirstRevisionShowsWhatItHadBeforeTheAmendment() {
        ReviewViewModel model = review(1, Language.JA);

        assertThat(model.differencesProperty().get()).isEqualTo(1);
        assertThat(row(model, "2-⑩").entry().confirmation()).contains(Confirmation.AGREES);
    }

    /** A version whose forms differ from the stored ones: the conflict lists each field that differs, in words. */
    @Test
    void aConflictOverTheFormsListsEveryFieldThatDiffers() throws Exception {
        Path bundle = tablet.sync().exportFindings(devices.resolve("usb-again")).orElseThrow();
        Path other = SelfCheckFixture.withOtherForms(bundle, office.sync().identity(), devices.resolve("other"), tablet.sync().identity());
        assertThat(office.sync().importFile(other, false).counts().conflicts()).isEqualTo(1);
        ConflictViewModel model = new ConflictViewModel(new ViewModelContext(office, new SameThread(),
                Messages.of(Language.JA)), inspectionId);

        model.load();

        Conflict.RevisionComparison second = model.conflicts().get(0).revisions().get(1);
        assertThat(second.changes()).as("the findings are the same").isEmpty();
        assertThat(second.size()).isEqualTo(5);
        assertThat(model.formChanges(second)).containsExactly(
                new ConflictViewModel.FormChange("医療機関確認用 2-⑩", "検査員の確認", "相違", "確認"),
                new ConflictViewModel.FormChange("事業者確認用（画像システム社 / PACS）", "提出", "未提出", "受領"),
                new ConflictViewModel.FormChange("事業者確認用（画像システム社 / PACS）", "記入日", "—", "2025年6月5日"),
                new ConflictViewModel.FormChange("事業者確認用（画像システム社 / PACS）", "未提出の理由", "提出を依頼中", "—"),
                new ConflictViewModel.FormChange("事業者確認用（画像システム社 / PACS）", "2-⑦ の回答", "—", "いいえ"));
        assertThat(model.conflicts().get(0).revisions().get(0).size()).as("revision 1 is the stored one").isZero();
    }

    private static ReviewViewModel.FormRow row(ReviewViewModel model, String number) {
        List<ReviewViewModel.FormRow> rows = model.hospitalForm();
        return rows.stream().filter(row -> row.item().number().equals(number)).findFirst().orElseThrow();
    }
}
