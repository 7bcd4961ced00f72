package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;

/**
 * The rules for one inspection arriving in a bundle. Revisions are never changed once stored: a revision
 * the store lacks is added (so a newer one supersedes the older as the latest), one it has with the same
 * content changes nothing, and one it has with different content (or an audit trail that forks from the
 * stored one) makes the whole arriving inspection a conflict, kept beside the stored one and not merged.
 * A revision of a format before 2.2 says nothing of the hospital's and vendors' forms: it is the stored one when
 * all it does say is; and one of 2.2 with no forms is the stored one that came in an older format without them.
 */
final class InspectionMerge {

    private final ImportSession session;
    private final BundleHeader header;
    private final Map<String, Path> attachments;
    private final Map<String, BundleRecords.ManifestEntry> manifest;
    private final Instant now;

    InspectionMerge(ImportSession session, BundleHeader header, Map<String, Path> attachments,
                    Map<String, BundleRecords.ManifestEntry> manifest, Instant now) {
        this.session = session;
        this.header = header;
        this.attachments = attachments;
        this.manifest = manifest;
        this.now = now;
    }

    ImportOutcome.MergeResult merge(BundleRecords.Inspection arriving) {
        Optional<ImportSession.StoredInspection> stored = session.inspection(arriving.id());
        if (stored.isEmpty()) {
            BundleRecords.Facility facility = arriving.latest().facility();
            // A facility the store does not know comes in as the sending tablet's report, never as the office's master.
            String facilityId = session.facilityId(facility,
                    header.kind() == BundleKind.FINDINGS ? header.deviceId() : null);
            session.insertInspection(arriving, facilityId, header.deviceId());
            arriving.revisions().forEach(revision -> insert(arriving.id(), revision));
            session.appendAudit(arriving.id(), arriving.audit());
            return ImportOutcome.MergeResult.ADDED;
        }
        if (stored.get().madeHere()) {
            return ImportOutcome.MergeResult.UNCHANGED;
        }
        if (disagrees(arriving, stored.get())) {
            boolean added = session.addConflict(arriving.id(), BundleRecords.contentHash(arriving), header,
                    BundleRecords.canonicalText(arriving), attachmentsOf(arriving), attachments, now);
            return added ? ImportOutcome.MergeResult.CONFLICT : ImportOutcome.MergeResult.UNCHANGED;
        }
        List<BundleRecords.Revision> missing = arriving.revisions().stream()
                .filter(revision -> !stored.get().revisionHashes().containsKey(revision.revision()))
                .toList();
        long known = stored.get().auditLength();
        List<BundleRecords.AuditEvent> newEvents = arriving.audit().size() > known
                ? arriving.audit().subList((int) known, arriving.audit().size()) : List.of();
        missing.forEach(revision -> insert(arriving.id(), revision));
        session.appendAudit(arriving.id(), newEvents);
        return missing.isEmpty() && arriving.audit().size() <= known
                ? ImportOutcome.MergeResult.UNCHANGED : ImportOutcome.MergeResult.UPDATED;
    }

    private void insert(String inspectionId, BundleRecords.Revision revision) {
        session.insertRevision(inspectionId, revision, BundleRecords.contentHash(revision), header.bundleId(),
                attachments, manifest);
    }

    /** Whether an arriving revision is the one stored under {@code storedHash}, forms apart where it has none to say. */
    private boolean isStored(String inspectionId, BundleRecords.Revision revision, String storedHash) {
        if (BundleRecords.contentHash(revision).equals(storedHash)) {
            return true;
        }
        if (!revision.carriesForms()) {
            return BundleRecords.contentHash(session.withStoredForms(inspectionId, revision)).equals(storedHash);
        }
        return revision.hospitalForm().isEmpty() && revision.vendorForms().isEmpty()
                && BundleRecords.contentHash(revision.withForms(null, null)).equals(storedHash);
    }

    /** The manifest entries of the version's evidence, each once. */
    private List<BundleRecords.ManifestEntry> attachmentsOf(BundleRecords.Inspection arriving) {
        return arriving.revisions().stream().flatMap(revision -> revision.evidence().stream())
                .map(evidence -> manifest.get(evidence.attachment())).filter(Objects::nonNull).distinct().toList();
    }

    /** A stored revision with other content, or an audit trail that is not a prefix of the other. */
    private boolean disagrees(BundleRecords.Inspection arriving, ImportSession.StoredInspection stored) {
        for (BundleRecords.Revision revision : arriving.revisions()) {
            String storedHash = stored.revisionHashes().get(revision.revision());
            if (storedHash != null && !isStored(arriving.id(), revision, storedHash)) {
                return true;
            }
        }
        long common = Math.min(stored.auditLength(), arriving.audit().size());
        if (common == 0) {
            return false;
        }
        String arrivingHash = arriving.audit().get((int) common - 1).hash();
        return !Objects.equals(session.auditHash(arriving.id(), common).orElse(null), arrivingHash);
    }
}
