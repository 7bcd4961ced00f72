package jp.tachiiri.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.audit.StoredChain;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpEvidence;
import jp.tachiiri.followup.FollowUpRepository;
import jp.tachiiri.followup.ImprovementReport;
import jp.tachiiri.followup.ItemFollowUp;
import jp.tachiiri.model.InspectionIds;

/**
 * Follow-up in SQLite (schema 10): the cases are read from the newest finalized revision of each inspection, as
 * the dashboard counts them (the demo only in a store of nothing but the demo); reports, assessments and evidence
 * are written each with its event in the inspection's follow-up trail, in one transaction.
 */
public final class SqliteFollowUp implements FollowUpRepository {

    static final String REPORT_RECORDED = "REPORT_RECORDED";
    static final String ITEM_ASSESSED = "ITEM_ASSESSED";
    static final String EVIDENCE_ADDED = "FOLLOW_UP_EVIDENCE_ADDED";
    static final String LETTER_WRITTEN = "REMINDER_LETTER_WRITTEN";

    /** Per inspection (or only the one asked for), its newest finalized revision (the demo only in a demo store). */
    private static final String NEWEST = """
            WITH newest AS (
                SELECT r.inspection_id, r.revision, r.catalog_version, r.inspection_date, i.facility_id, r.finalized_at
                FROM inspection_revisions r
                JOIN inspections i ON i.id = r.inspection_id
                WHERE r.status = 'FINALIZED'
                  AND (i.demo = 0 OR NOT EXISTS (SELECT 1 FROM inspections real WHERE real.demo = 0))
                  AND r.revision = (SELECT max(x.revision) FROM inspection_revisions x
                                    WHERE x.inspection_id = r.inspection_id AND x.status = 'FINALIZED')
                  AND (? IS NULL OR r.inspection_id = ?)
            )
            """;
    private static final String CASES = NEWEST + """
            SELECT n.inspection_id, n.revision, n.catalog_version, n.facility_id, rf.code, rf.name, n.inspection_date,
                   n.finalized_at
            FROM newest n
            JOIN revision_facility rf ON rf.inspection_id = n.inspection_id AND rf.revision = n.revision
            WHERE EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = n.inspection_id AND f.revision = n.revision
                          AND f.answer = 'NON_COMPLIANT')
            ORDER BY n.inspection_date, n.inspection_id""";
    /** The 不適合 findings of those revisions, in one pass. */
    private static final String FINDINGS = NEWEST + """
            SELECT f.inspection_id, f.item_id, f.target_date, f.advice
            FROM newest n
            JOIN findings f ON f.inspection_id = n.inspection_id AND f.revision = n.revision
            WHERE f.answer = 'NON_COMPLIANT'
            ORDER BY f.inspection_id, f.item_id""";

    private final Database database;
    private final SqliteEvidence evidence;

    public SqliteFollowUp(Database database, SqliteEvidence evidence) {
        this.database = database;
        this.evidence = evidence;
    }

    @Override
    public List<StoredCase> cases() {
        return database.read(connection -> read(connection, null));
    }

    @Override
    public Optional<StoredCase> find(String inspectionId) {
        return database.read(connection -> read(connection, inspectionId)).stream().findFirst();
    }

    private record Head(String inspectionId, int revision, String catalogVersion, String facilityId, String code,
                        String name, LocalDate date, Instant finalizedAt) {
    }

