package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.model.AuditEvent;

/**
 * Appends audit events inside the caller's transaction: each event is chained to the inspection's current
 * head, and the head moves with it, so a change and its record commit together.
 */
final class AuditWriter {

    private AuditWriter() {
    }

    /** What an event says; the writer adds id, time, place in the chain and hashes. */
    record Entry(String action, String subject, String oldValue, String newValue, String reason) {
        static Entry of(String action, String subject, String oldValue, String newValue) {
            return new Entry(action, subject, oldValue, newValue, null);
        }
    }

    static AuditEvent append(Connection connection, String inspectionId, String actor, Instant at, Entry entry)
            throws SQLException {
        long lastSequence;
        String lastHash;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT audit_last_sequence, audit_last_hash FROM inspections WHERE id = ?")) {
            head.setString(1, inspectionId);
            try (ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no inspection " + inspectionId);
                }
                lastSequence = row.getLong(1);
                lastHash = row.getString(2);
            }
        }
        AuditEvent draft = new AuditEvent(UUID.randomUUID().toString(), inspectionId, 0, at, actor, entry.action(),
                entry.subject(), entry.oldValue(), entry.newValue(), entry.reason(), null, null);
        AuditEvent event = AuditChain.seal(draft, lastSequence + 1, lastHash);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_events (inspection_id, sequence, id, at, actor, action, subject, old_value,
                                          new_value, reason, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, event.inspectionId());
            insert.setLong(2, event.sequence());
            insert.setString(3, event.id());
            insert.setString(4, event.at().toString());
            insert.setString(5, event.actor());
            insert.setString(6, event.action());
            insert.setString(7, event.subject());
            insert.setString(8, event.oldValue());
            insert.setString(9, event.newValue());
            insert.setString(10, event.reason());
            insert.setString(11, event.previousHash());
            insert.setString(12, event.hash());
            insert.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE inspections SET audit_last_sequence = ?, audit_last_hash = ? WHERE id = ?")) {
            move.setLong(1, event.sequence());
            move.setString(2, event.hash());
            move.setString(3, inspectionId);
            move.executeUpdate();
        }
        return event;
    }
}
