package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.InspectionIds;

/**
 * Appends audit events inside the caller's transaction: each event is chained to the inspection's current
 * head, and the head moves with it, so a change and its record commit together. An inspection has two
 * trails: the tablet's (what was recorded) and, at the office, the review's (what was decided). The
 * installation's decisions about other devices have a trail of their own, and so has each plan's self-check.
 */
final class AuditWriter {

    /** Where a trail's events and head are kept, and the column that says whose trail an event is in. */
    enum Trail {
        INSPECTION("audit_events", "inspection_id", "SELECT id FROM inspections UNION SELECT inspection_id FROM audit_events",
                "SELECT audit_last_sequence, audit_last_hash FROM inspections WHERE id = ?",
                "UPDATE inspections SET audit_last_sequence = ?, audit_last_hash = ? WHERE id = ?"),
        REVIEW("review_events", "inspection_id",
                "SELECT inspection_id FROM review_heads UNION SELECT inspection_id FROM review_events",
                "SELECT last_sequence, last_hash FROM review_heads WHERE inspection_id = ?",
                """
                INSERT INTO review_heads (last_sequence, last_hash, inspection_id) VALUES (?, ?, ?)
                ON CONFLICT (inspection_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_hash = excluded.last_hash"""),
        /** The installation's decisions about other devices, in one chain (see {@link SqliteSync#TRUST_CHAIN}). */
        TRUST("trust_events", "chain", "SELECT chain FROM trust_heads UNION SELECT chain FROM trust_events",
                "SELECT last_sequence, last_hash FROM trust_heads WHERE chain = ?",
                """
                INSERT INTO trust_heads (last_sequence, last_hash, chain) VALUES (?, ?, ?)
                ON CONFLICT (chain) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_hash = excluded.last_hash"""),
        /** A planned inspection's self-check: every workbook imported and every field it changed (schema 8). */
        PLAN_SELF_CHECK("plan_self_check_events", "plan_id",
                "SELECT plan_id FROM plan_self_check_heads UNION SELECT plan_id FROM plan_self_check_events",
                "SELECT last_sequence, last_hash FROM plan_self_check_heads WHERE plan_id = ?", """
                INSERT INTO plan_self_check_heads (last_sequence, last_hash, plan_id) VALUES (?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_hash = excluded.last_hash"""),
        /** The office's follow-up of an inspection: the improvement report, each assessment, the evidence (schema 10). */
        FOLLOW_UP("follow_up_events", "inspection_id",
                "SELECT inspection_id FROM follow_up_heads UNION SELECT inspection_id FROM follow_up_events",
                "SELECT last_sequence, last_hash FROM follow_up_heads WHERE inspection_id = ?", """
                INSERT INTO follow_up_heads (last_sequence, last_hash, inspection_id) VALUES (?, ?, ?)
                ON CONFLICT (inspection_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_hash = excluded.last_hash""");

        final String events;
        final String owner;
        /** Every owner of a chain of this trail: those with a head and those with events but no head (broken). */
        final String owners;
        final String head;
        private final String moveHead;

        Trail(String events, String owner, String owners, String head, String moveHead) {
            this.events = events;
            this.owner = owner;
            this.owners = owners;
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
        try (Statements statements = new Statements(connection)) {
            Optional<ChainHead> head = statements.query(trail.head,
                    row -> new ChainHead(inspectionId, row.getLong(1), row.getString(2)), inspectionId).stream().findFirst();
            if (head.isEmpty() && trail == Trail.INSPECTION) {
                throw new SQLException("no inspection " + inspectionId);
            }
            long lastSequence = head.map(ChainHead::lastSequence).orElse(0L);
            String lastHash = head.map(ChainHead::lastHash).orElse(AuditChain.GENESIS);
            List<AuditEvent> events = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                // An inspection's own events name its device, as its id does; the office's and device decisions' need not.
                String id = trail == Trail.INSPECTION ? InspectionIds.childId(inspectionId) : UUID.randomUUID().toString();
                AuditEvent draft = new AuditEvent(id, inspectionId, 0, at, actor, entry.action(),
                        entry.subject(), entry.oldValue(), entry.newValue(), entry.reason(), null, null);
                AuditEvent event = AuditChain.seal(draft, lastSequence + 1, lastHash);
                insert(statements, trail, inspectionId, new BundleRecords.AuditEvent(event.id(), event.sequence(),
                        event.at().toString(), event.actor(), event.action(), event.subject(), event.oldValue(),
                        event.newValue(), event.reason(), event.previousHash(), event.hash()));
                events.add(event);
                lastSequence = event.sequence();
                lastHash = event.hash();
            }
            if (!events.isEmpty()) {
                moveHead(statements, trail, inspectionId, lastSequence, lastHash);
            }
            return events;
        }
    }

    /**
     * Adds an event of an inspection's trail that arrived in a bundle, as the tablet sealed it; the importer moves
     * the trail's head to its last event with {@link #moveHead}.
     */
    static void insertArriving(Statements statements, String inspectionId, BundleRecords.AuditEvent event)
            throws SQLException {
        insert(statements, Trail.INSPECTION, inspectionId, event);
    }

    /** Writes a sealed event in its stored form: its fields as text, as bundles carry them too. */
    private static void insert(Statements statements, Trail trail, String owner, BundleRecords.AuditEvent event)
            throws SQLException {
        statements.update("INSERT INTO " + trail.events + " (" + trail.owner + """
                , sequence, id, at, actor, action, subject, old_value, new_value, reason, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", owner, event.sequence(), event.id(), event.at(),
                event.actor(), event.action(), event.subject(), event.oldValue(), event.newValue(), event.reason(),
                event.previousHash(), event.hash());
    }

    /** Makes the event numbered {@code sequence}, whose hash is {@code hash}, the end of {@code owner}'s trail. */
    static void moveHead(Statements statements, Trail trail, String owner, long sequence, String hash) throws SQLException {
        statements.update(trail.moveHead, sequence, hash, owner);
    }
}
