package jp.tachiiri.testsupport;

import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;

/** Facility profiles for tests that vary only beds and the yes/no attributes: the type the beds imply, no add-on. */
public final class Profiles {

    /** A day of FY2026, when the 2026.1 catalog's rules are in force. */
    public static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    private Profiles() {
    }

    public static FacilityProfile of(int beds, boolean medicalInformationSystem, boolean vendorContract, boolean emr) {
        return new FacilityProfile(FacilityType.byBeds(beds), beds, medicalInformationSystem, vendorContract, emr,
                List.of(), DAY);
    }
}
