package jp.tachiiri.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A key for {@link ContentCipher} derived from a passphrase with Argon2id (RFC 9106, version 0x13), and a check value
 * that tells a wrong passphrase from a damaged ciphertext: one Argon2id output of 48 bytes, the first 32 the key,
 * the last 16 the check value stored beside the ciphertext. The check value says nothing about the key (both are
 * independent parts of one hash output) and costs an attacker a whole Argon2id run per guess, like the key itself.
 */
public final class PassphraseKey {

    public static final int SALT_BYTES = 16;
    public static final int CHECK_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The cost of one derivation. {@link #RECOMMENDED} is RFC 9106's second recommendation (64 MiB, 3 passes, 4
     * lanes), for machines where 2 GiB for the first one is too much: a modest tablet bears 64 MiB, and one
     * derivation takes a fraction of a second there.
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        public static final Cost RECOMMENDED = new Cost(64 * 1024, 3, 4);
        /** What a file may ask for: more memory than this, or more passes, would stall or exhaust a tablet. */
        public static final int MAX_MEMORY_KIB = 1024 * 1024;
        public static final int MAX_ITERATIONS = 64;
        public static final int MAX_PARALLELISM = 16;

        /** Whether the cost is one Argon2id allows (RFC 9106: at least 8 KiB per lane) and this app will pay. */
        public boolean acceptable() {
            return parallelism >= 1 && parallelism <= MAX_PARALLELISM && iterations >= 1 && iterations <= MAX_ITERATIONS
                    && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
        }
    }

    /** The derived key and its check value. */
    public record Derived(byte[] key, byte[] check) {

        /** Whether {@code stored} is this derivation's check value, compared in constant time. */
        public boolean matches(byte[] stored) {
            return MessageDigest.isEqual(check, stored);
        }
    }

    private PassphraseKey() {
    }

    /** A new random salt. */
    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /**
     * Derives the key and check value. The passphrase is taken in Unicode NFC, so that the same words typed with
     * another input method (a kana with its sound mark as one character or two) give the same key.
     */
    public static Derived derive(char[] passphrase, Cost cost, byte[] salt) {
        if (!cost.acceptable()) {
            throw new IllegalArgumentException("Argon2id cost out of bounds: " + cost);
        }
        byte[] secret = utf8(Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC));
        byte[] output = new byte[ContentCipher.KEY_BYTES + CHECK_BYTES];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKiB())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.parallelism())
                    .withSalt(salt)
                    .build());
            generator.generateBytes(secret, output);
            return new Derived(Arrays.copyOf(output, ContentCipher.KEY_BYTES),
                    Arrays.copyOfRange(output, ContentCipher.KEY_BYTES, output.length));
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(output, (byte) 0);
        }
    }

    private static byte[] utf8(String text) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(text);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
