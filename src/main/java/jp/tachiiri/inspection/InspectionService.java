package jp.tachiiri.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionIds;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.RevisionInfo;

/**
 * The inspections of this data folder: reading them, and starting, recording, finalizing and amending them with
 * the rules the catalog and the workflow set. The screens, the command line and the other services go through
 * it, never to the repository behind it.
 */
public final class InspectionService {

    private final InspectionRepository inspections;
    private final CatalogLibrary catalogs;
    private final Supplier<String> deviceId;

    /** {@code deviceId}: this installation's id, which every inspection made here names (see {@link InspectionIds}). */
    public InspectionService(InspectionRepository inspections, CatalogLibrary catalogs, Supplier<String> deviceId) {
        this.inspections = inspections;
        this.catalogs = catalogs;
        this.deviceId = deviceId;
    }

    /** Every inspection, newest first, with its latest revision's status. */
    public List<InspectionSummary> list() {
        return inspections.list();
    }

    /** The latest revision. */
    public Optional<Inspection> find(String inspectionId) {
        return inspections.find(inspectionId);
    }

    public Optional<Inspection> find(String inspectionId, int revision) {
        return inspections.find(inspectionId, revision);
    }

    /** Whether the inspection was started on this installation (not received in a bundle). */
    public boolean madeHere(String inspectionId) {
        return inspections.madeHere(inspectionId);
    }

    public List<RevisionInfo> revisions(String inspectionId) {
        return inspections.revisions(inspectionId);
    }

    /** The findings of one revision, by item id. */
    public Map<String, Finding> findings(String inspectionId, int revision) {
        return inspections.findings(inspectionId, revision);
    }

    /** What the facility's most recent earlier inspection found, to compare with. */
    public Optional<PreviousFindings> previousFindings(String facilityId, String excludingInspectionId, LocalDate before) {
        return inspections.previousFindings(facilityId, excludingInspectionId, before);
    }

    /** The facility as it was when the revision was finalized. */
    public Optional<Facility> facilityAsFinalized(String inspectionId, int revision) {
        return inspections.facilityAsFinalized(inspectionId, revision);
    }

    /**
     * Opens a new revision of a finalized inspection for a correction, with the reason recorded and audited;
     * refused unless the latest revision is finalized.
     */
    public Inspection amend(String inspectionId, String reason, String actor) {
        return inspections.amend(inspectionId, reason, actor);
    }

    /**
     * Starts an inspection with the catalog of its date's fiscal year; its id is made here, once, names this device and
     * never changes.
     */
    public Inspection start(NewInspection request, String actor) {
        return inspections.start(InspectionIds.newId(deviceId.get()), request,
                catalogs.forFiscalYear(FiscalYear.of(request.date())).version(), actor);
    }

    /** Records a finding in the inspection's current revision. Returns the number of fields that changed. */
    public int record(String inspectionId, Finding finding, String actor) {
        Inspection inspection = inspections.find(inspectionId)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        if (inspection.status() != InspectionStatus.IN_PROGRESS) {
            throw new UserFacingException("inspection.error.locked", inspectionId, inspection.revision());
        }
        Catalog catalog = catalogOf(inspection);
        List<Answer> allowed = allowedAnswers(catalog, finding.itemId());
        finding.answer().filter(answer -> !allowed.contains(answer)).ifPresent(answer -> {
            throw new UserFacingException("inspection.error.answerNotAllowed", answer, finding.itemId());
        });
        return inspections.recordFinding(inspectionId, inspection.revision(), finding, actor);
    }

    /** Locks the current revision of an inspection. */
    public void finalizeInspection(String inspectionId, String actor) {
        Inspection inspection = inspections.find(inspectionId)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        inspections.finalizeRevision(inspectionId, inspection.revision(), actor);
    }

    public Catalog catalogOf(Inspection inspection) {
        return catalogs.version(inspection.catalogVersion())
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", inspection.catalogVersion()));
    }

    private static List<Answer> allowedAnswers(Catalog catalog, String itemId) {
        if (catalog.gate().id().equals(itemId)) {
            return List.of(Answer.YES, Answer.NO);
        }
        return catalog.item(itemId)
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownItem", itemId, catalog.version()))
                .answers();
    }
}
