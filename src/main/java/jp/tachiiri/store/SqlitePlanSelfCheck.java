package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.intake.PlanSelfCheckRepository;
import jp.tachiiri.selfcheck.intake.WorkbookSource;
import jp.tachiiri.workbook.WorkbookKind;
import jp.tachiiri.selfcheck.FormEvents;

/**
 * Planned inspections' self-checks in SQLite (schema 8): the rows as {@link SelfCheckTables} writes an inspection's,
 * the workbook each form came from, and a hash-chained trail per plan; on a tablet, which inspection was started from
 * which plan and what it was last filled from.
 */
public final class SqlitePlanSelfCheck implements PlanSelfCheckRepository {

    /** A filled workbook taken into the plan's self-check: subject the form, new value the file and its SHA-256. */
    static final String SELF_CHECK_IMPORTED = "SELF_CHECK_IMPORTED";
    static final String HOSPITAL = "hospital";

    private static final String PLANS = "SELECT id, facility_id, inspector_id, inspector_name, planned_date FROM assignments";

    private final Database database;

    public SqlitePlanSelfCheck(Database database) {
        this.database = database;
    }

    @Override
    public List<PlannedInspection> plans() {
        return database.read(connection -> Rows.list(connection, PLANS + " ORDER BY planned_date, id",
                SqlitePlanSelfCheck::plan));
    }

    @Override
    public Optional<PlannedInspection> plan(String planId) {
        return database.read(connection -> Rows.list(connection, PLANS + " WHERE id = ?", SqlitePlanSelfCheck::plan,
                planId).stream().findFirst());
    }

    private static PlannedInspection plan(ResultSet row) throws SQLException {
        return new PlannedInspection(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                LocalDate.parse(row.getString(5)));
    }

    @Override
    public SelfCheck selfCheck(String planId) {
        return database.read(connection -> {
            try (Statements statements = new Statements(connection)) {
                return SelfCheckTables.read(statements, SelfCheckTables.Owner.plan(planId));
            }
        });
    }

    @Override
    public List<WorkbookSource> sources(String planId) {
        return database.read(connection -> Rows.list(connection, """
                SELECT kind, vendor_name, system, sha256, file_name, imported_at, imported_by FROM plan_self_check_sources
                WHERE plan_id = ? ORDER BY kind DESC, vendor_name, system""", row -> {
            WorkbookKind kind = WorkbookKind.valueOf(row.getString(1));
            Optional<VendorContract> contract = kind == WorkbookKind.VENDOR
                    ? Optional.of(new VendorContract(row.getString(2), row.getString(3))) : Optional.empty();
            return new WorkbookSource(kind, contract, row.getString(4), row.getString(5),
                    Instant.parse(row.getString(6)), row.getString(7));
        }, planId));
    }

    @Override
    public List<AuditEvent> trail(String planId) {
        return database.read(connection -> SqliteAuditLog.events(connection, "plan_self_check_events", "plan_id", planId));
    }

    @Override
    public Optional<WorkbookSource> source(String planId, WorkbookKind kind, Optional<VendorContract> contract) {
        return sources(planId).stream().filter(source -> source.kind() == kind && source.contract().equals(contract))
                .findFirst();
    }

    @Override
    public int replaceHospitalForm(String planId, Collection<HospitalFormEntry> rows, WorkbookSource source,
                                   String reason) {
        return database.transaction(connection -> {
            try (Statements statements = new Statements(connection)) {
                SelfCheckTables.Owner owner = SelfCheckTables.Owner.plan(planId);
                SelfCheck stored = SelfCheckTables.read(statements, owner);
                List<AuditWriter.Entry> changes = new ArrayList<>();
                Map<String, HospitalFormEntry> arriving = new TreeMap<>();
                rows.forEach(row -> arriving.put(row.ministryNumber(), row));
                // Rows the older workbook had and the newer leaves blank are cleared: the newer workbook is the form.
                stored.hospitalForm().keySet().stream().filter(number -> !arriving.containsKey(number)).sorted()
                        .forEach(number -> arriving.put(number, HospitalFormEntry.empty(number)));
                for (HospitalFormEntry row : arriving.values()) {
                    List<AuditWriter.Entry> changed = SqliteSelfCheck.changes(FormEvents.HOSPITAL_FORM_CHANGED,
                            row.ministryNumber(), stored.entry(row.ministryNumber()).fields(), row.fields(), null);
                    if (!changed.isEmpty()) {
                        SelfCheckTables.writeHospitalEntry(statements, owner, row, source.importedAt());
                        changes.addAll(changed);
                    }
                }
                return imported(connection, statements, planId, HOSPITAL, source, reason, changes);
            }
        });
    }

