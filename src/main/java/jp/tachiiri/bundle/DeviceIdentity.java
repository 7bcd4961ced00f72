package jp.tachiiri.bundle;

import java.security.PrivateKey;
import jp.tachiiri.crypto.SealingKeys;

/**
 * This installation as bundles name it: its id, its Ed25519 key pair that signs what it sends, and its HPKE key pair
 * that opens what is sent to it (the private halves never leave the device).
 */
public record DeviceIdentity(String deviceId, String publicKeyHex, PrivateKey privateKey, SealingKeys.Pair sealing) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex, sealing.publicKeyHex());
    }

    /** This installation as a recipient of bundles. */
    public Recipient asRecipient() {
        return new Recipient(deviceId, publicKeyHex, sealing.publicKeyHex());
    }

    String sign(byte[] message) {
        return DeviceKeys.sign(privateKey, message);
    }
}
