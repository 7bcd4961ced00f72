package jp.tachiiri.sync;

/** Whether bundles signed by a device are imported here. */
public enum DeviceStatus {
    /** Seen, not yet accepted: its bundles wait. */
    PENDING,
    TRUSTED,
    /** Refused: its bundles are rejected. */
    REFUSED
}
