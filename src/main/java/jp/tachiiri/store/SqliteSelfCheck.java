package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.FormEvents;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckRepository;

/** The hospital's and vendors' forms of inspections in SQLite, each change committed with its audit events. */
public final class SqliteSelfCheck implements SelfCheckRepository {

    private final Database database;
    private final Clock clock;

    public SqliteSelfCheck(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public SelfCheck selfCheck(String inspectionId, int revision) {
        return database.read(connection -> {
            try (Statements statements = new Statements(connection)) {
                return SelfCheckTables.read(statements, inspectionId, revision);
            }
        });
    }

    @Override
    public int recordHospitalForm(String inspectionId, int revision, List<HospitalFormEntry> entries, String actor,
                                  String reason) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            try (Statements statements = new Statements(connection)) {
                SelfCheck stored = SelfCheckTables.read(statements, inspectionId, revision);
                List<AuditWriter.Entry> changes = new ArrayList<>();
                for (HospitalFormEntry entry : entries) {
                    List<AuditWriter.Entry> changed = changes(FormEvents.HOSPITAL_FORM_CHANGED, entry.ministryNumber(),
                            stored.entry(entry.ministryNumber()).fields(), entry.fields(), reason);
                    if (!changed.isEmpty()) {
                        SelfCheckTables.writeHospitalEntry(statements, inspectionId, revision, entry, now);
                        changes.addAll(changed);
                    }
                }
                return audited(connection, inspectionId, actor, now, changes);
            }
        });
    }

    @Override
    public int recordVendorForm(String inspectionId, int revision, VendorForm form, String actor, String reason) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            try (Statements statements = new Statements(connection)) {
                Map<String, String> before = SelfCheckTables.read(statements, inspectionId, revision)
                        .vendorForm(form.contract()).map(VendorForm::fields).orElse(Map.of());
                List<AuditWriter.Entry> changes = changes(FormEvents.VENDOR_FORM_CHANGED, form.contract().key(),
                        before, form.fields(), reason);
                if (!changes.isEmpty()) {
                    SelfCheckTables.writeVendorForm(statements, inspectionId, revision, form, now);
                }
                return audited(connection, inspectionId, actor, now, changes);
            }
        });
    }

    /** One event per field whose value differs, fields present on either side (a cleared answer is a change too). */
    static List<AuditWriter.Entry> changes(String action, String subject, Map<String, String> before,
                                           Map<String, String> after, String reason) {
        Set<String> names = new LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        List<AuditWriter.Entry> changes = new ArrayList<>();
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (!Objects.equals(old, now) && !(isBlank(old) && isBlank(now))) {
                changes.add(new AuditWriter.Entry(action, subject + "/" + name, old, now, reason));
            }
        }
        return changes;
    }

    /** Empty text and no value are the same to a reader of the trail: neither is a change from the other. */
    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    private static int audited(Connection connection, String inspectionId, String actor, Instant now,
                               List<AuditWriter.Entry> changes) throws SQLException {
        if (!changes.isEmpty()) {
            AuditWriter.appendAll(AuditWriter.Trail.INSPECTION, connection, inspectionId, actor, now, changes);
        }
        return changes.size();
    }
}
