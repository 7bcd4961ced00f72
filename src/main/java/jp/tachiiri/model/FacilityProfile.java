package jp.tachiiri.model;

/** The values of the {@link FacilityAttribute}s for one facility. */
public record FacilityProfile(
        int licensedBeds, boolean hasMedicalInformationSystem, boolean hasVendorContract, boolean usesEmr) {

    public FacilityProfile {
        if (licensedBeds < 0) {
            throw new IllegalArgumentException("licensed beds cannot be negative: " + licensedBeds);
        }
    }

    public boolean flag(FacilityAttribute attribute) {
        return switch (attribute) {
            case HAS_MEDICAL_INFORMATION_SYSTEM -> hasMedicalInformationSystem;
            case HAS_VENDOR_CONTRACT -> hasVendorContract;
            case USES_EMR -> usesEmr;
            case LICENSED_BEDS -> throw new IllegalArgumentException("licensed beds is a number, not a flag");
        };
    }
}
