package jp.tachiiri.model;

/** A condition on a facility's attributes; catalog items and advice variants list the ones that must hold. */
public sealed interface Condition {

    FacilityAttribute attribute();

    boolean holdsFor(FacilityProfile profile);

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
            if (attribute.isNumeric()) {
                throw new IllegalArgumentException(attribute.id() + " is not a yes/no attribute");
            }
        }

        @Override
        public boolean holdsFor(FacilityProfile profile) {
            return profile.flag(attribute) == value;
        }
    }
}
