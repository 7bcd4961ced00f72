package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A facility to be inspected, with the attributes that decide which items apply to it. */
public record Facility(
        String id,
        String code,
        String name,
        String kana,
        String address,
        FacilityType type,
        int licensedBeds,
        boolean hasMedicalInformationSystem,
        boolean usesEmr,
        List<VendorContract> vendors,
        List<FeeAddOnClaim> feeAddOnClaims,
        boolean demo) {

    public Facility {
        Objects.requireNonNull(type, "type");
        if (!type.allows(licensedBeds)) {
            throw new IllegalArgumentException(type.id() + " with " + licensedBeds + " licensed beds");
        }
        vendors = List.copyOf(vendors);
        feeAddOnClaims = List.copyOf(feeAddOnClaims);
        if (feeAddOnClaims.stream().map(FeeAddOnClaim::addOnId).distinct().count() != feeAddOnClaims.size()) {
            throw new IllegalArgumentException("a fee add-on claimed twice: " + feeAddOnClaims);
        }
    }

    /** The facility's attributes as they count on {@code day} (the inspection's). */
    public FacilityProfile profileOn(LocalDate day) {
        return new FacilityProfile(type, licensedBeds, hasMedicalInformationSystem, !vendors.isEmpty(), usesEmr,
                feeAddOnClaims, day);
    }
}
