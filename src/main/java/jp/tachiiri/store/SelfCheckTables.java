package jp.tachiiri.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * vendors' forms of a revision, here or as a bundle brought them; and their twins {@code plan_hospital_form} and so on,
 * which hold a planned inspection's self-check as the hospital's workbooks filled it in (schema 8).
 */
final class SelfCheckTables {

    private static final String HOSPITAL_COLUMNS =
            "ministry_number, answer, checked_on, target_date, confirmation, confirmation_reason, updated_at";
    private static final String VENDOR_COLUMNS = "vendor_name, system, status, filled_on, missing_reason, updated_at";
    private static final String ANSWER_COLUMNS = "vendor_name, system, ministry_number, answer";

    /**
     * Whose forms: an inspection's revision (the tables of schema 7) or a plan's self-check (those of schema 8, named
     * with {@code plan_} before them and keyed by the plan alone). The same rows, the same code.
     */
    record Owner(String prefix, String keyColumns, List<Object> key) {

        static Owner revision(String inspectionId, int revision) {
            return new Owner("", "inspection_id, revision", List.of(inspectionId, revision));
        }

        static Owner plan(String planId) {
            return new Owner("plan_", "plan_id", List.of(planId));
        }

        private String where() {
            return String.join(" AND ", Arrays.stream(keyColumns.split(", ")).map(column -> column + " = ?").toList());
        }

        private String marks() {
            return "?, ".repeat(key.size());
        }

        /** The owner's key, then {@code rest}: the parameters of a statement that names the owner first. */
        private Object[] with(Object... rest) {
            return concat(key.toArray(), rest);
        }

        private String hospitalInsert() {
            return "INSERT INTO " + prefix + "hospital_form (" + keyColumns + ", " + HOSPITAL_COLUMNS + ") VALUES ("
                    + marks() + "?, ?, ?, ?, ?, ?, ?)";
        }

        private String vendorInsert() {
            return "INSERT INTO " + prefix + "vendor_forms (" + keyColumns + ", " + VENDOR_COLUMNS + ") VALUES ("
                    + marks() + "?, ?, ?, ?, ?, ?)";
        }

        private String answerInsert() {
            return "INSERT INTO " + prefix + "vendor_form_answers (" + keyColumns + ", " + ANSWER_COLUMNS + ") VALUES ("
                    + marks() + "?, ?, ?, ?)";
        }
    }

    private SelfCheckTables() {
    }

    /** Both forms of a revision as stored. */
    static SelfCheck read(Statements statements, String inspectionId, int revision) throws SQLException {
        return read(statements, Owner.revision(inspectionId, revision));
    }