    /** The cases as stored, every one ({@code only} null) or that of one inspection. */
    static List<StoredCase> read(Connection connection, String only) throws SQLException {
        List<Head> heads = Rows.list(connection, CASES, row -> new Head(row.getString(1), row.getInt(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), LocalDate.parse(row.getString(7)),
                Instant.parse(row.getString(8))), only, only);
        Map<String, List<StoredFinding>> findings = new HashMap<>();
        Map<String, ImprovementReport> reports = new HashMap<>();
        Map<String, Map<String, ItemFollowUp>> items = new HashMap<>();
        Map<String, Map<String, List<FollowUpEvidence>>> files = new HashMap<>();
        for (String[] row : Rows.list(connection, FINDINGS, row -> new String[] {row.getString(1), row.getString(2),
                row.getString(3), row.getString(4)}, only, only)) {
            findings.computeIfAbsent(row[0], key -> new ArrayList<>())
                    .add(new StoredFinding(row[1], date(row[2]), row[3]));
        }
        String filter = only == null ? "" : " WHERE inspection_id = ?";
        Object[] parameters = only == null ? new Object[0] : new Object[] {only};
        for (ImprovementReport report : Rows.list(connection,
                "SELECT inspection_id, received_on, contact_name, contact_role FROM improvement_reports" + filter,
                row -> new ImprovementReport(row.getString(1), LocalDate.parse(row.getString(2)), row.getString(3),
                        row.getString(4)), parameters)) {
            reports.put(report.inspectionId(), report);
        }
        for (ItemFollowUp item : Rows.list(connection, """
                SELECT inspection_id, item_id, action, done_on, assessment, new_target_date FROM follow_up_items""" + filter,
                row -> new ItemFollowUp(row.getString(1), row.getString(2), row.getString(3), date(row.getString(4)),
                        Assessment.valueOf(row.getString(5)), date(row.getString(6))), parameters)) {
            items.computeIfAbsent(item.inspectionId(), key -> new HashMap<>()).put(item.itemId(), item);
        }
        for (FollowUpEvidence file : Rows.list(connection, """
                SELECT id, inspection_id, item_id, file_name, media_type, size_bytes, sha256, added_at
                FROM follow_up_evidence""" + filter + " ORDER BY added_at, id",
                row -> new FollowUpEvidence(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getString(7), Instant.parse(row.getString(8))), parameters)) {
            files.computeIfAbsent(file.inspectionId(), key -> new HashMap<>())
                    .computeIfAbsent(file.itemId(), key -> new ArrayList<>()).add(file);
        }
        return heads.stream().map(head -> new StoredCase(head.inspectionId(), head.revision(), head.catalogVersion(),
                head.facilityId(), head.code(), head.name(), head.date(), head.finalizedAt(),
                findings.get(head.inspectionId()), Optional.ofNullable(reports.get(head.inspectionId())),
                items.getOrDefault(head.inspectionId(), Map.of()), files.getOrDefault(head.inspectionId(), Map.of())))
                .toList();
    }

    private static Optional<LocalDate> date(String text) {
        return Optional.ofNullable(text).map(LocalDate::parse);
    }

    @Override
    public void saveReport(ImprovementReport report, String actor, Instant at) {
        database.transaction(connection -> {
            String before = Rows.list(connection, """
                    SELECT received_on, contact_name, contact_role FROM improvement_reports WHERE inspection_id = ?""",
                    row -> describe(LocalDate.parse(row.getString(1)), row.getString(2), row.getString(3)),
                    report.inspectionId()).stream().findFirst().orElse(null);
            String after = describe(report.receivedOn(), report.contactName(), report.contactRole());
            if (after.equals(before)) {
                return null;
            }
            Rows.update(connection, """
                    INSERT INTO improvement_reports (inspection_id, received_on, contact_name, contact_role, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (inspection_id) DO UPDATE SET received_on = excluded.received_on,
                        contact_name = excluded.contact_name, contact_role = excluded.contact_role,
                        updated_at = excluded.updated_at""",
                    report.inspectionId(), report.receivedOn().toString(), report.contactName(), report.contactRole(),
                    at.toString());
            AuditWriter.append(AuditWriter.Trail.FOLLOW_UP, connection, report.inspectionId(), actor, at,
                    AuditWriter.Entry.of(REPORT_RECORDED, "report", before, after));
            return null;
        });
    }

    private static String describe(LocalDate receivedOn, String name, String role) {
        return receivedOn + " " + name + (role.isEmpty() ? "" : " (" + role + ")");
    }

