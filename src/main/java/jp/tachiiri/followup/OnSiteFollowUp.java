package jp.tachiiri.followup;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.PreviousFindings;

/**
 * Follow-up at the next inspection, on the tablet: what became of the facility's earlier findings as the office knows
 * it (the hospital's report and the office's assessment, brought by the assignments bundle), and the inspector's word
 * that they looked at it again on site.
 */
public final class OnSiteFollowUp {

    private final OnSiteRepository repository;
    private final InspectionService inspections;
    private final Clock clock;

    public OnSiteFollowUp(OnSiteRepository repository, InspectionService inspections, Clock clock) {
        this.repository = repository;
        this.inspections = inspections;
        this.clock = clock;
    }

    /** The follow-up of the earlier inspection {@code previous}, as the office last sent it for the facility. */
    public Optional<PreviousFollowUp> of(String facilityId, PreviousFindings previous) {
        return repository.previousFollowUp(facilityId, previous.inspectionId());
    }

    /** The items of a revision whose earlier finding the inspector confirmed on site. */
    public Set<String> confirmed(String inspectionId, int revision) {
        return repository.confirmedOnSite(inspectionId, revision);
    }

    /**
     * Records that the inspector confirmed on site what became of an item's earlier finding, or withdraws it. Only in
     * the revision in progress, and only for an item the office sent a follow-up of.
     */
    public void confirm(String inspectionId, String itemId, boolean confirmed, String actor) {
        Inspection inspection = inspections.find(inspectionId)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        if (inspection.status() != InspectionStatus.IN_PROGRESS) {
            throw new UserFacingException("inspection.error.locked", inspectionId, inspection.revision());
        }
        if (!confirmed) {
            repository.withdrawOnSite(inspectionId, inspection.revision(), itemId, actor, clock.instant());
            return;
        }
        String previousId = inspections.previousFindings(inspection.facilityId(), inspectionId, inspection.date())
                .filter(previous -> of(inspection.facilityId(), previous).flatMap(followUp -> followUp.item(itemId))
                        .isPresent())
                .map(PreviousFindings::inspectionId)
                .orElseThrow(() -> new UserFacingException("followup.error.nothingToConfirm", itemId));
        repository.confirmOnSite(inspectionId, inspection.revision(), itemId, previousId, actor, clock.instant());
    }
}
