package jp.tachiiri.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.ChainHead;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.DeviceKeys;
import jp.tachiiri.crypto.SealingKeys;
import jp.tachiiri.followup.FollowUpRepository;
import jp.tachiiri.followup.ItemFollowUp;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.FingerprintCheck;
import jp.tachiiri.sync.ImportSession;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.sync.SyncRepository;
import jp.tachiiri.sync.SyncStatus;
import jp.tachiiri.sync.TrustDecision;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Role;

/**
 * Bundles' bookkeeping in SQLite: the device key, known devices and the decisions about them, what was sent,
 * received and planned.
 */
public final class SqliteSync implements SyncRepository {

    /**
     * The name the device-trust trail's events are chained under, in place of an inspection's id: it is part of
     * every event's hash (docs/bundle-format.md, "Audit trails").
     */
    public static final String TRUST_CHAIN = "devices";

    private final Database database;
    private final SqliteEvidence evidence;
    private final Clock clock;
    private final SqliteSettings settings;
    /** Made once and never changed, so read once: every export and import asks for it. */
    private volatile DeviceIdentity identity;

    public SqliteSync(Database database, SqliteEvidence evidence, Clock clock) {
        this.database = database;
        this.evidence = evidence;
        this.clock = clock;
        this.settings = new SqliteSettings(database);
    }

    @Override
    public DeviceIdentity identity() {
        DeviceIdentity known = identity;
        if (known == null) {
            known = loadOrCreateIdentity();
            identity = known;
        }
        return known;
    }

