package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.review.Decision;
import jp.tachiiri.review.ReviewRepository;
import jp.tachiiri.review.ReviewRow;
import jp.tachiiri.review.ReviewStatus;

/** The office's review in SQLite: the list in two queries, decisions with their own hash-chained trail. */
public final class SqliteReview implements ReviewRepository {

    static final String STARTED = "REVIEW_STARTED";
    static final String APPROVED = "REVIEW_APPROVED";
    static final String RETURNED = "REVIEW_RETURNED";
    static final String ITEM_COMMENTED = "REVIEW_ITEM_COMMENTED";
    static final String CONFLICT_KEPT_STORED = "CONFLICT_KEPT_STORED";
    static final String CONFLICT_TOOK_ARRIVING = "CONFLICT_TOOK_ARRIVING";

    private final Database database;

    public SqliteReview(Database database) {
        this.database = database;
    }

    @Override
    public List<ReviewRow> rows(Function<String, Optional<Catalog>> catalogs) {
        return database.read(connection -> {
            Map<String, List<String>> nonCompliant = nonCompliantItems(connection);
            // The 参考 items of each catalog version, looked up once: tens of thousands of rows share a few versions.
            Map<String, Set<String>> referenceItems = new HashMap<>();
            return Rows.list(connection, """
                    SELECT l.inspection_id, l.revision, r.inspection_date, i.facility_id, rf.code, rf.name, rf.kana,
                           rf.licensed_beds, r.catalog_version,
                           coalesce((SELECT group_concat(name, '、') FROM (SELECT name FROM revision_inspectors n
                                     WHERE n.inspection_id = l.inspection_id AND n.revision = l.revision ORDER BY position)), ''),
                           CASE WHEN EXISTS (SELECT 1 FROM conflicts c WHERE c.inspection_id = l.inspection_id
                                             AND c.resolved_at IS NULL) THEN 'CONFLICT'
                                ELSE coalesce((SELECT decision FROM review_results v WHERE v.inspection_id = l.inspection_id
                                               AND v.revision = l.revision),
                                              (SELECT 'IN_REVIEW' FROM review_started s WHERE s.inspection_id = l.inspection_id
                                               AND s.revision = l.revision),
                                              'RECEIVED') END
                    FROM (SELECT inspection_id, max(revision) AS revision FROM inspection_revisions
                          WHERE status = 'FINALIZED' GROUP BY inspection_id) l
                    JOIN inspections i ON i.id = l.inspection_id AND i.origin_device IS NOT NULL
                    JOIN inspection_revisions r ON r.inspection_id = l.inspection_id AND r.revision = l.revision
                    JOIN revision_facility rf ON rf.inspection_id = l.inspection_id AND rf.revision = l.revision
                    ORDER BY r.inspection_date DESC, rf.kana""", row -> {
                Set<String> reference = referenceItems.computeIfAbsent(row.getString(9),
                        version -> catalogs.apply(version).map(SqliteReview::referenceItems).orElse(Set.of()));
                return new ReviewRow(row.getString(1), row.getInt(2), LocalDate.parse(row.getString(3)), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getInt(8), row.getString(10),
                        row.getString(9), ReviewStatus.valueOf(row.getString(11)),
                        nonCompliant.getOrDefault(row.getString(1) + "#" + row.getInt(2), List.of()).stream()
                                .filter(itemId -> !reference.contains(itemId)).toList());
            });
        });
    }

    private static Set<String> referenceItems(Catalog catalog) {
        return catalog.items().stream().filter(CatalogItem::isReference).map(CatalogItem::id).collect(Collectors.toSet());
    }

    /** The 不適合 items of every revision, keyed "inspection#revision", in one pass. */
    private static Map<String, List<String>> nonCompliantItems(Connection connection) throws SQLException {
        Map<String, List<String>> items = new HashMap<>();
        for (String[] row : Rows.list(connection,
                "SELECT inspection_id, revision, item_id FROM findings WHERE answer = 'NON_COMPLIANT' ORDER BY item_id",
                row -> new String[] {row.getString(1) + "#" + row.getInt(2), row.getString(3)})) {
            items.computeIfAbsent(row[0], key -> new ArrayList<>()).add(row[1]);
        }
        return items;
    }

