package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.DeviceIdentity;

/** What sending and receiving bundles needs from the store. */
public interface SyncRepository {

    /** This installation's id and key pair, made on first use; the private key stays in the store. */
    DeviceIdentity identity();

    Optional<KnownDevice> knownDevice(String deviceId);

    List<KnownDevice> knownDevices();

    /** Records a device seen for the first time, in the given status. */
    void addDevice(BundleHeader header, String fileName, DeviceStatus status, Instant at);

    /** Accepts or refuses a device; false when no such device is known. */
    boolean decide(String deviceId, DeviceStatus status, Instant at);

    boolean isReceived(String bundleId);

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

    // The office's side.

    /**
     * Everything of an assignments bundle except the catalogs: the facility master, the planned inspections
     * (of one inspector, or all), the newest finalized revisions of the assigned facilities' inspections
     * (without evidence or audit trail), the review results and the receipts.
     */
    BundleRecords.AssignmentsPayload assignmentsPayload(Optional<String> inspectorId);

    void plan(BundleRecords.Assignment assignment, Instant at);

    /** One revision of one inspection. */
    record RevisionKey(String inspectionId, int revision) {
    }
}
