package jp.tachiiri.sync;

import java.time.Instant;
import jp.tachiiri.bundle.DeviceKeys;
import jp.tachiiri.bundle.Recipient;
import jp.tachiiri.model.Role;

/**
 * A device whose bundles arrived here, with the signing key it first came with, its sealing key ({@code null} while
 * it is known from bundles of format 2.x only), the role it is enrolled for (at an office, inspectors' tablets; at
 * a tablet, its office) and what was decided about it.
 */
public record KnownDevice(String deviceId, String publicKeyHex, String sealingKeyHex, Role role, DeviceStatus status,
                          Instant firstSeenAt, String firstFile) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex, sealingKeyHex);
    }

    /** Whether bundles can be sealed to it: it is trusted and its sealing key is known. */
    public boolean canReceiveSealed() {
        return status == DeviceStatus.TRUSTED && sealingKeyHex != null;
    }

    /** Whether an office can seal assignments to it: an inspector's tablet that {@link #canReceiveSealed}. */
    public boolean canReceiveAssignments() {
        return role == Role.INSPECTOR && canReceiveSealed();
    }

    /** The device as a recipient of sealed bundles; only for one that {@link #canReceiveSealed}. */
    public Recipient asRecipient() {
        return new Recipient(deviceId, publicKeyHex, sealingKeyHex);
    }
}
