package jp.tachiiri.review;

import java.time.Instant;
import java.util.List;
import jp.tachiiri.inspection.RevisionDiff;

/**
 * Another version of an inspection that a bundle brought while the store had the inspection already with
 * different content: kept as it came, compared revision by revision with the stored one.
 */
public record Conflict(String inspectionId, String contentHash, String bundleId, String deviceId, Instant receivedAt,
                       List<RevisionComparison> revisions) {

    public Conflict {
        revisions = List.copyOf(revisions);
    }

    /** One revision of the arriving version against the stored revision of the same number (if any). */
    public record RevisionComparison(int revision, boolean stored, List<RevisionDiff.Change> changes) {

        public RevisionComparison {
            changes = List.copyOf(changes);
        }
    }
}
