package jp.tachiiri.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.facility.FacilityRepository;
import jp.tachiiri.inspection.InspectionService;
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
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheckService;

/**
 * A fictitious prefecture (デモ県) with hospitals of different kinds, one finalized inspection and one in
 * progress dated within the current fiscal year, and last year's inspection of the hospital being inspected
 * now, so that a newcomer sees a living app (with last year's answers beside this year's). Each inspection has the
 * hospital's own checklist with a few いいえ and the vendors' (one missing in this year's), confirmed against the
 * inspector's results with a 相違 or two; the one in progress only part of the way. Every record is flagged as demo
 * and every name says デモ.
 */
public final class DemoData {

    public static final String ACTOR = "demo";
    /** Notes on compliant items: the good practice the advice printout asks the hospital to keep up. */
    private static final Map<String, String> GOOD_PRACTICE = Map.of(
            "backup.generations", "デモ: 日次・週次・月次の3世代を外付け媒体で管理し、施錠した保管庫に保管している。",
            "contact.incident-diagram", "デモ: 連絡体制図を各部署に掲示し、年1回見直している。");

    /** The fictitious issuer of the demo's advice printouts. */
    public static final String ISSUING_AUTHORITY = "デモ県 保健医療局 医務課";

    private final FacilityRepository facilities;
    private final InspectionService inspections;
    private final SelfCheckService forms;
    private final Clock clock;

    public DemoData(FacilityRepository facilities, InspectionService inspections, SelfCheckService forms, Clock clock) {
        this.facilities = facilities;
        this.inspections = inspections;
        this.forms = forms;
        this.clock = clock;
    }

    /** The demo hospitals: small without vendor or EMR, mid-sized, large, and one with no system at all. */
    static List<Facility> hospitals() {
        return List.of(
                new Facility("demo-aobadai", "9910000017", "デモ県立 青葉台中央病院", "でもけんりつ あおばだいちゅうおうびょういん",
                        "デモ県みなと市青葉台1-2-3", FacilityType.HOSPITAL, 450, true, true,
                        List.of(new VendorContract("デモメディカルシステムズ株式会社", "電子カルテ・オーダリング"),
                                new VendorContract("デモ医事コンピュータ株式会社", "レセプト電算")),
                        List.of(new FeeAddOnClaim("records-management-1-2024", LocalDate.of(2024, 6, 1)),
                                new FeeAddOnClaim("digital-linkage-inpatient-2026", LocalDate.of(2026, 6, 1))), true),
                new Facility("demo-sakuragawa", "9910000025", "デモ 桜川記念病院", "でも さくらがわきねんびょういん",
                        "デモ県さくら市川端町4-5", FacilityType.HOSPITAL, 250, true, true,
                        List.of(new VendorContract("デモメディカルシステムズ株式会社", "電子カルテ")), List.of(), true),
                new Facility("demo-mizuho", "9910000033", "デモ みずほ台病院", "でも みずほだいびょういん",
                        "デモ県みずほ町中央2-8", FacilityType.HOSPITAL, 80, true, false, List.of(), List.of(), true),
                new Facility("demo-yamanouchi", "9910000041", "デモ 山ノ内リハビリテーション病院", "でも やまのうちりはびりてーしょんびょういん",
                        "デモ県やまのうち村本郷11", FacilityType.HOSPITAL, 120, true, true,
                        List.of(new VendorContract("デモヘルスケアIT合同会社", "電子カルテ（クラウド型）")), List.of(), true),
                new Facility("demo-shiomi", "9910000058", "デモ 潮見ヶ丘療養病院", "でも しおみがおかりょうようびょういん",
                        "デモ県うしお市潮見ヶ丘3-1", FacilityType.HOSPITAL, 60, false, false, List.of(), List.of(), true));
    }

    /** True when the demo hospitals are already in the store. */
    public boolean present() {
        return facilities.byId(hospitals().get(0).id()).isPresent();
    }

    /** Adds only the demo prefecture's hospitals: the office's facility master, whose inspections come in bundles. */
    public void seedFacilities() {
        hospitals().forEach(facilities::save);
    }

