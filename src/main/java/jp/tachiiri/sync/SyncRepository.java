package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Role;

/** What sending and receiving bundles needs from the store. */
public interface SyncRepository {

    /** This installation's id and key pair, made on first use; the private key stays in the store. */
    DeviceIdentity identity();

    Optional<KnownDevice> knownDevice(String deviceId);

    List<KnownDevice> knownDevices();

    /** The office device trusted last, if any (a tablet's office). */
    Optional<KnownDevice> trustedOffice();

    /** Records a device seen for the first time, waiting for a person's decision (which is not an event yet). */
    void addPending(BundleHeader header, Role role, String fileName, Instant at);

    /**
     * Gives a device waiting for enrolment, known so far by its signing key alone (from a file of format 2.x), the
     * sealing key a file signed with that key brought, so that the fingerprint a person compares is its screen's.
     */
    void addPendingSealingKey(String deviceId, String sealingKeyHex);

    /** Stores a decision about a device and its event of the device-trust trail, in one transaction. */
    void decide(TrustDecision decision);

    /** The device-trust trail as stored, and its recorded head (sequence 0 before the first decision). */
    List<AuditEvent> trustTrail();

    ChainHead trustHead();

    /** The device whose bundle of this id was imported here, if one was. */
    Optional<String> receivedFrom(String bundleId);

    /** Runs {@code work} in one transaction: every change of one bundle is stored, or none. */
    <T> T inTransaction(Function<ImportSession, T> work);

    // The tablet's side.

    /**
     * Inspections made here whose newest finalized revision the office has not confirmed, each with all its
     * finalized revisions and its audit trail up to the newest of them. Evidence names its attachment by the
     * content's SHA-256.
     */
    List<BundleRecords.Inspection> unacknowledgedFindings();

    /** The stored file of evidence content. */
    Path evidenceFile(String sha256);

    void markSent(String bundleId, BundleKind kind, Instant createdAt, Path file, List<RevisionKey> revisions);

    SyncStatus status();

    List<BundleRecords.Assignment> assignments();

    List<BundleRecords.Review> reviews();

    /** The office's decisions on one inspection's revisions, oldest first. */
    List<BundleRecords.Review> reviews(String inspectionId);

    // The office's side.

    /**
     * Everything of an assignments bundle except its number and the catalogs: the facility master, the planned inspections
     * (of one inspector, or all), the newest finalized revisions of the assigned facilities' inspections
     * (without evidence or audit trail), the follow-up of those facilities' inspections with findings that needed
     * improvement, the plans' self-checks, the review results and the receipts.
     */
    BundleRecords.AssignmentsPayload assignmentsPayload(Optional<String> inspectorId);

    /** Adds or changes a planned inspection; its {@code updatedAt} is the time of this change. */
    void plan(BundleRecords.Assignment assignment);

    /** The number of the office's next assignments bundle: one more than the last, never given twice. */
    long nextAssignmentsSequence();

    /** One revision of one inspection. */
    record RevisionKey(String inspectionId, int revision) {
    }
}
