package jp.tachiiri.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hospital's and vendors' forms on a real data folder: what is recorded, audited and read back, what is refused
 * (and then left as it was), what an amended revision carries, and what the completeness check asks.
 */
class SelfCheckServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final LocalDate INSPECTION_DAY = LocalDate.of(2026, 7, 1);
    private static final VendorContract EMR_VENDOR = new VendorContract("北日本メディカル", "電子カルテ");
    private static final VendorContract LAB_VENDOR = new VendorContract("検査システム工房", "検査システム");

    @TempDir
    Path folder;

    private Workspace workspace;
    private SelfCheckService forms;
    private Inspection inspection;

    @BeforeEach
    void start() {
        workspace = Workspace.open(folder, CLOCK);
        workspace.facilities().save(new Facility("f-1", "1300000001", "テスト病院", "てすと", "テスト県", FacilityType.HOSPITAL,
                120, true, true, List.of(EMR_VENDOR, LAB_VENDOR), List.of(), false));
        inspection = workspace.inspections().start(new NewInspection("f-1", INSPECTION_DAY, List.of("検査 一郎"),
                List.of(), false), "tester");
        forms = workspace.selfCheck();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void hospitalRowsAreStoredInOneStepWithAnAuditEventPerChangedField() {
        int changed = forms.recordHospitalForm(inspection.id(), List.of(
                yes("1-①", "2026-06-01"),
                no("2-⑦", "2026-06-01", "2026-12-31")), "tester");

        assertThat(changed).as("answer and date of 1-①; answer, date and target of 2-⑦").isEqualTo(5);
        SelfCheck stored = forms.selfCheck(inspection.id(), 1);
        assertThat(stored.entry("2-⑦").answer()).contains(SelfCheckAnswer.NO);
        assertThat(stored.entry("2-⑦").targetDate()).contains(LocalDate.of(2026, 12, 31));
        assertThat(stored.entry("1-①").checkedOn()).contains(LocalDate.of(2026, 6, 1));
        assertThat(events()).filteredOn(event -> event.action().equals("HOSPITAL_FORM_CHANGED"))
                .extracting(Event::subject)
                .containsExactly("1-①/answer", "1-①/checkedOn", "2-⑦/answer", "2-⑦/checkedOn", "2-⑦/targetDate");
        assertThat(forms.recordHospitalForm(inspection.id(), List.of(yes("1-①", "2026-06-01")), "tester"))
                .as("the same again changes nothing").isZero();
        assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
    }

    @Test
    void oneDateAppliesToManyRowsKeepingTheirAnswers() {
        forms.recordHospitalForm(inspection.id(), List.of(no("2-⑦", null, "2026-12-31")), "tester");
        List<String> all = catalogNumbers();

        forms.setCheckedOn(inspection.id(), all, LocalDate.of(2026, 6, 1), "tester");

        SelfCheck stored = forms.selfCheck(inspection.id(), 1);
        assertThat(all).allSatisfy(number ->
                assertThat(stored.entry(number).checkedOn()).contains(LocalDate.of(2026, 6, 1)));
        assertThat(stored.entry("2-⑦").answer()).contains(SelfCheckAnswer.NO);
        assertThat(stored.entry("2-⑦").targetDate()).contains(LocalDate.of(2026, 12, 31));
    }

    @Test
    void badDatesAreRefusedNamingTheItemAndNothingIsStored() {
        forms.recordHospitalForm(inspection.id(), List.of(yes("1-①", "2026-06-01")), "tester");
        int eventsBefore = events().size();

        assertRefused(() -> forms.recordHospitalForm(inspection.id(), List.of(yes("1-①", "2026-06-01"),
                yes("2-①", "2026-07-02")), "tester"), "selfCheck.error.checkedInFuture", "2-①");
        assertRefused(() -> forms.recordHospitalForm(inspection.id(), List.of(no("2-⑦", "2026-06-01", "2026-05-31")),
                "tester"), "selfCheck.error.targetBeforeCheck", "2-⑦");
        assertRefused(() -> forms.recordHospitalForm(inspection.id(), List.of(new HospitalFormEntry("2-⑦",
                Optional.of(SelfCheckAnswer.YES), Optional.empty(), Optional.of(LocalDate.of(2026, 12, 1)),
                Optional.empty(), "")), "tester"), "selfCheck.error.targetWithoutNo", "2-⑦");
        assertRefused(() -> forms.recordHospitalForm(inspection.id(), List.of(yes("9-⑨", "2026-06-01")), "tester"),
                "selfCheck.error.unknownMinistryItem", "9-⑨");

        assertThat(events()).hasSize(eventsBefore);
        assertThat(forms.selfCheck(inspection.id(), 1).hospitalForm()).containsOnlyKeys("1-①");
    }

    @Test
    void aVendorFormIsRecordedPerContractAndOnlyForTheFacilitysContracts() {
        String onVendorForm = vendorNumbers().get(0);
        VendorForm form = VendorForm.received(EMR_VENDOR).withFilledOn(Optional.of(LocalDate.of(2026, 6, 10)))
                .withAnswer(onVendorForm, Optional.of(SelfCheckAnswer.NO));
        forms.recordVendorForm(inspection.id(), form, "tester");
        forms.recordVendorForm(inspection.id(), new VendorForm(LAB_VENDOR, VendorForm.Status.MISSING, Optional.empty(),
                "契約更新中で未提出", Map.of()), "tester");

        SelfCheck stored = forms.selfCheck(inspection.id(), 1);
        assertThat(stored.vendorForm(EMR_VENDOR)).contains(form);
        assertThat(stored.vendorForm(LAB_VENDOR).orElseThrow().missingReason()).isEqualTo("契約更新中で未提出");

        assertRefused(() -> forms.recordVendorForm(inspection.id(),
                VendorForm.received(new VendorContract("見知らぬ会社", "電子カルテ")), "tester"),
                "selfCheck.error.noSuchContract", "見知らぬ会社 / 電子カルテ");
        String hospitalOnly = workspace.inspections().catalogOf(inspection).ministryItems().stream()
                .filter(item -> !item.onVendorForm()).findFirst().orElseThrow().number();
        assertRefused(() -> forms.recordVendorForm(inspection.id(),
                form.withAnswer(hospitalOnly, Optional.of(SelfCheckAnswer.YES)), "tester"),
                "selfCheck.error.notOnVendorForm", hospitalOnly);
        assertRefused(() -> forms.recordVendorForm(inspection.id(),
                form.withFilledOn(Optional.of(LocalDate.of(2026, 7, 2))), "tester"),
                "selfCheck.error.vendorFilledInFuture", "北日本メディカル / 電子カルテ");
        assertThat(forms.selfCheck(inspection.id(), 1).vendorForm(EMR_VENDOR)).as("unchanged").contains(form);

        forms.recordVendorForm(inspection.id(), form.withAnswer(onVendorForm, Optional.empty()), "tester");
        assertThat(events()).filteredOn(event -> event.action().equals("VENDOR_FORM_CHANGED"))
                .extracting(Event::subject).contains("北日本メディカル / 電子カルテ/answer/" + onVendorForm);
        assertThat(forms.selfCheck(inspection.id(), 1).vendorForm(EMR_VENDOR).orElseThrow().answers()).isEmpty();
    }

    @Test
    void completenessNamesEveryMissingPieceAndWhatBlocksFinalizing() {
        List<String> numbers = catalogNumbers();
        Checklist checklist = checklist();
        List<Gap> nothingYet = SelfCheckGaps.of(checklist, SelfCheck.EMPTY, List.of(EMR_VENDOR, LAB_VENDOR));
        assertThat(nothingYet).filteredOn(gap -> gap.kind() == Gap.Kind.HOSPITAL_ANSWER_MISSING).hasSize(numbers.size());
        assertThat(nothingYet).filteredOn(gap -> gap.kind() == Gap.Kind.CONFIRMATION_MISSING).hasSize(numbers.size());
        assertThat(nothingYet).filteredOn(gap -> gap.kind() == Gap.Kind.VENDOR_FORM_MISSING)
                .extracting(Gap::subject).containsExactly("北日本メディカル / 電子カルテ", "検査システム工房 / 検査システム");
        assertThat(nothingYet).filteredOn(gap -> gap.kind() == Gap.Kind.HOSPITAL_ANSWER_MISSING)
                .noneMatch(Gap::blocking);

        forms.recordHospitalForm(inspection.id(), List.of(
                no("2-⑦", "2026-06-01", null),
                no("2-⑧", "2026-06-01", "2027-04-01"),
                no("2-⑩", "2026-06-01", "2027-04-01"),
                yes("1-①", "2026-06-01").withConfirmation(Optional.of(Confirmation.AGREES), ""),
                yes("2-①", "2026-06-01").withConfirmation(Optional.of(Confirmation.DIFFERS), ""),
                HospitalFormEntry.empty("2-④").withConfirmation(Optional.of(Confirmation.AGREES), "")), "tester");
        List<Gap> gaps = SelfCheckGaps.of(checklist, forms.selfCheck(inspection.id(), 1), List.of(EMR_VENDOR));

        assertThat(gaps).contains(new Gap("2-⑦", Gap.Kind.HOSPITAL_TARGET_MISSING),
                new Gap("2-⑧", Gap.Kind.HOSPITAL_TARGET_AFTER_YEAR),
                new Gap("2-①", Gap.Kind.CONFIRMATION_REASON_MISSING),
                new Gap("2-④", Gap.Kind.CONFIRMED_WITHOUT_ANSWER));
        assertThat(gaps).as("two-factor authentication is due by the end of FY2027")
                .doesNotContain(new Gap("2-⑩", Gap.Kind.HOSPITAL_TARGET_AFTER_YEAR));
        assertThat(gaps).as("1-① is answered, dated and confirmed").noneMatch(gap -> gap.subject().equals("1-①"));
    }

    @Test
    void agreeingWithAnAnswerThatTheInspectorsOwnResultContradictsIsAGap() {
        MinistryItem manager = workspace.inspections().catalogOf(inspection).ministryItems().get(0);
        String itemId = checklist().ministryResults().get(0).parts().get(0).item().id();
        workspace.inspections().record(inspection.id(), Finding.empty(itemId).withAnswer(Answer.NON_COMPLIANT), "tester");
        forms.recordHospitalForm(inspection.id(), List.of(yes(manager.number(), "2026-06-01")
                .withConfirmation(Optional.of(Confirmation.AGREES), "")), "tester");

        assertThat(SelfCheckGaps.of(checklist(), forms.selfCheck(inspection.id(), 1), List.of()))
                .contains(new Gap(manager.number(), Gap.Kind.CONFIRMED_AGAINST_FINDING));
    }

    @Test
    void anAmendedRevisionCarriesBothFormsAndTheFinalizedOneIsLocked() {
        forms.recordHospitalForm(inspection.id(), List.of(no("2-⑦", "2026-06-01", "2026-12-31")), "tester");
        forms.recordVendorForm(inspection.id(), VendorForm.received(EMR_VENDOR)
                .withAnswer(vendorNumbers().get(0), Optional.of(SelfCheckAnswer.YES)), "tester");
        workspace.inspections().finalizeInspection(inspection.id(), "tester");

        assertRefused(() -> forms.recordHospitalForm(inspection.id(), List.of(yes("1-①", "2026-06-01")), "tester"),
                "inspection.error.locked", inspection.id());
        workspace.inspections().amend(inspection.id(), "確認日の訂正", "tester");

        assertThat(forms.selfCheck(inspection.id(), 2)).isEqualTo(forms.selfCheck(inspection.id(), 1));
        forms.recordHospitalForm(inspection.id(), List.of(no("2-⑦", "2026-06-02", "2026-12-31")), "tester");
        assertThat(forms.selfCheck(inspection.id(), 1).entry("2-⑦").checkedOn()).as("revision 1 stays")
                .contains(LocalDate.of(2026, 6, 1));
    }

    @Test
    void aVendorFormWhoseContractTheFacilityDroppedMeanwhileIsRemovedOnFinalizingAndAudited() {
        forms.recordVendorForm(inspection.id(), VendorForm.received(EMR_VENDOR), "tester");
        forms.recordVendorForm(inspection.id(), VendorForm.received(LAB_VENDOR), "tester");
        Facility facility = workspace.facilities().byId("f-1").orElseThrow();
        workspace.facilities().save(new Facility(facility.id(), facility.code(), facility.name(), facility.kana(),
                facility.address(), facility.type(), facility.licensedBeds(), true, true, List.of(EMR_VENDOR), List.of(),
                false));

        workspace.inspections().finalizeInspection(inspection.id(), "tester");

        assertThat(forms.selfCheck(inspection.id(), 1).vendorForms()).extracting(VendorForm::contract)
                .containsExactly(EMR_VENDOR);
        assertThat(events()).filteredOn(event -> event.action().equals("VENDOR_FORM_DROPPED"))
                .extracting(Event::subject).containsExactly("検査システム工房 / 検査システム");
        assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
    }

    @Test
    void aRowClearedAgainIsNoRowAndARowTwiceInOneChangeIsRefused() {
        forms.recordHospitalForm(inspection.id(), List.of(yes("1-①", "2026-06-01")), "tester");
        forms.recordHospitalForm(inspection.id(), List.of(HospitalFormEntry.empty("1-①")), "tester");

        assertThat(forms.selfCheck(inspection.id(), 1).hospitalForm()).isEmpty();
        assertThat(events()).filteredOn(event -> event.action().equals("HOSPITAL_FORM_CHANGED"))
                .extracting(Event::subject).containsExactly("1-①/answer", "1-①/checkedOn", "1-①/answer", "1-①/checkedOn");
        assertRefused(() -> forms.recordHospitalForm(inspection.id(), List.of(yes("1-①", "2026-06-01"),
                no("1-①", "2026-06-01", null)), "tester"), "selfCheck.error.rowTwice", "1-①");
        assertThat(forms.selfCheck(inspection.id(), 1).hospitalForm()).isEmpty();
    }

    @Test
    void theFormsSurviveClosingAndReopeningTheDataFile() {
        forms.recordHospitalForm(inspection.id(), List.of(no("2-⑦", "2026-06-01", "2026-12-31")
                .withConfirmation(Optional.of(Confirmation.DIFFERS), "パスワードは8文字未満だった")), "tester");
        SelfCheck before = forms.selfCheck(inspection.id(), 1);
        workspace.close();
        workspace = Workspace.open(folder, CLOCK);

        assertThat(workspace.selfCheck().selfCheck(inspection.id(), 1)).isEqualTo(before);
        assertThat(before.entry("2-⑦").confirmationReason()).isEqualTo("パスワードは8文字未満だった");
    }

    private Checklist checklist() {
        Facility facility = workspace.facilities().byId("f-1").orElseThrow();
        return Checklist.of(workspace.inspections().catalogOf(inspection), facility.profileOn(INSPECTION_DAY),
                INSPECTION_DAY, workspace.inspections().findings(inspection.id(), 1));
    }

    private List<String> catalogNumbers() {
        return workspace.inspections().catalogOf(inspection).ministryItems().stream().map(MinistryItem::number).toList();
    }

    private List<String> vendorNumbers() {
        return workspace.inspections().catalogOf(inspection).ministryItems().stream().filter(MinistryItem::onVendorForm)
                .map(MinistryItem::number).toList();
    }

    /** The inspection's audit trail as another program reads it from the data file. */
    private List<Event> events() {
        try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(Workspace.DATABASE_FILE));
             PreparedStatement select = jdbc.prepareStatement(
                     "SELECT action, subject FROM audit_events WHERE inspection_id = ? ORDER BY sequence")) {
            select.setString(1, inspection.id());
            List<Event> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), rows.getString(2)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private record Event(String action, String subject) {
    }

    private static HospitalFormEntry yes(String number, String checkedOn) {
        return HospitalFormEntry.empty(number).withAnswer(Optional.of(SelfCheckAnswer.YES))
                .withCheckedOn(Optional.ofNullable(checkedOn).map(LocalDate::parse));
    }

    private static HospitalFormEntry no(String number, String checkedOn, String target) {
        return HospitalFormEntry.empty(number).withAnswer(Optional.of(SelfCheckAnswer.NO))
                .withCheckedOn(Optional.ofNullable(checkedOn).map(LocalDate::parse))
                .withTargetDate(Optional.ofNullable(target).map(LocalDate::parse));
    }

    private static void assertRefused(Runnable change, String key, Object named) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(UserFacingException.class, refusal -> {
            assertThat(refusal.key()).isEqualTo(key);
            assertThat(refusal.arguments()).contains(named);
        });
    }
}
