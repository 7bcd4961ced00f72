package jp.tachiiri.backup;

import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.crypto.PassphraseKey;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.files.KeptOpen;

/**
 * Writes a backup of a data folder as one file, encrypted with a key derived from a passphrase (docs/backup.md):
 * a snapshot of the database taken while the app runs, every evidence file and a manifest of them all with their
 * sizes and SHA-256. The file appears whole or not at all; the snapshot, unencrypted, never leaves the data folder
 * and is deleted when the file is written or has failed.
 */
public final class BackupService {

    /** The fewest characters a passphrase may have: the file can be attacked offline, guess after guess. */
    public static final int MIN_PASSPHRASE_LENGTH = 12;
    public static final String EXTENSION = ".tachiiri-backup";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int COPY_BUFFER = 64 * 1024;

    private final BackupSource source;
    private final Clock clock;
    private final PassphraseKey.Cost cost;

    public BackupService(BackupSource source, Clock clock) {
        this(source, clock, PassphraseKey.Cost.RECOMMENDED);
    }

    /** With another key-derivation cost: the tests' cheaper one. */
    BackupService(BackupSource source, Clock clock, PassphraseKey.Cost cost) {
        this.source = source;
        this.clock = clock;
        this.cost = cost;
    }

    /** Refuses a passphrase that is too short, or whose confirmation differs, naming the rule. */
    public static void requireAcceptable(char[] passphrase, char[] confirmation) {
        if (String.valueOf(passphrase).codePointCount(0, passphrase.length) < MIN_PASSPHRASE_LENGTH) {
            throw new BackupException("backup.error.passphraseShort", MIN_PASSPHRASE_LENGTH);
        }
        if (!Arrays.equals(passphrase, confirmation)) {
            throw new BackupException("backup.error.passphraseMismatch");
        }
    }

    /** Writes the backup into {@code outFolder} (made if missing) and returns its file. */
    public Path create(Path outFolder, char[] passphrase) {
        requireAcceptable(passphrase, passphrase);
        Path snapshot = null;
        try {
            AtomicFile.createFolders(outFolder);
            Path staging = Files.createDirectories(source.stagingFolder());
            snapshot = staging.resolve("snapshot-" + UUID.randomUUID() + ".db");
            source.snapshotDatabase(snapshot);
            List<Path> files = new ArrayList<>();
            List<BackupManifest.Entry> entries = new ArrayList<>();
            files.add(snapshot);
            entries.add(entry(source.databaseFileName(), snapshot));
            for (Path evidence : source.evidenceFiles()) {
                Path file = source.dataFolder().resolve(evidence);
                files.add(file);
                entries.add(entry(evidence.toString().replace('\\', '/'), file));
            }
            BackupSource.Origin origin = source.origin();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, clock.instant().toString(),
                    origin.appVersion(), origin.schemaVersion(), origin.deviceId(), origin.role(), entries);
            return write(outFolder, passphrase, manifest, files);
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.write", outFolder, e.getMessage());
        } finally {
            if (snapshot != null) {
                deleteQuietly(snapshot);
            }
        }
    }

    private Path write(Path outFolder, char[] passphrase, BackupManifest manifest, List<Path> files) throws IOException {
        byte[] salt = PassphraseKey.newSalt();
        PassphraseKey.Derived derived = PassphraseKey.derive(passphrase, cost, salt);
        byte[] header = new BackupHeader(BackupHeader.FORMAT_VERSION, cost, salt, derived.check()).toBytes();
        byte[] manifestJson = manifest.toJson();
        String name = "tachiiri-" + manifest.role() + "-" + LocalDateTime.now(clock).format(NAME_TIME);
        try {
            for (int attempt = 1; ; attempt++) {
                Path target = outFolder.resolve(name + (attempt == 1 ? "" : "-" + attempt) + EXTENSION);
                try {
                    AtomicFile.write(target, AtomicFile.IfExists.REFUSE,
                            out -> writeContent(out, header, derived.key(), manifestJson, manifest.files(), files));
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    if (attempt == 100) {
                        throw taken;
                    }
                }
            }
        } finally {
            Arrays.fill(derived.key(), (byte) 0);
        }
    }

    /** The header, the encrypted manifest and files, and the trailer that says where the file ends. */
    private static void writeContent(OutputStream out, byte[] header, byte[] key, byte[] manifestJson,
                                     List<BackupManifest.Entry> entries, List<Path> files) throws IOException {
        Counting counted = new Counting(out);
        counted.write(header);
        // The cipher closes what it writes to when it ends; the trailer still follows.
        OutputStream cipherSink = new KeptOpen(counted);
        try (DataOutputStream sealed = new DataOutputStream(ContentCipher.encrypting(key, cipherSink, header))) {
            sealed.writeInt(manifestJson.length);
            sealed.write(manifestJson);
            for (int i = 0; i < files.size(); i++) {
                copyChecked(files.get(i), entries.get(i), sealed);
            }
        }
        BackupTrailer.write(counted, counted.count);
    }

    /** Copies a file, refusing it if it is no longer what the manifest says (changed since it was hashed). */
    private static void copyChecked(Path file, BackupManifest.Entry entry, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        long copied = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                copied += read;
            }
        }
        if (copied != entry.size() || !HexFormat.of().formatHex(digest.digest()).equals(entry.sha256())) {
            throw new BackupException("backup.error.changedWhileWriting", file);
        }
    }

    private static BackupManifest.Entry entry(String path, Path file) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
            }
        }
        return new BackupManifest.Entry(path, size, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The staging folder is swept at the next start; the backup's own outcome is what to report.
        }
    }

    /** Counts what goes through, for the trailer's length. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
