package jp.tachiiri.store;

import java.sql.SQLException;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Facility;

/**
 * Writes {@code revision_facility}: the facility as it was when a revision was finalized, so that a finalized
 * record and its printout do not change when the facility's data are edited later.
 */
final class RevisionFacilityTable {

    private static final String INSERT_INTO = """
            INSERT INTO revision_facility (inspection_id, revision, code, name, kana, address, licensed_beds,
                                           has_medical_information_system, uses_emr, vendors, type, fee_add_on_claims)
            """;

    private RevisionFacilityTable() {
    }

    /**
     * Keeps the inspected facility's current data beside the revision being finalized here, its vendors in the
     * form of {@link InspectionRecords#storedVendors}.
     */
    static void keepCurrent(Statements statements, String inspectionId, int revision) throws SQLException {
        statements.update(INSERT_INTO + """
                SELECT i.id, ?, f.code, f.name, f.kana, f.address, f.licensed_beds, f.has_medical_information_system,
                       f.uses_emr,
                       coalesce((SELECT group_concat(v.vendor_name || char(9) || v.system, char(10))
                                 FROM (SELECT * FROM facility_vendors WHERE facility_id = f.id ORDER BY position) v), ''),
                       f.type, f.fee_add_on_claims
                FROM inspections i JOIN facilities f ON f.id = i.facility_id WHERE i.id = ?""", revision, inspectionId);
    }

    /** Adds the facility as a revision that arrived in a bundle records it. */
    static void insertArriving(Statements statements, String inspectionId, int revision, BundleRecords.Facility facility)
            throws SQLException {
        Facility arriving = InspectionRecords.facility(facility);
        statements.update(INSERT_INTO + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inspectionId, revision,
                facility.code(), facility.name(), facility.kana(), facility.address(), facility.licensedBeds(),
                facility.hasMedicalInformationSystem(), facility.usesEmr(), InspectionRecords.storedVendors(facility.vendors()),
                arriving.type().id(), InspectionRecords.storedClaims(arriving.feeAddOnClaims()));
    }
}
