package jp.tachiiri.store;

import java.sql.SQLException;
import jp.tachiiri.audit.AuditChain;

/** Writes {@code inspections}: started here, or arrived in a bundle from the device that made them. */
final class InspectionsTable {

    private InspectionsTable() {
    }

    /**
     * Adds an inspection with an empty audit trail (its events follow, each moving the trail's head). {@code
     * originDevice} is the device that made it, null when that is this one.
     */
    static void insert(Statements statements, String id, String facilityId, String createdAt, boolean demo,
                       String originDevice) throws SQLException {
        statements.update("""
                INSERT INTO inspections (id, facility_id, created_at, demo, audit_last_hash, origin_device)
                VALUES (?, ?, ?, ?, ?, ?)""", id, facilityId, createdAt, demo, AuditChain.GENESIS, originDevice);
    }
}