    @Override
    public int replaceVendorForm(String planId, VendorForm form, WorkbookSource source, String reason) {
        return database.transaction(connection -> {
            try (Statements statements = new Statements(connection)) {
                SelfCheckTables.Owner owner = SelfCheckTables.Owner.plan(planId);
                Map<String, String> before = SelfCheckTables.read(statements, owner).vendorForm(form.contract())
                        .map(VendorForm::fields).orElse(Map.of());
                List<AuditWriter.Entry> changes = SqliteSelfCheck.changes(FormEvents.VENDOR_FORM_CHANGED,
                        form.contract().key(), before, form.fields(), null);
                if (!changes.isEmpty()) {
                    SelfCheckTables.writeVendorForm(statements, owner, form, source.importedAt());
                }
                return imported(connection, statements, planId, form.contract().key(), source, reason, changes);
            }
        });
    }

    /** Records the source and the trail: the import first (what replaced what), then each changed field. */
    private static int imported(Connection connection, Statements statements, String planId, String form,
                                WorkbookSource source, String reason, List<AuditWriter.Entry> changes)
            throws SQLException {
        Optional<String> before = statements.query("""
                SELECT file_name || ' ' || sha256 FROM plan_self_check_sources
                WHERE plan_id = ? AND kind = ? AND vendor_name = ? AND system = ?""", row -> row.getString(1),
                planId, source.kind().name(), vendor(source), system(source)).stream().findFirst();
        statements.update("""
                INSERT INTO plan_self_check_sources (plan_id, kind, vendor_name, system, sha256, file_name, imported_at,
                    imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (plan_id, kind, vendor_name, system) DO UPDATE SET sha256 = excluded.sha256,
                    file_name = excluded.file_name, imported_at = excluded.imported_at, imported_by = excluded.imported_by""",
                planId, source.kind().name(), vendor(source), system(source), source.sha256(), source.fileName(),
                source.importedAt().toString(), source.importedBy());
        List<AuditWriter.Entry> trail = new ArrayList<>();
        trail.add(new AuditWriter.Entry(SELF_CHECK_IMPORTED, form, before.orElse(null),
                source.fileName() + " " + source.sha256(), reason));
        trail.addAll(changes);
        AuditWriter.appendAll(AuditWriter.Trail.PLAN_SELF_CHECK, connection, planId, source.importedBy(),
                source.importedAt(), trail);
        return changes.size();
    }

    private static String vendor(WorkbookSource source) {
        return source.contract().map(VendorContract::vendorName).orElse("");
    }

    private static String system(WorkbookSource source) {
        return source.contract().map(VendorContract::system).orElse("");
    }

    @Override
    public List<String> inspectionsOf(String planId) {
        return database.read(connection -> Rows.list(connection,
                "SELECT inspection_id FROM plan_inspections WHERE plan_id = ? ORDER BY inspection_id",
                row -> row.getString(1), planId));
    }

    @Override
    public void link(String inspectionId, String planId) {
        database.transaction(connection -> Rows.update(connection, """
                INSERT INTO plan_inspections (inspection_id, plan_id) VALUES (?, ?)
                ON CONFLICT (inspection_id) DO NOTHING""", inspectionId, planId));
    }

    @Override
    public Optional<String> filledFrom(String inspectionId) {
        return database.read(connection -> Rows.list(connection,
                "SELECT filled_from FROM plan_inspections WHERE inspection_id = ? AND filled_from IS NOT NULL",
                row -> row.getString(1), inspectionId).stream().findFirst());
    }

    @Override
    public void markFilled(String inspectionId, String contentHash, Instant at) {
        database.transaction(connection -> Rows.update(connection,
                "UPDATE plan_inspections SET filled_from = ?, filled_at = ? WHERE inspection_id = ?", contentHash,
                at.toString(), inspectionId));
    }
}
