package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.model.TransferState;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.FormEvents;

/** Inspections, their revisions and findings in SQLite, each change committed with its audit events. */
public final class SqliteInspections implements InspectionRepository {

    static final String STARTED = "INSPECTION_STARTED";
    static final String FINDING_CHANGED = "FINDING_CHANGED";
    static final String AMENDED = "REVISION_AMENDED";

    private final Database database;
    private final Clock clock;

    public SqliteInspections(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Inspection start(String id, NewInspection request, String catalogVersion, String actor) {
        Instant now = clock.instant();
        Inspection inspection = new Inspection(id, request.facilityId(), 1, catalogVersion, request.date(),
                request.inspectors(), request.attendees(), InspectionStatus.IN_PROGRESS, Optional.empty(), request.demo());
        database.transaction(connection -> {
            try (Statements statements = new Statements(connection)) {
                InspectionsTable.insert(statements, id, request.facilityId(), now.toString(), request.demo(), null);
                RevisionsTable.insert(statements, inspection, now);
            }
            AuditWriter.append(connection, id, actor, now, AuditWriter.Entry.of(STARTED, request.facilityId(), null,
                    "date=" + request.date() + "; catalog=" + catalogVersion + "; inspectors=" + String.join(", ", request.inspectors())));
            return null;
        });
        return inspection;
    }

    @Override
    public List<InspectionSummary> list() {
        return database.read(connection -> {
            List<InspectionSummary> summaries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT i.id, f.id, f.name, r.inspection_date, r.status, r.revision, r.catalog_version, i.demo,
                           (SELECT count(*) FROM findings x
                            WHERE x.inspection_id = r.inspection_id AND x.revision = r.revision
                              AND x.answer IS NOT NULL) AS answered,
                           CASE WHEN i.origin_device IS NOT NULL THEN 'FROM_ELSEWHERE'
                                WHEN EXISTS (SELECT 1 FROM review_results v WHERE v.inspection_id = i.id
                                             AND v.revision = r.revision AND v.decision = 'RETURNED') THEN 'RETURNED'
                                WHEN r.status <> 'FINALIZED' THEN 'NONE'
                                WHEN EXISTS (SELECT 1 FROM sent_revisions s JOIN receipts c ON c.bundle_id = s.bundle_id
                                             WHERE s.inspection_id = i.id AND s.revision = r.revision) THEN 'RECEIVED'
                                WHEN EXISTS (SELECT 1 FROM sent_revisions s
                                             WHERE s.inspection_id = i.id AND s.revision = r.revision) THEN 'SENT'
                                ELSE 'WAITING' END AS transfer
                    FROM inspections i
                    JOIN facilities f ON f.id = i.facility_id
                    JOIN inspection_revisions r ON r.inspection_id = i.id
                    WHERE r.revision = (SELECT max(revision) FROM inspection_revisions WHERE inspection_id = i.id)
                    ORDER BY r.inspection_date DESC, f.kana""");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    summaries.add(new InspectionSummary(rows.getString(1), rows.getString(2), rows.getString(3),
                            LocalDate.parse(rows.getString(4)), InspectionStatus.valueOf(rows.getString(5)), rows.getInt(6),
                            rows.getString(7), rows.getInt("answered"), rows.getBoolean(8),
                            TransferState.valueOf(rows.getString("transfer"))));
                }
            }
            return summaries;
        });
    }

    @Override
    public Optional<Inspection> find(String inspectionId) {
        return database.read(connection -> find(connection, inspectionId, null));
    }

    @Override
    public Optional<Inspection> find(String inspectionId, int revision) {
        return database.read(connection -> find(connection, inspectionId, revision));
    }

    /** The given revision, or the latest when {@code revision} is null. */
    private static Optional<Inspection> find(Connection connection, String inspectionId, Integer revision) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT i.facility_id, i.demo, r.revision, r.catalog_version, r.inspection_date, r.status, r.amend_reason
                FROM inspections i JOIN inspection_revisions r ON r.inspection_id = i.id
                WHERE i.id = ? AND (? IS NULL OR r.revision = ?) ORDER BY r.revision DESC LIMIT 1""")) {
            select.setString(1, inspectionId);
            select.setObject(2, revision);
            select.setObject(3, revision);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int found = row.getInt("revision");
                return Optional.of(new Inspection(inspectionId, row.getString("facility_id"), found,
                        row.getString("catalog_version"), LocalDate.parse(row.getString("inspection_date")),
                        inspectors(connection, inspectionId, found), attendees(connection, inspectionId, found),
                        InspectionStatus.valueOf(row.getString("status")),
                        Optional.ofNullable(row.getString("amend_reason")), row.getBoolean("demo")));
            }
        }
    }

