package jp.tachiiri.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;

/**
 * An inspection whose hospital's and vendors' forms are filled in as an inspector enters them, on a real tablet's
 * data folder: for the tests of where the forms go (bundles, the office's review).
 */
public final class SelfCheckFixture {

    public static final String ACTOR = "test-inspector";
    public static final VendorContract EMR = new VendorContract("電子カルテ社", "電子カルテ");
    public static final VendorContract PACS = new VendorContract("画像システム社", "PACS");
    public static final String FACILITY_NAME = "デモ 森の丘病院";
    private static final LocalDate DAY = LocalDate.parse("2025-06-10");

    private SelfCheckFixture() {
    }

    /** A hospital with two vendor contracts. */
    public static Facility facility() {
        return new Facility("demo-morinooka", "9910000077", FACILITY_NAME, "でも もりのおかびょういん", "デモ県森の丘1-1",
                FacilityType.HOSPITAL, 120, true, true, List.of(EMR, PACS), List.of(), true);
    }

    /** An inspection of the facility on 2025-06-10 with the gate and the device ledger (不適合) answered, in progress. */
    public static String inspected(Workspace tablet) {
        tablet.facilities().save(facility());
        Inspection started = tablet.inspections().start(new NewInspection(facility().id(), DAY, List.of("立入 花子"),
                List.of(new Attendee("情報 二郎", "システム担当")), true), ACTOR);
        String gate = tablet.inspections().catalogOf(started).gate().id();
        tablet.inspections().record(started.id(), Finding.empty(gate).withAnswer(Answer.YES), ACTOR);
        tablet.inspections().record(started.id(), Finding.empty("vulnerability.device-ledger")
                .withAnswer(Answer.NON_COMPLIANT).withTargetDate(LocalDate.parse("2025-09-30")), ACTOR);
        return started.id();
    }

    /**
     * Both forms as an inspector enters them: the hospital's はい and いいえ with their days, a 相違 and a 未確認 with
     * their reasons; one vendor's form received with its answers, the other's missing with the reason. Finalized,
     * then amended: the second revision finds a 相違 where the first had confirmed (2-⑩).
     */
    public static String inspectedWithForms(Workspace tablet) {
        String id = inspected(tablet);
        LocalDate checked = LocalDate.parse("2025-06-01");
        tablet.selfCheck().recordHospitalForm(id, List.of(
                entry("2-①", SelfCheckAnswer.YES, checked, null, Confirmation.DIFFERS, "台帳が2023年から更新されていない"),
                entry("2-⑦", SelfCheckAnswer.YES, checked, null, Confirmation.AGREES, ""),
                entry("2-⑩", SelfCheckAnswer.NO, checked, LocalDate.parse("2026-03-31"), Confirmation.AGREES, ""),
                entry("3-①", null, null, null, Confirmation.NOT_CONFIRMED, "担当者が不在")), ACTOR);
        tablet.selfCheck().recordVendorForm(id, new VendorForm(EMR, VendorForm.Status.RECEIVED,
                Optional.of(LocalDate.parse("2025-05-28")), "", Map.of("2-⑦", SelfCheckAnswer.YES, "2-⑩", SelfCheckAnswer.NO)),
                ACTOR);
        tablet.selfCheck().recordVendorForm(id, new VendorForm(PACS, VendorForm.Status.MISSING, Optional.empty(),
                "提出を依頼中", Map.of()), ACTOR);
        tablet.inspections().finalizeInspection(id, ACTOR);
        tablet.inspections().amend(id, "二要素認証の確認を訂正", ACTOR);
        HospitalFormEntry twoFactor = tablet.selfCheck().selfCheck(id, 2).entry("2-⑩");
        tablet.selfCheck().recordHospitalForm(id, List.of(twoFactor.withConfirmation(Optional.of(Confirmation.DIFFERS),
                "電子カルテの利用者は二要素認証済み（回答はいいえ）")), ACTOR);
        tablet.inspections().finalizeInspection(id, ACTOR);
        return id;
    }

    /**
     * The tablet's bundle {@code bundle} of {@link #inspectedWithForms} as another device's copy of the tablet (a
     * restored backup) would send it, under a new id in {@code folder}: its revision 2 confirms 2-⑩ after all and has
     * the PACS vendor's form received on 2025-06-05 with one answer (2-⑦ いいえ); nothing else differs. {@code office}:
     * the recipient {@code bundle} is sealed to.
     */
    public static Path withOtherForms(Path bundle, DeviceIdentity office, Path folder, DeviceIdentity tablet) throws IOException {
        return RewrittenBundles.rewrite(bundle, office, folder, tablet, "2.2", payload -> {
            ObjectNode revision = (ObjectNode) payload.at("/inspections/0/revisions/1");
            ((ObjectNode) revision.at("/hospitalForm/2")).put("confirmation", "AGREES");
            ((ObjectNode) revision.at("/vendorForms/1")).put("status", "RECEIVED").put("filledOn", "2025-06-05")
                    .put("missingReason", "").putArray("answers").addObject().put("ministryNumber", "2-⑦").put("answer", "NO");
        });
    }

    private static HospitalFormEntry entry(String number, SelfCheckAnswer answer, LocalDate checked, LocalDate target,
                                           Confirmation confirmation, String reason) {
        return new HospitalFormEntry(number, Optional.ofNullable(answer), Optional.ofNullable(checked),
                Optional.ofNullable(target), Optional.of(confirmation), reason);
    }
}
