package jp.tachiiri.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;

/** Where the office keeps its review: the list, the decisions and their own audit trail. */
public interface ReviewRepository {

    /**
     * Every inspection received from a tablet, by its newest finalized revision; {@code catalogs} gives a catalog
     * version, whose 参考 items are left out of the revision's 不適合 items.
     */
    List<ReviewRow> rows(Function<String, Optional<Catalog>> catalogs);

    /** Marks the revision as being reviewed (once; audited). */
    void startReview(String inspectionId, int revision, String actor, Instant at);

    /**
     * Stores the decision on a revision, replacing an earlier one on the same revision, with one review event
     * for the decision and one per item comment.
     */
    void decide(Decision decision, String actor, Instant at);

    /** A version of an inspection kept beside the stored one, as it came (canonical JSON of the bundle's record). */
    record KeptConflict(String inspectionId, String contentHash, String bundleId, String deviceId, Instant receivedAt,
                        String content) {
    }

    /** The unresolved conflicts of an inspection, oldest first. */
    List<KeptConflict> conflicts(String inspectionId);

    /** Settles a conflict by keeping the stored version (audited); false when there is no such open conflict. */
    boolean keepStored(String inspectionId, String contentHash, String actor, Instant at);

    /** The recorded end of the review trail of an inspection; empty before its first review event. */
    Optional<ChainHead> reviewHead(String inspectionId);

    /** The review's own trail of one inspection, oldest first. */
    List<AuditEvent> reviewTrail(String inspectionId);
}
