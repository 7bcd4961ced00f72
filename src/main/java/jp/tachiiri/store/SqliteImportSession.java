package jp.tachiiri.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    private final SqliteEvidence evidence;
    private final List<Path> adopted = new ArrayList<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteImportSession(Connection connection, SqliteEvidence evidence) {
        this.connection = connection;
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

    private int update(String statement, Object... parameters) {
        return sql(() -> write(statement, parameters));
    }

    /**
     * The statements of one import, prepared once each: a national import writes hundreds of thousands of
     * rows with a dozen statements.
     */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    private PreparedStatement bound(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = prepared(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private int write(String sql, Object... parameters) throws SQLException {
        return bound(sql, parameters).executeUpdate();
    }

    private <T> List<T> query(String sql, Rows.RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rows = bound(sql, parameters).executeQuery()) {
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
        }
        return result;
    }

    /** Closes the prepared statements; the session is over when its transaction ends. */
    void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Closing a statement of a finished transaction; nothing is lost.
            }
        }
        statements.clear();
    }

    @Override
    public Optional<StoredInspection> inspection(String inspectionId) {
        return sql(() -> {
            List<Object[]> rows = query("SELECT origin_device, audit_last_sequence FROM inspections WHERE id = ?",
                    row -> new Object[] {row.getString(1), row.getLong(2)}, inspectionId);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Map<Integer, String> hashes = new HashMap<>();
            for (Object[] row : query("SELECT revision, content_hash FROM revision_origin WHERE inspection_id = ?",
                    row -> new Object[] {row.getInt(1), row.getString(2)}, inspectionId)) {
                hashes.put((Integer) row[0], (String) row[1]);
            }
            return Optional.of(new StoredInspection((String) rows.get(0)[0], hashes, (long) rows.get(0)[1]));
        });
    }

    @Override
    public Optional<String> auditHash(String inspectionId, long sequence) {
        return sql(() -> query("SELECT hash FROM audit_events WHERE inspection_id = ? AND sequence = ?",
                row -> row.getString(1), inspectionId, sequence).stream().findFirst());
    }

    @Override
    public Optional<String> receivedFrom(String bundleId) {
        return sql(() -> query("SELECT device_id FROM received_bundles WHERE bundle_id = ?", row -> row.getString(1), bundleId)
                .stream().findFirst());
    }

    /** Inserts a row whose {@code id} must be new to {@code table}; another record's id is {@link IdTaken}. */
    private int insertUnique(String table, String id, String sql, Object... parameters) throws SQLException {
        try {
            return write(sql, parameters);
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
            insertFacility(facility, reportedBy);
            return facility.id();
        });
    }

    /** The stored facility a record names: by its id, else by its official code. */
    private Optional<String> knownFacility(BundleRecords.Facility facility) throws SQLException {
        return query("SELECT id FROM facilities WHERE id = ? OR code = ? ORDER BY id = ? DESC",
                row -> row.getString(1), facility.id(), facility.code(), facility.id()).stream().findFirst();
    }

    private void insertFacility(BundleRecords.Facility facility, String reportedBy) throws SQLException {
        write("""
                INSERT INTO facilities (id, code, name, kana, address, licensed_beds, has_medical_information_system,
                                        uses_emr, demo, reported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", facility.id(),
                facility.code(), facility.name(), facility.kana(), facility.address(), facility.licensedBeds(),
                facility.hasMedicalInformationSystem(), facility.usesEmr(), facility.demo(), reportedBy);
        insertVendors(facility.id(), facility.vendors());
    }

    private void insertVendors(String facilityId, List<BundleRecords.Vendor> vendors) throws SQLException {
        write("DELETE FROM facility_vendors WHERE facility_id = ?", facilityId);
        for (int i = 0; i < vendors.size(); i++) {
            write("INSERT INTO facility_vendors (facility_id, position, vendor_name, system) VALUES (?, ?, ?, ?)",
                    facilityId, i, vendors.get(i).vendor(), vendors.get(i).system());
        }
    }

    @Override
    public void insertInspection(BundleRecords.Inspection inspection, String facilityId, String originDevice) {
        update("""
                INSERT INTO inspections (id, facility_id, created_at, demo, audit_last_hash, origin_device)
                VALUES (?, ?, ?, ?, ?, ?)""", inspection.id(), facilityId, inspection.createdAt(), inspection.demo(),
                AuditChain.GENESIS, originDevice);
    }

    @Override
    public void insertRevision(String inspectionId, BundleRecords.Revision revision, String contentHash, String bundleId,
                               Map<String, Path> attachments, Map<String, BundleRecords.ManifestEntry> manifest) {
        sql(() -> {
            int number = revision.revision();
            // In progress while its rows go in: the store locks a finalized revision's findings.
            write("""
                    INSERT INTO inspection_revisions (inspection_id, revision, catalog_version, inspection_date, status,
                                                      amend_reason, created_at)
                    VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?)""", inspectionId, number, revision.catalogVersion(),
                    revision.inspectionDate(), revision.amendReason(), revision.createdAt());
            for (int i = 0; i < revision.inspectors().size(); i++) {
                write("INSERT INTO revision_inspectors (inspection_id, revision, position, name) VALUES (?, ?, ?, ?)",
                        inspectionId, number, i, revision.inspectors().get(i));
            }
            for (int i = 0; i < revision.attendees().size(); i++) {
                write("""
                        INSERT INTO revision_attendees (inspection_id, revision, position, name, role) VALUES (?, ?, ?, ?, ?)""",
                        inspectionId, number, i, revision.attendees().get(i).name(), revision.attendees().get(i).role());
            }
            for (BundleRecords.Finding finding : revision.findings()) {
                write("""
                        INSERT INTO findings (inspection_id, revision, item_id, answer, confirmed_by, checked_on, note,
                                              reason, advice, target_date, follow_up, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inspectionId, number, finding.itemId(),
                        finding.answer(), String.join(",", finding.confirmedBy()), finding.checkedOn(), finding.note(),
                        finding.reason(), finding.advice(), finding.targetDate(), finding.followUp(), finding.updatedAt());
            }
            for (BundleRecords.Evidence item : revision.evidence()) {
                BundleRecords.ManifestEntry content = manifest.get(item.attachment());
                evidence.adopt(attachments.get(item.attachment()), content.sha256()).ifPresent(adopted::add);
                insertUnique("evidence", item.id(), """
                        INSERT INTO evidence (id, inspection_id, revision, item_id, file_name, media_type, size_bytes,
                                              sha256, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", item.id(),
                        inspectionId, number, item.itemId(), item.fileName(), item.mediaType(), content.size(),
                        content.sha256(), item.addedAt());
            }
            BundleRecords.Facility facility = revision.facility();
            write("""
                    INSERT INTO revision_facility (inspection_id, revision, code, name, kana, address, licensed_beds,
                                                   has_medical_information_system, uses_emr, vendors)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inspectionId, number, facility.code(), facility.name(),
                    facility.kana(), facility.address(), facility.licensedBeds(), facility.hasMedicalInformationSystem(),
                    facility.usesEmr(), InspectionRecords.storedVendors(facility.vendors()));
            write("""
                    UPDATE inspection_revisions SET status = 'FINALIZED', finalized_at = ?
                    WHERE inspection_id = ? AND revision = ?""", revision.finalizedAt(), inspectionId, number);
            write("INSERT INTO revision_origin (inspection_id, revision, content_hash, bundle_id) VALUES (?, ?, ?, ?)",
                    inspectionId, number, contentHash, bundleId);
            return null;
        });
    }

    @Override
    public void appendAudit(String inspectionId, List<BundleRecords.AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (BundleRecords.AuditEvent event : events) {
            sql(() -> insertUnique("audit_events", event.id(), """
                    INSERT INTO audit_events (inspection_id, sequence, id, at, actor, action, subject, old_value, new_value,
                                              reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    inspectionId, event.sequence(), event.id(), event.at(), event.actor(), event.action(), event.subject(),
                    event.oldValue(), event.newValue(), event.reason(), event.previousHash(), event.hash()));
        }
        BundleRecords.AuditEvent last = events.get(events.size() - 1);
        update("UPDATE inspections SET audit_last_sequence = ?, audit_last_hash = ? WHERE id = ?", last.sequence(),
                last.hash(), inspectionId);
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
        return sql(() -> query("""
                SELECT content, bundle_id, device_id, attachments FROM conflicts
                WHERE inspection_id = ? AND content_hash = ? AND resolved_at IS NULL""",
                row -> new KeptVersion(row.getString(1), row.getString(2), row.getString(3),
                        BundleRecords.manifestEntries(row.getString(4))), inspectionId, contentHash).stream().findFirst());
    }

    @Override
    public String displaceStored(String inspectionId, Set<Integer> reviewedAgain, Instant at) {
        return sql(() -> {
            Object[] origin = query("""
                    SELECT i.origin_device, o.bundle_id, o.revision FROM inspections i
                    JOIN revision_origin o ON o.inspection_id = i.id WHERE i.id = ? ORDER BY o.revision DESC LIMIT 1""",
                    row -> new Object[] {row.getString(1), row.getString(2), row.getInt(3)}, inspectionId).get(0);
            BundleRecords.Inspection stored = InspectionRecords.read(connection, inspectionId, (int) origin[2], true);
            List<BundleRecords.ManifestEntry> attachments = query("""
                    SELECT DISTINCT sha256, size_bytes, media_type FROM evidence
                    WHERE inspection_id = ? AND removed_at IS NULL ORDER BY sha256""",
                    row -> new BundleRecords.ManifestEntry(row.getString(1), row.getLong(2), row.getString(1),
                            row.getString(3)), inspectionId);
            String hash = BundleRecords.contentHash(stored);
            write("""
                    INSERT OR REPLACE INTO conflicts (inspection_id, content_hash, bundle_id, device_id, received_at, content,
                                                      resolved_at, resolution, attachments)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'DISPLACED', ?)""", inspectionId, hash, origin[1], origin[0],
                    at.toString(), BundleRecords.canonicalText(stored), at.toString(), BundleRecords.canonicalText(attachments));
            for (int revision : reviewedAgain) {
                write("DELETE FROM review_item_comments WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
                write("DELETE FROM review_results WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
                write("DELETE FROM review_started WHERE inspection_id = ? AND revision = ?", inspectionId, revision);
            }
            for (String table : List.of("evidence", "findings", "revision_inspectors", "revision_attendees",
                    "revision_facility", "revision_origin", "inspection_revisions")) {
                write("DELETE FROM " + table + " WHERE inspection_id = ?", inspectionId);
            }
            write("INSERT INTO trail_replacements (inspection_id) VALUES (?)", inspectionId);
            write("DELETE FROM audit_events WHERE inspection_id = ?", inspectionId);
            write("DELETE FROM trail_replacements WHERE inspection_id = ?", inspectionId);
            write("UPDATE inspections SET audit_last_sequence = 0, audit_last_hash = ? WHERE id = ?", AuditChain.GENESIS,
                    inspectionId);
            return hash;
        });
    }

    @Override
    public void settleTookArriving(String inspectionId, String contentHash, String displacedHash, String actor, Instant at) {
        sql(() -> {
            write("""
                    UPDATE conflicts SET resolved_at = ?, resolution = 'TOOK_ARRIVING'
                    WHERE inspection_id = ? AND content_hash = ?""", at.toString(), inspectionId, contentHash);
            AuditWriter.append(AuditWriter.Trail.REVIEW, connection, inspectionId, actor, at,
                    AuditWriter.Entry.of(SqliteReview.CONFLICT_TOOK_ARRIVING, contentHash, displacedHash, contentHash));
            return null;
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
                insertFacility(facility, null);
                return true;
            }
            String id = known.get();
            int changed = write("""
                    UPDATE facilities SET code = ?, name = ?, kana = ?, address = ?, licensed_beds = ?,
                        has_medical_information_system = ?, uses_emr = ?
                    WHERE id = ? AND NOT (code IS ? AND name IS ? AND kana IS ? AND address IS ? AND licensed_beds IS ?
                        AND has_medical_information_system IS ? AND uses_emr IS ?)""", facility.code(), facility.name(),
                    facility.kana(), facility.address(), facility.licensedBeds(), facility.hasMedicalInformationSystem(),
                    facility.usesEmr(), id, facility.code(), facility.name(), facility.kana(), facility.address(),
                    facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr());
            List<BundleRecords.Vendor> storedVendors = query(
                    "SELECT vendor_name, system FROM facility_vendors WHERE facility_id = ? ORDER BY position",
                    row -> new BundleRecords.Vendor(row.getString(1), row.getString(2)), id);
            if (storedVendors.equals(facility.vendors())) {
                return changed > 0;
            }
            insertVendors(id, facility.vendors());
            return true;
        });
    }

    @Override
    public void saveAssignment(BundleRecords.Assignment assignment, String facilityId) {
        update("""
                INSERT INTO assignments (id, facility_id, inspector_id, inspector_name, planned_date, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET facility_id = excluded.facility_id, inspector_id = excluded.inspector_id,
                    inspector_name = excluded.inspector_name, planned_date = excluded.planned_date,
                    updated_at = excluded.updated_at""", assignment.id(), facilityId, assignment.inspectorId(),
                assignment.inspectorName(), assignment.plannedDate(), assignment.updatedAt(), assignment.updatedAt());
    }

    @Override
    public Optional<String> assignmentUpdatedAt(String assignmentId) {
        return sql(() -> query("SELECT updated_at FROM assignments WHERE id = ?", row -> row.getString(1), assignmentId)
                .stream().findFirst());
    }

    @Override
    public void saveReview(BundleRecords.Review review) {
        update("DELETE FROM review_results WHERE inspection_id = ? AND revision = ?", review.inspectionId(), review.revision());
        update("""
                INSERT INTO review_results (inspection_id, revision, decision, comment, decided_at, decided_by)
                VALUES (?, ?, ?, ?, ?, ?)""", review.inspectionId(), review.revision(), review.decision(), review.comment(),
                review.decidedAt(), review.decidedBy());
        for (BundleRecords.ItemComment item : review.items()) {
            update("INSERT INTO review_item_comments (inspection_id, revision, item_id, comment) VALUES (?, ?, ?, ?)",
                    review.inspectionId(), review.revision(), item.itemId(), item.comment());
        }
    }

    @Override
    public Optional<String> reviewDecidedAt(String inspectionId, int revision) {
        return sql(() -> query("SELECT decided_at FROM review_results WHERE inspection_id = ? AND revision = ?",
                row -> row.getString(1), inspectionId, revision).stream().findFirst());
    }

    @Override
    public Map<String, Long> appliedAssignments(String officeDevice) {
        return sql(() -> {
            Map<String, Long> applied = new HashMap<>();
            for (Object[] row : query("SELECT audience, sequence FROM applied_assignments WHERE office_device = ?",
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
