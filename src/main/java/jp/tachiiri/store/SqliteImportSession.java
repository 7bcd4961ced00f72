package jp.tachiiri.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.sync.ImportSession;

/** One bundle's import inside its SQLite transaction. */
final class SqliteImportSession implements ImportSession {

    private final Connection connection;
    private final Statements statements;
    private final SqliteEvidence evidence;
    private final List<Path> adopted = new ArrayList<>();

    SqliteImportSession(Connection connection, SqliteEvidence evidence) {
        this.connection = connection;
        this.statements = new Statements(connection);
        this.evidence = evidence;
    }

    /** Runs one piece of SQL, turning its checked exception into one that passes through the session's callers. */
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Sql<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new Rows.UncheckedSql(e);
        }
    }

    /** Writing that returns nothing. */
    private interface Write {
        void run() throws SQLException;
    }

    private static void write(Write work) {
        sql(() -> {
            work.run();
            return null;
        });
    }

    private int update(String statement, Object... parameters) {
        return sql(() -> statements.update(statement, parameters));
    }

    /** Closes the prepared statements; the session is over when its transaction ends. */
    void close() {
        statements.close();
    }

    @Override
    public Optional<StoredInspection> inspection(String inspectionId) {
        return sql(() -> {
            List<Object[]> rows = statements.query("SELECT origin_device, audit_last_sequence FROM inspections WHERE id = ?",
                    row -> new Object[] {row.getString(1), row.getLong(2)}, inspectionId);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Map<Integer, String> hashes = new HashMap<>();
            for (Object[] row : statements.query("SELECT revision, content_hash FROM revision_origin WHERE inspection_id = ?",
                    row -> new Object[] {row.getInt(1), row.getString(2)}, inspectionId)) {
                hashes.put((Integer) row[0], (String) row[1]);
            }
            return Optional.of(new StoredInspection((String) rows.get(0)[0], hashes, (long) rows.get(0)[1]));
        });
    }

    @Override
    public Optional<String> auditHash(String inspectionId, long sequence) {
        return sql(() -> statements.query("SELECT hash FROM audit_events WHERE inspection_id = ? AND sequence = ?",
                row -> row.getString(1), inspectionId, sequence).stream().findFirst());
    }

    @Override
    public Optional<String> receivedFrom(String bundleId) {
        return sql(() -> statements.query("SELECT device_id FROM received_bundles WHERE bundle_id = ?", row -> row.getString(1), bundleId)
                .stream().findFirst());
    }

    /** Inserts a row whose {@code id} must be new to {@code table}; another record's id is {@link IdTaken}. */
    private static void insertUnique(String table, String id, Write insert) throws SQLException {
        try {
            insert.run();
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).matches("(?s).*constraint failed: " + table + "\\.id\\b.*")) {
                throw new IdTaken(id, e);
            }
            throw e;
        }
    }

    /** The evidence files this import added to the store, to take back if its transaction fails. */
    List<Path> adoptedFiles() {
        return List.copyOf(adopted);
    }

    @Override
    public String facilityId(BundleRecords.Facility facility, String reportedBy) {
        return sql(() -> {
            Optional<String> known = knownFacility(facility);
            if (known.isPresent()) {
                return known.get();
            }
            FacilitiesTable.insertArriving(statements, facility, reportedBy);
            return facility.id();
        });
    }

    /** The stored facility a record names: by its id, else by its official code. */
    private Optional<String> knownFacility(BundleRecords.Facility facility) throws SQLException {
        return statements.query("SELECT id FROM facilities WHERE id = ? OR code = ? ORDER BY id = ? DESC",
                row -> row.getString(1), facility.id(), facility.code(), facility.id()).stream().findFirst();
    }

    @Override
    public void insertInspection(BundleRecords.Inspection inspection, String facilityId, String originDevice) {
        write(() -> InspectionsTable.insert(statements, inspection.id(), facilityId, inspection.createdAt(),
                inspection.demo(), originDevice));
    }

    @Override
    public void insertRevision(String inspectionId, BundleRecords.Revision revision, String contentHash, String bundleId,
                               Map<String, Path> attachments, Map<String, BundleRecords.ManifestEntry> manifest) {
        write(() -> {
            int number = revision.revision();
            RevisionsTable.insertArriving(statements, inspectionId, revision);
            for (BundleRecords.Finding finding : revision.findings()) {
                FindingsTable.insertArriving(statements, inspectionId, number, finding);
            }
            for (BundleRecords.Evidence item : revision.evidence()) {
                BundleRecords.ManifestEntry content = manifest.get(item.attachment());
                evidence.adopt(attachments.get(item.attachment()), content.sha256()).ifPresent(adopted::add);
                insertUnique("evidence", item.id(),
                        () -> EvidenceTable.insertArriving(statements, inspectionId, number, item, content));
            }
            RevisionFacilityTable.insertArriving(statements, inspectionId, number, revision.facility());
            SelfCheckTables.insertArriving(statements, inspectionId, revision);
            RevisionsTable.markFinalized(statements, inspectionId, number, revision.finalizedAt());
            statements.update("INSERT INTO revision_origin (inspection_id, revision, content_hash, bundle_id) VALUES (?, ?, ?, ?)",
                    inspectionId, number, contentHash, bundleId);
        });
    }

    @Override
    public BundleRecords.Revision withStoredForms(String inspectionId, BundleRecords.Revision revision) {
        return sql(() -> SelfCheckTables.withForms(statements, inspectionId, revision));
    }

    @Override
    public void appendAudit(String inspectionId, List<BundleRecords.AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        write(() -> {
            for (BundleRecords.AuditEvent event : events) {
                insertUnique("audit_events", event.id(), () -> AuditWriter.insertArriving(statements, inspectionId, event));
            }
            BundleRecords.AuditEvent last = events.get(events.size() - 1);
            AuditWriter.moveHead(statements, AuditWriter.Trail.INSPECTION, inspectionId, last.sequence(), last.hash());
        });
    }

    @Override
    public boolean addConflict(String inspectionId, String contentHash, BundleHeader header, String content,
                               List<BundleRecords.ManifestEntry> attachments, Map<String, Path> files, Instant at) {
        boolean added = update("""
                INSERT OR IGNORE INTO conflicts (inspection_id, content_hash, bundle_id, device_id, received_at, content,
                                                 attachments) VALUES (?, ?, ?, ?, ?, ?, ?)""", inspectionId, contentHash,
                header.bundleId(), header.deviceId(), at.toString(), content, BundleRecords.canonicalText(attachments)) > 0;
        if (added) {
            for (BundleRecords.ManifestEntry attachment : attachments) {
                Path file = files.get(attachment.id());
                if (file != null) {
                    evidence.adopt(file, attachment.sha256()).ifPresent(adopted::add);
                }
            }
        }
        return added;
    }

    @Override
    public Optional<KeptVersion> openConflict(String inspectionId, String contentHash) {
        return sql(() -> statements.query("""
                SELECT content, bundle_id, device_id, attachments FROM conflicts
                WHERE inspection_id = ? AND content_hash = ? AND resolved_at IS NULL""",
                row -> new KeptVersion(row.getString(1), row.getString(2), row.getString(3),
                        BundleRecords.manifestEntries(row.getString(4))), inspectionId, contentHash).stream().findFirst());
    }

    @Override
    public String displaceStored(String inspectionId, Set<Integer> reviewedAgain, Instant at) {
        return sql(() -> {
            Object[] origin = statements.query("""
                    SELECT i.origin_device, o.bundle_id, o.revision FROM inspections i
                    JOIN revision_origin o ON o.inspection_id = i.id WHERE i.id = ? ORDER BY o.revision DESC LIMIT 1""",
                    row -> new Object[] {row.getString(1), row.getString(2), row.getInt(3)}, inspectionId).get(0);
            BundleRecords.Inspection stored = InspectionRecords.read(connection, inspectionId, (int) origin[2], true);
            List<BundleRecords.ManifestEntry> attachments = statements.query("""
                    SELECT DISTINCT sha256, size_bytes, media_type FROM evidence
                    WHERE inspection_id = ? AND removed_at IS NULL ORDER BY sha256""",
                    row -> new BundleRecords.ManifestEntry(row.getString(1), row.getLong(2), row.getString(1),
                            row.getString(3)), inspectionId);
            String hash = BundleRecords.contentHash(stored);
            statements.update("""
                    INSERT OR REPLACE INTO conflicts (inspection_id, content_hash, bundle_id, device_id, received_at, content,
                                                      resolved_at, resolution, attachments)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'DISPLACED', ?)""", inspectionId, hash, origin[1], origin[0],
                    at.toString(), BundleRecords.canonicalText(stored), at.toString(), BundleRecords.canonicalText(attachments));
            for (int revision : reviewedAgain) {
                statements.update("DELETE FROM review_item_comments WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
                statements.update("DELETE FROM review_results WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
                statements.update("DELETE FROM review_started WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
            }
            for (String table : List.of("evidence", "findings", "vendor_form_answers", "vendor_forms", "hospital_form",
                    "revision_inspectors", "revision_attendees",
                    "revision_facility", "revision_origin", "inspection_revisions")) {
                statements.update("DELETE FROM " + table + " WHERE inspection_id = ?", inspectionId);
            }
            statements.update("INSERT INTO trail_replacements (inspection_id) VALUES (?)", inspectionId);
            statements.update("DELETE FROM audit_events WHERE inspection_id = ?", inspectionId);
            statements.update("DELETE FROM trail_replacements WHERE inspection_id = ?", inspectionId);
            AuditWriter.moveHead(statements, AuditWriter.Trail.INSPECTION, inspectionId, 0, AuditChain.GENESIS);
            return hash;
        });
    }

    @Override
    public void settleTookArriving(String inspectionId, String contentHash, String displacedHash, String actor, Instant at) {
        write(() -> {
            statements.update("""
                    UPDATE conflicts SET resolved_at = ?, resolution = 'TOOK_ARRIVING'
                    WHERE inspection_id = ? AND content_hash = ?""", at.toString(), inspectionId, contentHash);
            AuditWriter.append(AuditWriter.Trail.REVIEW, connection, inspectionId, actor, at,
                    AuditWriter.Entry.of(SqliteReview.CONFLICT_TOOK_ARRIVING, contentHash, displacedHash, contentHash));
        });
    }

    @Override
    public void recordReceived(BundleHeader header, String fileName, Instant at) {
        update("""
                INSERT INTO received_bundles (bundle_id, device_id, kind, created_at, received_at, file_name)
                VALUES (?, ?, ?, ?, ?, ?)""", header.bundleId(), header.deviceId(), header.kind().wireName(),
                header.createdAt().toString(), at.toString(), fileName);
    }

    @Override
    public boolean saveFacility(BundleRecords.Facility facility) {
        return sql(() -> {
            Optional<String> known = knownFacility(facility);
            if (known.isEmpty()) {
                FacilitiesTable.insertArriving(statements, facility, null);
                return true;
            }
            String id = known.get();
            boolean changed = FacilitiesTable.updateFromMaster(statements, id, facility);
            List<BundleRecords.Vendor> storedVendors = statements.query(
                    "SELECT vendor_name, system FROM facility_vendors WHERE facility_id = ? ORDER BY position",
                    row -> new BundleRecords.Vendor(row.getString(1), row.getString(2)), id);
            if (storedVendors.equals(facility.vendors())) {
                return changed;
            }
            FacilitiesTable.replaceVendors(statements, id, InspectionRecords.facility(facility).vendors());
            return true;
        });
    }

    @Override
    public void saveAssignment(BundleRecords.Assignment assignment, String facilityId) {
        write(() -> AssignmentsTable.save(statements, assignment, facilityId));
    }

    @Override
    public boolean savePlanSelfCheck(BundleRecords.PlanSelfCheck selfCheck) {
        return sql(() -> SelfCheckTables.replacePlanSelfCheck(statements, selfCheck));
    }

    @Override
    public boolean replaceFollowUps(String facilityId, String officeDevice, long sequence,
                                    List<BundleRecords.FollowUp> followUps) {
        return sql(() -> SqliteOnSite.replace(statements, facilityId, officeDevice, sequence, followUps));
    }

    @Override
    public Optional<String> assignmentUpdatedAt(String assignmentId) {
        return sql(() -> statements.query("SELECT updated_at FROM assignments WHERE id = ?", row -> row.getString(1), assignmentId)
                .stream().findFirst());
    }

    @Override
    public void saveReview(BundleRecords.Review review) {
        write(() -> {
            ReviewResultsTable.replace(statements, review.inspectionId(), review.revision(), review.decision(),
                    review.comment(), review.decidedAt(), review.decidedBy());
            for (BundleRecords.ItemComment item : review.items()) {
                ReviewResultsTable.insertItemComment(statements, review.inspectionId(), review.revision(), item.itemId(),
                        item.comment());
            }
        });
    }

    @Override
    public Optional<String> reviewDecidedAt(String inspectionId, int revision) {
        return sql(() -> statements.query("SELECT decided_at FROM review_results WHERE inspection_id = ? AND revision = ?",
                row -> row.getString(1), inspectionId, revision).stream().findFirst());
    }

    @Override
    public Map<String, Long> appliedAssignments(String officeDevice) {
        return sql(() -> {
            Map<String, Long> applied = new HashMap<>();
            for (Object[] row : statements.query("SELECT audience, sequence FROM applied_assignments WHERE office_device = ?",
                    row -> new Object[] {row.getString(1), row.getLong(2)}, officeDevice)) {
                applied.put((String) row[0], (Long) row[1]);
            }
            return applied;
        });
    }

    @Override
    public void recordApplied(String officeDevice, String audience, long sequence, String bundleId, Instant at) {
        update("""
                INSERT INTO applied_assignments (office_device, audience, sequence, bundle_id, applied_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (office_device, audience) DO UPDATE SET sequence = excluded.sequence,
                    bundle_id = excluded.bundle_id, applied_at = excluded.applied_at
                WHERE excluded.sequence > applied_assignments.sequence""", officeDevice, audience, sequence,
                bundleId, at.toString());
    }

    @Override
    public boolean saveReceipt(BundleRecords.Receipt receipt) {
        return update("INSERT OR IGNORE INTO receipts (bundle_id, received_at) VALUES (?, ?)", receipt.bundleId(),
                receipt.receivedAt()) > 0;
    }

    @Override
    public void saveCatalog(String version, String document, Instant at) {
        update("INSERT OR IGNORE INTO received_catalogs (version, document, received_at) VALUES (?, ?, ?)", version, document,
                at.toString());
    }
}
