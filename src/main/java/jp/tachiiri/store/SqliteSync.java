package jp.tachiiri.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.DeviceKeys;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.ImportSession;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.sync.SyncRepository;
import jp.tachiiri.sync.SyncStatus;

/** Bundles' bookkeeping in SQLite: the device key, known devices, what was sent, received and planned. */
public final class SqliteSync implements SyncRepository {

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

    private DeviceIdentity loadOrCreateIdentity() {
        String deviceId = settings.deviceId(clock);
        return database.readOrCreate(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT private_key, public_key FROM device_key");
                 ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new DeviceIdentity(deviceId, row.getString(2), DeviceKeys.privateKey(row.getBytes(1))))
                        : Optional.empty();
            }
        }, connection -> {
            KeyPair pair = DeviceKeys.generate();
            String publicKey = DeviceKeys.publicKeyHex(pair.getPublic());
            Rows.update(connection, "INSERT INTO device_key (singleton, private_key, public_key, created_at) VALUES (1, ?, ?, ?)",
                    pair.getPrivate().getEncoded(), publicKey, clock.instant().toString());
            return new DeviceIdentity(deviceId, publicKey, pair.getPrivate());
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

    private static final String DEVICE_SELECT =
            "SELECT device_id, public_key, kind, status, first_seen_at, first_file FROM known_devices";

    private static KnownDevice device(ResultSet row) throws SQLException {
        return new KnownDevice(row.getString(1), row.getString(2), BundleKind.fromWire(row.getString(3)),
                DeviceStatus.valueOf(row.getString(4)), Instant.parse(row.getString(5)), row.getString(6));
    }

    @Override
    public void addDevice(BundleHeader header, String fileName, DeviceStatus status, Instant at) {
        database.transaction(connection -> Rows.update(connection, """
                INSERT INTO known_devices (device_id, public_key, kind, status, first_seen_at, first_file, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", header.deviceId(), header.publicKeyHex(), header.kind().wireName(),
                status.name(), at.toString(), fileName, status == DeviceStatus.PENDING ? null : at.toString()));
    }

    @Override
    public boolean decide(String deviceId, DeviceStatus status, Instant at) {
        return database.transaction(connection -> Rows.update(connection,
                "UPDATE known_devices SET status = ?, decided_at = ? WHERE device_id = ?", status.name(), at.toString(),
                deviceId)) > 0;
    }

    @Override
    public boolean isReceived(String bundleId) {
        return database.read(connection -> !Rows.list(connection, "SELECT 1 FROM received_bundles WHERE bundle_id = ?",
                row -> 1, bundleId).isEmpty());
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
                    T result = work.apply(session.get(0));
                    // The renames of the new evidence files must be durable before the rows naming them commit.
                    session.get(0).adoptedFiles().stream().map(Path::getParent).distinct()
                            .forEach(SqliteEvidence::syncDirectory);
                    return result;
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
                SELECT id, facility_id, inspector_id, inspector_name, planned_date FROM assignments
                ORDER BY planned_date, id""", row -> new BundleRecords.Assignment(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5))));
    }

    @Override
    public List<BundleRecords.Review> reviews() {
        return database.read(InspectionRecords::reviews);
    }

    @Override
    public BundleRecords.AssignmentsPayload assignmentsPayload(Optional<String> inspectorId) {
        return database.read(connection -> {
            List<BundleRecords.Facility> facilities = InspectionRecords.facilities(connection);
            List<BundleRecords.Assignment> assignments = Rows.list(connection, """
                    SELECT id, facility_id, inspector_id, inspector_name, planned_date FROM assignments
                    WHERE ? IS NULL OR inspector_id = ? ORDER BY planned_date, id""",
                    row -> new BundleRecords.Assignment(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5)), inspectorId.orElse(null), inspectorId.orElse(null));
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
            return new BundleRecords.AssignmentsPayload(List.of(), facilities, assignments, previous,
                    InspectionRecords.reviews(connection), receipts);
        });
    }

    @Override
    public void plan(BundleRecords.Assignment assignment, Instant at) {
        database.transaction(connection -> {
            new SqliteImportSession(connection, evidence).saveAssignment(assignment, assignment.facilityId(), at);
            return null;
        });
    }
}
