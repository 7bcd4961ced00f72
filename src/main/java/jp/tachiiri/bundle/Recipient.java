package jp.tachiiri.bundle;

/** A device a bundle is sealed to: its id and both its public keys, whose fingerprint names it on the envelope. */
public record Recipient(String deviceId, String publicKeyHex, String sealingKeyHex) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex, sealingKeyHex);
    }
}
