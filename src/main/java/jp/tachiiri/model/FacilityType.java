package jp.tachiiri.model;

import java.util.Optional;

/**
 * What kind of facility is inspected, as 医療法 defines it (第1条の5): a hospital has beds for 20 or more
 * inpatients, a clinic none or up to 19. All three are inspected with the same checklist; the advice differs.
 * Pharmacies fill in a different form (薬局確認用) and are not inspected under 医療法第25条, so they are not a
 * type here.
 */
public enum FacilityType implements Spelled {
    HOSPITAL("hospital", 20, Integer.MAX_VALUE),
    CLINIC_WITH_BEDS("clinicWithBeds", 1, 19),
    CLINIC_WITHOUT_BEDS("clinicWithoutBeds", 0, 0);

    private final String id;
    private final int minBeds;
    private final int maxBeds;

    FacilityType(String id, int minBeds, int maxBeds) {
        this.id = id;
        this.minBeds = minBeds;
        this.maxBeds = maxBeds;
    }

    /** The name used in catalog files, bundles and the store. */
    @Override
    public String id() {
        return id;
    }

    public int minBeds() {
        return minBeds;
    }

    public int maxBeds() {
        return maxBeds;
    }

    /** Whether a facility of this type can have this many licensed beds. */
    public boolean allows(int licensedBeds) {
        return licensedBeds >= minBeds && licensedBeds <= maxBeds;
    }

    /** The type the bed count alone implies: how facilities recorded before types existed are classified. */
    public static FacilityType byBeds(int licensedBeds) {
        for (FacilityType type : values()) {
            if (type.allows(licensedBeds)) {
                return type;
            }
        }
        throw new IllegalArgumentException("licensed beds cannot be negative: " + licensedBeds);
    }

    public static Optional<FacilityType> fromId(String id) {
        return Spelled.parse(FacilityType.class, id);
    }
}
