package jp.tachiiri.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
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

    /** The ministry numbers of {@code rows} recorded with {@code confirmation}. */
    public static List<String> confirmed(Map<String, HospitalFormEntry> rows, Confirmation confirmation) {
        return rows.values().stream().filter(row -> row.confirmation().equals(Optional.of(confirmation)))
                .map(HospitalFormEntry::ministryNumber).toList();
    }
}
