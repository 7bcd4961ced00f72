package jp.tachiiri.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.SealedEnvelope;
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.crypto.SealingKeys;
import jp.tachiiri.store.Database;

/**
 * The floor for importing findings bundles: the least work that gets the same rows and files durably into a
 * store with the product's schema and pragmas. Each file is decrypted as its recipient must (the content key
 * opened with HPKE, the content streamed through the same streaming AEAD; a signed-only file is read as it is) and
 * parsed with a plain Jackson {@link ObjectMapper} into a tree, its attachments are base64-decoded straight into their content-addressed files under
 * {@code evidence/} (each file forced to disk, each touched folder synced once per bundle), and its rows go in
 * through prepared statements, prepared once, in JDBC batches, one transaction per bundle. Nothing is checked:
 * no schema, no signature, no payload rules, no catalog items, no content hashes, no look-ups of what the
 * store already has (an empty store has nothing).
 */
final class ImportFloor implements AutoCloseable {

    /** revision_origin.content_hash needs a value; the floor computes no canonical form, so it stores this. */
    static final String NO_HASH = "f".repeat(64);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Connection connection;
    private final Path evidence;
    private final DeviceIdentity recipient;
    private final Statements sql;

    private ImportFloor(Connection connection, Path evidence, DeviceIdentity recipient) throws SQLException {
        this.connection = connection;
        this.evidence = evidence;
        this.recipient = recipient;
        this.sql = new Statements(connection);
    }

