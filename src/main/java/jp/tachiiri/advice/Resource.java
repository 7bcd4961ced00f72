package jp.tachiiri.advice;

import java.util.ArrayList;
import java.util.List;
import jp.tachiiri.model.FacilityProfile;

/**
 * The help and duties the printout points a hospital to, chosen by its attributes. Texts are in the message
 * bundles under {@code advice.resource.<NAME>.title / .body}.
 */
public enum Resource {
    /** サイバーセキュリティお助け隊: monitoring and call-out for hospitals that cannot respond alone. */
    OTASUKETAI,
    /** The ministry's training materials for medical institutions. */
    MHLW_TRAINING,
    /** 診療録管理体制加算 (A207) duties for 200+ beds since the 2024 revision. */
    A207_200_BEDS,
    /** The A207 duty of a dedicated security manager for 400+ beds since 2022. */
    A207_400_BEDS,
    /** Reporting a leak to the Personal Information Protection Commission (速報 3–5 days, 確報 30/60 days). */
    PPC_REPORTING,
    /** Reporting an incident to MHLW under the security guideline. */
    MHLW_REPORTING;

    /** The resources for a facility, in the order the printout lists them. */
    public static List<Resource> forFacility(FacilityProfile facility) {
        List<Resource> resources = new ArrayList<>();
        if (facility.licensedBeds() < 200) {
            resources.add(OTASUKETAI);
            resources.add(MHLW_TRAINING);
        } else {
            resources.add(A207_200_BEDS);
            if (facility.licensedBeds() >= 400) {
                resources.add(A207_400_BEDS);
            }
        }
        resources.add(PPC_REPORTING);
        resources.add(MHLW_REPORTING);
        return resources;
    }
}