    /** The hospital codes of the office's follow-up demo: one whose report never came, one that closed everything. */
    public static final String REPORT_OVERDUE_CODE = "9910000033";
    public static final String ALL_CLOSED_CODE = "9910000041";

    /** The day this fiscal year's demo inspection is finalized: half-way from the year's first day to today. */
    private static LocalDate finalizedDay(LocalDate today) {
        LocalDate fiscalYearStart = FiscalYear.of(today).start();
        return fiscalYearStart.plusDays(ChronoUnit.DAYS.between(fiscalYearStart, today) / 2);
    }

    /**
     * The day of the office's follow-up demo inspections: two weeks after last year's demo inspection, so within the
     * last fiscal year (whose demo inspection lies in its first half) and long enough ago for a report to be overdue.
     */
    public static LocalDate followUpHistoryDay(LocalDate today) {
        return finalizedDay(today).minusYears(1).plusDays(14);
    }

    /**
     * The inspections behind the office's follow-up demo, made on a tablet whose clock is set to {@link
     * #followUpHistoryDay}: デモ みずほ台病院 and デモ 山ノ内リハビリテーション病院, each with two 不適合 due two months
     * later. Returns false, changing nothing, when they are there already.
     */
    public boolean seedFollowUpHistory() {
        Facility mizuho = hospitals().get(2);
        Facility yamanouchi = hospitals().get(3);
        if (facilities.byId(mizuho.id()).isPresent()) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate target = today.plusMonths(2);
        finalizeWith(mizuho, today.minusDays(2), target, Map.of("backup.offline-copy", Answer.NON_COMPLIANT,
                "contact.incident-diagram", Answer.NON_COMPLIANT));
        finalizeWith(yamanouchi, today, target, Map.of("vulnerability.two-factor-auth", Answer.NON_COMPLIANT,
                "backup.restore-test", Answer.NON_COMPLIANT));
        return true;
    }

    private void finalizeWith(Facility facility, LocalDate date, LocalDate target, Map<String, Answer> exceptions) {
        facilities.save(facility);
        Inspection inspection = start(facility, date);
        recordAll(inspection, facility.profileOn(date), date, target, exceptions, Integer.MAX_VALUE);
        inspections.finalizeInspection(inspection.id(), ACTOR);
    }

