package jp.tachiiri.advice;

import static jp.tachiiri.advice.AdvicePrintoutTest.ACTOR;
import static jp.tachiiri.advice.AdvicePrintoutTest.EN;
import static jp.tachiiri.advice.AdvicePrintoutTest.INSPECTION_DATE;
import static jp.tachiiri.advice.AdvicePrintoutTest.JA;
import static jp.tachiiri.advice.AdvicePrintoutTest.answerAll;
import static jp.tachiiri.advice.AdvicePrintoutTest.applicable;
import static jp.tachiiri.advice.AdvicePrintoutTest.catalog;
import static jp.tachiiri.advice.AdvicePrintoutTest.checkCode;
import static jp.tachiiri.advice.AdvicePrintoutTest.clock;
import static jp.tachiiri.advice.AdvicePrintoutTest.english;
import static jp.tachiiri.advice.AdvicePrintoutTest.facility;
import static jp.tachiiri.advice.AdvicePrintoutTest.nonCompliant;
import static jp.tachiiri.advice.AdvicePrintoutTest.pdf;
import static jp.tachiiri.advice.AdvicePrintoutTest.plain;
import static jp.tachiiri.advice.AdvicePrintoutTest.section;
import static jp.tachiiri.advice.AdvicePrintoutTest.squeeze;
import static jp.tachiiri.advice.AdvicePrintoutTest.start;
import static jp.tachiiri.advice.AdvicePrintoutTest.text;
import static jp.tachiiri.advice.AdvicePrintoutTest.wareki;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hospital's own checklist and the vendors' on the advice printout: real workspaces, both forms recorded through
 * the forms' service, the PDF read back with PDFBox.
 */
class AdviceFormsPrintoutTest {

