package jp.tachiiri.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.model.AdviceVariant;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ChecklistRef;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.FacilityAttribute;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.GateQuestion;
import jp.tachiiri.model.LocalizedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog shipped in resources/catalog/ loads and is fit to inspect with. */
class BundledCatalogTest {

    /** A small clinic-sized hospital: no vendor contract, no electronic medical record. */
    private static final FacilityProfile SMALL = new FacilityProfile(80, true, false, false);
    /** A large hospital with a vendor contract and an electronic medical record. */
    private static final FacilityProfile LARGE = new FacilityProfile(450, true, true, true);

    /** Same flags, only the bed count differs, so any difference in advice comes from the bed count. */
    private static final FacilityProfile SMALL_WITHOUT_EXTRAS = new FacilityProfile(80, true, false, false);
    private static final FacilityProfile LARGE_WITHOUT_EXTRAS = new FacilityProfile(450, true, false, false);

    private static CatalogLibrary library;
    private static Catalog catalog;

    @BeforeAll
    static void loadBundled() {
        library = CatalogLibrary.bundled();
        catalog = library.latest();
    }

    @Test
    void bundledLibraryLoadsAndItsLatestVersionIs2025_1() {
        assertThat(library.all()).isNotEmpty();
        assertThat(catalog.version()).isEqualTo("2025.1");
        assertThat(catalog.fiscalYear()).isEqualTo(2025);
        assertThat(library.version("2025.1")).containsSame(catalog);
        assertThat(library.version("1999.1")).isEmpty();
        assertThat(library.all()).last().isSameAs(catalog);
    }

    @Test
    void hasExactlyTheFourCheckpointsInTheNoticesOrder() {
        assertThat(catalog.sections())
                .extracting(CheckpointSection::checkpoint)
                .containsExactly(Checkpoint.VULNERABILITY, Checkpoint.BACKUP, Checkpoint.RECOVERY, Checkpoint.CONTACT);
        for (CheckpointSection section : catalog.sections()) {
            assertThat(section.items()).as("items of %s", section.checkpoint()).isNotEmpty();
            assertThat(section.items()).allSatisfy(item -> assertThat(item.checkpoint()).isEqualTo(section.checkpoint()));
            assertBothLanguages(section.title(), "title of " + section.checkpoint());
            assertBothLanguages(section.summary(), "summary of " + section.checkpoint());
        }
    }

    @Test
    void gateQuestionIsPresentInBothLanguages() {
        GateQuestion gate = catalog.gate();
        assertThat(gate).isNotNull();
        assertThat(gate.id()).isNotBlank();
        assertBothLanguages(gate.title(), "gate title");
        assertBothLanguages(gate.guidance(), "gate guidance");
        assertThat(gate.checklistRef()).as("the gate is not a checklist item").isEmpty();
    }

    @Test
    void everyItemHasTitleAndGuidanceInBothLanguages() {
        assertThat(catalog.items()).isNotEmpty();
        for (CatalogItem item : catalog.items()) {
            assertBothLanguages(item.title(), item.id() + " title");
            assertBothLanguages(item.guidance(), item.id() + " guidance");
        }
    }

    @Test
    void everyItemThatAllowsNonCompliantHasAdviceEndingInAnUnconditionalVariant() {
        List<CatalogItem> nonCompliantAllowed = catalog.items().stream()
                .filter(item -> item.answers().contains(Answer.NON_COMPLIANT))
                .toList();
        assertThat(nonCompliantAllowed).isNotEmpty();
        for (CatalogItem item : nonCompliantAllowed) {
            assertThat(item.advice()).as("advice of %s", item.id()).isNotEmpty();
            assertThat(item.advice().get(item.advice().size() - 1).when())
                    .as("last advice variant of %s must be the default", item.id())
                    .isEmpty();
            for (AdviceVariant variant : item.advice()) {
                assertBothLanguages(variant.text(), item.id() + " advice");
            }
            // With a default variant, every facility gets some advice.
            assertThat(item.adviceFor(SMALL)).as("advice of %s for a small hospital", item.id()).isPresent();
            assertThat(item.adviceFor(LARGE)).as("advice of %s for a large hospital", item.id()).isPresent();
        }
    }

    @Test
    void itemIdsAreUniqueIncludingTheGate() {
        List<String> ids = new ArrayList<>();
        ids.add(catalog.gate().id());
        catalog.items().forEach(item -> ids.add(item.id()));
        assertThat(ids).doesNotHaveDuplicates();
        for (CatalogItem item : catalog.items()) {
            assertThat(catalog.item(item.id())).containsSame(item);
        }
    }

