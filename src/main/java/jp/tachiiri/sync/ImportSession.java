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

    /** Whether the store has evidence with this id (ids are unique across all inspections). */
    boolean evidenceExists(String evidenceId);

    /** Whether the store has an audit event with this id (ids are unique across all inspections). */
    boolean auditEventExists(String eventId);

    /**
     * The id under which this store keeps the facility: its own id if known, else the facility with the same
     * medical-institution code, else the facility is added as it is.
     */
    String facilityId(BundleRecords.Facility facility);

    void insertInspection(BundleRecords.Inspection inspection, String facilityId, String originDevice);

    /** Inserts a finalized revision with its findings and evidence; attachments are files by attachment id. */
    void insertRevision(String inspectionId, BundleRecords.Revision revision, String contentHash, String bundleId,
                        Map<String, Path> attachments, Map<String, BundleRecords.ManifestEntry> manifest);

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
