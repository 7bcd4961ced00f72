package jp.tachiiri.bundle;

/** What a bundle carries: findings from a tablet to the office, or assignments and results back. */
public enum BundleKind {
    FINDINGS("findings"),
    ASSIGNMENTS("assignments");

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
