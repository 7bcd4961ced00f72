package jp.tachiiri.sync;

import java.time.Instant;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.DeviceKeys;

/** A device whose bundles arrived here, with the key it first came with and what was decided about it. */
public record KnownDevice(String deviceId, String publicKeyHex, BundleKind kind, DeviceStatus status,
                          Instant firstSeenAt, String firstFile) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex);
    }
}
