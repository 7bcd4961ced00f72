package jp.tachiiri.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.RevisionInfo;

/**
 * Where inspections live. Every method that changes something is one transaction that also appends the
 * matching audit events, so a change and its record are stored together or not at all.
 */
public interface InspectionRepository {

    /** Creates revision 1 of a new inspection, made with catalog {@code catalogVersion}. */
    Inspection start(String id, NewInspection request, String catalogVersion, String actor);

    /** The latest revision of every inspection, newest first. */
    List<InspectionSummary> list();

    /** The latest revision of the inspection. */
    Optional<Inspection> find(String inspectionId);

    /** One given revision of the inspection. */
    Optional<Inspection> find(String inspectionId, int revision);

    /** False for an inspection received in a bundle from the device that recorded it (and only it amends it). */
    boolean madeHere(String inspectionId);

    /** Every revision of the inspection, oldest first. */
    List<RevisionInfo> revisions(String inspectionId);

    /**
     * Opens a new revision of a finalized inspection for a correction: a copy of the latest revision (header,
     * findings and evidence) in progress, with the reason recorded and audited. Earlier revisions stay as
     * they are. Refused unless the latest revision is finalized.
     */
    Inspection amend(String inspectionId, String reason, String actor);

    /**
     * The latest finalized revision of the facility's most recent other inspection dated before {@code
     * before}, if the store has one.
     */
    Optional<PreviousFindings> previousFindings(String facilityId, String excludingInspectionId, LocalDate before);

    /** The findings recorded in one revision, by item id. */
    Map<String, Finding> findings(String inspectionId, int revision);

    /**
     * Stores the finding and one audit event per changed field; refused unless the revision is in progress.
     * Returns the number of fields that changed (0 when the finding was already stored as it is).
     */
    int recordFinding(String inspectionId, int revision, Finding finding, String actor);

    /**
     * Locks the revision, keeping the facility as it is now with it; later corrections need a new revision.
     */
    void finalizeRevision(String inspectionId, int revision, String actor);

    /** The facility as it was when the revision was finalized; empty for a revision in progress. */
    Optional<Facility> facilityAsFinalized(String inspectionId, int revision);
}
