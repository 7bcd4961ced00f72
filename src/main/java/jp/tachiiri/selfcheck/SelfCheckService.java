package jp.tachiiri.selfcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jp.tachiiri.facility.FacilityService;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.VendorForm;

/**
 * The hospital's and the vendors' own forms of an inspection: reading them, and recording them with the rules the
 * forms set — dates checked not in the future, a target date only for いいえ and never before the date checked, a
 * vendor form only for a contract the facility has and answers only for items the vendor form carries. Whatever
 * breaks a rule is refused with the item and the value named, and nothing of the change is stored.
 */
public final class SelfCheckService {

    private final SelfCheckRepository forms;
    private final InspectionService inspections;
    private final FacilityService facilities;
    private final Clock clock;

    public SelfCheckService(SelfCheckRepository forms, InspectionService inspections, FacilityService facilities,
                            Clock clock) {
        this.forms = forms;
        this.inspections = inspections;
        this.facilities = facilities;
        this.clock = clock;
    }

    /** Both forms of one revision. */
    public SelfCheck selfCheck(String inspectionId, int revision) {
        return forms.selfCheck(inspectionId, revision);
    }

    /** The facility as the revision knows it: as finalized, or as it is now while in progress. */
    public Facility facilityOf(Inspection inspection) {
        return inspections.facilityAsFinalized(inspection.id(), inspection.revision())
                .or(() -> facilities.byId(inspection.facilityId()))
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspection.id()));
    }

    /**
     * Records rows of the hospital's form (and confirmations in them) in the current revision, in one
     * transaction. Returns the number of fields that changed.
     */
    public int recordHospitalForm(String inspectionId, Collection<HospitalFormEntry> entries, String actor) {
        return recordHospitalForm(inspectionId, entries, actor, null);
    }

    /** The same, with a reason each audit event carries (e.g. that the rows came from the hospital's workbook). */
    public int recordHospitalForm(String inspectionId, Collection<HospitalFormEntry> entries, String actor,
                                  String reason) {
        Inspection inspection = inProgress(inspectionId);
        SelfCheckRules.checkHospitalRows(inspections.catalogOf(inspection), entries, LocalDate.now(clock));
        return forms.recordHospitalForm(inspectionId, inspection.revision(), List.copyOf(entries), actor, reason);
    }

    /**
     * Sets the date checked of the given ministry items to one day, keeping their answers: the form's "all checked on
     * 2026-06-01" in one step.
     */
    public int setCheckedOn(String inspectionId, Collection<String> ministryNumbers, LocalDate day, String actor) {
        Inspection inspection = inProgress(inspectionId);
        SelfCheck stored = forms.selfCheck(inspectionId, inspection.revision());
        List<HospitalFormEntry> entries = new ArrayList<>();
        for (String number : new LinkedHashSet<>(ministryNumbers)) {
            entries.add(stored.entry(number).withCheckedOn(Optional.of(day)));
        }
        return recordHospitalForm(inspectionId, entries, actor);
    }

    /** Records the form of one of the facility's vendor contracts. Returns the number of fields that changed. */
    public int recordVendorForm(String inspectionId, VendorForm form, String actor) {
        return recordVendorForm(inspectionId, form, actor, null);
    }

    /** The same, with a reason each audit event carries. */
    public int recordVendorForm(String inspectionId, VendorForm form, String actor, String reason) {
        Inspection inspection = inProgress(inspectionId);
        SelfCheckRules.checkVendorForm(facilityOf(inspection), inspections.catalogOf(inspection), form,
                LocalDate.now(clock));
        return forms.recordVendorForm(inspectionId, inspection.revision(), form, actor, reason);
    }

    /** The inspection, if its forms may be recorded now (its latest revision in progress); refused otherwise. */
    public Inspection inProgress(String inspectionId) {
        Inspection inspection = inspections.find(inspectionId)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        if (inspection.status() != InspectionStatus.IN_PROGRESS) {
            throw new UserFacingException("inspection.error.locked", inspectionId, inspection.revision());
        }
        return inspection;
    }
}
