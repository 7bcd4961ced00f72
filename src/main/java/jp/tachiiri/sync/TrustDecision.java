package jp.tachiiri.sync;

import java.time.Instant;
import java.util.Optional;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.model.Role;

/**
 * One decision about a device, stored with its event of the device-trust trail in one transaction: the
 * device's new status (a device seen for the first time is added from its bundle's header), the office it
 * replaces on a change of office, and the reason a person gave.
 */
public record TrustDecision(Action action, String deviceId, Optional<BundleHeader> firstSeen, Role role, String firstFile,
                            DeviceStatus status, Optional<String> replacedOffice, String reason, String actor, Instant at) {

    /** What was decided, as the trail names it. */
    public enum Action {
        /** Accepted after a person compared the fingerprint on both screens. */
        DEVICE_ACCEPTED,
        /** Trusted on import by --trust-new-devices, without a comparison. */
        DEVICE_TRUSTED_UNCOMPARED,
        DEVICE_REFUSED,
        /** A tablet's office replaced by another, with a reason. */
        OFFICE_CHANGED,
        /**
         * A device trusted with its signing key brought its sealing key in a bundle that key signed (a device first
         * known from bundles of format 2.x): no comparison is needed, the trusted key vouches for it.
         */
        SEALING_KEY_LEARNED
    }
}
