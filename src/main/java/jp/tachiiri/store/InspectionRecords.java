package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.VendorContract;

/** Reads stored inspections, facilities and reviews as the records bundles carry. */
final class InspectionRecords {

    private InspectionRecords() {
    }

    /**
     * An inspection up to its finalized revision {@code latest}. Whole: every finalized revision with its live
     * evidence, and the audit trail up to that revision's finalization. Otherwise (a previous inspection for a
     * tablet to compare with): only that revision, without evidence or trail.
     */
    static BundleRecords.Inspection read(Connection connection, String inspectionId, int latest, boolean whole)
            throws SQLException {
        Object[] header = Rows.list(connection, "SELECT facility_id, created_at, demo FROM inspections WHERE id = ?",
                row -> new Object[] {row.getString(1), row.getString(2), row.getBoolean(3)}, inspectionId).get(0);
        String facilityId = (String) header[0];
        List<BundleRecords.Revision> revisions = Rows.list(connection, """
                SELECT r.revision, r.catalog_version, r.inspection_date, r.amend_reason, r.created_at, r.finalized_at,
                       rf.code, rf.name, rf.kana, rf.address, rf.licensed_beds, rf.has_medical_information_system,
                       rf.uses_emr, rf.vendors, coalesce(f.demo, 0), rf.type, rf.fee_add_on_claims
                FROM inspection_revisions r
                JOIN revision_facility rf ON rf.inspection_id = r.inspection_id AND rf.revision = r.revision
                LEFT JOIN facilities f ON f.id = ?
                WHERE r.inspection_id = ? AND r.status = 'FINALIZED' AND r.revision <= ? AND (? OR r.revision = ?)
                ORDER BY r.revision""", row -> new BundleRecords.Revision(row.getInt(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                new BundleRecords.Facility(facilityId, row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getInt(11), row.getBoolean(12), row.getBoolean(13),
                        vendors(row.getString(14)), row.getBoolean(15), row.getString(16),
                        bundleClaims(claims(row.getString(17)))),
                null, null, null, null, null, null), facilityId, inspectionId, latest, whole, latest);
        List<BundleRecords.Revision> complete = new ArrayList<>();
        try (Statements statements = new Statements(connection)) {
            for (BundleRecords.Revision revision : revisions) {
                // The forms travel with a previous inspection too: next year's tablet shows last year's beside its own.
                complete.add(SelfCheckTables.withForms(statements, inspectionId, new BundleRecords.Revision(
                        revision.revision(), revision.catalogVersion(), revision.inspectionDate(), revision.amendReason(),
                        revision.createdAt(), revision.finalizedAt(), revision.facility(),
                        Rows.list(connection, "SELECT name FROM revision_inspectors WHERE inspection_id = ? AND revision = ? ORDER BY position",
                                row -> row.getString(1), inspectionId, revision.revision()),
                        Rows.list(connection, "SELECT name, role FROM revision_attendees WHERE inspection_id = ? AND revision = ? ORDER BY position",
                                row -> new BundleRecords.Attendee(row.getString(1), row.getString(2)), inspectionId, revision.revision()),
                        findings(connection, inspectionId, revision.revision()),
                        whole ? evidence(connection, inspectionId, revision.revision()) : List.of(), null, null)));
            }
        }
        List<BundleRecords.AuditEvent> audit = whole ? audit(connection, inspectionId, latest) : List.of();
        return new BundleRecords.Inspection(inspectionId, facilityId, (String) header[1], (boolean) header[2], complete, audit);
    }

    private static List<BundleRecords.Finding> findings(Connection connection, String inspectionId, int revision)
            throws SQLException {
        return Rows.list(connection, """
                SELECT item_id, answer, confirmed_by, checked_on, note, reason, advice, target_date, follow_up, updated_at
                FROM findings WHERE inspection_id = ? AND revision = ? ORDER BY item_id""",
                row -> new BundleRecords.Finding(row.getString(1), row.getString(2),
                        row.getString(3).isEmpty() ? List.of() : List.of(row.getString(3).split(",")), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBoolean(9),
                        row.getString(10)), inspectionId, revision);
    }

    private static List<BundleRecords.Evidence> evidence(Connection connection, String inspectionId, int revision)
            throws SQLException {
        return Rows.list(connection, """
                SELECT id, item_id, file_name, media_type, sha256, added_at FROM evidence
                WHERE inspection_id = ? AND revision = ? AND removed_at IS NULL ORDER BY added_at, id""",
                row -> new BundleRecords.Evidence(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)), inspectionId, revision);
    }

