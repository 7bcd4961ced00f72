package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleRecords;

/** The store as one bundle's import sees it, inside its transaction. */
public interface ImportSession {

    /** An inspection the store has: made here or received, its revisions' content hashes and its audit length. */
    record StoredInspection(boolean madeHere, Map<Integer, String> revisionHashes, long auditLength) {
    }

    Optional<StoredInspection> inspection(String inspectionId);

    Optional<String> auditHash(String inspectionId, long sequence);


    /**
     * The id under which this store keeps the facility: its own id if known, else the facility with the same
     * medical-institution code, else the facility is added as it is.
     */
    String facilityId(BundleRecords.Facility facility);

    void insertInspection(BundleRecords.Inspection inspection, String facilityId, String originDevice);

    /**
     * Evidence and audit event ids are unique across the store: one that another record holds already means a
     * bundle that was made up or mixed up, and refuses the bundle whole.
     */
    final class IdTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String id;

        public IdTaken(String id, Throwable cause) {
            super("id taken: " + id, cause);
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * Inserts a finalized revision with its findings and evidence; attachments are files by attachment id.
     * Throws {@link IdTaken} for an evidence id the store has already.
     */
    void insertRevision(String inspectionId, BundleRecords.Revision revision, String contentHash, String bundleId,
                        Map<String, Path> attachments, Map<String, BundleRecords.ManifestEntry> manifest);

    /** Appends events to the inspection's trail; throws {@link IdTaken} for an event id the store has already. */
    void appendAudit(String inspectionId, List<BundleRecords.AuditEvent> events);

    /** Keeps a disagreeing version beside the stored one; false if this very version is kept already. */
    boolean addConflict(String inspectionId, String contentHash, BundleHeader header, String content, Instant at);

    void recordReceived(BundleHeader header, String fileName, Instant at);

    void saveFacility(BundleRecords.Facility facility);

    void saveAssignment(BundleRecords.Assignment assignment, String facilityId, Instant at);

    void saveReview(BundleRecords.Review review);

    /** Marks one of this device's findings bundles as received by the office. */
    void saveReceipt(BundleRecords.Receipt receipt);

    void saveCatalog(String version, String document, Instant at);
}
