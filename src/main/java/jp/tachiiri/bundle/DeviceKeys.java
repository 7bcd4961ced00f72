package jp.tachiiri.bundle;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 as the JDK has it, with keys in the forms bundles and the store use: a public key as its 32 raw
 * bytes in lowercase hex, a private key as PKCS#8 bytes, a signature as 64 bytes in lowercase hex. Hex rather
 * than base64 because every hex digit is significant: no two spellings of one key or signature exist.
 */
public final class DeviceKeys {

    private static final String ALGORITHM = "Ed25519";
    /** The fixed DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int RAW_KEY_LENGTH = 32;

    private DeviceKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    public static String publicKeyHex(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - RAW_KEY_LENGTH, encoded.length));
    }

    /** The public key for 64 hex digits; throws IllegalArgumentException for anything that is not one. */
    public static PublicKey publicKey(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        if (raw.length != RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_KEY_LENGTH);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_KEY_LENGTH);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    public static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with the device key failed", e);
        }
    }

    /** False for a wrong signature and for one that is not 64 bytes of hex. */
    public static boolean verify(PublicKey key, byte[] message, String signatureHex) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What people compare on two screens before trusting a device: the first 80 bits of the SHA-256 of its keys as
     * five groups of four hex digits, e.g. {@code 3F2A-91C0-77B4-0D1E-5A60}. It covers both keys a device has since
     * format 3.0, the signing key's 32 bytes followed by the sealing key's, so that comparing it vouches for both; a
     * device known only by a signing key (a bundle of format 2.x) is fingerprinted by that key alone.
     */
    public static String fingerprint(String publicKeyHex, String sealingKeyHex) {
        String keys = sealingKeyHex == null ? publicKeyHex : publicKeyHex + sealingKeyHex;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(keys));
            String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 10);
            return String.join("-", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12), hex.substring(12, 16),
                    hex.substring(16, 20));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * As much of an untrusted device's fingerprint as is shown: the first group ({@code A1CC-????-????-????-????}); the
     * rest is read off the device's own screen.
     */
    public static String masked(String fingerprint) {
        return fingerprint.substring(0, fingerprint.indexOf('-')) + "-????".repeat(4);
    }
}
