package jp.tachiiri.model;

import java.util.Optional;

/** The facility attributes that decide which catalog items apply and which advice fits. */
public enum FacilityAttribute {
    LICENSED_BEDS("licensedBeds", true),
    HAS_MEDICAL_INFORMATION_SYSTEM("hasMedicalInformationSystem", false),
    HAS_VENDOR_CONTRACT("hasVendorContract", false),
    USES_EMR("usesEmr", false);

    private final String id;
    private final boolean numeric;

    FacilityAttribute(String id, boolean numeric) {
        this.id = id;
        this.numeric = numeric;
    }

    /** The name used in catalog files. */
    public String id() {
        return id;
    }

    public boolean isNumeric() {
        return numeric;
    }

    public static Optional<FacilityAttribute> fromId(String id) {
        for (FacilityAttribute attribute : values()) {
            if (attribute.id.equals(id)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