    @Override
    public void saveItem(ItemFollowUp item, List<Path> evidenceFiles, String actor, Instant at) {
        // The bytes first (content-addressed: an interrupted save leaves at most an unreferenced file), then the rows.
        List<FollowUpEvidence> files = stored(item.inspectionId(), item.itemId(), evidenceFiles, null, at);
        database.transaction(connection -> {
            String before = Rows.list(connection, """
                    SELECT assessment, done_on, new_target_date, action FROM follow_up_items
                    WHERE inspection_id = ? AND item_id = ?""",
                    row -> describe(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                    item.inspectionId(), item.itemId()).stream().findFirst().orElse(null);
            String after = describe(item.assessment().name(), item.doneOn().map(LocalDate::toString).orElse(null),
                    item.newTargetDate().map(LocalDate::toString).orElse(null), item.action());
            if (!after.equals(before)) {
                Rows.update(connection, """
                        INSERT INTO follow_up_items (inspection_id, item_id, action, done_on, assessment, new_target_date,
                                                     updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (inspection_id, item_id) DO UPDATE SET action = excluded.action,
                            done_on = excluded.done_on, assessment = excluded.assessment,
                            new_target_date = excluded.new_target_date, updated_at = excluded.updated_at""",
                        item.inspectionId(), item.itemId(), item.action(),
                        item.doneOn().map(LocalDate::toString).orElse(null), item.assessment().name(),
                        item.newTargetDate().map(LocalDate::toString).orElse(null), at.toString());
                AuditWriter.append(AuditWriter.Trail.FOLLOW_UP, connection, item.inspectionId(), actor, at,
                        AuditWriter.Entry.of(ITEM_ASSESSED, item.itemId(), before, after));
            }
            insert(connection, files, actor);
            return null;
        });
    }

    /** An assessment as its trail records it: "IN_PROGRESS done=… target=… | what was done". */
    private static String describe(String assessment, String doneOn, String newTarget, String action) {
        return assessment + (doneOn == null ? "" : " done=" + doneOn) + (newTarget == null ? "" : " target=" + newTarget)
                + (action.isEmpty() ? "" : " | " + action);
    }

    @Override
    public List<FollowUpEvidence> addEvidence(String inspectionId, String itemId, List<Path> sources, String mediaType,
                                              String actor, Instant at) {
        List<FollowUpEvidence> files = stored(inspectionId, itemId, sources, mediaType, at);
        database.transaction(connection -> {
            insert(connection, files, actor);
            return null;
        });
        return files;
    }

    /** Copies each file in under its SHA-256 (made durable before any row names it). */
    private List<FollowUpEvidence> stored(String inspectionId, String itemId, List<Path> sources, String mediaType,
                                          Instant at) {
        List<FollowUpEvidence> files = new ArrayList<>();
        for (Path source : sources) {
            SqliteEvidence.Stored stored = evidence.store(source);
            String fileName = source.getFileName() == null ? source.toString() : source.getFileName().toString();
            files.add(new FollowUpEvidence(InspectionIds.childId(inspectionId), inspectionId, itemId, fileName,
                    Objects.requireNonNullElse(mediaType, SqliteEvidence.DEFAULT_MEDIA_TYPE), stored.size(),
                    stored.sha256(), at));
        }
        return files;
    }

    private static void insert(Connection connection, List<FollowUpEvidence> files, String actor) throws SQLException {
        for (FollowUpEvidence added : files) {
            Rows.update(connection, """
                    INSERT INTO follow_up_evidence (id, inspection_id, item_id, file_name, media_type, size_bytes, sha256,
                                                    added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", added.id(), added.inspectionId(), added.itemId(),
                    added.fileName(), added.mediaType(), added.size(), added.sha256(), added.addedAt().toString());
            AuditWriter.append(AuditWriter.Trail.FOLLOW_UP, connection, added.inspectionId(), actor, added.addedAt(),
                    AuditWriter.Entry.of(EVIDENCE_ADDED, added.itemId(), null, added.fileName() + " sha256=" + added.sha256()));
        }
    }

    @Override
    public void recordLetter(String inspectionId, LocalDate letterDate, LocalDate newDue, String fileName, String actor,
                             Instant at) {
        database.transaction(connection -> {
            AuditWriter.append(AuditWriter.Trail.FOLLOW_UP, connection, inspectionId, actor, at, AuditWriter.Entry.of(
                    LETTER_WRITTEN, "letter", null, letterDate + " due=" + newDue + " | " + fileName));
            return null;
        });
    }

    @Override
    public StoredChain trail(String inspectionId) {
        AuditWriter.Trail trail = AuditWriter.Trail.FOLLOW_UP;
        return database.read(connection -> {
            ChainHead head = Rows.list(connection, trail.head, row -> new ChainHead(inspectionId, row.getLong(1),
                    row.getString(2)), inspectionId).stream().findFirst()
                    .orElse(new ChainHead(inspectionId, 0, AuditChain.GENESIS));
            return new StoredChain(trail.name(), head, SqliteAuditLog.events(connection, trail.events, trail.owner,
                    inspectionId));
        });
    }

    @Override
    public Path file(FollowUpEvidence file) {
        return evidence.checkedFile(file.sha256(), file.fileName());
    }
}
