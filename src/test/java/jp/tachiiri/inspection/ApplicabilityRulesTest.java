package jp.tachiiri.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.FacilityAttribute;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.LocalizedText;
import jp.tachiiri.testsupport.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each applicability rule in the bundled catalog, a facility where it applies and one where it does not;
 * the same for the conditions that choose advice. The rules are collected from the catalog, so a new rule in
 * a catalog file is covered without touching this test.
 */
class ApplicabilityRulesTest {

    private static final Catalog CATALOG = CatalogLibrary.bundled().latest();
    private static final String GATE = CATALOG.gate().id();
    private static final LocalDate INSPECTED = LocalDate.of(2026, 11, 25);
    /**
     * The facility every rule starts from: a hospital with a system, a vendor contract and an EMR, claiming
     * 診療録管理体制加算1 on a day its 2024 conditions were in force, so that every condition holds for it.
     */
    private static final FacilityProfile BASE = new FacilityProfile(FacilityType.HOSPITAL, 300, true, true, true,
            List.of(new FeeAddOnClaim("records-management-1-2024", LocalDate.of(2024, 6, 1))), LocalDate.of(2025, 10, 1));

    static Stream<Condition> itemConditions() {
        return CATALOG.items().stream().flatMap(item -> item.appliesWhen().stream()).distinct();
    }

    static Stream<Condition> adviceConditions() {
        return CATALOG.items().stream().flatMap(item -> item.advice().stream())
                .flatMap(variant -> variant.when().stream()).distinct();
    }

