package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleRecords;

/** The store as one bundle's import sees it, inside its transaction. */
public interface ImportSession {

    /**
     * An inspection the store has: the device that made it (null: made here), its revisions' content hashes
     * and its audit length.
     */
    record StoredInspection(String originDevice, Map<Integer, String> revisionHashes, long auditLength) {

        boolean madeHere() {
            return originDevice == null;
        }
    }

    Optional<StoredInspection> inspection(String inspectionId);

    Optional<String> auditHash(String inspectionId, long sequence);

    /** The device whose bundle of this id was imported here, if one was (read in the transaction). */
    Optional<String> receivedFrom(String bundleId);


    /**
     * The id under which this store keeps the facility: its own id if known, else the facility with the same
     * medical-institution code, else the facility is added as it is, as reported by {@code reportedBy} (a tablet
     * whose inspection names a facility the office does not know; null for the office's own facility master).
     */
    String facilityId(BundleRecords.Facility facility, String reportedBy);

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

    /**
     * The revision with the hospital's and vendors' forms the store holds for it in place of its own, as a bundle
     * would carry them: to tell whether a revision of an older format, which carries no forms, is the stored one.
     */
    BundleRecords.Revision withStoredForms(String inspectionId, BundleRecords.Revision revision);

    /** Appends events to the inspection's trail; throws {@link IdTaken} for an event id the store has already. */
    void appendAudit(String inspectionId, List<BundleRecords.AuditEvent> events);

    /**
     * Keeps a disagreeing version beside the stored one, with the bytes of its evidence ({@code files} by
     * attachment id, absent where the bundle carried none), so that it can be taken later; false if this very
     * version is kept already.
     */
    boolean addConflict(String inspectionId, String contentHash, BundleHeader header, String content,
                        List<BundleRecords.ManifestEntry> attachments, Map<String, Path> files, Instant at);

    /** A version kept beside the stored one and still waiting for a decision. */
    record KeptVersion(String content, String bundleId, String deviceId, List<BundleRecords.ManifestEntry> attachments) {
    }

    Optional<KeptVersion> openConflict(String inspectionId, String contentHash);

    /**
     * Moves the stored version of a received inspection aside so that another can take its place: it is kept
     * whole as a displaced version (returned: its content hash), its revisions, evidence rows and trail leave
     * the inspection, and the review of {@code reviewedAgain} (revisions whose content changes) is undone.
     */
    String displaceStored(String inspectionId, Set<Integer> reviewedAgain, Instant at);

    /**
     * Closes a conflict whose version now is the stored one (both versions came from the device that owns the
     * inspection); the decision goes into the office's review trail.
     */
    void settleTookArriving(String inspectionId, String contentHash, String displacedHash, String actor,
                            Instant at);

    void recordReceived(BundleHeader header, String fileName, Instant at);

    /** Stores a facility's record from the office; true if it was new here or any of it changed. */
    boolean saveFacility(BundleRecords.Facility facility);

    void saveAssignment(BundleRecords.Assignment assignment, String facilityId);

    /**
     * Stores a plan's self-check as the office sent it, in place of the one held; false if it is the one held already.
     */
    boolean savePlanSelfCheck(BundleRecords.PlanSelfCheck selfCheck);

    /**
     * Replaces the follow-up of the facility (this store's id) by what bundle {@code sequence} of the office says of it,
     * unless a bundle of that office numbered as high gave it already; true if what the tablet shows changed.
     */
    boolean replaceFollowUps(String facilityId, String officeDevice, long sequence, List<BundleRecords.FollowUp> followUps);

    /** When the stored plan was last changed, if the store has it. */
    Optional<String> assignmentUpdatedAt(String assignmentId);

    void saveReview(BundleRecords.Review review);

    /** When the stored decision on a revision was made, if the store has one. */
    Optional<String> reviewDecidedAt(String inspectionId, int revision);

    /** The newest assignments bundle applied from an office, by audience (an inspector's id, or "*" for all). */
    Map<String, Long> appliedAssignments(String officeDevice);

    /** Records the assignments bundle {@code sequence} of an office as applied for its audience, never lowering it. */
    void recordApplied(String officeDevice, String audience, long sequence, String bundleId, Instant at);

    /** Marks one of this device's findings bundles as received by the office; true if it was not marked yet. */
    boolean saveReceipt(BundleRecords.Receipt receipt);

    void saveCatalog(String version, String document, Instant at);
}
