package jp.tachiiri.model;

import java.util.List;
import java.util.Set;

/** A condition on a facility's attributes; catalog items and advice variants list the ones that must hold. */
public sealed interface Condition {

    FacilityAttribute attribute();

    boolean holdsFor(FacilityProfile profile);

    /** Whether every condition holds for the facility (an empty list always holds). */
    static boolean allHold(List<Condition> conditions, FacilityProfile profile) {
        return conditions.stream().allMatch(condition -> condition.holdsFor(profile));
    }

    /** Licensed beds are at least {@code beds}. */
    record BedsAtLeast(int beds) implements Condition {
        @Override
        public FacilityAttribute attribute() {
            return FacilityAttribute.LICENSED_BEDS;
        }

        @Override
        public boolean holdsFor(FacilityProfile profile) {
            return profile.licensedBeds() >= beds;
        }
    }

    /** Licensed beds are fewer than {@code beds}. */
    record BedsBelow(int beds) implements Condition {
        @Override
        public FacilityAttribute attribute() {
            return FacilityAttribute.LICENSED_BEDS;
        }

        @Override
        public boolean holdsFor(FacilityProfile profile) {
            return profile.licensedBeds() < beds;
        }
    }

    /** A yes/no attribute has the given value. */
    record FlagEquals(FacilityAttribute attribute, boolean value) implements Condition {
        public FlagEquals {
            if (attribute.kind() != FacilityAttribute.Kind.FLAG) {
                throw new IllegalArgumentException(attribute.id() + " is not a yes/no attribute");
            }
        }

        @Override
        public boolean holdsFor(FacilityProfile profile) {
            return profile.flag(attribute) == value;
        }
    }

    /** The facility is of one of the given types. */
    record FacilityTypeIn(Set<FacilityType> types) implements Condition {
        public FacilityTypeIn {
            types = Set.copyOf(types);
        }

        @Override
        public FacilityAttribute attribute() {
            return FacilityAttribute.FACILITY_TYPE;
        }

        @Override
        public boolean holdsFor(FacilityProfile profile) {
            return types.contains(profile.type());
        }
    }

    /**
     * The facility claims one of the fee add-ons on the day the profile is for, and that version of the add-on is in
     * force then: a claim of 診療録管理体制加算1 says nothing about security after its security conditions ended.
     */
    record ClaimsFeeAddOn(List<FeeAddOn> addOns) implements Condition {
        public ClaimsFeeAddOn {
            addOns = List.copyOf(addOns);
        }

        @Override
        public FacilityAttribute attribute() {
            return FacilityAttribute.CLAIMS_FEE_ADD_ON;
        }

        @Override
        public boolean holdsFor(FacilityProfile profile) {
            return addOns.stream().anyMatch(addOn -> addOn.claimedBy(profile));
        }
    }
}
