package jp.tachiiri.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.inspection.RevisionDiff;
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

    /**
     * The unresolved conflicts of an inspection, each compared with the stored inspection revision by revision:
     * what the arriving version records differently, field by field.
     */
    public List<Conflict> conflicts(String inspectionId) {
        List<Conflict> conflicts = new ArrayList<>();
        for (ReviewRepository.KeptConflict kept : reviews.conflicts(inspectionId)) {
            BundleRecords.Inspection arriving = BundleRecords.inspection(kept.content());
            List<Conflict.RevisionComparison> revisions = new ArrayList<>();
            for (BundleRecords.Revision revision : arriving.revisions()) {
                boolean stored = inspections.find(inspectionId, revision.revision()).isPresent();
                Map<String, Map<String, String>> theirs = new TreeMap<>();
                revision.findings().forEach(finding -> theirs.put(finding.itemId(), finding.fields()));
                Map<String, Map<String, String>> ours = new TreeMap<>();
                if (stored) {
                    inspections.findings(inspectionId, revision.revision()).forEach((itemId, finding) -> ours.put(itemId, finding.fields()));
                }
                revisions.add(new Conflict.RevisionComparison(revision.revision(), stored, RevisionDiff.betweenFields(ours, theirs)));
            }
            conflicts.add(new Conflict(inspectionId, kept.contentHash(), kept.bundleId(), kept.deviceId(), kept.receivedAt(),
                    revisions));
        }
        return conflicts;
    }

    /** How many other versions of the inspection wait for a decision (without comparing them). */
    public int openConflicts(String inspectionId) {
        return reviews.conflicts(inspectionId).size();
    }

    /**
     * Keeps the stored version and closes the conflict. (Taking the arriving version instead is the recording
     * tablet's to do: return the inspection and have it amended, so that its new revision supersedes both.)
     */
    public void keepStored(String inspectionId, String contentHash, String actor) {
        if (!reviews.keepStored(inspectionId, contentHash, actor, clock.instant())) {
            throw new UserFacingException("review.error.noConflict", inspectionId);
        }
    }

    /** The review trail with whether its chain verifies (an empty trail without a head does). */
    public ChainVerifier.Trail verifiedReviewTrail(String inspectionId) {
        List<AuditEvent> events = reviews.reviewTrail(inspectionId);
        Optional<ChainHead> head = reviews.reviewHead(inspectionId);
        return new ChainVerifier.Trail(events, head.isEmpty() && events.isEmpty() ? Optional.empty()
                : ChainVerifier.verify(head.orElse(new ChainHead(inspectionId, 0, AuditChain.GENESIS)), events));
    }

    public List<AuditEvent> reviewTrail(String inspectionId) {
        return reviews.reviewTrail(inspectionId);
    }
}
