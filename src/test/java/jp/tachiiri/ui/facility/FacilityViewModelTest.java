package jp.tachiiri.ui.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOError;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.testsupport.Profiles;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.ViewModelContext;
import jp.tachiiri.ui.facility.FacilityViewModel.ClaimRow;
import jp.tachiiri.ui.facility.FacilityViewModel.SaveState;
import jp.tachiiri.ui.facility.FacilityViewModel.VendorRow;
import org.junit.jupiter.api.Test;

/** The facility screen's rules, without a screen, on a real SQLite workspace with the demo prefecture. */
class FacilityViewModelTest extends DemoWorkspaceFixture {

    private FacilityViewModel loaded(String facilityId, Language language) {
        FacilityViewModel model = new FacilityViewModel(models(language), facilityId);
        model.load();
        assertThat(model.loadedProperty().get()).isTrue();
        return model;
    }

    private static final String RECORDS_1 = "records-management-1-2024";
    private static final String RECORDS_2 = "records-management-2-2024";
    private static final String LINKAGE = "digital-linkage-inpatient-2026";

    private Facility storedMizuho() {
        return workspace.facilities().byId(MIZUHO).orElseThrow();
    }

    private ClaimRow claim(FacilityViewModel model, String addOnId, String from) {
        ClaimRow row = model.addClaim();
        row.addOnIdProperty().set(addOnId);
        row.fromTextProperty().set(from);
        return row;
    }

    @Test
    void bedsAreAWholeNumberFromZeroTo2000() {
        assertThat(FacilityViewModel.parseBeds("250")).isEqualTo(OptionalInt.of(250));
        assertThat(FacilityViewModel.parseBeds("0")).isEqualTo(OptionalInt.of(0));
        assertThat(FacilityViewModel.parseBeds("2000")).isEqualTo(OptionalInt.of(2000));
        assertThat(FacilityViewModel.parseBeds(" 80 ")).isEqualTo(OptionalInt.of(80));
        assertThat(FacilityViewModel.parseBeds("２５０")).as("full-width digits from a Japanese keyboard")
                .isEqualTo(OptionalInt.of(250));
        for (String wrong : new String[] {"2001", "-1", "12.5", "1e3", "abc", "", "   ", "25 0", "99999", null}) {
            assertThat(FacilityViewModel.parseBeds(wrong)).as(String.valueOf(wrong)).isEmpty();
        }
    }

