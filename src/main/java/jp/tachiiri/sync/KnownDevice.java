package jp.tachiiri.sync;

import java.time.Instant;
import jp.tachiiri.bundle.DeviceKeys;
import jp.tachiiri.model.Role;

/**
 * A device whose bundles arrived here, with the key it first came with, the role it is enrolled for (at an
 * office, inspectors' tablets; at a tablet, its office) and what was decided about it.
 */
public record KnownDevice(String deviceId, String publicKeyHex, Role role, DeviceStatus status, Instant firstSeenAt,
                          String firstFile) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex);
    }
}
