package jp.tachiiri.crypto;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HPKE (RFC 9180) as Tink has it, in base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, with no
 * Tink prefix, so a sealed message is exactly HPKE's encapsulated key followed by its ciphertext. A bundle's random
 * content key is sealed to each recipient this way. Keys travel as their 32 raw bytes in lowercase hex, like the
 * signing keys.
 */
public final class SealingKeys {

    /** Raw bytes of an X25519 key, public or private. */
    public static final int KEY_BYTES = 32;
    private static final HpkeParameters PARAMETERS = parameters();

    /** An installation's sealing key pair: the public half travels in its bundles, the private half never leaves it. */
    public record Pair(String publicKeyHex, byte[] privateKey) {
    }

    /** Opening failed: the sealed message was changed, or sealed to another key or with another context. */
    public static final class NotOpened extends Exception {
        private static final long serialVersionUID = 1L;

        NotOpened(GeneralSecurityException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private SealingKeys() {
    }

    public static Pair generate() {
        try {
            HpkePrivateKey key = (HpkePrivateKey) KeysetHandle.generateNew(PARAMETERS).getPrimary().getKey();
            return new Pair(HexFormat.of().formatHex(key.getPublicKey().getPublicKeyBytes().toByteArray()),
                    key.getPrivateKeyBytes().toByteArray(InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 HPKE is part of Tink", e);
        }
    }

    /** Whether {@code hex} is spelt as bundles spell a sealing public key: 64 lowercase hex digits. */
    public static boolean isPublicKey(String hex) {
        return hex != null && hex.matches("[0-9a-f]{" + 2 * KEY_BYTES + "}");
    }

    /**
     * Whether something can be sealed to {@code hex}: spelt as a key, and a point HPKE accepts (not one of X25519's
     * low-order points, which would give every sender the same shared secret and which Tink refuses to seal to).
     */
    public static boolean canSealTo(String hex) {
        if (!isPublicKey(hex)) {
            return false;
        }
        try {
            seal(hex, new byte[0], new byte[0]);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code plaintext} sealed to the holder of {@code recipientPublicHex}, bound to {@code context}. */
    public static byte[] seal(String recipientPublicHex, byte[] plaintext, byte[] context) {
        try {
            HpkePublicKey key = publicKey(recipientPublicHex);
            return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build()
                    .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class).encrypt(plaintext, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a sealing public key: " + recipientPublicHex, e);
        }
    }

    /** The plaintext of a message sealed to {@code pair} with {@code context}. */
    public static byte[] open(Pair pair, byte[] sealed, byte[] context) throws NotOpened {
        HybridDecrypt decrypt;
        try {
            HpkePrivateKey key = HpkePrivateKey.create(publicKey(pair.publicKeyHex()),
                    SecretBytes.copyFrom(pair.privateKey(), InsecureSecretKeyAccess.get()));
            decrypt = KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build()
                    .getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this installation's sealing key is not an X25519 key pair", e);
        }
        try {
            return decrypt.decrypt(sealed, context);
        } catch (GeneralSecurityException e) {
            throw new NotOpened(e);
        }
    }

    private static HpkePublicKey publicKey(String hex) throws GeneralSecurityException {
        if (!isPublicKey(hex)) {
            throw new GeneralSecurityException("a sealing public key is 64 lowercase hex digits");
        }
        return HpkePublicKey.create(PARAMETERS, Bytes.copyFrom(HexFormat.of().parseHex(hex)), null);
    }

    private static HpkeParameters parameters() {
        try {
            HybridConfig.register(); // Tink makes primitives of registered key types only
            return HpkeParameters.builder().setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                    .setKdfId(HpkeParameters.KdfId.HKDF_SHA256).setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                    .setVariant(HpkeParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink supports HPKE with X25519, HKDF-SHA256 and AES-256-GCM", e);
        }
    }
}
