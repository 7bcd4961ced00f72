package jp.tachiiri.selfcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.tachiiri.facility.FacilityService;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
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
        Inspection inspection = inProgress(inspectionId);
        Catalog catalog = inspections.catalogOf(inspection);
        LocalDate today = LocalDate.now(clock);
        Set<String> numbers = new HashSet<>();
        for (HospitalFormEntry entry : entries) {
            ministryItem(catalog, entry.ministryNumber());
            if (!numbers.add(entry.ministryNumber())) {
                throw new UserFacingException("selfCheck.error.rowTwice", entry.ministryNumber());
            }
            entry.checkedOn().filter(day -> day.isAfter(today)).ifPresent(day -> {
                throw new UserFacingException("selfCheck.error.checkedInFuture", entry.ministryNumber(), day);
            });
            if (entry.targetDate().isPresent() && !entry.answer().equals(Optional.of(SelfCheckAnswer.NO))) {
                throw new UserFacingException("selfCheck.error.targetWithoutNo", entry.ministryNumber());
            }
            if (entry.targetDate().isPresent() && entry.checkedOn().isPresent()
                    && entry.targetDate().get().isBefore(entry.checkedOn().get())) {
                throw new UserFacingException("selfCheck.error.targetBeforeCheck", entry.ministryNumber(),
                        entry.targetDate().get(), entry.checkedOn().get());
            }
        }
        return forms.recordHospitalForm(inspectionId, inspection.revision(), List.copyOf(entries), actor);
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
        Inspection inspection = inProgress(inspectionId);
        Facility facility = facilityOf(inspection);
        if (!facility.vendors().contains(form.contract())) {
            throw new UserFacingException("selfCheck.error.noSuchContract", SelfCheck.contractKey(form.contract()),
                    facility.name());
        }
        form.filledOn().filter(day -> day.isAfter(LocalDate.now(clock))).ifPresent(day -> {
            throw new UserFacingException("selfCheck.error.vendorFilledInFuture", SelfCheck.contractKey(form.contract()), day);
        });
        Catalog catalog = inspections.catalogOf(inspection);
        for (String number : form.answers().keySet()) {
            if (!ministryItem(catalog, number).onVendorForm()) {
                throw new UserFacingException("selfCheck.error.notOnVendorForm", number);
            }
        }
        return forms.recordVendorForm(inspectionId, inspection.revision(), form, actor);
    }

    private Inspection inProgress(String inspectionId) {
        Inspection inspection = inspections.find(inspectionId)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        if (inspection.status() != InspectionStatus.IN_PROGRESS) {
            throw new UserFacingException("inspection.error.locked", inspectionId, inspection.revision());
        }
        return inspection;
    }

    private static MinistryItem ministryItem(Catalog catalog, String number) {
        return catalog.ministryItems().stream().filter(item -> item.number().equals(number)).findFirst()
                .orElseThrow(() -> new UserFacingException("selfCheck.error.unknownMinistryItem", number, catalog.version()));
    }
}