    /**
     * This installation's keys, made on its first start; a store of an earlier version, which has its signing key
     * only, gets its sealing key pair on the first start of this one.
     */
    private DeviceIdentity loadOrCreateIdentity() {
        String deviceId = settings.deviceId(clock);
        return database.readOrCreate(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT private_key, public_key, sealing_private, sealing_public FROM device_key WHERE sealing_public IS NOT NULL");
                 ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new DeviceIdentity(deviceId, row.getString(2), DeviceKeys.privateKey(row.getBytes(1)),
                                new SealingKeys.Pair(row.getString(4), row.getBytes(3))))
                        : Optional.empty();
            }
        }, connection -> {
            SealingKeys.Pair sealing = SealingKeys.generate();
            if (Rows.update(connection, "UPDATE device_key SET sealing_private = ?, sealing_public = ?",
                    sealing.privateKey(), sealing.publicKeyHex()) == 0) {
                KeyPair pair = DeviceKeys.generate();
                Rows.update(connection, """
                        INSERT INTO device_key (singleton, private_key, public_key, created_at, sealing_private, sealing_public)
                        VALUES (1, ?, ?, ?, ?, ?)""", pair.getPrivate().getEncoded(), DeviceKeys.publicKeyHex(pair.getPublic()),
                        clock.instant().toString(), sealing.privateKey(), sealing.publicKeyHex());
            }
            return Rows.list(connection, "SELECT private_key, public_key FROM device_key", row -> new DeviceIdentity(deviceId,
                    row.getString(2), DeviceKeys.privateKey(row.getBytes(1)), sealing)).get(0);
        });
    }

    /** The catalog documents received from the office, oldest first. */
    public List<String> receivedCatalogs() {
        return database.read(connection -> Rows.list(connection, "SELECT document FROM received_catalogs ORDER BY received_at",
                row -> row.getString(1)));
    }

    @Override
    public Optional<KnownDevice> knownDevice(String deviceId) {
        return database.read(connection -> Rows.list(connection, DEVICE_SELECT + " WHERE device_id = ?", SqliteSync::device,
                deviceId).stream().findFirst());
    }

    @Override
    public List<KnownDevice> knownDevices() {
        return database.read(connection -> Rows.list(connection, DEVICE_SELECT + " ORDER BY first_seen_at", SqliteSync::device));
    }

    @Override
    public Optional<KnownDevice> trustedOffice() {
        return database.read(connection -> Rows.list(connection,
                DEVICE_SELECT + " WHERE role = 'OFFICE' AND status = 'TRUSTED' ORDER BY decided_at DESC, device_id LIMIT 1",
                SqliteSync::device).stream().findFirst());
    }

    private static final String DEVICE_SELECT =
            "SELECT device_id, public_key, role, status, first_seen_at, first_file, sealing_key FROM known_devices";

    private static KnownDevice device(ResultSet row) throws SQLException {
        return new KnownDevice(row.getString(1), row.getString(2), row.getString(7), Role.valueOf(row.getString(3)),
                DeviceStatus.valueOf(row.getString(4)), Instant.parse(row.getString(5)), row.getString(6));
    }

    @Override
    public void addPending(BundleHeader header, Role role, String fileName, Instant at) {
        database.transaction(connection -> insertDevice(connection, header, role, fileName, DeviceStatus.PENDING, at));
    }

    @Override
    public void addPendingSealingKey(String deviceId, String sealingKeyHex) {
        database.transaction(connection -> Rows.update(connection,
                "UPDATE known_devices SET sealing_key = ? WHERE device_id = ? AND status = 'PENDING' AND sealing_key IS NULL",
                sealingKeyHex, deviceId));
    }

    private static int insertDevice(Connection connection, BundleHeader header, Role role, String fileName,
                                    DeviceStatus status, Instant at) throws SQLException {
        return Rows.update(connection, """
                INSERT INTO known_devices (device_id, public_key, sealing_key, role, status, first_seen_at, first_file, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", header.deviceId(), header.publicKeyHex(), header.sealingKeyHex(), role.name(), status.name(),
                at.toString(), fileName, status == DeviceStatus.PENDING ? null : at.toString());
    }

    @Override
    public void decide(TrustDecision decision) {
        database.transaction(connection -> {
            String before = Rows.list(connection, "SELECT status FROM known_devices WHERE device_id = ?",
                    row -> row.getString(1), decision.deviceId()).stream().findFirst().orElse(null);
            if (before == null) {
                insertDevice(connection, decision.firstSeen().orElseThrow(), decision.role(), decision.firstFile(),
                        decision.status(), decision.at());
            } else {
                Rows.update(connection, "UPDATE known_devices SET status = ?, decided_at = ? WHERE device_id = ?",
                        decision.status().name(), decision.at().toString(), decision.deviceId());
            }
            // A sealing key comes with the decision's bundle: it joins a device known without one (from format 2.x).
            String sealingKey = decision.firstSeen().map(BundleHeader::sealingKeyHex).orElse(null);
            if (before != null && sealingKey != null) {
                Rows.update(connection, "UPDATE known_devices SET sealing_key = ? WHERE device_id = ? AND sealing_key IS NULL",
                        sealingKey, decision.deviceId());
            }
            for (String replaced : decision.replacedOffice().stream().toList()) {
                Rows.update(connection, "UPDATE known_devices SET status = ?, decided_at = ? WHERE device_id = ?",
                        DeviceStatus.REFUSED.name(), decision.at().toString(), replaced);
            }
            String fingerprint = Rows.list(connection, "SELECT public_key, sealing_key FROM known_devices WHERE device_id = ?",
                    row -> DeviceKeys.fingerprint(row.getString(1), row.getString(2)), decision.deviceId()).get(0);
            // Old and new: the status before (or, on a change of office, the office replaced) and after, with the
            // role and the fingerprint of the key the decision is about (in part for a key not trusted: whoever
            // reads the trail must not be able to accept it later without the other device's screen).
            String oldValue = decision.replacedOffice().orElse(before);
            String newValue = String.join(" ", decision.status().name(), decision.role().name(),
                    decision.status() == DeviceStatus.TRUSTED ? fingerprint : FingerprintCheck.masked(fingerprint));
            AuditWriter.append(AuditWriter.Trail.TRUST, connection, TRUST_CHAIN, decision.actor(), decision.at(),
                    new AuditWriter.Entry(decision.action().name(), decision.deviceId(), oldValue, newValue, decision.reason()));
            return null;
        });
    }

    @Override
    public List<AuditEvent> trustTrail() {
        return database.read(connection -> SqliteAuditLog.events(connection, "trust_events", "chain", TRUST_CHAIN));
    }

    @Override
    public ChainHead trustHead() {
        return database.read(connection -> Rows.list(connection,
                "SELECT last_sequence, last_hash FROM trust_heads WHERE chain = ?",
                row -> new ChainHead(TRUST_CHAIN, row.getLong(1), row.getString(2)), TRUST_CHAIN).stream().findFirst()
                .orElse(new ChainHead(TRUST_CHAIN, 0, AuditChain.GENESIS)));
    }

    @Override
    public Optional<String> receivedFrom(String bundleId) {
        return database.read(connection -> Rows.list(connection, "SELECT device_id FROM received_bundles WHERE bundle_id = ?",
                row -> row.getString(1), bundleId).stream().findFirst());
    }

    /**
     * Runs an import in one transaction. Evidence files it brought into the store are taken out again when
     * the transaction fails, so a refused bundle leaves the data folder as it was.
     */
    @Override
    public <T> T inTransaction(Function<ImportSession, T> work) {
        List<SqliteImportSession> session = new ArrayList<>(1);
        try {
            return database.transaction(connection -> {
                session.add(new SqliteImportSession(connection, evidence));
                try {
                    return work.apply(session.get(0));
                } catch (Rows.UncheckedSql e) {
                    throw e.getCause();
                }
            });
        } catch (RuntimeException e) {
            session.forEach(failed -> failed.adoptedFiles().forEach(SqliteSync::deleteQuietly));
            throw e;
        } finally {
            session.forEach(SqliteImportSession::close);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // An unreferenced copy of content; it harms nothing where it is.
        }
    }

    @Override
    public List<BundleRecords.Inspection> unacknowledgedFindings() {
        return database.read(connection -> {
            List<String[]> due = Rows.list(connection, """
                    SELECT id, latest FROM (SELECT i.id AS id, max(r.revision) AS latest, i.created_at AS created
                                            FROM inspections i
                                            JOIN inspection_revisions r ON r.inspection_id = i.id AND r.status = 'FINALIZED'
                                            WHERE i.origin_device IS NULL GROUP BY i.id)
                    WHERE NOT EXISTS (SELECT 1 FROM sent_revisions s JOIN receipts c ON c.bundle_id = s.bundle_id
                                      WHERE s.inspection_id = id AND s.revision = latest)
                    ORDER BY created, id""", row -> new String[] {row.getString(1), row.getString(2)});
            List<BundleRecords.Inspection> inspections = new ArrayList<>();
            for (String[] each : due) {
                inspections.add(InspectionRecords.read(connection, each[0], Integer.parseInt(each[1]), true));
            }
            return inspections;
        });
    }

    @Override
    public Path evidenceFile(String sha256) {
        return evidence.pathOf(sha256);
    }

    @Override
    public void markSent(String bundleId, BundleKind kind, Instant createdAt, Path file, List<RevisionKey> revisions) {
        database.transaction(connection -> {
            Rows.update(connection, "INSERT INTO sent_bundles (bundle_id, kind, created_at, file) VALUES (?, ?, ?, ?)",
                    bundleId, kind.wireName(), createdAt.toString(), file.toAbsolutePath().toString());
            for (RevisionKey revision : revisions) {
                Rows.update(connection, "INSERT INTO sent_revisions (inspection_id, revision, bundle_id) VALUES (?, ?, ?)",
                        revision.inspectionId(), revision.revision(), bundleId);
            }
            return null;
        });
    }

    @Override
    public SyncStatus status() {
        return database.read(connection -> {
            List<Object[]> rows = Rows.list(connection, """
                    SELECT id, latest, name, inspection_date,
                           EXISTS (SELECT 1 FROM sent_revisions s WHERE s.inspection_id = id AND s.revision = latest),
                           EXISTS (SELECT 1 FROM sent_revisions s JOIN receipts c ON c.bundle_id = s.bundle_id
                                   WHERE s.inspection_id = id AND s.revision = latest)
                    FROM (SELECT i.id AS id, max(r.revision) AS latest, f.name AS name, f.kana AS kana,
                                 max(r.inspection_date) AS inspection_date
                          FROM inspections i
                          JOIN inspection_revisions r ON r.inspection_id = i.id AND r.status = 'FINALIZED'
                          JOIN facilities f ON f.id = i.facility_id
                          WHERE i.origin_device IS NULL GROUP BY i.id)
                    ORDER BY inspection_date DESC, kana""",
                    row -> new Object[] {new SyncStatus.Entry(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)),
                            row.getBoolean(5), row.getBoolean(6)});
            List<SyncStatus.Entry> waiting = new ArrayList<>();
            List<SyncStatus.Entry> sent = new ArrayList<>();
            List<SyncStatus.Entry> received = new ArrayList<>();
            for (Object[] row : rows) {
                SyncStatus.Entry entry = (SyncStatus.Entry) row[0];
                ((boolean) row[2] ? received : (boolean) row[1] ? sent : waiting).add(entry);
            }
            return new SyncStatus(waiting, sent, received);
        });
    }

    @Override
    public List<BundleRecords.Assignment> assignments() {
        return database.read(connection -> Rows.list(connection, """
                SELECT id, facility_id, inspector_id, inspector_name, planned_date, updated_at FROM assignments
                ORDER BY planned_date, id""", row -> new BundleRecords.Assignment(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6))));
    }

    @Override
    public List<BundleRecords.Review> reviews() {
        return database.read(InspectionRecords::reviews);
    }

    @Override
    public List<BundleRecords.Review> reviews(String inspectionId) {
        return database.read(connection -> InspectionRecords.reviews(connection, inspectionId));
    }

    @Override
    public BundleRecords.AssignmentsPayload assignmentsPayload(Optional<String> inspectorId) {
        return database.read(connection -> {
            List<BundleRecords.Facility> facilities = InspectionRecords.facilities(connection);
            List<BundleRecords.Assignment> assignments = Rows.list(connection, """
                    SELECT id, facility_id, inspector_id, inspector_name, planned_date, updated_at FROM assignments
                    WHERE ? IS NULL OR inspector_id = ? ORDER BY planned_date, id""",
                    row -> new BundleRecords.Assignment(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6)), inspectorId.orElse(null),
                    inspectorId.orElse(null));
            List<BundleRecords.Inspection> previous = new ArrayList<>();
            for (String facilityId : assignments.stream().map(BundleRecords.Assignment::facilityId).distinct().toList()) {
                List<String[]> latest = Rows.list(connection, """
                        SELECT r.inspection_id, max(r.revision) FROM inspection_revisions r
                        JOIN inspections i ON i.id = r.inspection_id
                        WHERE i.facility_id = ? AND r.status = 'FINALIZED'
                        GROUP BY r.inspection_id ORDER BY max(r.inspection_date) DESC LIMIT 1""",
                        row -> new String[] {row.getString(1), row.getString(2)}, facilityId);
                for (String[] each : latest) {
                    previous.add(InspectionRecords.read(connection, each[0], Integer.parseInt(each[1]), false));
                }
            }
            List<BundleRecords.Receipt> receipts = Rows.list(connection, """
                    SELECT bundle_id, device_id, received_at FROM received_bundles WHERE kind = 'findings'
                    ORDER BY received_at, bundle_id""",
                    row -> new BundleRecords.Receipt(row.getString(1), row.getString(2), row.getString(3)));
            Map<String, List<BundleRecords.Vendor>> contracts = new HashMap<>();
            facilities.forEach(facility -> contracts.put(facility.id(), facility.vendors()));
            List<BundleRecords.PlanSelfCheck> selfChecks = new ArrayList<>();
            try (Statements statements = new Statements(connection)) {
                for (BundleRecords.Assignment assignment : assignments) {
                    BundleRecords.PlanSelfCheck check = SelfCheckTables.planSelfCheck(statements, assignment.id());
                    // A vendor form stays at the office when its contract has left the facility master since: the
                    // tablets refuse a plan's form of a contract its facility does not have.
                    List<BundleRecords.Vendor> current = contracts.getOrDefault(assignment.facilityId(), List.of());
                    List<BundleRecords.VendorForm> forms = check.vendorForms().stream().filter(form ->
                            current.contains(new BundleRecords.Vendor(form.vendor(), form.system()))).toList();
                    if (!check.hospitalForm().isEmpty() || !forms.isEmpty()) {
                        selfChecks.add(new BundleRecords.PlanSelfCheck(check.planId(), check.hospitalForm(), forms));
                    }
                }
            }
            // Only the planned facilities' follow-up: the bundle is sealed to the tablets of those plans.
            Set<String> planned = assignments.stream().map(BundleRecords.Assignment::facilityId).collect(Collectors.toSet());
            List<BundleRecords.FollowUp> followUps = SqliteFollowUp.read(connection, null).stream()
                    .filter(followed -> planned.contains(followed.facilityId())).map(SqliteSync::followUp).toList();
            return new BundleRecords.AssignmentsPayload(0, inspectorId.orElse(null), List.of(), facilities, assignments,
                    previous, InspectionRecords.reviews(connection), receipts, selfChecks, followUps);
        });
    }

    /** An inspection's follow-up as an assignments bundle carries it: each finding, assessed or not yet. */
    private static BundleRecords.FollowUp followUp(FollowUpRepository.StoredCase followed) {
        return new BundleRecords.FollowUp(followed.facilityId(), followed.inspectionId(),
                followed.inspectionDate().toString(), followed.report().map(report -> report.receivedOn().toString())
                .orElse(null), followed.findings().stream().map(finding -> {
                    Optional<ItemFollowUp> item = Optional.ofNullable(followed.items().get(finding.itemId()));
                    return new BundleRecords.FollowUpItem(finding.itemId(), text(finding.targetDate()),
                            item.map(ItemFollowUp::action).orElse(""), text(item.flatMap(ItemFollowUp::doneOn)),
                            item.map(found -> found.assessment().name()).orElse(null),
                            text(item.flatMap(ItemFollowUp::newTargetDate)));
                }).toList());
    }

    private static String text(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }

    @Override
    public void plan(BundleRecords.Assignment assignment) {
        database.transaction(connection -> {
            try (Statements statements = new Statements(connection)) {
                AssignmentsTable.save(statements, assignment, assignment.facilityId());
            }
            return null;
        });
    }

    @Override
    public long nextAssignmentsSequence() {
        return database.transaction(connection -> {
            Rows.update(connection, """
                    INSERT INTO assignments_sequence (singleton, last) VALUES (1, 1)
                    ON CONFLICT (singleton) DO UPDATE SET last = last + 1""");
            return Rows.list(connection, "SELECT last FROM assignments_sequence", row -> row.getLong(1)).get(0);
        });
    }
}
