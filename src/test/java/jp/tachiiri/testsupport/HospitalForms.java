package jp.tachiiri.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.selfcheck.SelfCheckGaps;

/**
 * Fills in the hospital's form (医療機関確認用) of an inspection in progress through the real service, as an inspector
 * finishes one: every ministry item answered and dated by the hospital (いいえ with a target date on the last day
 * the form allows) and confirmed by the inspector. The hospital says what the inspector found (確認), except for the
 * items a test names: there it says the opposite (相違), or the inspector could not check it (未確認).
 */
public final class HospitalForms {

    public static final String DIFFERS_REASON = "現地で確認した状態が医療機関の回答と異なる";
    public static final String NOT_CONFIRMED_REASON = "担当者不在のため確認できず";

    private HospitalForms() {
    }

    /** Records the form in the current revision; returns the row recorded per ministry number, in the ministry's order. */
    public static Map<String, HospitalFormEntry> fill(Workspace workspace, String inspectionId, LocalDate checkedOn,
                                                      Collection<String> differing, Collection<String> notConfirmed) {
        Inspection inspection = workspace.inspections().find(inspectionId).orElseThrow();
        Checklist checklist = Checklist.of(workspace.inspections().catalogOf(inspection),
                workspace.selfCheck().facilityOf(inspection).profileOn(inspection.date()), inspection.date(),
                workspace.inspections().findings(inspectionId, inspection.revision()));
        Map<String, HospitalFormEntry> rows = new LinkedHashMap<>();
        for (MinistryResult result : checklist.ministryResults()) {
            String number = result.item().number();
            boolean inspectorFails = result.answer().equals(Optional.of(Answer.NON_COMPLIANT));
            boolean differs = differing.contains(number);
            SelfCheckAnswer hospital = inspectorFails != differs ? SelfCheckAnswer.NO : SelfCheckAnswer.YES;
            Confirmation confirmation = differs ? Confirmation.DIFFERS
                    : notConfirmed.contains(number) ? Confirmation.NOT_CONFIRMED : Confirmation.AGREES;
            String reason = switch (confirmation) {
                case DIFFERS -> DIFFERS_REASON;
                case NOT_CONFIRMED -> NOT_CONFIRMED_REASON;
                case AGREES -> "";
            };
            Optional<LocalDate> target = hospital == SelfCheckAnswer.NO
                    ? Optional.of(SelfCheckGaps.targetYearEnd(checklist, result)) : Optional.empty();
            rows.put(number, new HospitalFormEntry(number, Optional.of(hospital), Optional.of(checkedOn), target,
                    Optional.of(confirmation), reason));
        }
        workspace.selfCheck().recordHospitalForm(inspectionId, new ArrayList<>(rows.values()), "test");
        return rows;
    }

    /**
     * Inspects a facility on {@code date} from start to finalize, as the tablet would: the gate はい, every applicable
     * item 適合 except {@code nonCompliant} (不適合 with advice and a target date), the hospital's form {@link #fill
     * filled in} with the 相違 and 未確認 asked for. Returns the inspection's id.
     */
    public static String inspect(Workspace workspace, String facilityId, LocalDate date, Collection<String> nonCompliant,
                                 Collection<String> differing, Collection<String> notConfirmed) {
        Facility facility = workspace.facilities().byId(facilityId).orElseThrow();
        Inspection inspection = workspace.inspections().start(new NewInspection(facilityId, date, List.of("検査 一郎"),
                List.of(), facility.demo()), "test");
        Catalog catalog = workspace.inspections().catalogOf(inspection);
        LocalDate yearEnd = FiscalYear.of(date).end().minusDays(1);
        workspace.inspections().record(inspection.id(), Finding.empty(catalog.gate().id()).withAnswer(Answer.YES)
                .withCheckedOn(date), "test");
        for (CatalogItem item : Applicability.applicableItems(catalog, facility.profileOn(date))) {
            Finding finding = Finding.empty(item.id()).withAnswer(Answer.COMPLIANT)
                    .withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT)).withCheckedOn(date);
            if (nonCompliant.contains(item.id())) {
                finding = finding.withAnswer(Answer.NON_COMPLIANT).withAdvice("期限までに改善してください。")
                        .withTargetDate(yearEnd);
            }
            workspace.inspections().record(inspection.id(), finding, "test");
        }
        fill(workspace, inspection.id(), date, differing, notConfirmed);
        workspace.inspections().finalizeInspection(inspection.id(), "test");
        return inspection.id();
    }

    /**
     * The tablet's demo with three of this fiscal year's inspections holding the hospital's form: 桜川 (amended to add
     * it: 2-⑩ and 2-⑦ 相違, 3-① 未確認), みずほ台 (2-⑦ and 2-⑪ 相違) and 山ノ内 (2-⑩ 相違, 3-③ 未確認), all dated
     * {@code today} but 桜川's. The demo's inspection in progress and last year's hold none.
     */
    public static void demoWithForms(Workspace workspace, LocalDate today) {
        workspace.demo().seed();
        String sakuragawa = workspace.inspections().list().stream()
                .filter(summary -> summary.facilityName().contains("桜川")).findFirst().orElseThrow().id();
        Inspection amended = workspace.inspections().amend(sakuragawa, "医療機関確認用の記録", "test");
        fill(workspace, sakuragawa, amended.date(), Set.of("2-⑩", "2-⑦"), Set.of("3-①"));
        workspace.inspections().finalizeInspection(sakuragawa, "test");
        inspect(workspace, "demo-mizuho", today, Set.of("vulnerability.password-policy", "backup.offline-copy"),
                Set.of("2-⑦", "2-⑪"), Set.of());
        inspect(workspace, "demo-yamanouchi", today, Set.of("vulnerability.two-factor-auth"), Set.of("2-⑩"),
                Set.of("3-③"));
    }
}
