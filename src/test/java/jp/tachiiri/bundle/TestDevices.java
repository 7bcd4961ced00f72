package jp.tachiiri.bundle;

import com.google.crypto.tink.subtle.X25519;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.crypto.SealingKeys;

/** Devices for the bundle tests: made afresh, or from fixed keys for files that are committed. */
public final class TestDevices {

    private TestDevices() {
    }

    /** A device with new keys of both kinds. */
    public static DeviceIdentity fresh(String deviceId) {
        KeyPair signing = DeviceKeys.generate();
        return new DeviceIdentity(deviceId, DeviceKeys.publicKeyHex(signing.getPublic()), signing.getPrivate(),
                SealingKeys.generate());
    }

    /** The same device id with other keys of both kinds. */
    public static DeviceIdentity withOtherKeys(DeviceIdentity device) {
        return fresh(device.deviceId());
    }

    /** A device of fixed keys: an Ed25519 key pair and the X25519 private key {@code sealingPrivate}. */
    static DeviceIdentity fixed(String deviceId, KeyPair signing, byte[] sealingPrivate) {
        return new DeviceIdentity(deviceId, DeviceKeys.publicKeyHex(signing.getPublic()), signing.getPrivate(),
                sealingPair(sealingPrivate));
    }

    /** The X25519 key pair of a private key. */
    static SealingKeys.Pair sealingPair(byte[] sealingPrivate) {
        try {
            return new SealingKeys.Pair(HexFormat.of().formatHex(X25519.publicFromPrivate(sealingPrivate)), sealingPrivate.clone());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    /**
     * {@code signedBundle} (the bytes of a signed bundle, whatever they say) sealed by {@code sender} to
     * {@code recipients}, as the writer seals: for files the writer would never make.
     */
    static byte[] seal(byte[] signedBundle, DeviceIdentity sender, List<Recipient> recipients) {
        byte[] contentKey = ContentCipher.newKey();
        SealedEnvelope envelope = SealedEnvelope.seal(sender, recipients, contentKey);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(envelope.line());
        try (OutputStream content = ContentCipher.encrypting(contentKey, file, envelope.line())) {
            content.write(signedBundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toByteArray();
    }
}