    @Test
    void everyLabelOfTheFy2025ChecklistIsCovered() {
        List<String> expected = new ArrayList<>();
        expected.add("R7 1-" + circled(1));
        for (int i = 1; i <= 13; i++) {
            expected.add("R7 2-" + circled(i));
        }
        for (int i = 1; i <= 3; i++) {
            expected.add("R7 3-" + circled(i));
        }
        assertThat(expected).hasSize(17).contains("R7 2-⑬", "R7 3-③");

        Set<String> labels = new HashSet<>();
        catalog.items().forEach(item -> item.checklistRef().map(ChecklistRef::label).ifPresent(labels::add));
        assertThat(labels).containsAll(expected);
    }

    @Test
    void adviceDependsOnTheFacilitysSize() {
        CatalogItem item = catalog.items().stream()
                .filter(candidate -> candidate.answers().contains(Answer.NON_COMPLIANT))
                .filter(candidate -> candidate.advice().stream()
                        .anyMatch(variant -> variant.when().stream().anyMatch(BundledCatalogTest::isBelow200)))
                .filter(candidate -> candidate.appliesTo(SMALL_WITHOUT_EXTRAS) && candidate.appliesTo(LARGE_WITHOUT_EXTRAS))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item has a licensedBeds-below-200 advice variant"));

        Optional<LocalizedText> small = item.adviceFor(SMALL_WITHOUT_EXTRAS);
        Optional<LocalizedText> large = item.adviceFor(LARGE_WITHOUT_EXTRAS);

        assertThat(small).isPresent();
        assertThat(large).isPresent();
        assertThat(small.get()).as("advice of %s for 80 vs 450 beds", item.id()).isNotEqualTo(large.get());
        assertThat(small.get().ja()).contains("お助け隊");
        assertThat(large.get().ja()).doesNotContain("お助け隊");
    }

    @Test
    void aFacilityWithoutAMedicalInformationSystemGetsNoItems() {
        FacilityProfile noSystem = new FacilityProfile(450, false, true, true);
        assertThat(Applicability.applicableItems(catalog, noSystem)).isEmpty();
        assertThat(Applicability.questionCount(catalog, noSystem)).isEqualTo(1);
    }

    @Test
    void aLargeHospitalWithVendorAndEmrGetsMoreItemsThanASmallOneWithout() {
        List<CatalogItem> large = Applicability.applicableItems(catalog, LARGE);
        List<CatalogItem> small = Applicability.applicableItems(catalog, SMALL);
        assertThat(small).isNotEmpty();
        assertThat(large).hasSizeGreaterThan(small.size());
        assertThat(catalog.items()).containsAll(large).containsAll(small);
        assertThat(Applicability.questionCount(catalog, LARGE)).isEqualTo(1 + large.size());
        assertThat(Applicability.questionCount(catalog, SMALL)).isEqualTo(1 + small.size());
    }

    @Test
    void itemsThatNeedAVendorContractDoNotApplyWithoutOne() {
        List<CatalogItem> vendorOnly = catalog.items().stream()
                .filter(item -> item.appliesWhen().contains(new Condition.FlagEquals(FacilityAttribute.HAS_VENDOR_CONTRACT, true)))
                .toList();
        assertThat(vendorOnly).as("the catalog has vendor-only items").isNotEmpty();

        FacilityProfile withoutVendor = new FacilityProfile(450, true, false, true);
        FacilityProfile withVendor = new FacilityProfile(450, true, true, true);
        assertThat(Applicability.applicableItems(catalog, withoutVendor)).doesNotContainAnyElementsOf(vendorOnly);
        assertThat(Applicability.applicableItems(catalog, withVendor)).containsAll(vendorOnly);
        for (CatalogItem item : vendorOnly) {
            assertThat(item.firstUnmetCondition(withoutVendor))
                    .contains(new Condition.FlagEquals(FacilityAttribute.HAS_VENDOR_CONTRACT, true));
        }
    }

    private static boolean isBelow200(Condition condition) {
        return condition instanceof Condition.BedsBelow below && below.beds() == 200;
    }

    /** ① is U+2460; ⑬ is U+246C. */
    private static String circled(int n) {
        return String.valueOf((char) ('\u2460' + n - 1));
    }

    private static void assertBothLanguages(LocalizedText text, String what) {
        assertThat(text).as(what).isNotNull();
        assertThat(text.ja()).as(what + " (ja)").isNotBlank();
        assertThat(text.en()).as(what + " (en)").isNotBlank();
    }
}
