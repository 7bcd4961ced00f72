package jp.tachiiri.store;

import java.sql.SQLException;
import java.util.List;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.VendorContract;

/** Writes {@code facilities} and their vendor contracts ({@code facility_vendors}), made here or imported. */
final class FacilitiesTable {

    private static final String INSERT = """
            INSERT INTO facilities (id, code, name, kana, address, type, licensed_beds, has_medical_information_system,
                                    uses_emr, fee_add_on_claims, demo, reported_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Saving here: the facility becomes (or stays) part of this installation's facility master. */
    private static final String SAVE = INSERT + """

            ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, kana = excluded.kana,
                address = excluded.address, type = excluded.type, licensed_beds = excluded.licensed_beds,
                has_medical_information_system = excluded.has_medical_information_system,
                uses_emr = excluded.uses_emr, fee_add_on_claims = excluded.fee_add_on_claims, demo = excluded.demo,
                reported_by = NULL""";
    /**
     * The office's facility master arriving at a tablet: its data replace the stored ones (not the demo flag, nor
     * who reported the facility); a facility that holds the same data already is left as it is. Claims given as
     * null (a master without them) leave the stored claims.
     */
    private static final String UPDATE_FROM_MASTER = """
            UPDATE facilities SET code = ?1, name = ?2, kana = ?3, address = ?4, licensed_beds = ?5,
                has_medical_information_system = ?6, uses_emr = ?7, type = ?9,
                fee_add_on_claims = coalesce(?10, fee_add_on_claims)
            WHERE id = ?8 AND NOT (code IS ?1 AND name IS ?2 AND kana IS ?3 AND address IS ?4 AND licensed_beds IS ?5
                AND has_medical_information_system IS ?6 AND uses_emr IS ?7 AND type IS ?9
                AND fee_add_on_claims IS coalesce(?10, fee_add_on_claims))""";

    private FacilitiesTable() {
    }

    /** Stores a facility as this installation's own, with its vendors. */
    static void save(Statements statements, Facility facility) throws SQLException {
        write(statements, SAVE, facility, null);
    }

    /** Adds a facility that arrived in a bundle, reported by the tablet {@code reportedBy} (null: the office's master). */
    static void insertArriving(Statements statements, BundleRecords.Facility facility, String reportedBy) throws SQLException {
        write(statements, INSERT, InspectionRecords.facility(facility), reportedBy);
    }

    private static void write(Statements statements, String sql, Facility facility, String reportedBy) throws SQLException {
        statements.update(sql, facility.id(), facility.code(), facility.name(), facility.kana(), facility.address(),
                facility.type().id(), facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr(),
                InspectionRecords.storedClaims(facility.feeAddOnClaims()), facility.demo(), reportedBy);
        replaceVendors(statements, facility.id(), facility.vendors());
    }

    /**
     * Updates the stored facility {@code id} from the office's master; returns whether anything changed. A master
     * from an office on an older release (bundle format 2.0) has no claims: the tablet's stay, not erased. Nor has it
     * a type; the type is then the one the beds imply, which is the only one they allow, as the stored one was.
     */
    static boolean updateFromMaster(Statements statements, String id, BundleRecords.Facility facility) throws SQLException {
        Facility arriving = InspectionRecords.facility(facility);
        return statements.update(UPDATE_FROM_MASTER, facility.code(), facility.name(), facility.kana(), facility.address(),
                facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr(), id,
                arriving.type().id(),
                facility.feeAddOnClaims() == null ? null : InspectionRecords.storedClaims(arriving.feeAddOnClaims())) > 0;
    }

    /** The facility's vendor contracts, in order, in place of those stored. */
    static void replaceVendors(Statements statements, String facilityId, List<VendorContract> vendors) throws SQLException {
        statements.update("DELETE FROM facility_vendors WHERE facility_id = ?", facilityId);
        for (int i = 0; i < vendors.size(); i++) {
            statements.update("INSERT INTO facility_vendors (facility_id, position, vendor_name, system) VALUES (?, ?, ?, ?)",
                    facilityId, i, vendors.get(i).vendorName(), vendors.get(i).system());
        }
    }
}
