package jp.tachiiri.model;

import java.util.List;

/** A hospital to be inspected, with the attributes that decide which items apply to it. */
public record Facility(
        String id,
        String code,
        String name,
        String kana,
        String address,
        int licensedBeds,
        boolean hasMedicalInformationSystem,
        boolean usesEmr,
        List<VendorContract> vendors,
        boolean demo) {

    public Facility {
        vendors = List.copyOf(vendors);
    }

    public FacilityProfile profile() {
        return new FacilityProfile(licensedBeds, hasMedicalInformationSystem, !vendors.isEmpty(), usesEmr);
    }
}
