package jp.tachiiri.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Encrypts and decrypts a stream with one 32-byte key: Tink's streaming AEAD with its predefined parameters
 * AES256_GCM_HKDF_1MB (a fresh key per stream derived with HKDF from the key, a random salt and the associated
 * data; 1 MB segments, each authenticated, the last one marked). Memory stays at one segment whatever the size,
 * and a stream cut short, reordered or changed anywhere fails at the segment where it differs. Bundles (a random
 * key per bundle) and backups (a key derived from a passphrase) both use it.
 */
public final class ContentCipher {

    public static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The ciphertext failed its authentication: changed, cut short or made with another key or associated data. */
    public static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private ContentCipher() {
    }

    /** A new random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Writes the ciphertext of what is written to the returned stream into {@code out}; closing it ends the stream. */
    public static OutputStream encrypting(byte[] key, OutputStream out, byte[] associatedData) throws IOException {
        try {
            return aead(key).newEncryptingStream(out, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
        }
    }

    /**
     * The plaintext of the ciphertext {@code in}. A failure of {@code in} itself (a disk) comes through as it is;
     * a ciphertext that fails authentication is a {@link Broken}, at the first segment that does.
     */
    public static InputStream decrypting(byte[] key, InputStream in, byte[] associatedData) throws IOException {
        InputStream plain;
        try {
            plain = aead(key).newDecryptingStream(new SourceStream(in), associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
        }
        return new FilterInputStream(plain) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw classified(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw classified(e);
                }
            }

            @Override
            public long skip(long count) throws IOException {
                try {
                    return super.skip(count);
                } catch (IOException e) {
                    throw classified(e);
                }
            }
        };
    }

    private static IOException classified(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceStream.Failure failure) {
                return failure.original();
            }
        }
        return new Broken(e);
    }

    private static StreamingAead aead(byte[] key) throws GeneralSecurityException {
        AesGcmHkdfStreamingParameters parameters =
                PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB;
        return AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(parameters,
                SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())));
    }

    /** The ciphertext's own stream, marking its failures so that they are not taken for a broken ciphertext. */
    private static final class SourceStream extends FilterInputStream {

        static final class Failure extends IOException {
            private static final long serialVersionUID = 1L;
            private final transient IOException original;

            Failure(IOException original) {
                super(original.getMessage(), original);
                this.original = original;
            }

            IOException original() {
                return original;
            }
        }

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new Failure(e);
            }
        }
    }
}