    /** Both forms of a revision or a plan as stored. */
    static SelfCheck read(Statements statements, Owner owner) throws SQLException {
        Map<String, HospitalFormEntry> hospital = new LinkedHashMap<>();
        for (HospitalFormEntry entry : statements.query("SELECT " + HOSPITAL_COLUMNS + " FROM " + owner.prefix()
                + "hospital_form WHERE " + owner.where(), row -> new HospitalFormEntry(
                row.getString(1), Optional.ofNullable(row.getString(2)).map(SelfCheckAnswer::valueOf),
                date(row.getString(3)), date(row.getString(4)),
                Optional.ofNullable(row.getString(5)).map(Confirmation::valueOf), row.getString(6)), owner.with())) {
            hospital.put(entry.ministryNumber(), entry);
        }
        Map<VendorContract, Map<String, SelfCheckAnswer>> answers = new HashMap<>();
        for (String[] answer : statements.query("SELECT " + ANSWER_COLUMNS + " FROM " + owner.prefix()
                + "vendor_form_answers WHERE " + owner.where(), row -> new String[] {
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)}, owner.with())) {
            answers.computeIfAbsent(new VendorContract(answer[0], answer[1]), key -> new HashMap<>())
                    .put(answer[2], SelfCheckAnswer.valueOf(answer[3]));
        }
        List<VendorForm> vendors = new ArrayList<>();
        for (VendorForm form : statements.query("SELECT " + VENDOR_COLUMNS + " FROM " + owner.prefix()
                + "vendor_forms WHERE " + owner.where() + " ORDER BY rowid", row -> {
            VendorContract contract = new VendorContract(row.getString(1), row.getString(2));
            return new VendorForm(contract, VendorForm.Status.valueOf(row.getString(3)), date(row.getString(4)),
                    row.getString(5), answers.getOrDefault(contract, Map.of()));
        }, owner.with())) {
            vendors.add(form);
        }
        return new SelfCheck(hospital, vendors);
    }

    static void writeHospitalEntry(Statements statements, String inspectionId, int revision, HospitalFormEntry entry,
                                   Instant updatedAt) throws SQLException {
        writeHospitalEntry(statements, Owner.revision(inspectionId, revision), entry, updatedAt);
    }

    /**
     * Stores a row of the hospital's form, as changed at {@code updatedAt}; a row left blank is removed, so that a
     * cleared row counts nowhere as recorded.
     */
    static void writeHospitalEntry(Statements statements, Owner owner, HospitalFormEntry entry, Instant updatedAt)
            throws SQLException {
        statements.update("DELETE FROM " + owner.prefix() + "hospital_form WHERE " + owner.where()
                + " AND ministry_number = ?", owner.with(entry.ministryNumber()));
        if (entry.isBlank()) {
            return;
        }
        statements.update(owner.hospitalInsert(), owner.with(entry.ministryNumber(),
                entry.answer().map(Enum::name).orElse(null), text(entry.checkedOn()), text(entry.targetDate()),
                entry.confirmation().map(Enum::name).orElse(null), entry.confirmationReason(), updatedAt.toString()));
    }

    static void writeVendorForm(Statements statements, String inspectionId, int revision, VendorForm form,
                                Instant updatedAt) throws SQLException {
        writeVendorForm(statements, Owner.revision(inspectionId, revision), form, updatedAt);
    }

    /**
     * Stores a vendor contract's form with exactly its answers, as changed at {@code updatedAt}; a form recorded
     * before keeps its place among the others.
     */
    static void writeVendorForm(Statements statements, Owner owner, VendorForm form, Instant updatedAt)
            throws SQLException {
        VendorContract contract = form.contract();
        int changed = statements.update("UPDATE " + owner.prefix() + "vendor_forms SET status = ?, filled_on = ?,"
                + " missing_reason = ?, updated_at = ? WHERE " + owner.where() + " AND vendor_name = ? AND system = ?",
                concat(new Object[] {form.status().name(), text(form.filledOn()), form.missingReason(),
                        updatedAt.toString()}, owner.with(contract.vendorName(), contract.system())));
        if (changed == 0) {
            statements.update(owner.vendorInsert(), owner.with(contract.vendorName(), contract.system(),
                    form.status().name(), text(form.filledOn()), form.missingReason(), updatedAt.toString()));
        }
        statements.update("DELETE FROM " + owner.prefix() + "vendor_form_answers WHERE " + owner.where()
                + " AND vendor_name = ? AND system = ?", owner.with(contract.vendorName(), contract.system()));
        for (Map.Entry<String, SelfCheckAnswer> answer : form.answers().entrySet()) {
            statements.update(owner.answerInsert(), owner.with(contract.vendorName(), contract.system(),
                    answer.getKey(), answer.getValue().name()));
        }
    }

    /** {@code first}, then {@code second}: the parameters of a statement in order. */
    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** The hospital's rows of a revision or a plan as a bundle carries them, in ministry-number order. */
    static List<BundleRecords.HospitalFormRow> hospitalRows(Statements statements, Owner owner) throws SQLException {
        return statements.query("SELECT " + HOSPITAL_COLUMNS + " FROM " + owner.prefix() + "hospital_form WHERE "
                + owner.where() + " ORDER BY ministry_number", row -> new BundleRecords.HospitalFormRow(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7)), owner.with());
    }

    /**
     * The vendor forms of a revision or a plan as a bundle carries them, in the order they were first recorded, each
     * form's answers in ministry-number order.
     */
    static List<BundleRecords.VendorForm> vendorForms(Statements statements, Owner owner) throws SQLException {
        List<BundleRecords.VendorForm> vendors = new ArrayList<>();
        for (BundleRecords.VendorForm form : statements.query("SELECT " + VENDOR_COLUMNS + " FROM " + owner.prefix()
                + "vendor_forms WHERE " + owner.where() + " ORDER BY rowid",
                row -> new BundleRecords.VendorForm(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), List.of(), row.getString(6)), owner.with())) {
            vendors.add(new BundleRecords.VendorForm(form.vendor(), form.system(), form.status(), form.filledOn(),
                    form.missingReason(), statements.query("SELECT ministry_number, answer FROM " + owner.prefix()
                            + "vendor_form_answers WHERE " + owner.where() + " AND vendor_name = ? AND system = ?"
                            + " ORDER BY ministry_number", row -> new BundleRecords.VendorAnswer(row.getString(1),
                            row.getString(2)), owner.with(form.vendor(), form.system())), form.updatedAt()));
        }
        return vendors;
    }

    /** Adds forms as a bundle brought them, each row with the time it was last changed where it was recorded. */
    static void insertRows(Statements statements, Owner owner, List<BundleRecords.HospitalFormRow> hospital,
                           List<BundleRecords.VendorForm> vendors) throws SQLException {
        for (BundleRecords.HospitalFormRow row : hospital) {
            statements.update(owner.hospitalInsert(), owner.with(row.ministryNumber(), row.answer(), row.checkedOn(),
                    row.targetDate(), row.confirmation(), row.confirmationReason(), row.updatedAt()));
        }
        for (BundleRecords.VendorForm form : vendors) {
            statements.update(owner.vendorInsert(), owner.with(form.vendor(), form.system(), form.status(),
                    form.filledOn(), form.missingReason(), form.updatedAt()));
            for (BundleRecords.VendorAnswer answer : form.answers()) {
                statements.update(owner.answerInsert(), owner.with(form.vendor(), form.system(),
                        answer.ministryNumber(), answer.answer()));
            }
        }
    }

    /** Removes every row of both forms of a revision or a plan. */
    static void deleteAll(Statements statements, Owner owner) throws SQLException {
        statements.update("DELETE FROM " + owner.prefix() + "hospital_form WHERE " + owner.where(), owner.with());
        statements.update("DELETE FROM " + owner.prefix() + "vendor_forms WHERE " + owner.where(), owner.with());
    }

    /**
     * Both forms of a revision as a bundle carries them, each row with the time it was last changed: the hospital's
     * rows and each form's answers in ministry-number order, the vendor forms in the order they were first recorded
     * (which an import keeps, so that the office sends them on as the tablet sent them).
     */
    static BundleRecords.Revision withForms(Statements statements, String inspectionId, BundleRecords.Revision revision)
            throws SQLException {
        Owner owner = Owner.revision(inspectionId, revision.revision());
        return revision.withForms(hospitalRows(statements, owner), vendorForms(statements, owner));
    }

    /** A plan's self-check as an assignments bundle carries it. */
    static BundleRecords.PlanSelfCheck planSelfCheck(Statements statements, String planId) throws SQLException {
        Owner owner = Owner.plan(planId);
        return new BundleRecords.PlanSelfCheck(planId, hospitalRows(statements, owner), vendorForms(statements, owner));
    }

    /**
     * Stores a plan's self-check as it arrived, in place of the one held before; false (and nothing written) when it is
     * the one held already.
     */
    static boolean replacePlanSelfCheck(Statements statements, BundleRecords.PlanSelfCheck arriving) throws SQLException {
        if (planSelfCheck(statements, arriving.planId()).equals(arriving)) {
            return false;
        }
        Owner owner = Owner.plan(arriving.planId());
        deleteAll(statements, owner);
        insertRows(statements, owner, arriving.hospitalForm(), arriving.vendorForms());
        return true;
    }

    /** Adds the forms of a revision that arrived in a bundle, as the tablet recorded them; an older bundle's has none. */
    static void insertArriving(Statements statements, String inspectionId, BundleRecords.Revision revision)
            throws SQLException {
        if (revision.carriesForms()) {
            insertRows(statements, Owner.revision(inspectionId, revision.revision()), revision.hospitalForm(),
                    revision.vendorForms());
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
