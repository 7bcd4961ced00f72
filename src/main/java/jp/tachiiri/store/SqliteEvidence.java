package jp.tachiiri.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.tachiiri.evidence.EvidenceRepository;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.files.AtomicFile.IfExists;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.InspectionIds;

/**
 * Evidence files: the bytes content-addressed under the data folder's {@code evidence/} ({@code
 * evidence/<first two hex digits>/<sha256>}, each content stored once), their metadata in SQLite, each
 * change committed with its audit event.
 *
 * <p>The bytes are made durable before the database refers to them: written to a temporary file inside
 * {@code evidence/}, fsynced, then renamed to their name. If the recording transaction then fails, the
 * bytes stay as an unreferenced file; they are never deleted again, because another evidence record may
 * share the same content.
 */
public final class SqliteEvidence implements EvidenceRepository {

    static final String ADDED = "EVIDENCE_ADDED";
    static final String REMOVED = "EVIDENCE_REMOVED";
    static final String DEFAULT_MEDIA_TYPE = "application/octet-stream";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Database database;
    private final Path folder;
    private final Clock clock;

    /** {@code folder} is the data folder's {@code evidence/}; it is created when the first file is added. */
    public SqliteEvidence(Database database, Path folder, Clock clock) {
        this.database = database;
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public Evidence add(String inspectionId, int revision, String itemId, Path source, String mediaType, String actor) {
        // Refuse a locked revision before copying anything; the transaction below checks again.
        database.read(connection -> {
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            return null;
        });
        String fileName = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        Stored stored = store(source);
        Instant now = clock.instant();
        Evidence evidence = new Evidence(InspectionIds.childId(inspectionId), inspectionId, revision, itemId, fileName,
                Objects.requireNonNullElse(mediaType, DEFAULT_MEDIA_TYPE), stored.size(), stored.sha256(), now);
        database.transaction(connection -> {
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            try (Statements statements = new Statements(connection)) {
                EvidenceTable.insert(statements, evidence);
            }
            AuditWriter.append(connection, inspectionId, actor, now,
                    AuditWriter.Entry.of(ADDED, subject(itemId), null, describe(evidence.fileName(), evidence.sha256())));
            return null;
        });
        return evidence;
    }

    @Override
    public List<Evidence> list(String inspectionId, int revision) {
        return database.read(connection -> {
            List<Evidence> evidence = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, inspection_id, revision, item_id, file_name, media_type, size_bytes, sha256, added_at
                    FROM evidence WHERE inspection_id = ? AND revision = ? AND removed_at IS NULL
                    ORDER BY added_at, id""")) {
                select.setString(1, inspectionId);
                select.setInt(2, revision);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        evidence.add(new Evidence(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getLong(7), rows.getString(8),
                                Instant.parse(rows.getString(9))));
                    }
                }
            }
            return evidence;
        });
    }

    @Override
    public void remove(String evidenceId, String actor) {
        Instant now = clock.instant();
        database.transaction(connection -> {
            String inspectionId;
            int revision;
            String itemId;
            String fileName;
            String sha256;
            boolean removed;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT inspection_id, revision, item_id, file_name, sha256, removed_at FROM evidence WHERE id = ?")) {
                select.setString(1, evidenceId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new UserFacingException("evidence.error.notFound", evidenceId);
                    }
                    inspectionId = row.getString(1);
                    revision = row.getInt(2);
                    itemId = row.getString(3);
                    fileName = row.getString(4);
                    sha256 = row.getString(5);
                    removed = row.getString(6) != null;
                }
            }
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            if (removed) {
                return null; // Removed already: nothing changes, so nothing is recorded.
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE evidence SET removed_at = ? WHERE id = ?")) {
                update.setString(1, EvidenceTable.storedTime(now));
                update.setString(2, evidenceId);
                update.executeUpdate();
            }
            AuditWriter.append(connection, inspectionId, actor, now,
                    AuditWriter.Entry.of(REMOVED, subject(itemId), describe(fileName, sha256), null));
            return null;
        });
    }

    @Override
    public Path file(Evidence evidence) {
        return checkedFile(evidence.sha256(), evidence.fileName());
    }

    /** The stored bytes with this SHA-256, checked against it; {@code fileName} names them in a message. */
    Path checkedFile(String sha256, String fileName) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("evidence.error.missing", file, fileName);
        }
        String actual;
        try {
            actual = sha256Of(file);
        } catch (IOException e) {
            throw new UserFacingException(e, "evidence.error.storedUnreadable", file, fileName, e.getMessage());
        }
        if (!actual.equals(sha256)) {
            throw new UserFacingException("evidence.error.altered", file, fileName);
        }
        return file;
    }

    /**
     * Takes over a file whose SHA-256 is known to be {@code sha256} (an attachment checked on import): moved
     * in under its hash, unless that content is stored already, and durably, before the rows naming it commit.
     * Returns the stored file when it is new.
     */
    Optional<Path> adopt(Path file, String sha256) {
        Path target = pathOf(sha256);
        try {
            if (Files.isRegularFile(target) && sha256Of(target).equals(sha256)) {
                return Optional.empty();
            }
            AtomicFile.createFolders(target.getParent());
            // Replaces a damaged copy: the new one is exactly what the name promises.
            AtomicFile.moveIntoPlace(file, target, IfExists.REPLACE);
        } catch (IOException e) {
            throw new StoreException(e, "evidence.error.write", target, e.getMessage());
        }
        return Optional.of(target);
    }

    /**
     * The files the store names (the tablets' evidence, removed or not, and the hospitals' follow-up evidence) whose
     * bytes are not in the evidence folder, as "name (SHA-256)": what a restored copy must not lack.
     */
    public List<String> missingFiles() {
        return database.read(connection -> Rows.list(connection, """
                        SELECT file_name, sha256 FROM evidence
                        UNION SELECT file_name, sha256 FROM follow_up_evidence
                        ORDER BY 2, 1""", row -> new String[] {row.getString(1), row.getString(2)}))
                .stream().filter(file -> !Files.isRegularFile(pathOf(file[1])))
                .map(file -> file[0] + " (" + file[1] + ")").toList();
    }

    /** Where the bytes with this SHA-256 live. */
    Path pathOf(String sha256) {
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    record Stored(String sha256, long size) {
    }

    /** Copies {@code source} in under its SHA-256 (once per content) and makes it durable. */
    Stored store(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new UserFacingException("evidence.error.unreadable", source);
        }
        HashingCopy copy = new HashingCopy(source);
        try (copy; AtomicFile.Staged staged = stage(copy)) {
            Stored stored = copy.stored();
            Path target = pathOf(stored.sha256());
            try {
                AtomicFile.createFolders(target.getParent());
                if (Files.isRegularFile(target) && sha256Of(target).equals(stored.sha256())) {
                    return stored; // The same content is stored already; the temporary copy goes.
                }
                // Absent, or damaged: the new copy is exactly what the name promises.
                staged.moveTo(target, IfExists.REPLACE);
            } catch (IOException e) {
                throw new StoreException(e, "evidence.error.write", target, e.getMessage());
            }
            return stored;
        }
    }

    /** Copies the source into a temporary file of the evidence folder. */
    private AtomicFile.Staged stage(HashingCopy copy) {
        try {
            AtomicFile.createFolders(folder);
            return AtomicFile.stage(folder, copy::into);
        } catch (IOException e) {
            throw new StoreException(e, "evidence.error.write", folder, e.getMessage());
        }
    }

    /**
     * Whether a file of the evidence folder is a copy in progress (left behind if the copying process was killed):
     * named as {@link AtomicFile} names them, or as versions before it did (incoming-*.tmp).
     */
    public boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return AtomicFile.isTemporary(file) || name.startsWith("incoming-") && name.endsWith(".tmp");
    }

    /**
     * Streams a source file, hashing and counting on the way: the hash is of exactly the bytes stored. A
     * source that cannot be read is named as such, apart from a failure to write the copy.
     */
    private static final class HashingCopy implements AutoCloseable {

        private final Path source;
        private final InputStream in;
        private final MessageDigest digest = sha256Digest();
        private long size;

        HashingCopy(Path source) {
            this.source = source;
            try {
                this.in = Files.newInputStream(source);
            } catch (IOException e) {
                throw new UserFacingException(e, "evidence.error.unreadable", source);
            }
        }

        void into(OutputStream out) throws IOException {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int read = read(buffer); read >= 0; read = read(buffer)) {
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
                size += read;
            }
        }

        private int read(byte[] buffer) {
            try {
                return in.read(buffer);
            } catch (IOException e) {
                throw new UserFacingException(e, "evidence.error.unreadable", source);
            }
        }

        Stored stored() {
            return new Stored(HexFormat.of().formatHex(digest.digest()), size);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Everything the source was opened for is done (or has failed with the error worth reporting).
            }
        }
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String subject(String itemId) {
        return itemId + "/evidence";
    }

    private static String describe(String fileName, String sha256) {
        return fileName + " sha256=" + sha256;
    }
}
