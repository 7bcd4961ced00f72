package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.facility.FacilityRepository;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.VendorContract;

/** Facilities and their vendor contracts in SQLite. */
public final class SqliteFacilities implements FacilityRepository {

    private static final String SELECT = "SELECT id, code, name, kana, address, licensed_beds, "
            + "has_medical_information_system, uses_emr, demo, type, fee_add_on_claims FROM facilities";

    private final Database database;

    public SqliteFacilities(Database database) {
        this.database = database;
    }

    @Override
    public List<Facility> all() {
        return database.read(connection -> query(connection, SELECT + " ORDER BY kana, code"));
    }

    @Override
    public Optional<Facility> byId(String id) {
        return database.read(connection -> query(connection, SELECT + " WHERE id = ?", id).stream().findFirst());
    }

    /** Stores a facility as this installation's own: one a tablet only reported becomes part of the facility master. */
    @Override
    public void save(Facility facility) {
        database.transaction(connection -> {
            try (Statements statements = new Statements(connection)) {
                FacilitiesTable.save(statements, facility);
            }
            return null;
        });
    }

    private static List<Facility> query(Connection connection, String sql, String... parameters) throws SQLException {
        List<Facility> facilities = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString("id");
                    facilities.add(new Facility(id, rows.getString("code"), rows.getString("name"), rows.getString("kana"),
                            rows.getString("address"), InspectionRecords.type(rows.getString("type")),
                            rows.getInt("licensed_beds"), rows.getBoolean("has_medical_information_system"),
                            rows.getBoolean("uses_emr"), vendors(connection, id),
                            InspectionRecords.claims(rows.getString("fee_add_on_claims")), rows.getBoolean("demo")));
                }
            }
        }
        return facilities;
    }

    private static List<VendorContract> vendors(Connection connection, String facilityId) throws SQLException {
        List<VendorContract> vendors = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT vendor_name, system FROM facility_vendors WHERE facility_id = ? ORDER BY position")) {
            select.setString(1, facilityId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    vendors.add(new VendorContract(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return vendors;
    }
}