    /** The trail up to the finalization of revision {@code latest}: later events belong to a revision in progress. */
    private static List<BundleRecords.AuditEvent> audit(Connection connection, String inspectionId, int latest)
            throws SQLException {
        return Rows.list(connection, """
                SELECT id, sequence, at, actor, action, subject, old_value, new_value, reason, previous_hash, hash
                FROM audit_events WHERE inspection_id = ? AND sequence <= coalesce(
                    (SELECT max(sequence) FROM audit_events WHERE inspection_id = ? AND action = ? AND subject = ?),
                    (SELECT audit_last_sequence FROM inspections WHERE id = ?))
                ORDER BY sequence""",
                row -> new BundleRecords.AuditEvent(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11)),
                inspectionId, inspectionId, AuditChain.REVISION_FINALIZED, AuditChain.revisionSubject(latest), inspectionId);
    }

    /**
     * The facility master: every facility but those only a tablet's inspection reported, unless the office planned
     * an inspection of one (then it vouches for it, and the tablet needs it).
     */
    static List<BundleRecords.Facility> facilities(Connection connection) throws SQLException {
        List<BundleRecords.Facility> facilities = new ArrayList<>();
        for (BundleRecords.Facility facility : Rows.list(connection, """
                SELECT id, code, name, kana, address, licensed_beds, has_medical_information_system, uses_emr, demo,
                       type, fee_add_on_claims
                FROM facilities WHERE reported_by IS NULL OR id IN (SELECT facility_id FROM assignments)
                ORDER BY kana, id""", row -> new BundleRecords.Facility(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getInt(6), row.getBoolean(7), row.getBoolean(8),
                List.of(), row.getBoolean(9), row.getString(10), bundleClaims(claims(row.getString(11)))))) {
            facilities.add(new BundleRecords.Facility(facility.id(), facility.code(), facility.name(), facility.kana(),
                    facility.address(), facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr(),
                    Rows.list(connection, "SELECT vendor_name, system FROM facility_vendors WHERE facility_id = ? ORDER BY position",
                            row -> new BundleRecords.Vendor(row.getString(1), row.getString(2)), facility.id()),
                    facility.demo(), facility.type(), facility.feeAddOnClaims()));
        }
        return facilities;
    }

    static List<BundleRecords.Review> reviews(Connection connection) throws SQLException {
        return reviews(connection, null);
    }

    /** The review results of one inspection ({@code inspectionId}), or of all (null), with their item comments. */
    static List<BundleRecords.Review> reviews(Connection connection, String inspectionId) throws SQLException {
        List<BundleRecords.Review> reviews = new ArrayList<>();
        for (BundleRecords.Review review : Rows.list(connection, """
                SELECT inspection_id, revision, decision, comment, decided_at, decided_by FROM review_results
                WHERE ? IS NULL OR inspection_id = ? ORDER BY decided_at, inspection_id""",
                row -> new BundleRecords.Review(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), List.of()), inspectionId, inspectionId)) {
            reviews.add(new BundleRecords.Review(review.inspectionId(), review.revision(), review.decision(), review.comment(),
                    review.decidedAt(), review.decidedBy(), Rows.list(connection, """
                            SELECT item_id, comment FROM review_item_comments WHERE inspection_id = ? AND revision = ?
                            ORDER BY item_id""", row -> new BundleRecords.ItemComment(row.getString(1), row.getString(2)),
                            review.inspectionId(), review.revision())));
        }
        return reviews;
    }

    /** The stored form of a facility's vendors: one "vendor TAB system" per line. */
    static List<BundleRecords.Vendor> vendors(String stored) {
        return stored.isEmpty() ? List.of() : stored.lines().map(line -> line.split("\t", 2))
                .map(parts -> new BundleRecords.Vendor(parts[0], parts.length > 1 ? parts[1] : "")).toList();
    }

    /** The same, as the facility's contracts. */
    static List<VendorContract> contracts(String stored) {
        return vendors(stored).stream().map(vendor -> new VendorContract(vendor.vendor(), vendor.system())).toList();
    }

    static String storedVendors(List<BundleRecords.Vendor> vendors) {
        return String.join("\n", vendors.stream().map(v -> v.vendor() + "\t" + v.system()).toList());
    }

    /** Fee add-on claims in the form stored in {@code fee_add_on_claims}: one "add-on id TAB first day" per line. */
    static String storedClaims(List<FeeAddOnClaim> claims) {
        return String.join("\n", claims.stream().map(claim -> claim.addOnId() + "\t" + claim.from()).toList());
    }

    static List<BundleRecords.FeeAddOnClaim> bundleClaims(List<FeeAddOnClaim> claims) {
        return claims.stream().map(claim -> new BundleRecords.FeeAddOnClaim(claim.addOnId(), claim.from().toString()))
                .toList();
    }

    /**
     * A facility as a bundle carries it; one from a version before types and claims were recorded (format 2.0) is
     * classified by its beds, as the migration classified the stored ones, and claims nothing (for a facility stored
     * already, the office's master keeps the stored claims: {@link FacilitiesTable#updateFromMaster}).
     */
    static Facility facility(BundleRecords.Facility facility) {
        FacilityType type = facility.type() == null ? FacilityType.byBeds(facility.licensedBeds()) : type(facility.type());
        List<FeeAddOnClaim> claims = facility.feeAddOnClaims() == null ? List.of() : facility.feeAddOnClaims().stream()
                .map(claim -> new FeeAddOnClaim(claim.addOn(), LocalDate.parse(claim.from()))).toList();
        return new Facility(facility.id(), facility.code(), facility.name(), facility.kana(), facility.address(), type,
                facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr(),
                facility.vendors().stream().map(vendor -> new VendorContract(vendor.vendor(), vendor.system())).toList(),
                claims, facility.demo());
    }

    /** A stored facility type; the schema's CHECK admits only known ones. */
    static FacilityType type(String stored) {
        return FacilityType.fromId(stored).orElseThrow(() -> new IllegalStateException("unknown stored facility type " + stored));
    }

    static List<FeeAddOnClaim> claims(String stored) {
        return stored.isEmpty() ? List.of() : stored.lines().map(line -> line.split("\t", 2))
                .map(parts -> new FeeAddOnClaim(parts[0], LocalDate.parse(parts[1]))).toList();
    }
}