    @Override
    public void startReview(String inspectionId, int revision, String actor, Instant at) {
        database.transaction(connection -> {
            int added = Rows.update(connection, """
                    INSERT OR IGNORE INTO review_started (inspection_id, revision, started_at, started_by)
                    VALUES (?, ?, ?, ?)""", inspectionId, revision, at.toString(), actor);
            if (added > 0) {
                AuditWriter.append(AuditWriter.Trail.REVIEW, connection, inspectionId, actor, at,
                        AuditWriter.Entry.of(STARTED, "revision " + revision, null, null));
            }
            return null;
        });
    }

    @Override
    public void decide(Decision decision, String actor, Instant at) {
        database.transaction(connection -> {
            String previous = Rows.list(connection, "SELECT decision FROM review_results WHERE inspection_id = ? AND revision = ?",
                    row -> row.getString(1), decision.inspectionId(), decision.revision()).stream().findFirst().orElse(null);
            String outcome = decision.approved() ? "APPROVED" : "RETURNED";
            try (Statements statements = new Statements(connection)) {
                ReviewResultsTable.replace(statements, decision.inspectionId(), decision.revision(), outcome,
                        decision.comment(), at.toString(), actor);
                AuditWriter.append(AuditWriter.Trail.REVIEW, connection, decision.inspectionId(), actor, at,
                        new AuditWriter.Entry(decision.approved() ? APPROVED : RETURNED, "revision " + decision.revision(),
                                previous, outcome, decision.comment().isEmpty() ? null : decision.comment()));
                for (Map.Entry<String, String> item : new TreeMap<>(decision.itemComments()).entrySet()) {
                    ReviewResultsTable.insertItemComment(statements, decision.inspectionId(), decision.revision(),
                            item.getKey(), item.getValue());
                    AuditWriter.append(AuditWriter.Trail.REVIEW, connection, decision.inspectionId(), actor, at,
                            new AuditWriter.Entry(ITEM_COMMENTED, item.getKey(), null, item.getValue(), null));
                }
            }
            return null;
        });
    }

    @Override
    public List<KeptConflict> conflicts(String inspectionId) {
        return database.read(connection -> Rows.list(connection, """
                SELECT inspection_id, content_hash, bundle_id, device_id, received_at, content FROM conflicts
                WHERE inspection_id = ? AND resolved_at IS NULL ORDER BY received_at, content_hash""",
                row -> new KeptConflict(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Instant.parse(row.getString(5)), row.getString(6)), inspectionId));
    }

    @Override
    public boolean keepStored(String inspectionId, String contentHash, String actor, Instant at) {
        return database.transaction(connection -> {
            int resolved = Rows.update(connection, """
                    UPDATE conflicts SET resolved_at = ?, resolution = 'KEPT_STORED' WHERE inspection_id = ? AND content_hash = ? AND resolved_at IS NULL""",
                    at.toString(), inspectionId, contentHash);
            if (resolved > 0) {
                AuditWriter.append(AuditWriter.Trail.REVIEW, connection, inspectionId, actor, at,
                        AuditWriter.Entry.of(CONFLICT_KEPT_STORED, contentHash, null, null));
            }
            return resolved > 0;
        });
    }

    @Override
    public Optional<ChainHead> reviewHead(String inspectionId) {
        return database.read(connection -> Rows.list(connection,
                "SELECT last_sequence, last_hash FROM review_heads WHERE inspection_id = ?",
                row -> new ChainHead(inspectionId, row.getLong(1), row.getString(2)), inspectionId).stream().findFirst());
    }

    @Override
    public List<AuditEvent> reviewTrail(String inspectionId) {
        return database.read(connection -> SqliteAuditLog.events(connection, "review_events", "inspection_id", inspectionId));
    }
}
