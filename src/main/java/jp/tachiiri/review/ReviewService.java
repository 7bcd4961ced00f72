package jp.tachiiri.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.evidence.EvidenceRepository;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckRepository;

/**
 * The office's review of received inspections: the list with its filters and counts, opening a revision for
 * review, and the decisions (approve, or return with comments), each checked and audited.
 */
public final class ReviewService {

    private final ReviewRepository reviews;
    /** The pseudo-field under which a conflict lists an item's evidence files. */
    static final String EVIDENCE_FIELD = "evidence";

    private final InspectionRepository inspections;
    private final EvidenceRepository evidence;
    private final SelfCheckRepository forms;
    private final CatalogLibrary catalogs;
    private final Clock clock;

    public ReviewService(ReviewRepository reviews, InspectionRepository inspections, EvidenceRepository evidence,
                         SelfCheckRepository forms, CatalogLibrary catalogs, Clock clock) {
        this.reviews = reviews;
        this.inspections = inspections;
        this.evidence = evidence;
        this.forms = forms;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public List<ReviewRow> rows() {
        return reviews.rows(catalogs::version);
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
                revision.findings().forEach(finding -> theirs.put(finding.itemId(), new LinkedHashMap<>(finding.fields())));
                revision.evidence().forEach(item -> addEvidence(theirs, item.itemId(), item.fileName(), item.attachment()));
                Map<String, Map<String, String>> ours = new TreeMap<>();
                if (stored) {
                    inspections.findings(inspectionId, revision.revision())
                            .forEach((itemId, finding) -> ours.put(itemId, new LinkedHashMap<>(finding.fields())));
                    evidence.list(inspectionId, revision.revision())
                            .forEach(item -> addEvidence(ours, item.itemId(), item.fileName(), item.sha256()));
                }
                SelfCheck storedForms = stored ? forms.selfCheck(inspectionId, revision.revision()) : SelfCheck.EMPTY;
                boolean carries = revision.carriesForms();
                revisions.add(new Conflict.RevisionComparison(revision.revision(), stored, RevisionDiff.betweenFields(ours, theirs),
                        carries ? hospitalFormChanges(storedForms, revision) : List.of(),
                        carries ? vendorFormChanges(storedForms, revision) : List.of()));
            }
            conflicts.add(new Conflict(inspectionId, kept.contentHash(), kept.bundleId(), kept.deviceId(), kept.receivedAt(),
                    revisions));
        }
        return conflicts;
    }

    /** The hospital's form of the arriving revision against the stored one, row by row; a row one lacks is blank there. */
    private static List<RevisionDiff.Change> hospitalFormChanges(SelfCheck stored, BundleRecords.Revision arriving) {
        Map<String, Map<String, String>> ours = new TreeMap<>();
        Map<String, Map<String, String>> theirs = new TreeMap<>();
        stored.hospitalForm().forEach((number, entry) -> ours.put(number, entry.fields()));
        arriving.hospitalForm().forEach(row -> theirs.put(row.ministryNumber(), row.toEntry().fields()));
        ours.keySet().forEach(number -> theirs.putIfAbsent(number, HospitalFormEntry.empty(number).fields()));
        theirs.keySet().forEach(number -> ours.putIfAbsent(number, HospitalFormEntry.empty(number).fields()));
        return RevisionDiff.betweenFields(ours, theirs);
    }

    /** The vendor forms of the arriving revision against the stored ones, by contract; a form one lacks has no fields. */
    private static List<RevisionDiff.Change> vendorFormChanges(SelfCheck stored, BundleRecords.Revision arriving) {
        Map<String, Map<String, String>> ours = new TreeMap<>();
        Map<String, Map<String, String>> theirs = new TreeMap<>();
        stored.vendorForms().forEach(form -> ours.put(form.contract().key(), form.fields()));
        arriving.vendorForms().stream().map(BundleRecords.VendorForm::toForm)
                .forEach(form -> theirs.put(form.contract().key(), form.fields()));
        ours.keySet().forEach(contract -> theirs.putIfAbsent(contract, Map.of()));
        theirs.keySet().forEach(contract -> ours.putIfAbsent(contract, Map.of()));
        return RevisionDiff.betweenFields(ours, theirs);
    }

    /**
     * Evidence compared as one more field of its item: its files by name and the start of their SHA-256 (so
     * that a photo replaced under the same name differs), one per line in a stable order.
     */
    private static void addEvidence(Map<String, Map<String, String>> findings, String itemId, String fileName, String sha256) {
        Map<String, String> fields = findings.computeIfAbsent(itemId, id -> new LinkedHashMap<>());
        String file = fileName + " (" + sha256.substring(0, 8) + ")";
        fields.merge(EVIDENCE_FIELD, file, (files, added) -> String.join("\n",
                new TreeSet<>(List.of((files + "\n" + added).split("\n")))));
    }

    /** How many other versions of the inspection wait for a decision (without comparing them). */
    public int openConflicts(String inspectionId) {
        return reviews.conflicts(inspectionId).size();
    }

    /** Keeps the stored version and closes the conflict (taking the arriving one is a sync's: {@code takeArriving}). */
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
