package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The values of the {@link FacilityAttribute}s for one facility on one day (the inspection's): the day decides
 * which fee add-on claims count, since a claim starts on a day and an add-on's conditions change with revisions.
 */
public record FacilityProfile(
        FacilityType type,
        int licensedBeds,
        boolean hasMedicalInformationSystem,
        boolean hasVendorContract,
        boolean usesEmr,
        List<FeeAddOnClaim> feeAddOnClaims,
        LocalDate day) {

    public FacilityProfile {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(day, "day");
        if (licensedBeds < 0) {
            throw new IllegalArgumentException("licensed beds cannot be negative: " + licensedBeds);
        }
        feeAddOnClaims = List.copyOf(feeAddOnClaims);
    }

    public boolean flag(FacilityAttribute attribute) {
        return switch (attribute) {
            case HAS_MEDICAL_INFORMATION_SYSTEM -> hasMedicalInformationSystem;
            case HAS_VENDOR_CONTRACT -> hasVendorContract;
            case USES_EMR -> usesEmr;
            default -> throw new IllegalArgumentException(attribute.id() + " is not a yes/no attribute");
        };
    }

    /** The facility claims the add-on on {@link #day}. */
    public boolean claims(String addOnId) {
        return feeAddOnClaims.stream().anyMatch(claim -> claim.coversDay(addOnId, day));
    }

    /** The same facility as having a medical information system (the gate question not answered いいえ). */
    public FacilityProfile withMedicalInformationSystem() {
        return new FacilityProfile(type, licensedBeds, true, hasVendorContract, usesEmr, feeAddOnClaims, day);
    }
}
