package jp.tachiiri.ui.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOError;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.testsupport.Profiles;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.ViewModelContext;
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

    private Facility storedMizuho() {
        return workspace.facilities().byId(MIZUHO).orElseThrow();
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
        assertThat(model.bedsErrorProperty().get()).isEmpty();
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
        FacilityViewModel model = loaded(MIZUHO, Language.JA);
        int small = model.applicableCountProperty().get();
        assertThat(small).isEqualTo(Applicability.applicableItems(workspace.catalogs().latest(),
                Profiles.of(80, true, false, false)).size()).isPositive();
        assertThat(model.applicableTextProperty().get()).contains(small + " 項目");

        model.bedsTextProperty().set("250");
        int large = model.applicableCountProperty().get();
        // Beds alone decide nothing: the 200-bed items are the fee add-on's, for a facility that claims it.
        assertThat(large).as("items for 250 beds without a fee add-on").isEqualTo(small);

        model.addVendor().vendorNameProperty().set("テスト医療システム株式会社");
        model.emrProperty().set(true);
        int withVendorAndEmr = model.applicableCountProperty().get();
        assertThat(withVendorAndEmr).isGreaterThan(large).isEqualTo(Applicability.applicableItems(
                workspace.catalogs().latest(), Profiles.of(250, true, true, true)).size());

        model.bedsTextProperty().set("abc");
        assertThat(model.applicableCountProperty().get()).as("a wrong value changes nothing").isEqualTo(withVendorAndEmr);

        model.medicalInformationSystemProperty().set(false);
        assertThat(model.applicableCountProperty().get()).isZero();
        assertThat(model.applicableTextProperty().get()).contains("前提質問のみ");
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
        workspace.close();

        workspace = Workspace.open(data, CLOCK);
        Facility reopened = workspace.facilities().byId(MIZUHO).orElseThrow();
        assertThat(reopened.licensedBeds()).isEqualTo(250);
        assertThat(reopened.usesEmr()).isTrue();
        assertThat(reopened.vendors()).isEqualTo(List.of(new VendorContract("テスト医療システム株式会社", "")));
        assertThat(reopened.name()).isEqualTo("デモ みずほ台病院");
        assertThat(reopened.demo()).isTrue();
    }
}