    /** Adds the demo prefecture; returns false (and changes nothing) when it is already there. */
    public boolean seed() {
        if (present()) {
            return false;
        }
        hospitals().forEach(facilities::save);
        LocalDate today = LocalDate.now(clock);
        FiscalYear thisYear = FiscalYear.of(today);
        LocalDate fiscalYearStart = thisYear.start();
        LocalDate fiscalYearEnd = thisYear.end().minusDays(1);
        LocalDate finalizedDate = finalizedDay(today);

        Facility sakuragawa = hospitals().get(1);
        Inspection finalized = start(sakuragawa, finalizedDate);
        List<CatalogItem> answered = recordAll(finalized, sakuragawa.profileOn(finalizedDate), finalizedDate,
                fiscalYearEnd, Map.of(
                "vulnerability.two-factor-auth", Answer.NON_COMPLIANT,
                "vulnerability.vpn-firmware", Answer.NON_COMPLIANT,
                "backup.offline-copy", Answer.NON_COMPLIANT,
                "recovery.drills", Answer.NON_COMPLIANT,
                "vulnerability.external-media", Answer.ALTERNATIVE), Integer.MAX_VALUE);
        // The hospital saw two-factor authentication missing, but not the offline backup; and it missed that its
        // network devices do restrict where connections come from.
        LocalDate formFilled = finalizedDate.minusDays(14);
        recordHospitalForm(finalized, formFilled, Map.of(
                "2-⑩", HospitalAnswer.no(fiscalYearEnd), "2-⑬", HospitalAnswer.no(fiscalYearEnd.minusMonths(3))),
                Map.of("3-②", "デモ: バックアップは外付けHDDに取得しているが、常時接続されており、"
                                + "オフラインの複製がないことを確認した。",
                        "2-⑬", "デモ: ネットワーク機器の設定画面で、保守回線を含めて接続元が制限されていることを確認した。"),
                answered);
        recordVendorForms(finalized, sakuragawa, formFilled.minusDays(7), Optional.empty());
        inspections.finalizeInspection(finalized.id(), ACTOR);

        // Last year's inspection of the large hospital, so that its answers show beside this year's.
        Facility aobadai = hospitals().get(0);
        LocalDate lastYear = finalizedDate.minusYears(1);
        LocalDate lastYearEnd = fiscalYearStart.minusDays(1);
        Inspection previous = start(aobadai, lastYear);
        answered = recordAll(previous, aobadai.profileOn(lastYear), lastYear, lastYearEnd, Map.of(
                "vulnerability.access-logs", Answer.NON_COMPLIANT,
                "vulnerability.password-policy", Answer.NON_COMPLIANT,
                "backup.restore-test", Answer.NON_COMPLIANT), Integer.MAX_VALUE);
        recordHospitalForm(previous, lastYear.minusDays(10), Map.of(
                "2-⑥", HospitalAnswer.no(lastYearEnd), "3-②", HospitalAnswer.no(lastYearEnd.minusMonths(2))),
                Map.of("2-⑦", "デモ: 規程では8文字以上としているが、電子カルテの設定は6文字以上で、"
                        + "定期的な変更もされていなかった。"),
                answered);
        recordVendorForms(previous, aobadai, lastYear.minusDays(20), Optional.empty());
        inspections.finalizeInspection(previous.id(), ACTOR);

        // This year's, half-way: the hospital's form entered whole (it forgot a target date and a date checked), the
        // vendors' forms (one not sent), and the first items answered and confirmed.
        Inspection inProgress = start(aobadai, today);
        answered = recordAll(inProgress, aobadai.profileOn(today), today, fiscalYearEnd,
                Map.of("vulnerability.access-logs", Answer.NON_COMPLIANT), 8);
        LocalDate checked = today.minusDays(7);
        recordHospitalForm(inProgress, checked, Map.of(
                "2-⑩", HospitalAnswer.no(fiscalYearEnd), "3-②", HospitalAnswer.no(fiscalYearEnd),
                "2-(運用管理規程)", new HospitalAnswer(SelfCheckAnswer.NO, Optional.empty(), true),
                "3-③", new HospitalAnswer(SelfCheckAnswer.YES, Optional.empty(), false)),
                Map.of("2-⑥", "デモ: アクセスログは保存されているが、システム管理者が削除できる設定のままで、"
                        + "削除から保護されていなかった。"),
                answered);
        recordVendorForms(inProgress, aobadai, checked.minusDays(5),
                Optional.of("デモ: 事業者に依頼済みだが、検査日までに届かなかった。"));
        return true;
    }

    /**
     * The hospital's row of one item where it is not a plain dated はい: いいえ with or without a target date, or an
     * item it forgot to date.
     */
    private record HospitalAnswer(SelfCheckAnswer answer, Optional<LocalDate> targetDate, boolean dated) {

        static HospitalAnswer no(LocalDate targetDate) {
            return new HospitalAnswer(SelfCheckAnswer.NO, Optional.of(targetDate), true);
        }
    }

    /**
     * The hospital's form: every ministry item checked on {@code checkedOn}, dated はい unless listed; and the
     * inspector's confirmation of the items that the answered catalog items belong to, 相違 with its reason where
     * listed, else 確認.
     */
    private void recordHospitalForm(Inspection inspection, LocalDate checkedOn, Map<String, HospitalAnswer> exceptions,
            Map<String, String> differences, List<CatalogItem> answered) {
        Set<String> confirmed = answered.stream().flatMap(item -> item.ministryItem().stream())
                .map(MinistryItem::number).collect(Collectors.toSet());
        List<HospitalFormEntry> entries = new ArrayList<>();
        for (MinistryItem item : inspections.catalogOf(inspection).ministryItems()) {
            HospitalAnswer answer = exceptions.getOrDefault(item.number(), new HospitalAnswer(SelfCheckAnswer.YES,
                    Optional.empty(), true));
            HospitalFormEntry entry = HospitalFormEntry.empty(item.number()).withAnswer(Optional.of(answer.answer()))
                    .withCheckedOn(Optional.of(checkedOn).filter(day -> answer.dated()))
                    .withTargetDate(answer.targetDate());
            if (confirmed.contains(item.number())) {
                String reason = differences.get(item.number());
                entry = reason == null ? entry.withConfirmation(Optional.of(Confirmation.AGREES), "")
                        : entry.withConfirmation(Optional.of(Confirmation.DIFFERS), reason);
            }
            entries.add(entry);
        }
        forms.recordHospitalForm(inspection.id(), entries, ACTOR);
    }

