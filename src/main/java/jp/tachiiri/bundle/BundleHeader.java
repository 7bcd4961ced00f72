package jp.tachiiri.bundle;

import java.time.Instant;

/**
 * Who sent a bundle, when, and what it is: the sender's signing key, and its sealing key ({@code null} in a bundle of
 * format 2.x, which had none); whether it came sealed to this installation.
 */
public record BundleHeader(String bundleId, BundleKind kind, Instant createdAt, String deviceId, String publicKeyHex,
                           String sealingKeyHex, boolean sealed) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex, sealingKeyHex);
    }
}
