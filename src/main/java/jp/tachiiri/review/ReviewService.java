package jp.tachiiri.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;

/**
 * The office's review of received inspections: the list with its filters and counts, opening a revision for
 * review, and the decisions (approve, or return with comments), each checked and audited.
 */
public final class ReviewService {

    private final ReviewRepository reviews;
    private final InspectionRepository inspections;
    private final CatalogLibrary catalogs;
    private final Clock clock;

    public ReviewService(ReviewRepository reviews, InspectionRepository inspections, CatalogLibrary catalogs, Clock clock) {
        this.reviews = reviews;
        this.inspections = inspections;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public List<ReviewRow> rows() {
        return reviews.rows();
    }

    public Predicate<ReviewRow> matcher(ReviewFilter filter) {
        return filter.matcher(catalogs::version);
    }

    /** Opening a received revision marks it "in review", once. */
    public void startReview(String inspectionId, int revision, String actor) {
        reviews.startReview(inspectionId, revision, actor, clock.instant());
    }

    /**
     * Records a decision on the newest finalized revision. A return needs a comment; item comments must name
     * items of the revision's catalog.
     */
    public void decide(Decision decision, String actor) {
        Inspection inspection = inspections.find(decision.inspectionId(), decision.revision())
                .filter(found -> found.status() == InspectionStatus.FINALIZED)
                .orElseThrow(() -> new UserFacingException("review.error.noRevision", decision.inspectionId(),
                        decision.revision()));
        int newest = inspections.revisions(decision.inspectionId()).stream()
                .filter(revision -> revision.status() == InspectionStatus.FINALIZED)
                .mapToInt(revision -> revision.revision()).max().orElse(decision.revision());
        if (newest != decision.revision()) {
            throw new UserFacingException("review.error.notNewest", decision.inspectionId(), decision.revision(), newest);
        }
        if (!decision.approved() && decision.comment().isBlank()) {
            throw new UserFacingException("review.error.commentRequired", decision.inspectionId());
        }
        Optional<Catalog> catalog = catalogs.version(inspection.catalogVersion());
        for (String itemId : decision.itemComments().keySet()) {
            if (catalog.flatMap(found -> found.item(itemId)).isEmpty()) {
                throw new UserFacingException("inspection.error.unknownItem", itemId, inspection.catalogVersion());
            }
        }
        reviews.decide(decision, actor, clock.instant());
    }

    public List<AuditEvent> reviewTrail(String inspectionId) {
        return reviews.reviewTrail(inspectionId);
    }
}
