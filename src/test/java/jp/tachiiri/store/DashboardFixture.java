package jp.tachiiri.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import jp.tachiiri.model.HospitalFormEntry;

/**
 * Writes an office store by hand for the dashboard's tests: facilities, inspections, revisions with the facility
 * as finalized and findings, with plain SQL and none of the product's rules, so that a test can set up exactly the
 * rows whose figures it computed by hand; the rows of the hospital's own form go through the product's store.
 */
public final class DashboardFixture {

    /** One finding to write; {@code answer} null is an unanswered item, {@code targetDate} null has none. */
    public record Row(String itemId, String answer, LocalDate targetDate) {
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);

    private final Database database;

    public DashboardFixture(Database database) {
        this.database = database;
    }

    public static Row finding(String itemId, String answer) {
        return new Row(itemId, answer, null);
    }

    public static Row finding(String itemId, String answer, LocalDate targetDate) {
        return new Row(itemId, answer, targetDate);
    }

    /** A facility with code {@code code-<id>}; its bed count here is the current one, not what revisions record. */
    public void facility(String id, String name, int licensedBeds) {
        database.transaction(connection -> Rows.update(connection, """
                INSERT INTO facilities (id, code, name, kana, address, licensed_beds, has_medical_information_system,
                                        uses_emr, demo)
                VALUES (?, ?, ?, ?, '東京都', ?, 1, 1, 0)""", id, "code-" + id, name, name, licensedBeds));
    }

    public void inspection(String id, String facilityId, boolean demo) {
        database.transaction(connection -> Rows.update(connection, """
                INSERT INTO inspections (id, facility_id, created_at, demo, audit_last_hash)
                VALUES (?, ?, '2024-01-01T00:00:00Z', ?, 'genesis')""", id, facilityId, demo ? 1 : 0));
    }

    /**
     * A revision with its findings; a finalized one also gets its revision_facility row, with {@code licensedBeds}
     * as the beds at finalizing and the facility's current name and code. The findings are written before the
     * revision is marked finalized (the schema locks a finalized revision's findings).
     */
    public void revision(String inspectionId, int revision, LocalDate date, boolean finalized, int licensedBeds,
                         List<Row> findings) {
        revision(inspectionId, revision, date, finalized, licensedBeds, findings, List.of());
    }

    /**
     * As {@link #revision(String, int, LocalDate, boolean, int, List)}, with rows of the hospital's own form recorded
     * by the product's store ({@link SqliteSelfCheck}, audited) while the revision is in progress, before it is
     * finalized.
     */
    public void revision(String inspectionId, int revision, LocalDate date, boolean finalized, int licensedBeds,
                         List<Row> findings, List<HospitalFormEntry> hospitalForm) {
        database.transaction(connection -> {
            Rows.update(connection, """
                    INSERT INTO inspection_revisions (inspection_id, revision, catalog_version, inspection_date, status,
                                                      created_at)
                    VALUES (?, ?, '2025.1', ?, 'IN_PROGRESS', '2024-01-01T00:00:00Z')""",
                    inspectionId, revision, date.toString());
            for (Row row : findings) {
                Rows.update(connection, """
                        INSERT INTO findings (inspection_id, revision, item_id, answer, target_date, updated_at)
                        VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')""", inspectionId, revision, row.itemId(),
                        row.answer(), row.targetDate() == null ? null : row.targetDate().toString());
            }
            return null;
        });
        if (!hospitalForm.isEmpty()) {
            new SqliteSelfCheck(database, CLOCK).recordHospitalForm(inspectionId, revision, hospitalForm, "fixture", null);
        }
        if (finalized) {
            database.transaction(connection -> {
                Rows.update(connection, """
                        INSERT INTO revision_facility (inspection_id, revision, code, name, kana, address, licensed_beds,
                                                       has_medical_information_system, uses_emr, vendors)
                        SELECT i.id, ?, f.code, f.name, f.kana, f.address, ?, 1, 1, ''
                        FROM inspections i JOIN facilities f ON f.id = i.facility_id WHERE i.id = ?""",
                        revision, licensedBeds, inspectionId);
                Rows.update(connection, """
                        UPDATE inspection_revisions SET status = 'FINALIZED', finalized_at = '2024-01-01T00:00:00Z'
                        WHERE inspection_id = ? AND revision = ?""", inspectionId, revision);
                return null;
            });
        }
    }
}
