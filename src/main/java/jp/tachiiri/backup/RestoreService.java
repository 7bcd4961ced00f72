package jp.tachiiri.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.crypto.PassphraseKey;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.i18n.UserFacingException;

/**
 * Restores a backup file into a data folder, in an order that never leaves a half-restored folder: the whole file
 * is decrypted and every file's SHA-256 checked before anything is written; then it is extracted into a temporary
 * folder beside the target, which must pass the app's checks (SQLite's integrity and foreign keys, every audit
 * chain); only then does it take the target's name. An existing data folder is replaced only when asked, and is
 * kept beside it under another name, never deleted.
 */
public final class RestoreService {

    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int COPY_BUFFER = 64 * 1024;

    /** Checks a restored copy before it is used; returns what is wrong with it, nothing when it is sound. */
    @FunctionalInterface
    public interface FolderCheck {
        List<UserFacingException> problems(Path restoredFolder);
    }

    /** What was restored, and where the data folder that was there before is kept, if there was one. */
    public record Restored(Path dataFolder, Optional<Path> keptAside, BackupManifest manifest) {
    }

    private final FolderCheck check;
    private final String databaseFile;
    private final Clock clock;

    public RestoreService(FolderCheck check, String databaseFile, Clock clock) {
        this.check = check;
        this.databaseFile = databaseFile;
        this.clock = clock;
    }

