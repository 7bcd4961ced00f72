package jp.tachiiri.store;

import java.sql.SQLException;
import jp.tachiiri.bundle.BundleRecords;

/** Writes {@code assignments}: the plans, made at the office and arrived at the tablets. */
final class AssignmentsTable {

    private AssignmentsTable() {
    }

    /** Adds a plan, or changes the stored one of the same id; the time of its first writing stays. */
    static void save(Statements statements, BundleRecords.Assignment assignment, String facilityId) throws SQLException {
        statements.update("""
                INSERT INTO assignments (id, facility_id, inspector_id, inspector_name, planned_date, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET facility_id = excluded.facility_id, inspector_id = excluded.inspector_id,
                    inspector_name = excluded.inspector_name, planned_date = excluded.planned_date,
                    updated_at = excluded.updated_at""", assignment.id(), facilityId, assignment.inspectorId(),
                assignment.inspectorName(), assignment.plannedDate(), assignment.updatedAt(), assignment.updatedAt());
    }
}
