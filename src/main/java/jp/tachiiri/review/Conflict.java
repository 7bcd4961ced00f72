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

    /**
     * One revision of the arriving version against the stored revision of the same number (if any): the findings'
     * changes by item, the hospital's form's by ministry number and the vendor forms' by contract ("vendor / system";
     * a vendor's answer is the field "answer/" and the ministry number). A revision of a format without forms has
     * no changes to them: it says nothing of them.
     */
    public record RevisionComparison(int revision, boolean stored, List<RevisionDiff.Change> changes,
                                     List<RevisionDiff.Change> hospitalFormChanges,
                                     List<RevisionDiff.Change> vendorFormChanges) {

        public RevisionComparison {
            changes = List.copyOf(changes);
            hospitalFormChanges = List.copyOf(hospitalFormChanges);
            vendorFormChanges = List.copyOf(vendorFormChanges);
        }

        /** How many fields differ, findings and forms together. */
        public int size() {
            return changes.size() + hospitalFormChanges.size() + vendorFormChanges.size();
        }
    }
}
