package jp.tachiiri.evidence;

import java.nio.file.Path;
import java.util.List;
import jp.tachiiri.model.Evidence;

/**
 * Evidence files of inspections. Adding copies the file into the data folder (named by its SHA-256, written
 * to a temporary file, fsynced and renamed) and then records it with an audit event in one transaction;
 * removing keeps the bytes and the record and marks it removed, audited. Both are refused on a finalized
 * revision.
 */
public interface EvidenceRepository {

    /** Copies {@code source} in as evidence for one item; its file name is kept for display. */
    Evidence add(String inspectionId, int revision, String itemId, Path source, String mediaType, String actor);

    /** The evidence of a revision that has not been removed, oldest first. */
    List<Evidence> list(String inspectionId, int revision);

    /** Marks the evidence removed (the removal is an audit event); the stored bytes stay. */
    void remove(String evidenceId, String actor);

    /**
     * The stored bytes of the evidence, checked against its SHA-256; a missing or altered file is refused with
     * a message naming it.
     */
    Path file(Evidence evidence);
}
