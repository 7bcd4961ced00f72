package jp.tachiiri.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last 16 bytes of a backup file: a magic and the file's whole length. A copy cut short ends in the middle of
 * the ciphertext instead, so it is told as cut short before any passphrase is tried; the encryption itself would
 * only say that the content does not authenticate.
 */
final class BackupTrailer {

    static final int BYTES = 16;
    private static final byte[] MAGIC = "TCHIBEND".getBytes(StandardCharsets.US_ASCII);

    private BackupTrailer() {
    }

    /** Writes the trailer after {@code written} bytes of header and ciphertext. */
    static void write(OutputStream out, long written) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeLong(written + BYTES);
        data.flush();
    }

    /** Whether {@code last} (the file's last 16 bytes) is the trailer of a file of {@code fileSize} bytes. */
    static boolean ends(byte[] last, long fileSize) {
        return last.length == BYTES && Arrays.equals(Arrays.copyOf(last, MAGIC.length), MAGIC)
                && ByteBuffer.wrap(last, MAGIC.length, Long.BYTES).getLong() == fileSize;
    }
}
