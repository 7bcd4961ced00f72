package jp.tachiiri.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentCipherTest {

    private static final byte[] CONTEXT = "bundle context".getBytes(StandardCharsets.US_ASCII);
    private final byte[] key = ContentCipher.newKey();
    private final byte[] plain = randomBytes(3 * 1024 * 1024 + 17);

    @Test
    void aStreamOfSeveralSegmentsComesBackByteForByte() throws IOException {
        byte[] sealed = encrypt(plain, key, CONTEXT);

        assertThat(decrypt(sealed, key, CONTEXT)).isEqualTo(plain);
        assertThat(Arrays.equals(Arrays.copyOfRange(sealed, 100, 200), Arrays.copyOfRange(plain, 100, 200))).isFalse();
    }

    @Test
    void aChangedByteAnywhereIsBroken() throws IOException {
        byte[] sealed = encrypt(plain, key, CONTEXT);
        for (int at : new int[] {0, 40, 1024 * 1024 + 5, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[at] ^= 1;
            assertThatThrownBy(() -> decrypt(changed, key, CONTEXT)).as("byte %d", at).isInstanceOf(ContentCipher.Broken.class);
        }
    }

    @Test
    void aCiphertextCutAtASegmentBoundaryIsBroken() throws IOException {
        byte[] sealed = encrypt(plain, key, CONTEXT);
        byte[] cut = Arrays.copyOf(sealed, sealed.length - (plain.length - 3 * 1024 * 1024) - 40);

        assertThatThrownBy(() -> decrypt(cut, key, CONTEXT)).isInstanceOf(ContentCipher.Broken.class);
    }

    @Test
    void anotherKeyOrAnotherContextOpensNothing() throws IOException {
        byte[] sealed = encrypt(plain, key, CONTEXT);

        assertThatThrownBy(() -> decrypt(sealed, ContentCipher.newKey(), CONTEXT)).isInstanceOf(ContentCipher.Broken.class);
        assertThatThrownBy(() -> decrypt(sealed, key, "other".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ContentCipher.Broken.class);
    }

    @Test
    void aFailingDiskIsReportedAsItselfNotAsABrokenCiphertext() throws IOException {
        byte[] sealed = encrypt(plain, key, CONTEXT);
        IOException disk = new IOException("Input/output error");
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(sealed)) {
            private long read;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read > 2 * 1024 * 1024) {
                    throw disk;
                }
                int count = super.read(buffer, offset, length);
                read += Math.max(0, count);
                return count;
            }
        };

        assertThatThrownBy(() -> ContentCipher.decrypting(key, failing, CONTEXT).readAllBytes()).isSameAs(disk);
    }

    private static byte[] encrypt(byte[] plain, byte[] key, byte[] context) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = ContentCipher.encrypting(key, sealed, context)) {
            out.write(plain);
        }
        return sealed.toByteArray();
    }

    private static byte[] decrypt(byte[] sealed, byte[] key, byte[] context) throws IOException {
        try (InputStream in = ContentCipher.decrypting(key, new ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
