package jp.tachiiri.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.facility.FacilityRepository;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.VendorContract;

/**
 * A fictitious prefecture (デモ県) with hospitals of different kinds, one finalized inspection and one in
 * progress dated within the current fiscal year, and last year's inspection of the hospital being inspected
 * now, so that a newcomer sees a living app (with last year's answers beside this year's). Every record is
 * flagged as demo and every name says デモ.
 */
public final class DemoData {

    static final String ACTOR = "demo";
    /** Notes on compliant items: the good practice the advice printout asks the hospital to keep up. */
    private static final Map<String, String> GOOD_PRACTICE = Map.of(
            "backup.generations", "デモ: 日次・週次・月次の3世代を外付け媒体で管理し、施錠した保管庫に保管している。",
            "contact.incident-diagram", "デモ: 連絡体制図を各部署に掲示し、年1回見直している。");

    /** The fictitious issuer of the demo's advice printouts. */
    public static final String ISSUING_AUTHORITY = "デモ県 保健医療局 医務課";

    private final FacilityRepository facilities;
    private final InspectionService inspections;
    private final Clock clock;

    public DemoData(FacilityRepository facilities, InspectionService inspections, Clock clock) {
        this.facilities = facilities;
        this.inspections = inspections;
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
        LocalDate finalizedDate = fiscalYearStart.plusDays(ChronoUnit.DAYS.between(fiscalYearStart, today) / 2);

        Facility sakuragawa = hospitals().get(1);
        Inspection finalized = start(sakuragawa, finalizedDate);
        recordAll(finalized, sakuragawa.profileOn(finalizedDate), finalizedDate, fiscalYearEnd, Map.of(
                "vulnerability.two-factor-auth", Answer.NON_COMPLIANT,
                "vulnerability.vpn-firmware", Answer.NON_COMPLIANT,
                "backup.offline-copy", Answer.NON_COMPLIANT,
                "recovery.drills", Answer.NON_COMPLIANT,
                "vulnerability.external-media", Answer.ALTERNATIVE), Integer.MAX_VALUE);
        inspections.finalizeInspection(finalized.id(), ACTOR);

        // Last year's inspection of the large hospital, so that its answers show beside this year's.
        Facility aobadai = hospitals().get(0);
        LocalDate lastYear = finalizedDate.minusYears(1);
        Inspection previous = start(aobadai, lastYear);
        recordAll(previous, aobadai.profileOn(lastYear), lastYear, fiscalYearStart.minusDays(1), Map.of(
                "vulnerability.access-logs", Answer.NON_COMPLIANT,
                "vulnerability.password-policy", Answer.NON_COMPLIANT,
                "backup.restore-test", Answer.NON_COMPLIANT), Integer.MAX_VALUE);
        inspections.finalizeInspection(previous.id(), ACTOR);

        Inspection inProgress = start(aobadai, today);
        recordAll(inProgress, aobadai.profileOn(today), today, fiscalYearEnd,
                Map.of("vulnerability.access-logs", Answer.NON_COMPLIANT), 8);
        return true;
    }

    private Inspection start(Facility facility, LocalDate date) {
        return inspections.start(new NewInspection(facility.id(), date, List.of("デモ 立入花子", "デモ 検査太郎"),
                List.of(new Attendee("デモ 山田一郎", "事務長"), new Attendee("デモ 佐藤恵", "医療情報システム安全管理責任者")),
                true), ACTOR);
    }

    /**
     * Answers the gate and then the first {@code limit} applicable items: the listed exceptions as given,
     * the rest 適合. 不適合 gets the catalog's advice for the facility and a target date within the year.
     */
    private void recordAll(Inspection inspection, FacilityProfile profile, LocalDate checkedOn, LocalDate target,
            Map<String, Answer> exceptions, int limit) {
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
    }
}
