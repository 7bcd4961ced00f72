package jp.tachiiri.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import jp.tachiiri.crypto.PassphraseKey;

/**
 * The clear part at the start of a backup file, byte by byte in docs/backup.md: the magic, the format version, the
 * key derivation and its cost, the salt, the passphrase check value and a SHA-256 of all of these. All of it is the
 * associated data of the encryption, so a change anywhere in it makes the content unreadable; its own SHA-256 only
 * tells such a change (a damaged copy) from a wrong passphrase, which would otherwise look alike.
 */
record BackupHeader(int formatVersion, PassphraseKey.Cost cost, byte[] salt, byte[] check) {

    static final byte[] MAGIC = "TCHIBKUP".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    /** Argon2id, version 0x13 (RFC 9106). */
    static final int KDF_ARGON2ID = 1;
    private static final int DIGEST_BYTES = 32;
    private static final int MIN_FIELD = 16;
    private static final int MAX_FIELD = 64;

    /** The header's bytes as written, its SHA-256 at the end. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(formatVersion);
            out.writeByte(KDF_ARGON2ID);
            out.writeInt(cost.memoryKiB());
            out.writeInt(cost.iterations());
            out.writeByte(cost.parallelism());
            out.writeByte(salt.length);
            out.write(salt);
            out.writeByte(check.length);
            out.write(check);
            out.write(sha256(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the header at the start of {@code in}, refusing a file that is not a backup, one of a newer format, one
     * whose header was changed and one that asks for a cost this app will not pay; a file that ends inside the
     * header is cut short.
     */
    static BackupHeader read(InputStream in, Path file) throws IOException {
        DataInputStream data = new DataInputStream(in);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try {
            byte[] magic = readBytes(data, MAGIC.length, seen);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new BackupException("backup.error.notBackup", file);
            }
            int version = readUnsigned(data, 2, seen);
            if (version > FORMAT_VERSION) {
                throw new BackupException("backup.error.newerFormat", file, version, FORMAT_VERSION);
            }
            int kdf = readUnsigned(data, 1, seen);
            PassphraseKey.Cost cost = new PassphraseKey.Cost(readUnsigned(data, 4, seen), readUnsigned(data, 4, seen),
                    readUnsigned(data, 1, seen));
            int saltLength = readUnsigned(data, 1, seen);
            byte[] salt = readBytes(data, saltLength, seen);
            int checkLength = readUnsigned(data, 1, seen);
            byte[] check = readBytes(data, checkLength, seen);
            byte[] digest = readBytes(data, DIGEST_BYTES, new ByteArrayOutputStream());
            if (!MessageDigest.isEqual(digest, sha256(seen.toByteArray()))) {
                throw new BackupException("backup.error.headerChanged", file);
            }
            if (version < 1 || kdf != KDF_ARGON2ID || outOfRange(saltLength) || outOfRange(checkLength)) {
                throw new BackupException("backup.error.newerFormat", file, version, FORMAT_VERSION);
            }
            if (!cost.acceptable()) {
                throw new BackupException("backup.error.cost", file, cost.memoryKiB(), cost.iterations(), cost.parallelism());
            }
            return new BackupHeader(version, cost, salt, check);
        } catch (EOFException cut) {
            throw new BackupException(cut, "backup.error.truncated", file);
        }
    }

    private static boolean outOfRange(int length) {
        return length < MIN_FIELD || length > MAX_FIELD;
    }

    private static byte[] readBytes(DataInputStream data, int count, ByteArrayOutputStream seen) throws IOException {
        byte[] bytes = new byte[count];
        data.readFully(bytes);
        seen.write(bytes);
        return bytes;
    }

    private static int readUnsigned(DataInputStream data, int count, ByteArrayOutputStream seen) throws IOException {
        byte[] bytes = readBytes(data, count, seen);
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xff);
        }
        // Four bytes can exceed an int; such a cost is out of bounds anyway, and acceptable() refuses it.
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
