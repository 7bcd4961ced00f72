package jp.tachiiri.bundle;

import java.time.Instant;

/** Who sent a bundle, when, and what it is. */
public record BundleHeader(String bundleId, BundleKind kind, Instant createdAt, String deviceId, String publicKeyHex) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex);
    }
}