    @Override
    public List<RevisionInfo> revisions(String inspectionId) {
        return database.read(connection -> {
            List<RevisionInfo> revisions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT revision, status, inspection_date, amend_reason, created_at, finalized_at
                    FROM inspection_revisions WHERE inspection_id = ? ORDER BY revision""")) {
                select.setString(1, inspectionId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        revisions.add(new RevisionInfo(rows.getInt(1), InspectionStatus.valueOf(rows.getString(2)),
                                LocalDate.parse(rows.getString(3)), Optional.ofNullable(rows.getString(4)),
                                Instant.parse(rows.getString(5)), Optional.ofNullable(rows.getString(6)).map(Instant::parse)));
                    }
                }
            }
            return revisions;
        });
    }

    @Override
    public Inspection amend(String inspectionId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new UserFacingException("inspection.error.amendReasonRequired", inspectionId);
        }
        Instant now = clock.instant();
        return database.transaction(connection -> {
            Inspection latest = find(connection, inspectionId, null)
                    .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
            if (latest.status() != InspectionStatus.FINALIZED) {
                throw new UserFacingException("inspection.error.notFinalized", inspectionId, latest.revision());
            }
            if (!madeHere(connection, inspectionId)) {
                throw new UserFacingException("inspection.error.notOurs", inspectionId);
            }
            Inspection amended = new Inspection(inspectionId, latest.facilityId(), latest.revision() + 1,
                    latest.catalogVersion(), latest.date(), latest.inspectors(), latest.attendees(),
                    InspectionStatus.IN_PROGRESS, Optional.of(reason), latest.demo());
            try (Statements statements = new Statements(connection)) {
                RevisionsTable.insert(statements, amended, now);
                FindingsTable.copy(statements, inspectionId, latest.revision(), amended.revision());
                EvidenceTable.copyLive(statements, inspectionId, latest.revision(), amended.revision());
                SelfCheckTables.copy(statements, inspectionId, latest.revision(), amended.revision());
                SqliteOnSite.copyConfirmations(statements, inspectionId, latest.revision(), amended.revision());
            }
            AuditWriter.append(connection, inspectionId, actor, now, new AuditWriter.Entry(AMENDED,
                    "revision " + amended.revision(), Integer.toString(latest.revision()),
                    Integer.toString(amended.revision()), reason));
            return amended;
        });
    }

    @Override
    public boolean madeHere(String inspectionId) {
        return database.read(connection -> madeHere(connection, inspectionId));
    }

    /** An inspection received in a bundle belongs to the device that recorded it: only that one amends it. */
    private static boolean madeHere(Connection connection, String inspectionId) throws SQLException {
        return Rows.list(connection, "SELECT origin_device IS NULL FROM inspections WHERE id = ?", row -> row.getBoolean(1),
                inspectionId).stream().findFirst().orElse(true);
    }

    @Override
    public Optional<PreviousFindings> previousFindings(String facilityId, String excludingInspectionId, LocalDate before) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT r.inspection_id, max(r.revision), r.inspection_date
                    FROM inspections i JOIN inspection_revisions r ON r.inspection_id = i.id
                    WHERE i.facility_id = ? AND i.id <> ? AND r.status = 'FINALIZED' AND r.inspection_date < ?
                    GROUP BY r.inspection_id
                    ORDER BY r.inspection_date DESC, i.created_at DESC LIMIT 1""")) {
                select.setString(1, facilityId);
                select.setString(2, excludingInspectionId);
                select.setString(3, before.toString());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String previousId = row.getString(1);
                    int revision = row.getInt(2);
                    try (Statements statements = new Statements(connection)) {
                        return Optional.of(new PreviousFindings(previousId, revision, LocalDate.parse(row.getString(3)),
                                findings(connection, previousId, revision),
                                SelfCheckTables.read(statements, previousId, revision).hospitalForm()));
                    }
                }
            }
        });
    }

    @Override
    public Map<String, Finding> findings(String inspectionId, int revision) {
        return database.read(connection -> findings(connection, inspectionId, revision));
    }

    @Override
    public int recordFinding(String inspectionId, int revision, Finding finding, String actor) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            requireInProgress(connection, inspectionId, revision);
            Finding stored = finding(connection, inspectionId, revision, finding.itemId());
            Map<String, String> before = stored.fields();
            Map<String, String> after = finding.fields();
            List<AuditWriter.Entry> changes = new ArrayList<>();
            for (Map.Entry<String, String> field : after.entrySet()) {
                String old = before.get(field.getKey());
                if (!Objects.equals(old, field.getValue())) {
                    changes.add(AuditWriter.Entry.of(FINDING_CHANGED, finding.itemId() + "/" + field.getKey(), old,
                            field.getValue()));
                }
            }
            if (!changes.isEmpty()) {
                AuditWriter.appendAll(AuditWriter.Trail.INSPECTION, connection, inspectionId, actor, now, changes);
                try (Statements statements = new Statements(connection)) {
                    FindingsTable.record(statements, inspectionId, revision, finding, now);
                }
            }
            return changes.size();
        });
    }

    @Override
    public void finalizeRevision(String inspectionId, int revision, String actor) {
        Instant now = clock.instant();
        database.transaction(connection -> {
            requireInProgress(connection, inspectionId, revision);
            try (Statements statements = new Statements(connection)) {
                RevisionsTable.markFinalized(statements, inspectionId, revision, now.toString());
                RevisionFacilityTable.keepCurrent(statements, inspectionId, revision);
                dropFormsWithoutContract(statements, connection, inspectionId, revision, actor, now);
            }
            AuditWriter.append(connection, inspectionId, actor, now, AuditWriter.Entry.of(AuditChain.REVISION_FINALIZED,
                    AuditChain.revisionSubject(revision), InspectionStatus.IN_PROGRESS.name(), InspectionStatus.FINALIZED.name()));
            return null;
        });
    }

    /**
     * A vendor form whose contract the facility no longer lists when the revision is finalized (its contracts were
     * edited, or replaced by the office's, meanwhile) is not part of the record: it is removed, audited, so that the
     * finalized revision holds forms only for the contracts it names, as the office requires of a bundle.
     */
    private static void dropFormsWithoutContract(Statements statements, Connection connection, String inspectionId,
                                                 int revision, String actor, Instant now) throws SQLException {
        for (VendorForm stale : SelfCheckTables.formsWithoutContract(statements, inspectionId, revision)) {
            SelfCheckTables.deleteVendorForm(statements, inspectionId, revision, stale.contract());
            AuditWriter.append(connection, inspectionId, actor, now, new AuditWriter.Entry(FormEvents.VENDOR_FORM_DROPPED,
                    stale.contract().key(), stale.status().name(), null, "no contract with the vendor on finalizing"));
        }
    }

    @Override
    public Optional<Facility> facilityAsFinalized(String inspectionId, int revision) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT i.facility_id, i.demo, r.code, r.name, r.kana, r.address, r.licensed_beds,
                           r.has_medical_information_system, r.uses_emr, r.vendors, r.type, r.fee_add_on_claims
                    FROM revision_facility r JOIN inspections i ON i.id = r.inspection_id
                    WHERE r.inspection_id = ? AND r.revision = ?""")) {
                select.setString(1, inspectionId);
                select.setInt(2, revision);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    List<VendorContract> vendors = InspectionRecords.contracts(row.getString("vendors"));
                    return Optional.of(new Facility(row.getString("facility_id"), row.getString("code"),
                            row.getString("name"), row.getString("kana"), row.getString("address"),
                            InspectionRecords.type(row.getString("type")), row.getInt("licensed_beds"),
                            row.getBoolean("has_medical_information_system"), row.getBoolean("uses_emr"), vendors,
                            InspectionRecords.claims(row.getString("fee_add_on_claims")), row.getBoolean("demo")));
                }
            }
        });
    }

    /**
     * Refuses a change to a revision that does not exist or is not in progress; call it inside the changing
     * transaction, so that a revision finalized meanwhile cannot be changed. Shared with {@link SqliteEvidence}.
     */
    static void requireInProgress(Connection connection, String inspectionId, int revision) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status FROM inspection_revisions WHERE inspection_id = ? AND revision = ?")) {
            select.setString(1, inspectionId);
            select.setInt(2, revision);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new UserFacingException("inspection.error.notFound", inspectionId);
                }
                if (!InspectionStatus.IN_PROGRESS.name().equals(row.getString(1))) {
                    throw new UserFacingException("inspection.error.locked", inspectionId, revision);
                }
            }
        }
    }

    private static final String SELECT_FINDINGS = """
            SELECT item_id, answer, confirmed_by, checked_on, note, reason, advice, target_date, follow_up
            FROM findings WHERE inspection_id = ? AND revision = ?""";

    private static Map<String, Finding> findings(Connection connection, String inspectionId, int revision) throws SQLException {
        Map<String, Finding> findings = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_FINDINGS)) {
            select.setString(1, inspectionId);
            select.setInt(2, revision);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Finding finding = finding(rows);
                    findings.put(finding.itemId(), finding);
                }
            }
        }
        return findings;
    }

    /** One item's stored finding, or an empty one: a change reads only the finding it changes. */
    private static Finding finding(Connection connection, String inspectionId, int revision, String itemId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_FINDINGS + " AND item_id = ?")) {
            select.setString(1, inspectionId);
            select.setInt(2, revision);
            select.setString(3, itemId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? finding(row) : Finding.empty(itemId);
            }
        }
    }

    private static Finding finding(ResultSet row) throws SQLException {
        return new Finding(row.getString("item_id"),
                Optional.ofNullable(row.getString("answer")).map(Answer::valueOf),
                FindingsTable.methods(row.getString("confirmed_by")),
                Optional.ofNullable(row.getString("checked_on")).map(LocalDate::parse),
                row.getString("note"), row.getString("reason"), row.getString("advice"),
                Optional.ofNullable(row.getString("target_date")).map(LocalDate::parse),
                row.getBoolean("follow_up"));
    }

    private static List<String> inspectors(Connection connection, String inspectionId, int revision) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name FROM revision_inspectors WHERE inspection_id = ? AND revision = ? ORDER BY position")) {
            select.setString(1, inspectionId);
            select.setInt(2, revision);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static List<Attendee> attendees(Connection connection, String inspectionId, int revision) throws SQLException {
        List<Attendee> attendees = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, role FROM revision_attendees WHERE inspection_id = ? AND revision = ? ORDER BY position")) {
            select.setString(1, inspectionId);
            select.setInt(2, revision);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attendees.add(new Attendee(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return attendees;
    }

}