    /**
     * A form from each of the facility's vendors, filled in on {@code filledOn}: はい to every item the vendor form
     * carries but two-factor authentication; the last vendor's missing for {@code missingReason} when one is given.
     */
    private void recordVendorForms(Inspection inspection, Facility facility, LocalDate filledOn,
            Optional<String> missingReason) {
        List<VendorContract> contracts = facility.vendors();
        for (int i = 0; i < contracts.size(); i++) {
            VendorForm form = VendorForm.received(contracts.get(i)).withFilledOn(Optional.of(filledOn));
            if (missingReason.isPresent() && i == contracts.size() - 1) {
                form = new VendorForm(contracts.get(i), VendorForm.Status.MISSING, Optional.empty(), missingReason.get(),
                        Map.of());
            } else {
                for (MinistryItem item : inspections.catalogOf(inspection).ministryItems()) {
                    if (item.onVendorForm()) {
                        form = form.withAnswer(item.number(), Optional.of(item.number().equals("2-⑩")
                                ? SelfCheckAnswer.NO : SelfCheckAnswer.YES));
                    }
                }
            }
            forms.recordVendorForm(inspection.id(), form, ACTOR);
        }
    }

    private Inspection start(Facility facility, LocalDate date) {
        return inspections.start(new NewInspection(facility.id(), date, List.of("デモ 立入花子", "デモ 検査太郎"),
                List.of(new Attendee("デモ 山田一郎", "事務長"), new Attendee("デモ 佐藤恵", "医療情報システム安全管理責任者")),
                true), ACTOR);
    }

    /**
     * Answers the gate and then the first {@code limit} applicable items: the listed exceptions as given,
     * the rest 適合. 不適合 gets the catalog's advice for the facility and a target date within the year. Returns the
     * items answered.
     */
    private List<CatalogItem> recordAll(Inspection inspection, FacilityProfile profile, LocalDate checkedOn,
            LocalDate target, Map<String, Answer> exceptions, int limit) {
        // Each inspection follows the catalog of its own fiscal year (last year's the older one).
        Catalog catalog = inspections.catalogOf(inspection);
        inspections.record(inspection.id(), Finding.empty(catalog.gate().id()).withAnswer(Answer.YES)
                .withConfirmedBy(Set.of(ConfirmationMethod.INTERVIEW)).withCheckedOn(checkedOn), ACTOR);
        List<CatalogItem> applicable = Applicability.applicableItems(catalog, profile).stream().limit(limit).toList();
        for (CatalogItem item : applicable) {
            Answer answer = exceptions.getOrDefault(item.id(), Answer.COMPLIANT);
            Finding finding = Finding.empty(item.id()).withAnswer(answer)
                    .withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT, ConfirmationMethod.INTERVIEW))
                    .withCheckedOn(checkedOn);
            if (answer == Answer.NON_COMPLIANT) {
                finding = finding.withAdvice(item.adviceFor(profile).orElseThrow().in(Language.JA))
                        .withTargetDate(target).withFollowUp(true)
                        .withNote("デモ: 担当者への聞き取りで未実施を確認。");
            } else if (answer == Answer.COMPLIANT && GOOD_PRACTICE.containsKey(item.id())) {
                finding = finding.withNote(GOOD_PRACTICE.get(item.id()));
            } else if (answer == Answer.ALTERNATIVE) {
                finding = finding.withReason("デモ: USBポートは物理的に封印し、持ち出しは暗号化媒体1台に限定している。");
            }
            inspections.record(inspection.id(), finding, ACTOR);
        }
        return applicable;
    }
}
