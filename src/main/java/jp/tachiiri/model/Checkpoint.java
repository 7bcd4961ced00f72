package jp.tachiiri.model;

import java.util.Optional;

/** The four points the FY2022 MHLW notice asks inspectors to confirm, in the notice's order. */
public enum Checkpoint implements Spelled {
    VULNERABILITY("vulnerability"),
    BACKUP("backup"),
    RECOVERY("recovery"),
    CONTACT("contact");

    private final String id;

    Checkpoint(String id) {
        this.id = id;
    }

    /** The id used in catalog files and bundles. */
    @Override
    public String id() {
        return id;
    }

    public static Optional<Checkpoint> fromId(String id) {
        return Spelled.parse(Checkpoint.class, id);
    }
}
