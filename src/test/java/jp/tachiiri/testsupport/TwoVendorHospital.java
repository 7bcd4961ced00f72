package jp.tachiiri.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;

/**
 * For tests of the hospital's and vendors' forms on the screens: a hospital with two vendor contracts, inspected
 * last year (its form then said はい to 2-⑥, which the inspector marked 相違) and today, with nothing recorded yet.
 */
public final class TwoVendorHospital {

    public static final String FACILITY = "test-kawabe";
    public static final String NAME = "テスト 川辺総合病院";
    public static final VendorContract EMR = new VendorContract("北日本メディカル株式会社", "電子カルテ");
    public static final VendorContract BILLING = new VendorContract("医事システム工房", "レセプト");
    /** Last year's row of the hospital's form that the inspector found to differ. */
    public static final String LAST_YEARS_DIFFERENCE = "2-⑥";
    public static final String LAST_YEARS_REASON = "ログの削除が管理者に許されていた";

    private TwoVendorHospital() {
    }

    /** Adds the hospital and both inspections; returns today's, in progress. */
    public static Inspection inspectedToday(Workspace workspace, LocalDate today) {
        workspace.facilities().save(new Facility(FACILITY, "9910009999", NAME, "てすと かわべそうごうびょういん",
                "テスト県川辺町1-1", FacilityType.HOSPITAL, 300, true, true, List.of(EMR, BILLING), List.of(), false));
        LocalDate lastYear = today.minusYears(1);
        Inspection previous = start(workspace, lastYear);
        workspace.selfCheck().recordHospitalForm(previous.id(), List.of(HospitalFormEntry.empty(LAST_YEARS_DIFFERENCE)
                .withAnswer(Optional.of(SelfCheckAnswer.YES)).withCheckedOn(Optional.of(lastYear.minusDays(7)))
                .withConfirmation(Optional.of(Confirmation.DIFFERS), LAST_YEARS_REASON)), "tester");
        workspace.inspections().finalizeInspection(previous.id(), "tester");
        return start(workspace, today);
    }

    private static Inspection start(Workspace workspace, LocalDate day) {
        return workspace.inspections().start(new NewInspection(FACILITY, day, List.of("テスト 検査花子"), List.of(), false),
                "tester");
    }
}