    @Test
    void theCatalogHasRulesToTest() {
        assertThat(itemConditions()).isNotEmpty();
        assertThat(adviceConditions()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemConditions")
    void itemAppliesWhereItsConditionHoldsAndNotElsewhere(Condition condition) {
        FacilityProfile meets = meeting(condition, BASE);
        FacilityProfile fails = notMeeting(condition, BASE);
        assertThat(condition.holdsFor(meets)).isTrue();
        assertThat(condition.holdsFor(fails)).isFalse();

        List<CatalogItem> carrying = CATALOG.items().stream().filter(item -> item.appliesWhen().contains(condition)).toList();
        // Only items whose other conditions hold in both profiles tell this condition apart.
        List<CatalogItem> decidedByIt = carrying.stream()
                .filter(item -> otherConditionsHold(item, condition, meets) && otherConditionsHold(item, condition, fails))
                .toList();
        assertThat(decidedByIt).as("items decided by %s alone", condition).isNotEmpty();

        Checklist where = Checklist.of(CATALOG, meets, INSPECTED, gateYes());
        Checklist whereNot = Checklist.of(CATALOG, fails, INSPECTED, gateYes());
        for (CatalogItem item : decidedByIt) {
            ItemState applies = where.item(item.id()).orElseThrow();
            assertThat(applies.applicable()).as("%s for %s", item.id(), meets).isTrue();
            assertThat(applies.unmetCondition()).as("%s for %s", item.id(), meets).isEmpty();
            assertThat(Applicability.applicableItems(CATALOG, meets)).as("%s for %s", item.id(), meets).contains(item);

            ItemState doesNot = whereNot.item(item.id()).orElseThrow();
            assertThat(doesNot.applicable()).as("%s for %s", item.id(), fails).isFalse();
            assertThat(doesNot.ruledOutByGate()).as("%s for %s", item.id(), fails).isFalse();
            assertThat(doesNot.unmetCondition()).as("%s for %s", item.id(), fails).contains(condition);
            assertThat(doesNot.effectiveAnswer()).as("%s for %s", item.id(), fails).contains(Answer.NOT_APPLICABLE);
            assertThat(Applicability.applicableItems(CATALOG, fails)).as("%s for %s", item.id(), fails).doesNotContain(item);
            assertThat(whereNot.gaps()).as("%s for %s", item.id(), fails).noneMatch(gap -> gap.subject().equals(item.id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adviceConditions")
    void adviceDiffersBetweenAFacilityMeetingTheConditionAndOneNotMeetingIt(Condition condition) {
        List<String> differing = new ArrayList<>();
        for (CatalogItem item : CATALOG.items()) {
            boolean usesIt = item.advice().stream().anyMatch(variant -> variant.when().contains(condition));
            if (!usesIt) {
                continue;
            }
            for (FacilityProfile base : bases()) {
                FacilityProfile meets = meeting(condition, base);
                FacilityProfile fails = notMeeting(condition, base);
                Optional<LocalizedText> adviceWhere = item.adviceFor(meets);
                Optional<LocalizedText> adviceWhereNot = item.adviceFor(fails);
                assertThat(adviceWhere).as("%s for %s", item.id(), meets).isPresent();
                assertThat(adviceWhereNot).as("%s for %s", item.id(), fails).isPresent();
                if (!adviceWhere.equals(adviceWhereNot)) {
                    differing.add(item.id() + " " + meets + " / " + fails);
                }
            }
        }
        assertThat(differing).as("an item whose advice changes with %s", condition).isNotEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The base profile changed as little as possible so that the condition holds. */
    static FacilityProfile meeting(Condition condition, FacilityProfile base) {
        if (condition instanceof Condition.BedsAtLeast atLeast) {
            return withBeds(base, atLeast.beds());
        }
        if (condition instanceof Condition.BedsBelow below) {
            return withBeds(base, below.beds() - 1);
        }
        if (condition instanceof Condition.FacilityTypeIn types) {
            return types.types().contains(base.type()) ? base : ofType(base, types.types().iterator().next());
        }
        if (condition instanceof Condition.ClaimsFeeAddOn claims) {
            // Claimed from the first day of the add-on's period, and looked at on that day.
            FeeAddOn addOn = claims.addOns().get(0);
            return new FacilityProfile(base.type(), base.licensedBeds(), base.hasMedicalInformationSystem(),
                    base.hasVendorContract(), base.usesEmr(), List.of(new FeeAddOnClaim(addOn.id(), addOn.period().from())),
                    addOn.period().from());
        }
        Condition.FlagEquals flag = (Condition.FlagEquals) condition;
        return withFlag(base, flag.attribute(), flag.value());
    }

    /** The base profile changed as little as possible so that the condition fails. */
    static FacilityProfile notMeeting(Condition condition, FacilityProfile base) {
        if (condition instanceof Condition.BedsAtLeast atLeast) {
            return withBeds(base, atLeast.beds() - 1);
        }
        if (condition instanceof Condition.BedsBelow below) {
            return withBeds(base, below.beds());
        }
        if (condition instanceof Condition.FacilityTypeIn types) {
            FacilityType other = Stream.of(FacilityType.values()).filter(type -> !types.types().contains(type))
                    .findFirst().orElseThrow();
            return ofType(base, other);
        }
        if (condition instanceof Condition.ClaimsFeeAddOn) {
            return new FacilityProfile(base.type(), base.licensedBeds(), base.hasMedicalInformationSystem(),
                    base.hasVendorContract(), base.usesEmr(), List.of(), base.day());
        }
        Condition.FlagEquals flag = (Condition.FlagEquals) condition;
        return withFlag(base, flag.attribute(), !flag.value());
    }

    /**
     * The same facility but of another type. It keeps its beds, even where the type could not have them, so that the
     * type condition is told apart from the bed conditions it comes with.
     */
    private static FacilityProfile ofType(FacilityProfile base, FacilityType type) {
        return new FacilityProfile(type, base.licensedBeds(), base.hasMedicalInformationSystem(), base.hasVendorContract(),
                base.usesEmr(), base.feeAddOnClaims(), base.day());
    }

    private static FacilityProfile withBeds(FacilityProfile base, int beds) {
        return new FacilityProfile(base.type(), beds, base.hasMedicalInformationSystem(), base.hasVendorContract(),
                base.usesEmr(), base.feeAddOnClaims(), base.day());
    }

    private static FacilityProfile withFlag(FacilityProfile base, FacilityAttribute attribute, boolean value) {
        return new FacilityProfile(base.type(), base.licensedBeds(),
                attribute == FacilityAttribute.HAS_MEDICAL_INFORMATION_SYSTEM ? value : base.hasMedicalInformationSystem(),
                attribute == FacilityAttribute.HAS_VENDOR_CONTRACT ? value : base.hasVendorContract(),
                attribute == FacilityAttribute.USES_EMR ? value : base.usesEmr(), base.feeAddOnClaims(), base.day());
    }

    private static boolean otherConditionsHold(CatalogItem item, Condition condition, FacilityProfile profile) {
        return item.appliesWhen().stream().filter(other -> !other.equals(condition)).allMatch(other -> other.holdsFor(profile));
    }

    /** Facilities with a system of every size class around the bed lines, with and without vendor and EMR. */
    private static List<FacilityProfile> bases() {
        List<FacilityProfile> bases = new ArrayList<>();
        for (int beds : new int[] {60, 199, 200, 399, 400, 450}) {
            for (boolean vendor : new boolean[] {true, false}) {
                for (boolean emr : new boolean[] {true, false}) {
                    bases.add(Profiles.of(beds, true, vendor, emr));
                }
            }
        }
        return bases;
    }

    private static Map<String, Finding> gateYes() {
        return Map.of(GATE, Finding.empty(GATE).withAnswer(Answer.YES));
    }
}