    private static final LocalDate CHECKED = LocalDate.of(2026, 6, 20);
    private static final LocalDate FILLED = LocalDate.of(2026, 6, 10);
    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);
    private static final VendorContract EMR_VENDOR = new VendorContract("テストシステムズ株式会社", "電子カルテ");
    private static final VendorContract BILLING_VENDOR = new VendorContract("テスト医事株式会社", "レセプト電算");
    private static final String DIFFERS_REASON = "パスワードは6文字以上の設定で、定期的な変更もされていなかった。";
    private static final String NOT_CONFIRMED_REASON = "MDS/SDSは事業者が保管しており、当日は提示されなかった";
    private static final String MISSING_REASON = "契約更新の手続き中で、提出されていない";

    @TempDir
    Path folder;

    /**
     * Per ministry item the hospital's answer with its dates, the inspector's result and the confirmation; a 相違 and a
     * 未確認 said in plain words with what to do; what the hospital's form lacks; a vendor form received with the
     * vendor's いいえ and its gap, and one missing with its reason and the request to obtain it. In both languages.
     */
    @Test
    void theFormsArePrintedPerItemWithTheDifferencesTheOmissionsAndTheVendorForms() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = withVendors(facility("forms", "1340000001", 250, true, true), EMR_VENDOR, BILLING_VENDOR);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Catalog catalog = catalog(workspace);
            answerAll(workspace, inspection, applicable(catalog, facility), Map.of(
                    "vulnerability.password-policy", nonCompliant("vulnerability.password-policy", "6文字以上の設定。",
                            "8文字以上とし、定期的に変更してください。", LocalDate.of(2026, 12, 28)),
                    "vulnerability.two-factor-auth", nonCompliant("vulnerability.two-factor-auth", "未導入。",
                            "導入計画を立ててください。", LocalDate.of(2028, 3, 31)),
                    "vulnerability.operating-rules", nonCompliant("vulnerability.operating-rules", "規程がない。",
                            "運用管理規程を定めてください。", LocalDate.of(2027, 3, 1)),
                    "recovery.cyber-bcp", nonCompliant("recovery.cyber-bcp", "BCPがない。", "BCPを策定してください。",
                            LocalDate.of(2027, 2, 1))));
            Map<String, HospitalFormEntry> rows = new LinkedHashMap<>();
            for (MinistryItem item : catalog.ministryItems()) {
                rows.put(item.number(), row(item.number(), SelfCheckAnswer.YES, CHECKED, null)
                        .withConfirmation(Optional.of(Confirmation.AGREES), ""));
            }
            rows.put("2-⑦", rows.get("2-⑦").withConfirmation(Optional.of(Confirmation.DIFFERS), DIFFERS_REASON));
            rows.put("2-③", rows.get("2-③").withConfirmation(Optional.of(Confirmation.NOT_CONFIRMED),
                    NOT_CONFIRMED_REASON));
            rows.put("2-⑩", row("2-⑩", SelfCheckAnswer.NO, CHECKED, LocalDate.of(2027, 3, 31))
                    .withConfirmation(Optional.of(Confirmation.AGREES), ""));
            // The hospital's omissions: no answer nor date; no date; いいえ without a target date; one after the year.
            rows.put("2-⑫", HospitalFormEntry.empty("2-⑫").withConfirmation(Optional.of(Confirmation.NOT_CONFIRMED),
                    "記入がなかった。"));
            rows.put("2-⑤", rows.get("2-⑤").withCheckedOn(Optional.empty()));
            rows.put("3-③", row("3-③", SelfCheckAnswer.NO, CHECKED, null)
                    .withConfirmation(Optional.of(Confirmation.AGREES), ""));
            rows.put("2-(運用管理規程)", row("2-(運用管理規程)", SelfCheckAnswer.NO, CHECKED, LocalDate.of(2027, 4, 30))
                    .withConfirmation(Optional.of(Confirmation.AGREES), ""));
            workspace.selfCheck().recordHospitalForm(inspection.id(), rows.values(), ACTOR);
            VendorForm received = VendorForm.received(EMR_VENDOR).withFilledOn(Optional.of(FILLED));
            for (MinistryItem item : catalog.ministryItems()) {
                if (item.onVendorForm() && !item.number().equals("2-⑬")) {
                    received = received.withAnswer(item.number(), Optional.of(item.number().equals("2-⑩")
                            ? SelfCheckAnswer.NO : SelfCheckAnswer.YES));
                }
            }
            workspace.selfCheck().recordVendorForm(inspection.id(), received, ACTOR);
            workspace.selfCheck().recordVendorForm(inspection.id(), new VendorForm(BILLING_VENDOR,
                    VendorForm.Status.MISSING, Optional.empty(), MISSING_REASON + "。", Map.of()), ACTOR);
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);

            String text = squeeze(text(pdf(workspace, inspection.id(), Language.JA)));

            // The table: the hospital's answer and dates, the inspector's result, the confirmation, item by item.
            String table = text.substring(section(text, JA, "ministryItems"), section(text, JA, "forms"));
            assertThat(table).contains(squeeze(JA.get("advice.ministry.number") + JA.get("advice.ministry.item")
                    + JA.get("advice.ministry.hospital") + JA.get("advice.ministry.result")
                    + JA.get("advice.ministry.confirmation")));
            assertThat(table).contains(row(catalog, "2-⑦", "はい", checked(JA), "不適合", "相違"),
                    row(catalog, "2-⑩", "いいえ", checked(JA) + target(JA, LocalDate.of(2027, 3, 31)), "不適合", "確認"),
                    row(catalog, "2-③", "はい", checked(JA), "適合", "未確認"),
                    row(catalog, "2-⑫", JA.get("advice.forms.hospital.none"), "", "適合", "未確認"),
                    row(catalog, "2-⑤", "はい", "", "適合", "確認"),
                    row(catalog, "2-①", "はい", checked(JA), "適合", "確認"));
            assertThat(table).contains(squeeze(JA.get("advice.ministry.formsNote", 4)));

            String forms = text.substring(section(text, JA, "forms"), section(text, JA, "improvements"));
            // The 相違 and the 未確認 in plain words, with what to do; the reason quoted without its full stop.
            assertThat(forms).contains(squeeze(JA.get("advice.forms.differences")), squeeze(
                    "2-⑦　貴院の記入は「はい」でしたが、今回の検査では基準を満たしていないことを確認しました（理由: "
                            + "パスワードは6文字以上の設定で、定期的な変更もされていなかった）。チェックリストの記入を見直し、"
                            + "「いいえ」として目標日を記入してください。"));
            assertThat(forms).contains(squeeze(JA.get("advice.forms.unconfirmed")), squeeze(JA.get(
                    "advice.forms.notConfirmed", "2-③", NOT_CONFIRMED_REASON, "はい", "適合")));
            assertThat(forms.indexOf(squeeze(JA.get("advice.forms.differences"))))
                    .isLessThan(forms.indexOf(squeeze(JA.get("advice.forms.unconfirmed"))));
            // What the hospital's form lacks, in the ministry's order, an item's omissions on its line.
            List<String> omissions = List.of(
                    JA.get("advice.forms.line", "2-⑤", JA.get("advice.forms.omission.HOSPITAL_DATE_MISSING")),
                    JA.get("advice.forms.line", "2-⑫", JA.get("advice.forms.omission.HOSPITAL_ANSWER_MISSING")
                            + JA.get("advice.forms.omission.HOSPITAL_DATE_MISSING")),
                    JA.get("advice.forms.line", "2-(運用管理規程)", JA.get("advice.forms.omission.HOSPITAL_TARGET_AFTER_YEAR",
                            wareki(LocalDate.of(2027, 4, 30)), wareki(YEAR_END))),
                    JA.get("advice.forms.line", "3-③", JA.get("advice.forms.omission.HOSPITAL_TARGET_MISSING")));
            assertThat(forms).contains(squeeze(JA.get("advice.forms.omissions")),
                    squeeze(JA.get("advice.forms.omissions.intro")));
            assertThat(omissions.stream().map(line -> forms.indexOf(squeeze(line))).toList())
                    .allMatch(at -> at > 0).isSorted();
            // Those four only: 2-⑩'s target lies within the year, the others are complete.
            int omissionsAt = forms.indexOf(squeeze(JA.get("advice.forms.omissions")));
            String omitted = forms.substring(omissionsAt, forms.indexOf(squeeze(JA.get("advice.forms.vendors.intro")),
                    omissionsAt));
            assertThat(omitted.split("\\d-[①-⑬(]", -1)).hasSize(omissions.size() + 1);
            assertThat(forms).doesNotContain(squeeze(JA.get("advice.forms.allAgree")),
                    squeeze(JA.get("advice.forms.hospitalBlank")));
            // The vendors' forms: one received with its date, the vendor's いいえ and its gap; one missing.
            assertThat(forms).contains(squeeze(JA.get("advice.forms.vendors.contract") + JA.get("advice.forms.vendors.status")
                    + JA.get("advice.forms.vendors.request")));
            assertThat(forms).contains(squeeze(JA.get("advice.forms.vendors.contractValue", EMR_VENDOR.vendorName(),
                    EMR_VENDOR.system()) + JA.get("advice.forms.vendors.received", wareki(FILLED))
                    + JA.get("advice.forms.vendors.answeredNo", "2-⑩")
                    + JA.get("advice.forms.vendors.VENDOR_ANSWER_MISSING", "2-⑬")
                    + JA.get("advice.forms.vendors.askToComplete")));
            assertThat(forms).contains(squeeze(JA.get("advice.forms.vendors.contractValue", BILLING_VENDOR.vendorName(),
                    BILLING_VENDOR.system()) + JA.get("advice.forms.vendors.missing")
                    + "受領していません（理由: 契約更新の手続き中で、提出されていない）。事業者から事業者確認用チェックリストを取り寄せ、保管してください。"));

            // The same in English, down to the dates.
            String english = plain(text(pdf(workspace, inspection.id(), Language.EN)));
            assertThat(english).contains(plain(EN.get("advice.section.forms")),
                    plain(EN.get("advice.forms.differs.saidYes", "2-⑦", DIFFERS_REASON.substring(0, DIFFERS_REASON.length() - 1))),
                    plain(EN.get("advice.forms.notConfirmed", "2-③", NOT_CONFIRMED_REASON, "Yes", "Compliant")),
                    plain(EN.get("advice.forms.omission.HOSPITAL_TARGET_AFTER_YEAR", "30 Apr 2027", "31 Mar 2027")),
                    plain(EN.get("advice.forms.vendors.received", english(FILLED))),
                    plain(EN.get("advice.forms.vendors.missingRequest", MISSING_REASON)),
                    plain(EN.get("advice.forms.hospital.checkedOn", "20 Jun 2026")));
        }
    }

    /**
     * An inspection that recorded neither form prints as before: the table's three columns, no forms section, no empty
     * table.
     */
    @Test
    void anInspectionWithoutFormsPrintsNoFormsSectionAndNoEmptyColumns() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = withVendors(facility("none", "1340000002", 250, true, true), EMR_VENDOR);
            Inspection inspection = allCompliant(workspace, facility);
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);

            for (Messages messages : List.of(JA, EN)) {
                String text = plain(text(pdf(workspace, inspection.id(), messages.language())));
                assertThat(section(text, messages, "forms")).isEqualTo(-1);
                assertThat(text).contains(plain(messages.get("advice.ministry.number") + messages.get("advice.ministry.item")
                        + messages.get("advice.ministry.result") + "1-①"));
                assertThat(text).doesNotContain(plain(messages.get("advice.ministry.hospital")),
                        plain(messages.get("advice.ministry.confirmation")), plain(messages.get("advice.forms.vendors")),
                        plain(messages.get("advice.forms.vendors.contract")));
            }
            assertThat(workspace.advice().content(inspection.id(), Optional.empty(), workspace.settings().advice())
                    .forms()).isEmpty();
        }
    }

    /**
     * Only the vendors' forms recorded: the hospital's form is asked for in one sentence, not a line per item; every
     * row says it is not filled in.
     */
    @Test
    void aBlankHospitalFormIsAskedForOnceAndEveryRowSaysNotFilledIn() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = withVendors(facility("blank", "1340000003", 120, true, true), EMR_VENDOR);
            Inspection inspection = allCompliant(workspace, facility);
            workspace.selfCheck().recordVendorForm(inspection.id(), VendorForm.received(EMR_VENDOR), ACTOR);

            String text = squeeze(text(pdf(workspace, inspection.id(), Language.JA)));

            String table = text.substring(section(text, JA, "ministryItems"), section(text, JA, "forms"));
            int items = catalog(workspace).ministryItems().size();
            assertThat(table.split(squeeze(JA.get("advice.forms.hospital.none")), -1)).hasSize(items + 1);
            assertThat(table.split(squeeze(JA.get("advice.forms.confirmation.none")), -1)).hasSize(items + 1);
            String forms = text.substring(section(text, JA, "forms"), section(text, JA, "improvements"));
            assertThat(forms).contains(squeeze(JA.get("advice.forms.hospitalBlank")))
                    .doesNotContain(squeeze(JA.get("advice.forms.omissions.intro")),
                            squeeze(JA.get("advice.forms.omission.HOSPITAL_DATE_MISSING")));
            // A form received without its date nor answers: the vendor is to complete it.
            assertThat(forms).contains(squeeze(JA.get("advice.forms.vendors.receivedUndated")
                    + JA.get("advice.forms.vendors.VENDOR_DATE_MISSING")
                    + JA.get("advice.forms.vendors.VENDOR_ANSWER_MISSING", String.join("、", onVendorForm(workspace)))
                    + JA.get("advice.forms.vendors.askToComplete")));
        }
    }

    /**
     * A clinic without a vendor contract whose form agrees on every item: the section says so, and that no vendor form
     * is expected, with no table for the vendors.
     */
    @Test
    void aClinicWithoutVendorsWhoseFormAgreesEverywhereIsToldSoWithoutAVendorTable() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility clinic = new Facility("test-clinic", "1340000004", "テスト こもれび内科", "てすと こもれびないか",
                    "テスト県テスト市1-2-3", FacilityType.CLINIC_WITHOUT_BEDS, 0, true, true, List.of(), List.of(), false);
            Inspection inspection = allCompliant(workspace, clinic);
            List<HospitalFormEntry> rows = new ArrayList<>();
            for (MinistryItem item : catalog(workspace).ministryItems()) {
                rows.add(row(item.number(), SelfCheckAnswer.YES, CHECKED, null)
                        .withConfirmation(Optional.of(Confirmation.AGREES), ""));
            }
            workspace.selfCheck().recordHospitalForm(inspection.id(), rows, ACTOR);

            for (Messages messages : List.of(JA, EN)) {
                String text = plain(text(pdf(workspace, inspection.id(), messages.language())));
                String forms = text.substring(section(text, messages, "forms"), section(text, messages, "improvements"));
                assertThat(forms).contains(plain(messages.get("advice.forms.allAgree")),
                        plain(messages.get("advice.forms.vendors.none")));
                assertThat(forms).doesNotContain(plain(messages.get("advice.forms.vendors.contract")),
                        plain(messages.get("advice.forms.differences")), plain(messages.get("advice.forms.omissions")));
            }
        }
    }

    /**
     * The forms are part of the record the check code stands for: a changed confirmation changes the code and the bytes,
     * and the row cleared again gives back the code and the bytes of the record without it.
     */
    @Test
    void aChangedConfirmationChangesTheCheckCodeAndClearingItRestoresIt() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("code", "1340000005", 80, false, false);
            Inspection inspection = allCompliant(workspace, facility);
            byte[] before = pdf(workspace, inspection.id(), Language.JA);

            HospitalFormEntry agrees = row("1-①", SelfCheckAnswer.YES, CHECKED, null)
                    .withConfirmation(Optional.of(Confirmation.AGREES), "");
            workspace.selfCheck().recordHospitalForm(inspection.id(), List.of(agrees), ACTOR);
            byte[] agreed = pdf(workspace, inspection.id(), Language.JA);
            workspace.selfCheck().recordHospitalForm(inspection.id(), List.of(agrees
                    .withConfirmation(Optional.of(Confirmation.NOT_CONFIRMED), "責任者が不在だった。")), ACTOR);
            byte[] notConfirmed = pdf(workspace, inspection.id(), Language.JA);
            assertThat(checkCode(agreed)).isNotEqualTo(checkCode(before));
            assertThat(checkCode(notConfirmed)).isNotIn(checkCode(before), checkCode(agreed));

            workspace.selfCheck().recordHospitalForm(inspection.id(), List.of(HospitalFormEntry.empty("1-①")), ACTOR);
            byte[] cleared = pdf(workspace, inspection.id(), Language.JA);
            assertThat(checkCode(cleared)).isEqualTo(checkCode(before));
            assertThat(Arrays.equals(before, cleared)).isTrue();
        }
    }

    // ================================================================ the record

    /** An inspection of the facility with every item it is asked 適合. */
    private static Inspection allCompliant(Workspace workspace, Facility facility) {
        Inspection inspection = start(workspace, facility, INSPECTION_DATE);
        answerAll(workspace, inspection, applicable(catalog(workspace), facility), Map.of());
        return inspection;
    }

    private static Facility withVendors(Facility facility, VendorContract... contracts) {
        return new Facility(facility.id(), facility.code(), facility.name(), facility.kana(), facility.address(),
                facility.type(), facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr(),
                List.of(contracts), facility.feeAddOnClaims(), facility.demo());
    }

    private static HospitalFormEntry row(String number, SelfCheckAnswer answer, LocalDate checked, LocalDate target) {
        return HospitalFormEntry.empty(number).withAnswer(Optional.of(answer)).withCheckedOn(Optional.of(checked))
                .withTargetDate(Optional.ofNullable(target));
    }

    private static List<String> onVendorForm(Workspace workspace) {
        return catalog(workspace).ministryItems().stream().filter(MinistryItem::onVendorForm).map(MinistryItem::number)
                .toList();
    }

    // ================================================================ what the PDF must say

    /** A row of the ministry table as squeezed text: number, wording, the hospital's entry, result, confirmation. */
    private static String row(Catalog catalog, String number, String answer, String dates, String result,
            String confirmation) {
        MinistryItem item = catalog.ministryItems().stream().filter(candidate -> candidate.number().equals(number))
                .findFirst().orElseThrow();
        return squeeze(number + item.wording().ja() + answer + dates + result + confirmation);
    }

    private static String checked(Messages messages) {
        return messages.get("advice.forms.hospital.checkedOn", wareki(CHECKED));
    }

    private static String target(Messages messages, LocalDate date) {
        return messages.get("advice.forms.hospital.target", wareki(date));
    }
}
