package jp.tachiiri.bundle;

/**
 * What a bundle carries: findings from a tablet to the office, assignments and results back, or a device's enrolment
 * (its keys and role, so that the other side can seal bundles to it once a person compared the fingerprint).
 */
public enum BundleKind {
    FINDINGS("findings"),
    ASSIGNMENTS("assignments"),
    ENROLMENT("enrolment");

    private final String wireName;

    BundleKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static BundleKind fromWire(String name) {
        for (BundleKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown bundle kind " + name);
    }
}
