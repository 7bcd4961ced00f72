package jp.tachiiri.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.tachiiri.model.AdviceVariant;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.FacilityAttribute;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.GateQuestion;
import jp.tachiiri.model.LocalizedText;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.testsupport.Profiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog shipped in resources/catalog/ loads and is fit to inspect with. */
class BundledCatalogTest {

    /** A small clinic-sized hospital: no vendor contract, no electronic medical record. */
    private static final FacilityProfile SMALL = Profiles.of(80, true, false, false);
    /** A large hospital with a vendor contract and an electronic medical record. */
    private static final FacilityProfile LARGE = Profiles.of(450, true, true, true);

    /** The small hospital with a vendor contract: any difference in advice from SMALL comes from the contract. */
    private static final FacilityProfile SMALL_WITH_VENDOR = Profiles.of(80, true, true, false);

    private static CatalogLibrary library;
    private static Catalog catalog;

    @BeforeAll
    static void loadBundled() {
        library = CatalogLibrary.bundled();
        catalog = library.latest();
    }

    @Test
    void bundledLibraryLoadsAndItsLatestVersionIs2026_1() {
        assertThat(library.all()).extracting(Catalog::version).containsExactly("2025.1", "2026.1");
        assertThat(catalog.version()).isEqualTo("2026.1");
        assertThat(catalog.fiscalYear()).isEqualTo(2026);
        assertThat(library.version("2026.1")).containsSame(catalog);
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
        catalog.items().forEach(item -> item.ministryItem().map(MinistryItem::label).ifPresent(labels::add));
        assertThat(labels).containsAll(expected);
        assertThat(catalog.ministryItems()).extracting(MinistryItem::label).containsExactlyInAnyOrderElementsOf(labels);
    }

    /**
     * No advice of the FY2026 catalog depends on beds alone: the fee add-on's conditions follow the add-on claimed
     * (feeAddOns), and お助け隊 has no bed rule. Bed lines remain only with a claimed add-on.
     */
    @Test
    void adviceDependsOnTheVendorContractNotOnBeds() {
        for (CatalogItem item : catalog.items()) {
            for (AdviceVariant variant : item.advice()) {
                assertThat(variant.when()).as("advice of %s", item.id())
                        .noneMatch(condition -> condition.attribute() == FacilityAttribute.LICENSED_BEDS);
            }
        }
        CatalogItem ledger = catalog.item("vulnerability.device-ledger").orElseThrow();
        assertThat(ledger.adviceFor(SMALL_WITH_VENDOR)).isNotEqualTo(ledger.adviceFor(SMALL));
        assertThat(ledger.adviceFor(LARGE).orElseThrow().ja()).contains("事業者");
        assertThat(ledger.adviceFor(SMALL).orElseThrow().ja()).doesNotContain("事業者");
    }

    @Test
    void aFacilityWithoutAMedicalInformationSystemGetsNoItems() {
        FacilityProfile noSystem = Profiles.of(450, false, true, true);
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

        FacilityProfile withoutVendor = Profiles.of(450, true, false, true);
        FacilityProfile withVendor = Profiles.of(450, true, true, true);
        assertThat(Applicability.applicableItems(catalog, withoutVendor)).doesNotContainAnyElementsOf(vendorOnly);
        assertThat(Applicability.applicableItems(catalog, withVendor)).containsAll(vendorOnly);
        for (CatalogItem item : vendorOnly) {
            assertThat(item.firstUnmetCondition(withoutVendor))
                    .contains(new Condition.FlagEquals(FacilityAttribute.HAS_VENDOR_CONTRACT, true));
        }
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