    /**
     * Whether {@code folder} holds anything: a restore puts nothing there without {@code replaceExisting}, not
     * even into an empty data file.
     */
    public static boolean holdsData(Path folder) {
        if (!Files.exists(folder)) {
            return false;
        }
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /** Decrypts and checks the whole file, writing nothing; returns its manifest. */
    public BackupManifest verify(Path file, char[] passphrase) {
        Opened opened = open(file, passphrase);
        try {
            return read(opened, Optional.empty());
        } finally {
            opened.forget();
        }
    }

    public Restored restore(Path file, char[] passphrase, Path target, boolean replaceExisting) {
        Path absoluteTarget = target.toAbsolutePath().normalize();
        if (!replaceExisting && holdsData(absoluteTarget)) {
            throw new BackupException("backup.error.targetExists", absoluteTarget);
        }
        Opened opened = open(file, passphrase);
        Path temporary = null;
        try {
            read(opened, Optional.empty());
            Path parent = absoluteTarget.getParent();
            temporary = parent.resolve("." + absoluteTarget.getFileName() + ".restoring-" + UUID.randomUUID());
            try {
                AtomicFile.createFolders(temporary);
            } catch (IOException e) {
                throw new BackupException(e, "backup.error.restoreWrite", parent, e.getMessage());
            }
            BackupManifest manifest = read(opened, Optional.of(temporary));
            List<UserFacingException> problems = check.problems(temporary);
            if (!problems.isEmpty()) {
                throw new BackupException((Throwable) null, problems, "backup.error.checksFailed", file);
            }
            Optional<Path> aside = moveIntoPlace(temporary, absoluteTarget);
            temporary = null;
            return new Restored(absoluteTarget, aside, manifest);
        } finally {
            opened.forget();
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    /** The file's header read and checked, its end found, and the key derived from the passphrase and checked. */
    private record Opened(Path file, byte[] header, long ciphertextBytes, byte[] key) {
        void forget() {
            Arrays.fill(key, (byte) 0);
        }
    }

    private Opened open(Path file, char[] passphrase) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            BackupHeader header = BackupHeader.read(in, file);
            byte[] headerBytes = header.toBytes();
            long size = Files.size(file);
            if (size < headerBytes.length + BackupTrailer.BYTES || !BackupTrailer.ends(lastBytes(file), size)) {
                throw new BackupException("backup.error.truncated", file);
            }
            PassphraseKey.Derived derived = PassphraseKey.derive(passphrase, header.cost(), header.salt());
            if (!derived.matches(header.check())) {
                Arrays.fill(derived.key(), (byte) 0);
                throw new BackupException("backup.error.wrongPassphrase", file);
            }
            return new Opened(file, headerBytes, size - headerBytes.length - BackupTrailer.BYTES, derived.key());
        } catch (NoSuchFileException e) {
            throw new BackupException(e, "backup.error.missing", file);
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.read", file, e.getMessage());
        }
    }

    private static byte[] lastBytes(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "r")) {
            byte[] last = new byte[BackupTrailer.BYTES];
            raw.seek(raw.length() - last.length);
            raw.readFully(last);
            return last;
        }
    }

    /**
     * Reads the content through to its end, checking every file's size and SHA-256 against the manifest, and, given
     * a folder, writes each file there. Reading to the end is what makes the encryption's last check run.
     */
    private BackupManifest read(Opened opened, Optional<Path> into) {
        Path file = opened.file();
        try (InputStream raw = Files.newInputStream(file)) {
            raw.skipNBytes(opened.header().length);
            InputStream ciphertext = new BufferedInputStream(limited(raw, opened.ciphertextBytes()), COPY_BUFFER);
            try (DataInputStream plain = new DataInputStream(ContentCipher.decrypting(opened.key(), ciphertext, opened.header()))) {
                int manifestLength = plain.readInt();
                if (manifestLength < 0 || manifestLength > BackupManifest.MAX_BYTES) {
                    throw new BackupException("backup.error.manifest", file, "length " + manifestLength);
                }
                BackupManifest manifest = BackupManifest.parse(plain.readNBytes(manifestLength), databaseFile);
                for (BackupManifest.Entry entry : manifest.files()) {
                    String sha256 = into.isPresent() ? extract(plain, entry, into.get()) : hash(plain, entry.size(), OutputStream.nullOutputStream());
                    if (!sha256.equals(entry.sha256())) {
                        throw new BackupException("backup.error.fileHash", file, entry.path());
                    }
                }
                if (plain.read() >= 0) {
                    throw new BackupException("backup.error.manifest", file, "bytes after the last file");
                }
                return manifest;
            }
        } catch (ContentCipher.Broken e) {
            throw new BackupException(e, "backup.error.changed", file);
        } catch (EOFException e) {
            throw new BackupException(e, "backup.error.manifest", file, "content ends before the last file");
        } catch (BackupManifest.MalformedManifest e) {
            throw new BackupException(e, "backup.error.manifest", file, e.getMessage());
        } catch (ExtractionFailed e) {
            throw new BackupException(e.getCause(), "backup.error.restoreWrite", into.orElseThrow(), e.getCause().getMessage());
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.read", file, e.getMessage());
        }
    }

    /** Writes one file into the temporary folder, durably, and returns the SHA-256 of what was written. */
    private static String extract(InputStream plain, BackupManifest.Entry entry, Path folder) throws IOException {
        Path target = folder.resolve(entry.path());
        String[] sha256 = new String[1];
        try {
            AtomicFile.createFolders(target.getParent());
            AtomicFile.write(target, AtomicFile.IfExists.REFUSE, out -> sha256[0] = hash(plain, entry.size(), new MarkedWrites(out)));
        } catch (ExtractionFailed | ContentCipher.Broken | EOFException e) {
            throw e;
        } catch (IOException e) {
            throw new ExtractionFailed(e); // making the folder, forcing or renaming the file
        }
        return sha256[0];
    }

    /** Reads exactly {@code size} bytes, passing them on, and returns their SHA-256. */
    private static String hash(InputStream in, long size, OutputStream out) throws IOException {
        var digest = BackupService.sha256();
        byte[] buffer = new byte[COPY_BUFFER];
        for (long left = size; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException();
            }
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
            left -= read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first {@code count} bytes of {@code in}: the ciphertext without the trailer after it. */
    private static InputStream limited(InputStream in, long count) {
        return new FilterInputStream(in) {
            private long left = count;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b >= 0 ? 1 : 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = super.read(buffer, offset, (int) Math.min(length, left));
                left -= Math.max(read, 0);
                return read;
            }
        };
    }

    /**
     * Moves the checked copy to the target's name. A target that holds data is renamed first to a name of its own
     * beside it (and renamed back if the copy cannot follow); an empty one is removed.
     */
    private Optional<Path> moveIntoPlace(Path checked, Path target) {
        Optional<Path> aside = Optional.empty();
        try {
            if (holdsData(target)) {
                Path keep = target.resolveSibling(target.getFileName() + ".before-restore-" + LocalDateTime.now(clock).format(ASIDE_TIME));
                Files.move(target, keep, StandardCopyOption.ATOMIC_MOVE);
                aside = Optional.of(keep);
            } else {
                Files.deleteIfExists(target);
            }
        } catch (DirectoryNotEmptyException e) {
            throw new BackupException(e, "backup.error.targetExists", target);
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.moveAside", target, e.getMessage());
        }
        try {
            Files.move(checked, target, StandardCopyOption.ATOMIC_MOVE);
            // Both renames (the old folder aside, the restored one in) are entries of the parent: forced together, a
            // power cut cannot leave the data folder's name pointing at neither.
            AtomicFile.forceFolder(target.getParent());
            return aside;
        } catch (IOException e) {
            if (aside.isPresent()) {
                try {
                    Files.move(aside.get(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw new BackupException(e, "backup.error.restoreWrite", target, e.getMessage());
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder with a name of its own, beside the target: what failed is what to report.
        }
    }

    /** A write into the temporary folder failed, as opposed to the backup file's own reading. */
    private static final class ExtractionFailed extends IOException {
        private static final long serialVersionUID = 1L;

        ExtractionFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Marks failures of writing so that they are not taken for failures of reading the backup. */
    private static final class MarkedWrites extends java.io.FilterOutputStream {

        MarkedWrites(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new ExtractionFailed(e);
            }
        }
    }
}