    @Test
    void loadsTheFacilityIntoTheForm() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);

        assertThat(model.storedProperty().get().name()).isEqualTo("デモ みずほ台病院");
        assertThat(model.bedsTextProperty().get()).isEqualTo("80");
        assertThat(model.medicalInformationSystemProperty().get()).isTrue();
        assertThat(model.emrProperty().get()).isFalse();
        assertThat(model.vendors()).isEmpty();
        assertThat(model.typeProperty().get()).isEqualTo(FacilityType.HOSPITAL);
        assertThat(model.claims()).isEmpty();
        assertThat(model.bedsErrorProperty().get()).isEmpty();
        assertThat(model.typeErrorProperty().get()).isEmpty();
        assertThat(model.saveStateProperty().get()).as("loading is no change").isEqualTo(SaveState.UNCHANGED);
        assertThat(model.inspections()).isEmpty();
        List<InspectionSummary> aobadai = workspace.inspections().list().stream()
                .filter(summary -> summary.facilityId().equals("demo-aobadai")).toList();
        assertThat(aobadai).isNotEmpty();
        assertThat(loaded("demo-aobadai", Language.JA).inspections()).containsExactlyElementsOf(aobadai);
    }

    @Test
    void anUnknownFacilityIsReportedInTheUsersLanguage() {
        FacilityViewModel model = new FacilityViewModel(models(Language.EN), "no-such-id");
        model.load();
        assertThat(model.loadedProperty().get()).isFalse();
        assertThat(model.loadErrorProperty().get()).isEqualTo("Facility no-such-id was not found");
    }

    @Test
    void aValidBedCountIsStoredAtOnce() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);

        model.bedsTextProperty().set("250");

        assertThat(storedMizuho().licensedBeds()).isEqualTo(250);
        assertThat(model.saveStateProperty().get()).isEqualTo(SaveState.SAVED);
        assertThat(model.saveMessageProperty().get()).isEqualTo("保存しました");
    }

    @Test
    void aWrongBedCountIsExplainedAndNotStored() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);

        model.bedsTextProperty().set("2500");
        assertThat(model.bedsErrorProperty().get()).contains("0〜2000").contains("保存されていません");
        assertThat(storedMizuho().licensedBeds()).isEqualTo(80);

        model.bedsTextProperty().set("");
        assertThat(model.bedsErrorProperty().get()).contains("許可病床数を入力してください");
        // Other attributes are still stored, with the last valid bed count.
        model.emrProperty().set(true);
        assertThat(storedMizuho().usesEmr()).isTrue();
        assertThat(storedMizuho().licensedBeds()).isEqualTo(80);

        model.bedsTextProperty().set("120");
        assertThat(model.bedsErrorProperty().get()).isEmpty();
        assertThat(storedMizuho().licensedBeds()).isEqualTo(120);
    }

    @Test
    void theBedErrorIsInEnglishForAnEnglishUser() {
        FacilityViewModel model = loaded(MIZUHO, Language.EN);
        model.bedsTextProperty().set("lots");
        assertThat(model.bedsErrorProperty().get())
                .isEqualTo("Licensed beds must be a whole number from 0 to 2000. This value has not been saved");
    }

    @Test
    void vendorsAreAddedAndRemovedAndOnlyNamedOnesAreStored() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);

        VendorRow first = model.addVendor();
        assertThat(model.vendors()).hasSize(1);
        assertThat(model.saveStateProperty().get()).as("an empty row is not a change").isEqualTo(SaveState.UNCHANGED);
        assertThat(storedMizuho().vendors()).isEmpty();

        first.systemProperty().set("電子カルテ");
        assertThat(first.errorProperty().get()).contains("事業者名を入力してください");
        assertThat(storedMizuho().vendors()).isEmpty();

        first.vendorNameProperty().set(" テスト医療システム株式会社 ");
        assertThat(first.errorProperty().get()).isEmpty();
        assertThat(storedMizuho().vendors()).containsExactly(new VendorContract("テスト医療システム株式会社", "電子カルテ"));

        VendorRow second = model.addVendor();
        second.vendorNameProperty().set("テストレセプト合同会社");
        assertThat(storedMizuho().vendors()).extracting(VendorContract::vendorName)
                .containsExactly("テスト医療システム株式会社", "テストレセプト合同会社");

        model.removeVendor(first);
        assertThat(storedMizuho().vendors()).containsExactly(new VendorContract("テストレセプト合同会社", ""));
        model.removeVendor(second);
        assertThat(model.vendors()).isEmpty();
        assertThat(storedMizuho().vendors()).isEmpty();
    }

    @Test
    void theApplicableCountFollowsTheAttributes() {
        // The catalog of today's fiscal year (the fixture's clock: June 2025, so 2025.1, whose items still use beds).
        Catalog today = workspace.catalogs().forFiscalYear(FiscalYear.of(LocalDate.now(CLOCK)));
        assertThat(today.version()).isEqualTo("2025.1");
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        int small = model.applicableCountProperty().get();
        assertThat(small).isEqualTo(Applicability.applicableItems(today, Profiles.of(80, true, false, false)).size())
                .isPositive();
        assertThat(model.applicableTextProperty().get()).contains(small + " 項目", "2025.1");

        model.bedsTextProperty().set("250");
        int large = model.applicableCountProperty().get();
        assertThat(large).as("items for 250 beds")
                .isEqualTo(Applicability.applicableItems(today, Profiles.of(250, true, false, false)).size());

        model.addVendor().vendorNameProperty().set("テスト医療システム株式会社");
        model.emrProperty().set(true);
        int withVendorAndEmr = model.applicableCountProperty().get();
        assertThat(withVendorAndEmr).isGreaterThan(large).isEqualTo(Applicability.applicableItems(
                today, Profiles.of(250, true, true, true)).size());

        model.bedsTextProperty().set("abc");
        assertThat(model.applicableCountProperty().get()).as("a wrong value changes nothing").isEqualTo(withVendorAndEmr);

        model.medicalInformationSystemProperty().set(false);
        assertThat(model.applicableCountProperty().get()).isZero();
        assertThat(model.applicableTextProperty().get()).contains("前提質問のみ");
    }

    @Test
    void aTypeThatDoesNotAllowTheBedsIsExplainedNamingBothAndNothingIsStored() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);

        model.typeProperty().set(FacilityType.CLINIC_WITHOUT_BEDS);
        assertThat(model.typeErrorProperty().get())
                .isEqualTo("無床診療所の許可病床は0床です（いまは 80 床）。種類か許可病床数を直すまで、どちらも保存されません");
        assertThat(model.bedsTextProperty().get()).as("the beds typed are kept as they are").isEqualTo("80");
        assertThat(model.saveStateProperty().get()).isEqualTo(SaveState.UNCHANGED);
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.HOSPITAL);

        // Other attributes are still stored, with the type and beds that last agreed.
        model.emrProperty().set(true);
        assertThat(storedMizuho().usesEmr()).isTrue();
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.HOSPITAL);
        assertThat(storedMizuho().licensedBeds()).isEqualTo(80);

        model.bedsTextProperty().set("０");
        assertThat(model.typeErrorProperty().get()).isEmpty();
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.CLINIC_WITHOUT_BEDS);
        assertThat(storedMizuho().licensedBeds()).isZero();

        model.typeProperty().set(FacilityType.HOSPITAL);
        assertThat(model.typeErrorProperty().get())
                .isEqualTo("病院は許可病床20床以上です（いまは 0 床）。種類か許可病床数を直すまで、どちらも保存されません");
        model.typeProperty().set(FacilityType.CLINIC_WITH_BEDS);
        assertThat(model.typeErrorProperty().get()).startsWith("有床診療所の許可病床は1〜19床です（いまは 0 床）");
        model.bedsTextProperty().set("19");
        assertThat(model.typeErrorProperty().get()).isEmpty();
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.CLINIC_WITH_BEDS);
        assertThat(storedMizuho().licensedBeds()).isEqualTo(19);

        model.bedsTextProperty().set("20");
        assertThat(model.typeErrorProperty().get()).startsWith("有床診療所の許可病床は1〜19床です（いまは 20 床）");
        assertThat(storedMizuho().licensedBeds()).isEqualTo(19);
    }

    @Test
    void aTypeChosenWhileTheBedsAreNoNumberWaitsForThem() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        model.bedsTextProperty().set("");
        assertThat(model.typeErrorProperty().get()).as("the type has not changed").isEmpty();

        model.typeProperty().set(FacilityType.CLINIC_WITH_BEDS);
        assertThat(model.bedsErrorProperty().get()).contains("許可病床数を入力してください");
        assertThat(model.typeErrorProperty().get()).contains("施設の種類の変更も保存されません");
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.HOSPITAL);

        model.bedsTextProperty().set("12");
        assertThat(model.typeErrorProperty().get()).isEmpty();
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.CLINIC_WITH_BEDS);
        assertThat(storedMizuho().licensedBeds()).isEqualTo(12);
    }

    @Test
    void theTypeErrorIsInEnglishForAnEnglishUser() {
        FacilityViewModel model = loaded(MIZUHO, Language.EN);
        model.bedsTextProperty().set("5");
        assertThat(model.typeErrorProperty().get()).isEqualTo("Hospital: 20 or more licensed beds (now 5). "
                + "Neither is saved until the type or the licensed beds are corrected");
    }

    @Test
    void addOnsAreNamedWithTheDaysTheyAreInForce() {
        FacilityViewModel japanese = loaded(MIZUHO, Language.JA);
        assertThat(japanese.feeAddOnIds()).containsExactly(RECORDS_1, RECORDS_2, LINKAGE);
        assertThat(japanese.addOnName(RECORDS_1)).isEqualTo("診療録管理体制加算1（令和6年度改定）");
        assertThat(japanese.addOnPeriod(RECORDS_1)).isEqualTo("2024年6月1日〜2026年5月31日");
        assertThat(japanese.addOnPeriod(LINKAGE)).isEqualTo("2026年6月1日から");
        assertThat(japanese.addOnName("retired-add-on")).isEqualTo("retired-add-on（最新のチェックリストにない加算）");
        assertThat(japanese.addOnPeriod("retired-add-on")).isEmpty();

        FacilityViewModel english = loaded(MIZUHO, Language.EN);
        assertThat(english.addOnName(RECORDS_2)).isEqualTo("Medical records management add-on 2 (2024 revision)");
        assertThat(english.addOnPeriod(RECORDS_2)).isEqualTo("1 Jun 2024 – 31 May 2026");
        assertThat(english.addOnPeriod(LINKAGE)).isEqualTo("from 1 Jun 2026");
    }

    @Test
    void claimsAreAddedAndRemovedAndOnlyCompleteOnesAreStored() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);

        ClaimRow first = model.addClaim();
        assertThat(first.errorProperty().get()).isEmpty();
        assertThat(model.saveStateProperty().get()).as("an empty row is not a change").isEqualTo(SaveState.UNCHANGED);

        first.fromTextProperty().set("2024/6/1");
        assertThat(first.errorProperty().get()).isEqualTo("加算を選んでください。選ぶまでこの行は保存されません");
        first.fromTextProperty().set("");
        first.addOnIdProperty().set(RECORDS_1);
        assertThat(first.errorProperty().get()).isEqualTo("算定開始日を入力してください。入力するまでこの行は保存されません");
        assertThat(storedMizuho().feeAddOnClaims()).as("a row without a date is not stored yet").isEmpty();

        first.fromTextProperty().set("2024/6/31");
        assertThat(first.errorProperty().get())
                .isEqualTo("算定開始日「2024/6/31」は日付として読めません（例: 2024/6/1）。この行は保存されていません");
        assertThat(storedMizuho().feeAddOnClaims()).isEmpty();

        first.fromTextProperty().set("２０２４／６／１");
        assertThat(first.errorProperty().get()).isEmpty();
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_1, LocalDate.of(2024, 6, 1)));

        ClaimRow twice = claim(model, RECORDS_1, "2025/4/1");
        assertThat(twice.errorProperty().get()).isEqualTo(
                "診療録管理体制加算1（令和6年度改定）は上の行ですでに選ばれています。同じ加算は1行にしてください。この行は保存されません");
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_1, LocalDate.of(2024, 6, 1)));

        twice.addOnIdProperty().set(LINKAGE);
        assertThat(twice.errorProperty().get()).isEmpty();
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_1, LocalDate.of(2024, 6, 1)),
                new FeeAddOnClaim(LINKAGE, LocalDate.of(2025, 4, 1)));

        model.removeClaim(first);
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(LINKAGE, LocalDate.of(2025, 4, 1)));
        model.removeClaim(twice);
        assertThat(model.claims()).isEmpty();
        assertThat(storedMizuho().feeAddOnClaims()).isEmpty();
    }

    /**
     * The add-ons are inpatient ones: a 無床診療所 cannot claim them, so a claim it holds is refused with the reason and
     * not stored, and is stored again once the facility has beds.
     */
    @Test
    void aClinicWithoutBedsCannotClaimAnInpatientAddOn() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        ClaimRow row = claim(model, RECORDS_1, "2024/6/1");
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_1, LocalDate.of(2024, 6, 1)));

        model.bedsTextProperty().set("0");
        model.typeProperty().set(FacilityType.CLINIC_WITHOUT_BEDS);
        assertThat(row.errorProperty().get())
                .isEqualTo("診療録管理体制加算1（令和6年度改定）は無床診療所では算定できません（入院の加算です）");
        assertThat(storedMizuho().type()).isEqualTo(FacilityType.CLINIC_WITHOUT_BEDS);
        assertThat(storedMizuho().feeAddOnClaims()).isEmpty();

        model.bedsTextProperty().set("19");
        model.typeProperty().set(FacilityType.CLINIC_WITH_BEDS);
        assertThat(row.errorProperty().get()).isEmpty();
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_1, LocalDate.of(2024, 6, 1)));
    }

    @Test
    void aClaimFromAfterTheAddOnsLastDayIsRefused() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        ClaimRow row = claim(model, RECORDS_2, "2026/6/1");
        assertThat(row.errorProperty().get()).isEqualTo("診療録管理体制加算2（令和6年度改定）は2026年5月31日までの加算です。"
                + "算定開始日がそれより後のため、この行は保存されていません");
        assertThat(storedMizuho().feeAddOnClaims()).isEmpty();

        row.fromTextProperty().set("2026/5/31");
        assertThat(row.errorProperty().get()).isEmpty();
        assertThat(storedMizuho().feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_2, LocalDate.of(2026, 5, 31)));
    }

    @Test
    void theSameAddOnTwiceIsRefusedInTheRowBelowWhateverTheRowAboveHolds() {
        FacilityViewModel model = loaded(MIZUHO, Language.EN);
        ClaimRow above = claim(model, RECORDS_2, "not yet");
        ClaimRow below = claim(model, RECORDS_2, "2024/6/1");
        assertThat(above.errorProperty().get()).isEqualTo("Claimed from: \"not yet\" is not a date (e.g. 2024/6/1). "
                + "This row has not been saved");
        assertThat(below.errorProperty().get()).isEqualTo("Medical records management add-on 2 (2024 revision) is already "
                + "chosen in a row above: keep one row per add-on. This row is not saved");
        assertThat(storedMizuho().feeAddOnClaims()).isEmpty();
    }

    @Test
    void storedClaimsAreReadBackIntoRowsAndAnUnknownAddOnIsKept() {
        Facility mizuho = storedMizuho();
        List<FeeAddOnClaim> claims = List.of(new FeeAddOnClaim("retired-add-on", LocalDate.of(2020, 4, 1)),
                new FeeAddOnClaim(RECORDS_1, LocalDate.of(2024, 6, 1)));
        workspace.facilities().save(new Facility(mizuho.id(), mizuho.code(), mizuho.name(), mizuho.kana(),
                mizuho.address(), mizuho.type(), mizuho.licensedBeds(), true, false, List.of(), claims, true));

        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        assertThat(model.claims()).extracting(row -> row.addOnIdProperty().get())
                .containsExactly("retired-add-on", RECORDS_1);
        assertThat(model.claims()).extracting(row -> row.fromTextProperty().get())
                .containsExactly("2020年4月1日", "2024年6月1日");
        assertThat(model.claims()).extracting(row -> row.errorProperty().get()).containsOnly("");

        model.emrProperty().set(true);
        assertThat(storedMizuho().feeAddOnClaims()).as("editing something else keeps every claim").isEqualTo(claims);
    }

    @Test
    void theApplicableCountFollowsTypeAndAClaimInForceToday() {
        // 20 May 2026: FY2026, so catalog 2026.1, and the 2024 rules of the add-on still in force.
        workspace.close();
        workspace = Workspace.open(data, Clock.fixed(Instant.parse("2026-05-20T01:00:00Z"), ZoneId.of("Asia/Tokyo")));
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        model.bedsTextProperty().set("250");
        model.emrProperty().set(true);
        int withoutClaim = model.applicableCountProperty().get();

        ClaimRow row = claim(model, RECORDS_2, "2024/6/1");
        int withClaim = model.applicableCountProperty().get();
        // The dedicated security manager and the staff training: for hospitals of 200+ beds claiming the add-on.
        assertThat(withClaim).isEqualTo(withoutClaim + 2);
        assertThat(model.applicableTextProperty().get()).contains(withClaim + " 項目");

        row.fromTextProperty().set("2026/5/21");
        assertThat(model.applicableCountProperty().get()).as("a claim from a later day is not in force today")
                .isEqualTo(withoutClaim);
        row.fromTextProperty().set("2026/5/20");
        assertThat(model.applicableCountProperty().get()).as("a claim from today is").isEqualTo(withClaim);

        model.bedsTextProperty().set("199");
        assertThat(model.applicableCountProperty().get()).as("under 200 beds").isEqualTo(withoutClaim);
        model.bedsTextProperty().set("250");

        model.typeProperty().set(FacilityType.CLINIC_WITH_BEDS);
        assertThat(model.applicableCountProperty().get()).as("a type refused with the beds changes nothing")
                .isEqualTo(withClaim);
        model.bedsTextProperty().set("19");
        assertThat(model.applicableCountProperty().get()).as("a clinic").isEqualTo(withoutClaim);
    }

    @Test
    void aClaimOfAnAddOnNoLongerInForceTodayChangesNoItem() {
        FacilityViewModel first = loaded(MIZUHO, Language.JA);
        first.bedsTextProperty().set("250");
        claim(first, RECORDS_2, "2024/6/1");
        workspace.close();

        // 1 July 2026: the 2024 add-on ended on 31 May 2026.
        workspace = Workspace.open(data, Clock.fixed(Instant.parse("2026-07-01T01:00:00Z"), ZoneId.of("Asia/Tokyo")));
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        assertThat(model.claims()).hasSize(1);
        int withClaim = model.applicableCountProperty().get();
        model.removeClaim(model.claims().get(0));
        assertThat(storedMizuho().feeAddOnClaims()).isEmpty();
        assertThat(model.applicableCountProperty().get()).isEqualTo(withClaim);
    }

    @Test
    void aFailedSaveIsShownAndTheNextChangeTriesAgain() {
        boolean[] diskFull = {false};
        Background sameThread = new SameThread();
        Background diskFullWhenSaid = new Background() {
            @Override
            public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
                // An Error, not an exception: the screen must still leave "saving" and say what failed.
                Supplier<T> failing = () -> {
                    throw new IOError(new IOException("disk full"));
                };
                sameThread.submit(diskFull[0] ? failing : work, onSuccess, onFailure);
            }

            @Override
            public void toScreen(Runnable update) {
                update.run();
            }
        };
        FacilityViewModel model = new FacilityViewModel(
                new ViewModelContext(workspace, diskFullWhenSaid, Messages.of(Language.JA)), MIZUHO);
        model.load();

        diskFull[0] = true;
        model.bedsTextProperty().set("300");
        assertThat(model.saveStateProperty().get()).isEqualTo(SaveState.FAILED);
        assertThat(model.saveMessageProperty().get()).startsWith("保存できませんでした").contains("disk full");
        assertThat(storedMizuho().licensedBeds()).isEqualTo(80);

        diskFull[0] = false;
        model.emrProperty().set(true);
        assertThat(model.saveStateProperty().get()).isEqualTo(SaveState.SAVED);
        assertThat(storedMizuho().licensedBeds()).as("the whole facility is written again").isEqualTo(300);
        assertThat(storedMizuho().usesEmr()).isTrue();
    }

    @Test
    void aSaveLandsInTheDataFileForTheNextOpening() {
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        model.bedsTextProperty().set("250");
        model.emrProperty().set(true);
        model.addVendor().vendorNameProperty().set("テスト医療システム株式会社");
        claim(model, RECORDS_2, "2024/6/1");
        workspace.close();

        workspace = Workspace.open(data, CLOCK);
        Facility reopened = workspace.facilities().byId(MIZUHO).orElseThrow();
        assertThat(reopened.licensedBeds()).isEqualTo(250);
        assertThat(reopened.usesEmr()).isTrue();
        assertThat(reopened.vendors()).isEqualTo(List.of(new VendorContract("テスト医療システム株式会社", "")));
        assertThat(reopened.feeAddOnClaims()).containsExactly(new FeeAddOnClaim(RECORDS_2, LocalDate.of(2024, 6, 1)));
        assertThat(reopened.type()).isEqualTo(FacilityType.HOSPITAL);
        assertThat(reopened.name()).isEqualTo("デモ みずほ台病院");
        assertThat(reopened.demo()).isTrue();
    }
}
