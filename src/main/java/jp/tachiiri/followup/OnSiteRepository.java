package jp.tachiiri.followup;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where a tablet keeps the office's follow-up of the planned facilities' earlier inspections, and the inspector's
 * confirmations on site, each audited in the inspection's trail with the change it records.
 */
public interface OnSiteRepository {

    /** The follow-up of the inspection {@code inspectionId} of the facility, as the office last sent it. */
    Optional<PreviousFollowUp> previousFollowUp(String facilityId, String inspectionId);

    /** The items of a revision whose earlier finding the inspector confirmed on site. */
    Set<String> confirmedOnSite(String inspectionId, int revision);

    /**
     * Records that the inspector confirmed on site what became of an item's earlier finding (of the inspection {@code
     * previousInspectionId}), in a revision in progress, with its audit event; nothing when it stands so already.
     */
    void confirmOnSite(String inspectionId, int revision, String itemId, String previousInspectionId, String actor,
                       Instant at);

    /** Withdraws the confirmation of an item, with its audit event; nothing when there is none. */
    void withdrawOnSite(String inspectionId, int revision, String itemId, String actor, Instant at);
}
