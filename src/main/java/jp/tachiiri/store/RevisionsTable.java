package jp.tachiiri.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;

/**
 * Writes {@code inspection_revisions} with each revision's inspectors and attendees ({@code revision_inspectors},
 * {@code revision_attendees}), opened here or imported.
 */
final class RevisionsTable {

    private RevisionsTable() {
    }

    /** Opens the revision {@code inspection} names, in progress, made at {@code createdAt}. */
    static void insert(Statements statements, Inspection inspection, Instant createdAt) throws SQLException {
        write(statements, inspection.id(), inspection.revision(), inspection.catalogVersion(), inspection.date().toString(),
                inspection.status(), inspection.amendReason().orElse(null), createdAt.toString(), inspection.inspectors(),
                inspection.attendees());
    }

    /**
     * Adds a revision that arrived in a bundle, in progress while its findings go in (a finalized revision's
     * findings are locked): {@link #markFinalized} it after them.
     */
    static void insertArriving(Statements statements, String inspectionId, BundleRecords.Revision revision)
            throws SQLException {
        write(statements, inspectionId, revision.revision(), revision.catalogVersion(), revision.inspectionDate(),
                InspectionStatus.IN_PROGRESS, revision.amendReason(), revision.createdAt(), revision.inspectors(),
                revision.attendees().stream().map(attendee -> new Attendee(attendee.name(), attendee.role())).toList());
    }

    private static void write(Statements statements, String inspectionId, int revision, String catalogVersion,
                              String inspectionDate, InspectionStatus status, String amendReason, String createdAt,
                              List<String> inspectors, List<Attendee> attendees) throws SQLException {
        statements.update("""
                INSERT INTO inspection_revisions (inspection_id, revision, catalog_version, inspection_date, status,
                                                  amend_reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", inspectionId, revision, catalogVersion, inspectionDate, status.name(),
                amendReason, createdAt);
        for (int i = 0; i < inspectors.size(); i++) {
            statements.update("INSERT INTO revision_inspectors (inspection_id, revision, position, name) VALUES (?, ?, ?, ?)",
                    inspectionId, revision, i, inspectors.get(i));
        }
        for (int i = 0; i < attendees.size(); i++) {
            statements.update("""
                    INSERT INTO revision_attendees (inspection_id, revision, position, name, role) VALUES (?, ?, ?, ?, ?)""",
                    inspectionId, revision, i, attendees.get(i).name(), attendees.get(i).role());
        }
    }

    /** Locks a revision: from now on its findings cannot change (a trigger of the schema sees to it). */
    static void markFinalized(Statements statements, String inspectionId, int revision, String finalizedAt) throws SQLException {
        statements.update("""
                UPDATE inspection_revisions SET status = 'FINALIZED', finalized_at = ?
                WHERE inspection_id = ? AND revision = ?""", finalizedAt, inspectionId, revision);
    }
}
