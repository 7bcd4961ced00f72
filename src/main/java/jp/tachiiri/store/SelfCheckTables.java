package jp.tachiiri.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;

/**
 * Reads and writes {@code hospital_form}, {@code vendor_forms} and {@code vendor_form_answers}: the hospital's and
 * vendors' forms of a revision, here or as a bundle brought them.
 */
final class SelfCheckTables {

    private static final String HOSPITAL_COLUMNS =
            "ministry_number, answer, checked_on, target_date, confirmation, confirmation_reason, updated_at";
    private static final String HOSPITAL_INSERT = "INSERT INTO hospital_form (inspection_id, revision, "
            + HOSPITAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HOSPITAL_UPSERT = HOSPITAL_INSERT + """

            ON CONFLICT (inspection_id, revision, ministry_number) DO UPDATE SET answer = excluded.answer,
                checked_on = excluded.checked_on, target_date = excluded.target_date,
                confirmation = excluded.confirmation, confirmation_reason = excluded.confirmation_reason,
                updated_at = excluded.updated_at""";
    private static final String VENDOR_COLUMNS = "vendor_name, system, status, filled_on, missing_reason, updated_at";
    private static final String VENDOR_INSERT = "INSERT INTO vendor_forms (inspection_id, revision, " + VENDOR_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String VENDOR_UPSERT = VENDOR_INSERT + """

            ON CONFLICT (inspection_id, revision, vendor_name, system) DO UPDATE SET status = excluded.status,
                filled_on = excluded.filled_on, missing_reason = excluded.missing_reason,
                updated_at = excluded.updated_at""";
    private static final String ANSWER_COLUMNS = "vendor_name, system, ministry_number, answer";
    private static final String ANSWER_INSERT = "INSERT INTO vendor_form_answers (inspection_id, revision, "
            + ANSWER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    private SelfCheckTables() {
    }