    /**
     * Opens the store file (already created with the product's schema) with the product's pragmas; sealed files are
     * opened with {@code recipient}'s keys.
     */
    static ImportFloor open(Path databaseFile, Path evidenceFolder, DeviceIdentity recipient) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath(),
                    Database.connectionSettings().toProperties());
            connection.setAutoCommit(false);
            return new ImportFloor(connection, evidenceFolder, recipient);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports every file in the given order, one transaction each. */
    void importAll(List<Path> files) {
        for (Path file : files) {
            importFile(file);
        }
    }

    void importFile(Path file) {
        try {
            JsonNode root;
            try (InputStream in = content(file)) {
                root = mapper.readTree(in);
            }
            Set<Path> folders = writeAttachments(root);
            for (Path folder : folders) {
                force(folder, StandardOpenOption.READ);
            }
            insertRows(root, file.getFileName().toString());
            sql.executeAll();
            connection.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // Failing already.
            }
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** The signed bundle's bytes: a sealed file decrypted, a signed-only one as it is. */
    private InputStream content(Path file) throws IOException {
        Optional<SealedEnvelope> envelope = BundleReader.envelope(file);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (envelope.isEmpty()) {
            return in;
        }
        SealedEnvelope.Slot slot = envelope.get().slots().stream()
                .filter(candidate -> candidate.fingerprint().equals(recipient.fingerprint())).findFirst().orElseThrow();
        try {
            byte[] key = SealingKeys.open(recipient.sealing(), slot.sealedKey(), envelope.get().context());
            in.skipNBytes(envelope.get().line().length);
            return ContentCipher.decrypting(key, in, envelope.get().line());
        } catch (SealingKeys.NotOpened e) {
            in.close();
            throw new IOException(file + " does not open", e);
        }
    }

    /** Decodes the chunks into evidence/xx/sha256 as the manifest names them; returns the folders written to. */
    private Set<Path> writeAttachments(JsonNode root) throws IOException {
        Map<String, String> shaById = new HashMap<>();
        for (JsonNode entry : root.get("manifest")) {
            shaById.put(entry.get("id").textValue(), entry.get("sha256").textValue());
        }
        Set<Path> folders = new LinkedHashSet<>();
        String currentId = null;
        FileChannel out = null;
        try {
            for (JsonNode chunk : root.get("attachments")) {
                String id = chunk.get("id").textValue();
                if (!id.equals(currentId)) {
                    if (out != null) {
                        out.force(true);
                        out.close();
                    }
                    String sha = shaById.get(id);
                    Path folder = evidence.resolve(sha.substring(0, 2));
                    if (folders.add(folder)) {
                        Files.createDirectories(folder);
                    }
                    out = FileChannel.open(folder.resolve(sha), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    currentId = id;
                }
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(chunk.get("data").textValue()));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            if (out != null) {
                out.force(true);
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        return folders;
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    private void insertRows(JsonNode root, String fileName) throws SQLException {
        String now = Instant.now().toString();
        String bundleId = root.get("bundleId").textValue();
        String deviceId = root.get("device").get("id").textValue();
        Map<String, JsonNode> manifest = new HashMap<>();
        for (JsonNode entry : root.get("manifest")) {
            manifest.put(entry.get("id").textValue(), entry);
        }
        sql.device.set(deviceId, root.get("device").get("publicKey").textValue(), root.get("device").get("sealingKey").textValue(),
                "INSPECTOR", "TRUSTED", now, fileName, now);
        for (JsonNode inspection : root.get("payload").get("inspections")) {
            String inspectionId = inspection.get("id").textValue();
            JsonNode revisions = inspection.get("revisions");
            JsonNode latestFacility = revisions.get(revisions.size() - 1).get("facility");
            String facilityId = latestFacility.get("id").textValue();
            sql.facility.set(facilityId, text(latestFacility, "code"), text(latestFacility, "name"), text(latestFacility, "kana"),
                    text(latestFacility, "address"), latestFacility.get("licensedBeds").intValue(),
                    latestFacility.get("hasMedicalInformationSystem").booleanValue(), latestFacility.get("usesEmr").booleanValue(),
                    latestFacility.get("demo").booleanValue(), deviceId);
            int position = 0;
            for (JsonNode vendor : latestFacility.get("vendors")) {
                sql.vendor.set(facilityId, position++, text(vendor, "vendor"), text(vendor, "system"));
            }
            JsonNode audit = inspection.get("audit");
            JsonNode lastEvent = audit.isEmpty() ? null : audit.get(audit.size() - 1);
            sql.inspection.set(inspectionId, facilityId, text(inspection, "createdAt"), inspection.get("demo").booleanValue(),
                    lastEvent == null ? 0L : lastEvent.get("sequence").longValue(),
                    lastEvent == null ? "0".repeat(64) : text(lastEvent, "hash"), deviceId);
            for (JsonNode revision : revisions) {
                int number = revision.get("revision").intValue();
                sql.revision.set(inspectionId, number, text(revision, "catalogVersion"), text(revision, "inspectionDate"),
                        text(revision, "amendReason"), text(revision, "createdAt"));
                position = 0;
                for (JsonNode name : revision.get("inspectors")) {
                    sql.inspector.set(inspectionId, number, position++, name.textValue());
                }
                position = 0;
                for (JsonNode attendee : revision.get("attendees")) {
                    sql.attendee.set(inspectionId, number, position++, text(attendee, "name"), text(attendee, "role"));
                }
                for (JsonNode finding : revision.get("findings")) {
                    List<String> confirmedBy = new ArrayList<>();
                    finding.get("confirmedBy").forEach(method -> confirmedBy.add(method.textValue()));
                    sql.finding.set(inspectionId, number, text(finding, "itemId"), text(finding, "answer"),
                            String.join(",", confirmedBy), text(finding, "checkedOn"), text(finding, "note"),
                            text(finding, "reason"), text(finding, "advice"), text(finding, "targetDate"),
                            finding.get("followUp").booleanValue(), text(finding, "updatedAt"));
                }
                for (JsonNode item : revision.get("evidence")) {
                    JsonNode content = manifest.get(text(item, "attachment"));
                    sql.evidence.set(text(item, "id"), inspectionId, number, text(item, "itemId"), text(item, "fileName"),
                            text(item, "mediaType"), content.get("size").longValue(), text(content, "sha256"),
                            text(item, "addedAt"));
                }
                JsonNode facility = revision.get("facility");
                List<String> vendors = new ArrayList<>();
                facility.get("vendors").forEach(vendor -> vendors.add(text(vendor, "vendor") + "\t" + text(vendor, "system")));
                sql.revisionFacility.set(inspectionId, number, text(facility, "code"), text(facility, "name"),
                        text(facility, "kana"), text(facility, "address"), facility.get("licensedBeds").intValue(),
                        facility.get("hasMedicalInformationSystem").booleanValue(), facility.get("usesEmr").booleanValue(),
                        String.join("\n", vendors));
                sql.finalize.set(text(revision, "finalizedAt"), inspectionId, number);
                sql.origin.set(inspectionId, number, NO_HASH, bundleId);
            }
            for (JsonNode event : audit) {
                sql.audit.set(inspectionId, event.get("sequence").longValue(), text(event, "id"), text(event, "at"),
                        text(event, "actor"), text(event, "action"), text(event, "subject"), text(event, "oldValue"),
                        text(event, "newValue"), text(event, "reason"), text(event, "previousHash"), text(event, "hash"));
            }
        }
        sql.received.set(bundleId, deviceId, root.get("kind").textValue(), text(root, "createdAt"), now, fileName);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.textValue();
    }

    @Override
    public void close() {
        try {
            sql.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One prepared statement, batched. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        void set(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof Boolean flag) {
                    statement.setInt(i + 1, flag ? 1 : 0);
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
            statement.addBatch();
            pending++;
        }

        void execute() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /** The statements of an import, executed parents first so that every foreign key holds as it goes in. */
    private static final class Statements {
        final Batch device;
        final Batch facility;
        final Batch vendor;
        final Batch inspection;
        final Batch revision;
        final Batch inspector;
        final Batch attendee;
        final Batch finding;
        final Batch evidence;
        final Batch revisionFacility;
        final Batch finalize;
        final Batch origin;
        final Batch audit;
        final Batch received;
        private final List<Batch> inOrder;

        Statements(Connection connection) throws SQLException {
            device = new Batch(connection, """
                    INSERT OR IGNORE INTO known_devices (device_id, public_key, sealing_key, role, status, first_seen_at,
                                                         first_file, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
            facility = new Batch(connection, """
                    INSERT OR IGNORE INTO facilities (id, code, name, kana, address, licensed_beds,
                                                      has_medical_information_system, uses_emr, demo, reported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            vendor = new Batch(connection,
                    "INSERT OR IGNORE INTO facility_vendors (facility_id, position, vendor_name, system) VALUES (?, ?, ?, ?)");
            inspection = new Batch(connection, """
                    INSERT INTO inspections (id, facility_id, created_at, demo, audit_last_sequence, audit_last_hash,
                                             origin_device) VALUES (?, ?, ?, ?, ?, ?, ?)""");
            // In progress while the findings go in: the schema's trigger refuses findings of a finalized revision.
            revision = new Batch(connection, """
                    INSERT INTO inspection_revisions (inspection_id, revision, catalog_version, inspection_date, status,
                                                      amend_reason, created_at)
                    VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?)""");
            inspector = new Batch(connection,
                    "INSERT INTO revision_inspectors (inspection_id, revision, position, name) VALUES (?, ?, ?, ?)");
            attendee = new Batch(connection,
                    "INSERT INTO revision_attendees (inspection_id, revision, position, name, role) VALUES (?, ?, ?, ?, ?)");
            finding = new Batch(connection, """
                    INSERT INTO findings (inspection_id, revision, item_id, answer, confirmed_by, checked_on, note, reason,
                                          advice, target_date, follow_up, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            evidence = new Batch(connection, """
                    INSERT INTO evidence (id, inspection_id, revision, item_id, file_name, media_type, size_bytes, sha256,
                                          added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            revisionFacility = new Batch(connection, """
                    INSERT INTO revision_facility (inspection_id, revision, code, name, kana, address, licensed_beds,
                                                   has_medical_information_system, uses_emr, vendors)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            finalize = new Batch(connection, """
                    UPDATE inspection_revisions SET status = 'FINALIZED', finalized_at = ?
                    WHERE inspection_id = ? AND revision = ?""");
            origin = new Batch(connection,
                    "INSERT INTO revision_origin (inspection_id, revision, content_hash, bundle_id) VALUES (?, ?, ?, ?)");
            audit = new Batch(connection, """
                    INSERT INTO audit_events (inspection_id, sequence, id, at, actor, action, subject, old_value, new_value,
                                              reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            received = new Batch(connection, """
                    INSERT INTO received_bundles (bundle_id, device_id, kind, created_at, received_at, file_name)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            inOrder = List.of(device, facility, vendor, inspection, revision, inspector, attendee, finding, evidence,
                    revisionFacility, finalize, origin, audit, received);
        }

        void executeAll() throws SQLException {
            for (Batch batch : inOrder) {
                batch.execute();
            }
        }

        void close() throws SQLException {
            for (Batch batch : inOrder) {
                batch.close();
            }
        }
    }
}
