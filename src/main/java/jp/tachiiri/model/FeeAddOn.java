package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A fee add-on of the health-insurance fee schedule whose 施設基準 include security measures, in the version in
 * force for {@code period} (e.g. 診療録管理体制加算1 under the 2024 revision, 2024-06-01 to 2026-05-31). These
 * are conditions of claiming the add-on, checked by the 地方厚生局 — not duties under 医療法 — so the printout
 * states them apart and only for a facility that claims the add-on on the inspection day.
 */
public record FeeAddOn(String id, LocalizedText name, Set<FacilityType> facilityTypes, Period period, String source,
                       List<Requirement> requirements) {

    public FeeAddOn {
        facilityTypes = Set.copyOf(facilityTypes);
        requirements = List.copyOf(requirements);
    }

    /** Whether a facility of this type can claim the add-on (an inpatient add-on needs beds). */
    public boolean claimableBy(FacilityType type) {
        return facilityTypes.contains(type);
    }

    public boolean inForceOn(LocalDate day) {
        return period.contains(day);
    }

    /**
     * The facility claims this add-on on the profile's day, this version of it is in force then, and a facility of its
     * type can claim it.
     */
    public boolean claimedBy(FacilityProfile profile) {
        return inForceOn(profile.day()) && claimableBy(profile.type()) && profile.claims(id);
    }

    /**
     * One condition of the add-on, for facilities meeting {@code when}, with the catalog items it concerns (none for a
     * general statement): data for whoever compares the add-on with the checklist, never a finding of the inspection.
     */
    public record Requirement(List<String> itemIds, List<Condition> when, LocalizedText text) {

        public Requirement {
            itemIds = List.copyOf(itemIds);
            when = List.copyOf(when);
        }

        public boolean appliesTo(FacilityProfile profile) {
            return Condition.allHold(when, profile);
        }
    }
}
