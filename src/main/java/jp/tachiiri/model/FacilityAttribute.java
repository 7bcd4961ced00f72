package jp.tachiiri.model;

import java.util.List;
import java.util.Optional;

/** The facility attributes that decide which catalog items apply and which advice fits. */
public enum FacilityAttribute implements Spelled {
    FACILITY_TYPE("facilityType", Kind.TYPE),
    LICENSED_BEDS("licensedBeds", Kind.NUMBER),
    HAS_MEDICAL_INFORMATION_SYSTEM("hasMedicalInformationSystem", Kind.FLAG),
    HAS_VENDOR_CONTRACT("hasVendorContract", Kind.FLAG),
    USES_EMR("usesEmr", Kind.FLAG),
    CLAIMS_FEE_ADD_ON("claimsFeeAddOn", Kind.ADD_ON);

    private final String id;
    private final Kind kind;

    FacilityAttribute(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The name used in catalog files. */
    @Override
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<FacilityAttribute> fromId(String id) {
        return Spelled.parse(FacilityAttribute.class, id);
    }

    /** What sort of value an attribute has, and the operators a catalog condition may use on it. */
    public enum Kind {
        NUMBER(List.of("atLeast", "below")),
        FLAG(List.of("equals")),
        TYPE(List.of("in")),
        ADD_ON(List.of("in"));

        private final List<String> operators;

        Kind(List<String> operators) {
            this.operators = operators;
        }

        public List<String> operators() {
            return operators;
        }
    }
}
