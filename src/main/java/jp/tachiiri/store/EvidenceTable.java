package jp.tachiiri.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.InspectionIds;

/** Writes {@code evidence}: the records of evidence files (their bytes live in the evidence folder), added here or imported. */
final class EvidenceTable {

    /**
     * Times of evidence are stored with a fixed width (always nine fraction digits), so that ordering by the
     * text orders by time: {@link Instant#toString()} drops trailing zero digits, and "…00Z" would sort after
     * "…00.5Z".
     */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** The columns of a record after its id, inspection and revision: what a copy into another revision keeps. */
    private static final String FILE_COLUMNS = "item_id, file_name, media_type, size_bytes, sha256, added_at";
    private static final String INSERT_INTO = "INSERT INTO evidence (id, inspection_id, revision, " + FILE_COLUMNS + ")\n";

    private EvidenceTable() {
    }

    static String storedTime(Instant time) {
        return TIME.format(time);
    }

    /** Records evidence added here. */
    static void insert(Statements statements, Evidence evidence) throws SQLException {
        write(statements, evidence.id(), evidence.inspectionId(), evidence.revision(), evidence.itemId(),
                evidence.fileName(), evidence.mediaType(), evidence.sizeBytes(), evidence.sha256(),
                storedTime(evidence.addedAt()));
    }

    /** Records evidence of a revision that arrived in a bundle, its bytes described by their {@code content} entry. */
    static void insertArriving(Statements statements, String inspectionId, int revision, BundleRecords.Evidence evidence,
                               BundleRecords.ManifestEntry content) throws SQLException {
        write(statements, evidence.id(), inspectionId, revision, evidence.itemId(), evidence.fileName(),
                evidence.mediaType(), content.size(), content.sha256(), evidence.addedAt());
    }

    private static void write(Statements statements, String id, String inspectionId, int revision, String itemId,
                              String fileName, String mediaType, long sizeBytes, String sha256, String addedAt)
            throws SQLException {
        statements.update(INSERT_INTO + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, inspectionId, revision, itemId, fileName,
                mediaType, sizeBytes, sha256, addedAt);
    }

    /**
     * Carries the live evidence of revision {@code from} into the new revision {@code to}. The copies get ids of
     * their own, made as evidence added here gets them (naming the inspection's device).
     */
    static void copyLive(Statements statements, String inspectionId, int from, int to) throws SQLException {
        for (String id : statements.query("""
                SELECT id FROM evidence WHERE inspection_id = ? AND revision = ? AND removed_at IS NULL
                ORDER BY added_at, id""", row -> row.getString(1), inspectionId, from)) {
            statements.update(INSERT_INTO + "SELECT ?, inspection_id, ?, " + FILE_COLUMNS + " FROM evidence WHERE id = ?",
                    InspectionIds.childId(inspectionId), to, id);
        }
    }
}
