package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.InspectionIds;

/**
 * Appends audit events inside the caller's transaction: each event is chained to the inspection's current
 * head, and the head moves with it, so a change and its record commit together. An inspection has two
 * trails: the tablet's (what was recorded) and, at the office, the review's (what was decided). The
 * installation's decisions about other devices have a trail of their own.
 */
final class AuditWriter {

    /** Where a trail's events and head are kept, and the column that says whose trail an event is in. */
    enum Trail {
        INSPECTION("audit_events", "inspection_id", "SELECT audit_last_sequence, audit_last_hash FROM inspections WHERE id = ?",
                "UPDATE inspections SET audit_last_sequence = ?, audit_last_hash = ? WHERE id = ?"),
        REVIEW("review_events", "inspection_id", "SELECT last_sequence, last_hash FROM review_heads WHERE inspection_id = ?",
                """
                INSERT INTO review_heads (last_sequence, last_hash, inspection_id) VALUES (?, ?, ?)
                ON CONFLICT (inspection_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_hash = excluded.last_hash"""),
        /** The installation's decisions about other devices, in one chain (see {@link SqliteSync#TRUST_CHAIN}). */
        TRUST("trust_events", "chain", "SELECT last_sequence, last_hash FROM trust_heads WHERE chain = ?",
                """
                INSERT INTO trust_heads (last_sequence, last_hash, chain) VALUES (?, ?, ?)
                ON CONFLICT (chain) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_hash = excluded.last_hash""");

        private final String events;
        private final String owner;
        private final String head;
        private final String moveHead;

        Trail(String events, String owner, String head, String moveHead) {
            this.events = events;
            this.owner = owner;
            this.head = head;
            this.moveHead = moveHead;
        }
    }

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
        return append(Trail.INSPECTION, connection, inspectionId, actor, at, entry);
    }

    static AuditEvent append(Trail trail, Connection connection, String inspectionId, String actor, Instant at, Entry entry)
            throws SQLException {
        return appendAll(trail, connection, inspectionId, actor, at, List.of(entry)).get(0);
    }

    /**
     * Appends the entries in order, as one piece of the chain: its head read once and moved once, one insert
     * statement for them all (a tap on an answer changes several fields, each its own event).
     */
    static List<AuditEvent> appendAll(Trail trail, Connection connection, String inspectionId, String actor, Instant at,
                                      List<Entry> entries) throws SQLException {
        long lastSequence = 0;
        String lastHash = AuditChain.GENESIS;
        try (PreparedStatement head = connection.prepareStatement(trail.head)) {
            head.setString(1, inspectionId);
            try (ResultSet row = head.executeQuery()) {
                if (row.next()) {
                    lastSequence = row.getLong(1);
                    lastHash = row.getString(2);
                } else if (trail == Trail.INSPECTION) {
                    throw new SQLException("no inspection " + inspectionId);
                }
            }
        }
        List<AuditEvent> events = new ArrayList<>(entries.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + trail.events + " (" + trail.owner + """
                , sequence, id, at, actor, action, subject, old_value, new_value, reason, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Entry entry : entries) {
                // An inspection's own events name its device, as its id does; the office's and device decisions' need not.
                String id = trail == Trail.INSPECTION ? InspectionIds.childId(inspectionId) : UUID.randomUUID().toString();
                AuditEvent draft = new AuditEvent(id, inspectionId, 0, at, actor, entry.action(),
                        entry.subject(), entry.oldValue(), entry.newValue(), entry.reason(), null, null);
                AuditEvent event = AuditChain.seal(draft, lastSequence + 1, lastHash);
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
                events.add(event);
                lastSequence = event.sequence();
                lastHash = event.hash();
            }
        }
        if (!events.isEmpty()) {
            try (PreparedStatement move = connection.prepareStatement(trail.moveHead)) {
                move.setLong(1, lastSequence);
                move.setString(2, lastHash);
                move.setString(3, inspectionId);
                move.executeUpdate();
            }
        }
        return events;
    }
}
