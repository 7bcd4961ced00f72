package jp.tachiiri.store;

import java.sql.SQLException;

/**
 * Writes {@code review_results} and their item comments ({@code review_item_comments}): the office's decisions,
 * made there or arrived at a tablet.
 */
final class ReviewResultsTable {

    private ReviewResultsTable() {
    }

    /** The decision on a revision, in place of any earlier one (whose item comments go with it). */
    static void replace(Statements statements, String inspectionId, int revision, String decision, String comment,
                        String decidedAt, String decidedBy) throws SQLException {
        statements.update("DELETE FROM review_results WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
        statements.update("""
                INSERT INTO review_results (inspection_id, revision, decision, comment, decided_at, decided_by)
                VALUES (?, ?, ?, ?, ?, ?)""", inspectionId, revision, decision, comment, decidedAt, decidedBy);
    }

    static void insertItemComment(Statements statements, String inspectionId, int revision, String itemId, String comment)
            throws SQLException {
        statements.update("INSERT INTO review_item_comments (inspection_id, revision, item_id, comment) VALUES (?, ?, ?, ?)",
                inspectionId, revision, itemId, comment);
    }
}
