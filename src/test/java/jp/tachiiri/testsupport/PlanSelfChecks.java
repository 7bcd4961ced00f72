package jp.tachiiri.testsupport;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.WorkbookRequest;

/**
 * Filled self-check workbooks as the reader hands them over after accepting a file whole, built here rather than read
 * from a file: for the tests of what the office and the tablet do with one.
 */
public final class PlanSelfChecks {

    public static final LocalDate CHECKED = LocalDate.parse("2026-05-20");

    private PlanSelfChecks() {
    }

    /** An office holding {@link SelfCheckFixture#facility()} (two vendor contracts) and a plan to inspect it. */
    public static PlannedInspection planned(Workspace office, LocalDate day) {
        office.facilities().save(SelfCheckFixture.facility());
        return office.sync().plan(SelfCheckFixture.facility().id(), "hanako", "デモ 立入花子", day);
    }

    /** A row of the hospital's form as the hospital fills it in: no confirmation, that is the inspector's. */
    public static HospitalFormEntry row(String number, SelfCheckAnswer answer, LocalDate target) {
        return new HospitalFormEntry(number, Optional.of(answer), Optional.of(CHECKED), Optional.ofNullable(target),
                Optional.empty(), "");
    }

    /** The hospital's filled workbook of the plan with these rows; {@code sha256} names the file. */
    public static FilledWorkbook hospital(Workspace office, String planId, String sha256, HospitalFormEntry... rows) {
        WorkbookRequest request = office.selfCheckImport().request(planId).orElseThrow();
        Map<String, HospitalFormEntry> byNumber = new LinkedHashMap<>();
        for (HospitalFormEntry row : rows) {
            byNumber.put(row.ministryNumber(), row);
        }
        return new FilledWorkbook(request, byNumber, Optional.empty(), sha256);
    }

    /** A vendor's filled workbook of the plan, written while the facility had the contract. */
    public static FilledWorkbook vendor(Workspace office, String planId, VendorContract contract, String sha256,
                                        Map<String, SelfCheckAnswer> answers) {
        WorkbookRequest hospital = office.selfCheckImport().request(planId).orElseThrow();
        WorkbookRequest request = WorkbookRequest.vendor(hospital.plan(), hospital.facility(), hospital.catalog(), contract);
        VendorForm form = new VendorForm(contract, VendorForm.Status.RECEIVED, Optional.of(CHECKED.minusDays(3)), "",
                answers);
        return new FilledWorkbook(request, Map.of(), Optional.of(form), sha256);
    }
}
