package jp.tachiiri.evidence;

import java.nio.file.Path;
import java.util.List;
import jp.tachiiri.model.Evidence;

/**
 * The photos and documents that show how an item was confirmed: added to a revision in progress, listed,
 * removed (kept, marked and audited) and read back checked against their SHA-256. A finalized revision's
 * evidence does not change.
 */
public final class EvidenceService {

    private final EvidenceRepository evidence;

    public EvidenceService(EvidenceRepository evidence) {
        this.evidence = evidence;
    }

    /** Copies {@code source} in as evidence for one item; its file name is kept for display. */
    public Evidence add(String inspectionId, int revision, String itemId, Path source, String mediaType, String actor) {
        return evidence.add(inspectionId, revision, itemId, source, mediaType, actor);
    }

    /** The evidence of a revision that has not been removed, oldest first. */
    public List<Evidence> list(String inspectionId, int revision) {
        return evidence.list(inspectionId, revision);
    }

    /** Marks the evidence removed (the removal is an audit event); the stored bytes stay. */
    public void remove(String evidenceId, String actor) {
        evidence.remove(evidenceId, actor);
    }

    /** The stored file, checked against its SHA-256; a missing or altered file is refused with a message naming it. */
    public Path file(Evidence item) {
        return evidence.file(item);
    }
}