    /** Both forms of a revision as stored. */
    static SelfCheck read(Statements statements, String inspectionId, int revision) throws SQLException {
        Map<String, HospitalFormEntry> hospital = new LinkedHashMap<>();
        for (HospitalFormEntry entry : statements.query("SELECT " + HOSPITAL_COLUMNS
                + " FROM hospital_form WHERE inspection_id = ? AND revision = ?", row -> new HospitalFormEntry(
                row.getString(1), Optional.ofNullable(row.getString(2)).map(SelfCheckAnswer::valueOf),
                date(row.getString(3)), date(row.getString(4)),
                Optional.ofNullable(row.getString(5)).map(Confirmation::valueOf), row.getString(6)), inspectionId, revision)) {
            hospital.put(entry.ministryNumber(), entry);
        }
        Map<VendorContract, Map<String, SelfCheckAnswer>> answers = new HashMap<>();
        for (String[] answer : statements.query("SELECT " + ANSWER_COLUMNS
                + " FROM vendor_form_answers WHERE inspection_id = ? AND revision = ?", row -> new String[] {
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)}, inspectionId, revision)) {
            answers.computeIfAbsent(new VendorContract(answer[0], answer[1]), key -> new HashMap<>())
                    .put(answer[2], SelfCheckAnswer.valueOf(answer[3]));
        }
        List<VendorForm> vendors = new ArrayList<>();
        for (VendorForm form : statements.query("SELECT " + VENDOR_COLUMNS
                + " FROM vendor_forms WHERE inspection_id = ? AND revision = ? ORDER BY rowid", row -> {
            VendorContract contract = new VendorContract(row.getString(1), row.getString(2));
            return new VendorForm(contract, VendorForm.Status.valueOf(row.getString(3)), date(row.getString(4)),
                    row.getString(5), answers.getOrDefault(contract, Map.of()));
        }, inspectionId, revision)) {
            vendors.add(form);
        }
        return new SelfCheck(hospital, vendors);
    }

    /**
     * Stores a row of the hospital's form, as changed at {@code updatedAt}; a row left blank is removed, so that a
     * cleared row counts nowhere as recorded.
     */
    static void writeHospitalEntry(Statements statements, String inspectionId, int revision, HospitalFormEntry entry,
                                   Instant updatedAt) throws SQLException {
        if (entry.isBlank()) {
            statements.update("DELETE FROM hospital_form WHERE inspection_id = ? AND revision = ? AND ministry_number = ?",
                    inspectionId, revision, entry.ministryNumber());
            return;
        }
        statements.update(HOSPITAL_UPSERT, inspectionId, revision, entry.ministryNumber(),
                entry.answer().map(Enum::name).orElse(null), text(entry.checkedOn()), text(entry.targetDate()),
                entry.confirmation().map(Enum::name).orElse(null), entry.confirmationReason(), updatedAt.toString());
    }

    /** Stores a vendor contract's form with exactly its answers, as changed at {@code updatedAt}. */
    static void writeVendorForm(Statements statements, String inspectionId, int revision, VendorForm form,
                                Instant updatedAt) throws SQLException {
        VendorContract contract = form.contract();
        statements.update(VENDOR_UPSERT, inspectionId, revision, contract.vendorName(), contract.system(),
                form.status().name(), text(form.filledOn()), form.missingReason(), updatedAt.toString());
        statements.update("DELETE FROM vendor_form_answers WHERE inspection_id = ? AND revision = ? AND vendor_name = ?"
                + " AND system = ?", inspectionId, revision, contract.vendorName(), contract.system());
        for (Map.Entry<String, SelfCheckAnswer> answer : form.answers().entrySet()) {
            statements.update(ANSWER_INSERT, inspectionId, revision, contract.vendorName(), contract.system(),
                    answer.getKey(), answer.getValue().name());
        }
    }

    /**
     * Both forms of a revision as a bundle carries them, each row with the time it was last changed: the hospital's
     * rows and each form's answers in ministry-number order, the vendor forms in the order they were first recorded
     * (which an import keeps, so that the office sends them on as the tablet sent them).
     */
    static BundleRecords.Revision withForms(Statements statements, String inspectionId, BundleRecords.Revision revision)
            throws SQLException {
        int number = revision.revision();
        List<BundleRecords.HospitalFormRow> hospital = statements.query("SELECT " + HOSPITAL_COLUMNS
                + " FROM hospital_form WHERE inspection_id = ? AND revision = ? ORDER BY ministry_number",
                row -> new BundleRecords.HospitalFormRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7)), inspectionId, number);
        List<BundleRecords.VendorForm> vendors = new ArrayList<>();
        for (BundleRecords.VendorForm form : statements.query("SELECT " + VENDOR_COLUMNS
                + " FROM vendor_forms WHERE inspection_id = ? AND revision = ? ORDER BY rowid",
                row -> new BundleRecords.VendorForm(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), List.of(), row.getString(6)), inspectionId, number)) {
            vendors.add(new BundleRecords.VendorForm(form.vendor(), form.system(), form.status(), form.filledOn(),
                    form.missingReason(), statements.query("""
                            SELECT ministry_number, answer FROM vendor_form_answers
                            WHERE inspection_id = ? AND revision = ? AND vendor_name = ? AND system = ?
                            ORDER BY ministry_number""", row -> new BundleRecords.VendorAnswer(row.getString(1),
                            row.getString(2)), inspectionId, number, form.vendor(), form.system()), form.updatedAt()));
        }
        return revision.withForms(hospital, vendors);
    }

    /** Adds the forms of a revision that arrived in a bundle, as the tablet recorded them; an older bundle's has none. */
    static void insertArriving(Statements statements, String inspectionId, BundleRecords.Revision revision)
            throws SQLException {
        if (!revision.carriesForms()) {
            return;
        }
        int number = revision.revision();
        for (BundleRecords.HospitalFormRow row : revision.hospitalForm()) {
            statements.update(HOSPITAL_INSERT, inspectionId, number, row.ministryNumber(), row.answer(), row.checkedOn(),
                    row.targetDate(), row.confirmation(), row.confirmationReason(), row.updatedAt());
        }
        for (BundleRecords.VendorForm form : revision.vendorForms()) {
            statements.update(VENDOR_INSERT, inspectionId, number, form.vendor(), form.system(), form.status(),
                    form.filledOn(), form.missingReason(), form.updatedAt());
            for (BundleRecords.VendorAnswer answer : form.answers()) {
                statements.update(ANSWER_INSERT, inspectionId, number, form.vendor(), form.system(),
                        answer.ministryNumber(), answer.answer());
            }
        }
    }

    /**
     * The contracts of vendor forms recorded in the revision that its facility, as kept at finalizing, no longer
     * lists (the contract list was edited, or replaced by the office's, while the inspection was in progress).
     */
    static List<VendorForm> formsWithoutContract(Statements statements, String inspectionId, int revision)
            throws SQLException {
        List<String> kept = statements.query("SELECT vendors FROM revision_facility WHERE inspection_id = ? AND revision = ?",
                row -> row.getString(1), inspectionId, revision);
        List<VendorContract> contracts = kept.isEmpty() ? List.of() : InspectionRecords.contracts(kept.get(0));
        return read(statements, inspectionId, revision).vendorForms().stream()
                .filter(form -> !contracts.contains(form.contract())).toList();
    }

    static void deleteVendorForm(Statements statements, String inspectionId, int revision, VendorContract contract)
            throws SQLException {
        statements.update("DELETE FROM vendor_forms WHERE inspection_id = ? AND revision = ? AND vendor_name = ?"
                + " AND system = ?", inspectionId, revision, contract.vendorName(), contract.system());
    }

    /** Carries both forms of revision {@code from} into the new revision {@code to}, unchanged. */
    static void copy(Statements statements, String inspectionId, int from, int to) throws SQLException {
        statements.update("INSERT INTO hospital_form (inspection_id, revision, " + HOSPITAL_COLUMNS + ") SELECT inspection_id, ?, "
                + HOSPITAL_COLUMNS + " FROM hospital_form WHERE inspection_id = ? AND revision = ?", to, inspectionId, from);
        statements.update("INSERT INTO vendor_forms (inspection_id, revision, " + VENDOR_COLUMNS + ") SELECT inspection_id, ?, "
                + VENDOR_COLUMNS + " FROM vendor_forms WHERE inspection_id = ? AND revision = ? ORDER BY rowid",
                to, inspectionId, from);
        statements.update("INSERT INTO vendor_form_answers (inspection_id, revision, " + ANSWER_COLUMNS
                + ") SELECT inspection_id, ?, " + ANSWER_COLUMNS
                + " FROM vendor_form_answers WHERE inspection_id = ? AND revision = ?", to, inspectionId, from);
    }

    private static Optional<LocalDate> date(String text) {
        return Optional.ofNullable(text).map(LocalDate::parse);
    }

    private static String text(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }
}
