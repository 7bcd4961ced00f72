package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.AuditLog;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.audit.StoredChain;
import jp.tachiiri.model.AuditEvent;

/** Reads the audit trail as it is stored, without trusting it: verification is the reader's job. */
public final class SqliteAuditLog implements AuditLog {

    private final Database database;

    public SqliteAuditLog(Database database) {
        this.database = database;
    }

    @Override
    public List<ChainHead> heads() {
        return database.read(connection -> {
            List<ChainHead> heads = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, audit_last_sequence, audit_last_hash FROM inspections ORDER BY created_at, id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    heads.add(new ChainHead(rows.getString(1), rows.getLong(2), rows.getString(3)));
                }
            }
            return heads;
        });
    }

    @Override
    public List<AuditEvent> events(String inspectionId) {
        return database.read(connection -> events(connection, "audit_events", "inspection_id", inspectionId));
    }

    @Override
    public List<StoredChain> everyChain() {
        return database.read(connection -> {
            List<StoredChain> chains = new ArrayList<>();
            try (Statements statements = new Statements(connection)) {
                for (AuditWriter.Trail trail : AuditWriter.Trail.values()) {
                    for (String owner : statements.query(trail.owners + " ORDER BY 1", row -> row.getString(1))) {
                        ChainHead head = statements.query(trail.head,
                                        row -> new ChainHead(owner, row.getLong(1), row.getString(2)), owner).stream()
                                .findFirst().orElse(new ChainHead(owner, 0, AuditChain.GENESIS));
                        chains.add(new StoredChain(trail.name(), head, events(connection, trail.events, trail.owner, owner)));
                    }
                }
            }
            return chains;
        });
    }

    /** The events of one trail ({@code owner} in the column {@code ownerColumn} of {@code table}), by sequence. */
    static List<AuditEvent> events(Connection connection, String table, String ownerColumn, String owner) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + ownerColumn + """
                , sequence, at, actor, action, subject, old_value, new_value, reason, previous_hash, hash
                FROM\s""" + table + " WHERE " + ownerColumn + " = ? ORDER BY sequence")) {
            select.setString(1, owner);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getString(1), rows.getString(2), rows.getLong(3),
                            Instant.parse(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                            rows.getString(12)));
                }
            }
        }
        return events;
    }
}
