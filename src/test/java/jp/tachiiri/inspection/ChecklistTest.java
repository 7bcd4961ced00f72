package jp.tachiiri.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.FacilityAttribute;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.testsupport.Profiles;
import org.junit.jupiter.api.Test;

/** The rules of an inspection's checklist on the bundled catalog, without a screen or a store. */
class ChecklistTest {

    private static final Catalog CATALOG = CatalogLibrary.bundled().latest();
    private static final String GATE = CATALOG.gate().id();
    private static final LocalDate INSPECTED = LocalDate.of(2026, 11, 25);

    /** 450 beds, a system, a vendor contract and an EMR: every item but the fee add-on's applies. */
    private static final FacilityProfile LARGE = Profiles.of(450, true, true, true);
    /** 80 beds, a system, no vendor, no EMR. */
    private static final FacilityProfile SMALL = Profiles.of(80, true, false, false);
    /** 60 beds and no system recorded for the facility. */
    private static final FacilityProfile NO_SYSTEM = Profiles.of(60, false, false, false);

    private static final Condition VENDOR = new Condition.FlagEquals(FacilityAttribute.HAS_VENDOR_CONTRACT, true);
    private static final Condition EMR = new Condition.FlagEquals(FacilityAttribute.USES_EMR, true);

    // --- the gate ------------------------------------------------------------------------------------

    @Test
    void unansweredGateComesFirstAndItemsStillApplyByTheirConditions() {
        Checklist checklist = Checklist.of(CATALOG, SMALL, INSPECTED, Map.of());

        List<Gap> gaps = checklist.gaps();
        assertThat(gaps).first().isEqualTo(new Gap(GATE, Gap.Kind.GATE_UNANSWERED));
        assertThat(gaps).filteredOn(gap -> gap.kind() == Gap.Kind.GATE_UNANSWERED).hasSize(1);
        assertThat(checklist.gate()).isEqualTo(Finding.empty(GATE));

        assertThat(checklist.items()).extracting(state -> state.item().id())
                .containsExactlyElementsOf(CATALOG.items().stream().map(CatalogItem::id).toList());
        assertThat(checklist.items()).allSatisfy(state -> {
            assertThat(state.ruledOutByGate()).as(state.item().id()).isFalse();
            assertThat(state.applicable()).as(state.item().id()).isEqualTo(state.item().appliesTo(SMALL));
        });
        assertThat(checklist.items()).filteredOn(ItemState::applicable).extracting(state -> state.item().id())
                .containsExactlyElementsOf(ids(Applicability.applicableItems(CATALOG, SMALL)));
        // Every applicable item is unanswered, in catalog order, after the gate.
        assertThat(gaps.subList(1, gaps.size())).containsExactlyElementsOf(
                Applicability.applicableItems(CATALOG, SMALL).stream()
                        .map(item -> new Gap(item.id(), Gap.Kind.UNANSWERED)).toList());
        assertThat(checklist.total()).isEqualTo(
                new Checklist.Progress(0, 1 + Applicability.applicableItems(CATALOG, SMALL).size()));
    }

    @Test
    void untilTheGateSaysNoItemsAreShownAsForAFacilityWithASystem() {
        Checklist checklist = Checklist.of(CATALOG, NO_SYSTEM, INSPECTED, Map.of());

        FacilityProfile withSystem = Profiles.of(60, true, false, false);
        assertThat(checklist.items()).filteredOn(ItemState::applicable).extracting(state -> state.item().id())
                .isNotEmpty()
                .containsExactlyElementsOf(ids(Applicability.applicableItems(CATALOG, withSystem)));
        assertThat(checklist.gaps()).first().isEqualTo(new Gap(GATE, Gap.Kind.GATE_UNANSWERED));
    }

    @Test
    void gateAnsweredNoRulesOutEveryItem() {
        Map<String, Finding> findings = new HashMap<>();
        findings.put(GATE, Finding.empty(GATE).withAnswer(Answer.NO));
        // Something recorded earlier, incomplete: it does not count while the gate says NO.
        findings.put("backup.offline-copy", Finding.empty("backup.offline-copy").withAnswer(Answer.NON_COMPLIANT));

        Checklist checklist = Checklist.of(CATALOG, LARGE, INSPECTED, findings);

        assertThat(checklist.items()).hasSize(CATALOG.items().size()).allSatisfy(state -> {
            assertThat(state.applicable()).as(state.item().id()).isFalse();
            assertThat(state.ruledOutByGate()).as(state.item().id()).isTrue();
            assertThat(state.effectiveAnswer()).as(state.item().id()).contains(Answer.NOT_APPLICABLE);
            assertThat(state.answered()).as(state.item().id()).isTrue();
        });
        assertThat(checklist.gaps()).isEmpty();
        assertThat(checklist.total()).isEqualTo(new Checklist.Progress(1, 1));
        assertThat(checklist.total().complete()).isTrue();
        for (Checkpoint checkpoint : Checkpoint.values()) {
            assertThat(checklist.progress(checkpoint)).as(checkpoint.id()).isEqualTo(new Checklist.Progress(0, 0));
        }
    }

    @Test
    void gateBackToYesRestoresItemsAndTheirRecordedFindings() {
        Finding access = Finding.empty("vulnerability.access-rights").withAnswer(Answer.COMPLIANT)
                .withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT)).withCheckedOn(INSPECTED).withNote("規程あり");
        Finding offline = Finding.empty("backup.offline-copy").withAnswer(Answer.NON_COMPLIANT)
                .withAdvice("オフラインの複製を作ってください。").withTargetDate(INSPECTED.plusMonths(3));
        Map<String, Finding> findings = new HashMap<>();
        findings.put(access.itemId(), access);
        findings.put(offline.itemId(), offline);

        findings.put(GATE, Finding.empty(GATE).withAnswer(Answer.NO));
        Checklist ruledOut = Checklist.of(CATALOG, LARGE, INSPECTED, findings);
        // Nothing is written for the items: what was recorded is still there, only not counted.
        assertThat(ruledOut.item(access.itemId()).orElseThrow().finding()).isEqualTo(access);
        assertThat(ruledOut.item(access.itemId()).orElseThrow().effectiveAnswer()).contains(Answer.NOT_APPLICABLE);

        findings.put(GATE, Finding.empty(GATE).withAnswer(Answer.YES));
        Checklist restored = Checklist.of(CATALOG, LARGE, INSPECTED, findings);

        assertThat(restored.items()).allSatisfy(state -> {
            assertThat(state.ruledOutByGate()).as(state.item().id()).isFalse();
            assertThat(state.applicable()).as(state.item().id()).isEqualTo(state.item().appliesTo(LARGE));
        });
        ItemState restoredAccess = restored.item(access.itemId()).orElseThrow();
        assertThat(restoredAccess.finding()).isEqualTo(access);
        assertThat(restoredAccess.effectiveAnswer()).contains(Answer.COMPLIANT);
        ItemState restoredOffline = restored.item(offline.itemId()).orElseThrow();
        assertThat(restoredOffline.finding()).isEqualTo(offline);
        assertThat(restoredOffline.effectiveAnswer()).contains(Answer.NON_COMPLIANT);
        assertThat(restored.gaps()).doesNotContain(new Gap(access.itemId(), Gap.Kind.UNANSWERED),
                new Gap(offline.itemId(), Gap.Kind.UNANSWERED));
        assertThat(restored.total()).isEqualTo(
                new Checklist.Progress(3, 1 + Applicability.applicableItems(CATALOG, LARGE).size()));
    }

    // --- conditions ----------------------------------------------------------------------------------

    @Test
    void itemsWhoseConditionFailsDoNotApplyAndSayWhy() {
        Checklist checklist = Checklist.of(CATALOG, SMALL, INSPECTED, gateYes());

        ItemState remote = checklist.item("vulnerability.remote-maintenance-scope").orElseThrow();
        assertThat(remote.applicable()).isFalse();
        assertThat(remote.ruledOutByGate()).isFalse();
        assertThat(remote.unmetCondition()).contains(VENDOR);
        assertThat(remote.effectiveAnswer()).contains(Answer.NOT_APPLICABLE);

        assertThat(checklist.item("backup.emr").orElseThrow().unmetCondition()).contains(EMR);
        assertThat(checklist.item("contact.dedicated-security-manager").orElseThrow().unmetCondition())
                .contains(new Condition.BedsAtLeast(200));
        ItemState smallTraining = checklist.item("recovery.staff-training").orElseThrow();
        assertThat(smallTraining.applicable()).isTrue();
        assertThat(smallTraining.unmetCondition()).isEmpty();

        // A 450-bed hospital that does not claim the fee add-on is not asked about the add-on's conditions.
        Checklist large = Checklist.of(CATALOG, LARGE, INSPECTED, gateYes());
        assertThat(large.item("recovery.staff-training").orElseThrow().applicable()).isTrue();
        assertThat(large.item("recovery.staff-training-a207").orElseThrow().unmetCondition()).get()
                .isInstanceOf(Condition.ClaimsFeeAddOn.class);

        assertThat(checklist.items()).allSatisfy(state ->
                assertThat(state.unmetCondition()).as(state.item().id()).isEqualTo(state.item().firstUnmetCondition(SMALL)));
    }

    @Test
    void itemsThatDoNotApplyAreLeftOutOfProgressAndGaps() {
        Map<String, Finding> findings = gateYes();
        for (CatalogItem item : Applicability.applicableItems(CATALOG, SMALL)) {
            findings.put(item.id(), compliant(item.id()));
        }
        Checklist checklist = Checklist.of(CATALOG, SMALL, INSPECTED, findings);

        assertThat(checklist.gaps()).isEmpty();
        int applicable = Applicability.applicableItems(CATALOG, SMALL).size();
        assertThat(applicable).isLessThan(CATALOG.items().size());
        assertThat(checklist.total()).isEqualTo(new Checklist.Progress(applicable + 1, applicable + 1));
        for (Checkpoint checkpoint : Checkpoint.values()) {
            long applicableHere = CATALOG.items().stream()
                    .filter(item -> item.checkpoint() == checkpoint && item.appliesTo(SMALL)).count();
            assertThat(checklist.progress(checkpoint)).as(checkpoint.id())
                    .isEqualTo(new Checklist.Progress((int) applicableHere, (int) applicableHere));
            assertThat(checklist.progress(checkpoint).complete()).isTrue();
        }
    }

    // --- completeness --------------------------------------------------------------------------------

    @Test
    void unansweredApplicableItemIsAGap() {
        Checklist checklist = Checklist.of(CATALOG, LARGE, INSPECTED, gateYes());

        assertThat(checklist.gaps()).contains(new Gap("backup.offline-copy", Gap.Kind.UNANSWERED));
        assertThat(checklist.gapsOf(checklist.item("backup.offline-copy").orElseThrow()))
                .containsExactly(Gap.Kind.UNANSWERED);
        assertThat(checklist.gaps()).doesNotContain(new Gap("recovery.staff-training-a207", Gap.Kind.UNANSWERED));
    }

    // --- the ministry's items --------------------------------------------------------------------------

    /**
     * 3-② is one answer on the ministry's form; the catalog asks it in seven parts (backup.* and the recovery
     * procedures). Hand-worked: all parts 適合 → 適合; one 代替措置 → 代替措置; one part unanswered → no answer yet;
     * one 不適合 → 不適合 even with another unanswered; a part that does not apply (backup.emr without an EMR) counts
     * as 該当なし and leaves the rest to decide.
     */
    @Test
    void theMinistrysItem3_2IsRolledUpFromItsParts() {
        MinistryItem backup = CATALOG.ministryItems().stream().filter(item -> item.number().equals("3-②")).findFirst()
                .orElseThrow();
        List<String> parts = ids(CATALOG.partsOf(backup));
        assertThat(parts).containsExactly("backup.essential-information", "backup.emr", "backup.other-systems",
                "backup.generations", "backup.offline-copy", "backup.restore-test", "recovery.procedures");
        assertThat(backup.rollUp()).contains(MinistryItem.RollUp.ALL_PARTS);

        Map<String, Finding> findings = gateYes();
        parts.forEach(id -> findings.put(id, compliant(id)));
        assertThat(result(LARGE, findings, "3-②").answer()).contains(Answer.COMPLIANT);

        findings.put("backup.generations", Finding.empty("backup.generations").withAnswer(Answer.ALTERNATIVE));
        assertThat(result(LARGE, findings, "3-②").answer()).contains(Answer.ALTERNATIVE);

        findings.remove("backup.restore-test");
        assertThat(result(LARGE, findings, "3-②").answer()).isEmpty();

        findings.put("backup.offline-copy", Finding.empty("backup.offline-copy").withAnswer(Answer.NON_COMPLIANT));
        assertThat(result(LARGE, findings, "3-②").answer()).contains(Answer.NON_COMPLIANT);

        // Without an EMR, backup.emr is not asked: the other parts decide.
        parts.forEach(id -> findings.put(id, compliant(id)));
        findings.remove("backup.emr");
        assertThat(result(SMALL, findings, "3-②").answer()).contains(Answer.COMPLIANT);
        assertThat(result(SMALL, findings, "3-②").parts()).hasSize(7);

        // Every other ministry item is answered by exactly one catalog item, whose answer it is.
        findings.put("vulnerability.device-ledger", Finding.empty("vulnerability.device-ledger")
                .withAnswer(Answer.NON_COMPLIANT));
        assertThat(result(SMALL, findings, "2-①").answer()).contains(Answer.NON_COMPLIANT);
        assertThat(result(SMALL, findings, "2-②").answer()).as("vendor-only item, no vendor").contains(Answer.NOT_APPLICABLE);
        assertThat(result(SMALL, findings, "3-③").answer()).isEmpty();
        assertThat(Checklist.of(CATALOG, SMALL, INSPECTED, findings).ministryResults())
                .extracting(result -> result.item().number())
                .containsExactlyElementsOf(CATALOG.ministryItems().stream().map(MinistryItem::number).toList());
    }

    /**
     * The ministry's form asks for a target date within the fiscal year: one after 31 March is kept but warned about;
     * two-factor authentication's target is the end of FY2027 (令和9年度).
     */
    @Test
    void aTargetDateAfterTheFiscalYearIsWarnedAboutNotRefused() {
        Map<String, Finding> findings = gateYes();
        LocalDate yearEnd = LocalDate.of(2027, 3, 31);
        findings.put("backup.offline-copy", nonCompliant("backup.offline-copy", yearEnd));
        findings.put("backup.generations", nonCompliant("backup.generations", yearEnd.plusDays(1)));
        findings.put("vulnerability.two-factor-auth", nonCompliant("vulnerability.two-factor-auth", LocalDate.of(2028, 3, 31)));
        findings.put("vulnerability.external-media", nonCompliant("vulnerability.external-media", LocalDate.of(2028, 4, 1)));
        Checklist checklist = Checklist.of(CATALOG, LARGE, INSPECTED, findings);

        assertThat(checklist.targetsAfterYear()).extracting(state -> state.item().id())
                .containsExactly("vulnerability.external-media", "backup.generations");
        assertThat(checklist.targetYearEnd(CATALOG.item("backup.generations").orElseThrow())).isEqualTo(yearEnd);
        assertThat(checklist.targetYearEnd(CATALOG.item("vulnerability.two-factor-auth").orElseThrow()))
                .isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(checklist.gaps()).as("a warning, not a gap").noneMatch(gap -> gap.subject().equals("backup.generations"));
    }

    private static Finding nonCompliant(String itemId, LocalDate target) {
        return Finding.empty(itemId).withAnswer(Answer.NON_COMPLIANT).withAdvice("対策を。").withTargetDate(target);
    }

    private static MinistryResult result(FacilityProfile facility, Map<String, Finding> findings, String number) {
        return Checklist.of(CATALOG, facility, INSPECTED, findings).ministryResults().stream()
                .filter(result -> result.item().number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void nonCompliantNeedsAdvice() {
        assertThat(gapsOf(Finding.empty("backup.offline-copy").withAnswer(Answer.NON_COMPLIANT)
                .withTargetDate(INSPECTED.plusMonths(1))))
                .containsExactly(Gap.Kind.ADVICE_MISSING);
        assertThat(gapsOf(Finding.empty("backup.offline-copy").withAnswer(Answer.NON_COMPLIANT)
                .withAdvice("   ").withTargetDate(INSPECTED.plusMonths(1))))
                .containsExactly(Gap.Kind.ADVICE_MISSING);
    }

    @Test
    void nonCompliantNeedsATargetDateWhereTheItemRequiresOne() {
        CatalogItem item = CATALOG.item("backup.offline-copy").orElseThrow();
        assertThat(item.targetDateRequired()).isTrue();

        assertThat(gapsOf(Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT).withAdvice("複製を。")))
                .containsExactly(Gap.Kind.TARGET_DATE_MISSING);
        assertThat(gapsOf(Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT)))
                .containsExactlyInAnyOrder(Gap.Kind.ADVICE_MISSING, Gap.Kind.TARGET_DATE_MISSING);
    }

    @Test
    void nonCompliantNeedsNoTargetDateWhereTheItemDoesNotRequireOne() {
        // The bundled catalog requires one for every item; a copy of it with one item relaxed.
        CatalogItem relaxed = withoutTargetDate(CATALOG.item("backup.offline-copy").orElseThrow());
        Catalog catalog = replace(CATALOG, relaxed);
        Map<String, Finding> findings = gateYes();
        findings.put(relaxed.id(), Finding.empty(relaxed.id()).withAnswer(Answer.NON_COMPLIANT).withAdvice("複製を。"));

        Checklist checklist = Checklist.of(catalog, LARGE, INSPECTED, findings);

        assertThat(checklist.gapsOf(checklist.item(relaxed.id()).orElseThrow())).isEmpty();
    }

    @Test
    void targetDateBeforeTheInspectionIsAGap() {
        Finding before = Finding.empty("backup.offline-copy").withAnswer(Answer.NON_COMPLIANT)
                .withAdvice("複製を。").withTargetDate(INSPECTED.minusDays(1));
        assertThat(gapsOf(before)).containsExactly(Gap.Kind.TARGET_DATE_BEFORE_INSPECTION);
        assertThat(gapsOf(before.withTargetDate(INSPECTED))).isEmpty();
        assertThat(gapsOf(before.withTargetDate(INSPECTED.plusDays(1)))).isEmpty();
    }

    @Test
    void alternativeNeedsAJustification() {
        Finding alternative = Finding.empty("vulnerability.external-media").withAnswer(Answer.ALTERNATIVE);
        assertThat(gapsOf(alternative)).containsExactly(Gap.Kind.JUSTIFICATION_MISSING);
        assertThat(gapsOf(alternative.withReason(" \t"))).containsExactly(Gap.Kind.JUSTIFICATION_MISSING);
        assertThat(gapsOf(alternative.withReason("USBポートを封印している。"))).isEmpty();
    }

    @Test
    void notApplicableOnAnApplicableItemNeedsAReason() {
        Finding notApplicable = Finding.empty("backup.generations").withAnswer(Answer.NOT_APPLICABLE);
        assertThat(gapsOf(notApplicable)).containsExactly(Gap.Kind.REASON_MISSING);
        assertThat(gapsOf(notApplicable.withReason("バックアップは外部委託先が管理。"))).isEmpty();
    }

    @Test
    void compliantNeedsNothingMore() {
        assertThat(gapsOf(Finding.empty("backup.generations").withAnswer(Answer.COMPLIANT))).isEmpty();
    }

    @Test
    void fullyAndCorrectlyAnsweredChecklistHasNoGaps() {
        Map<String, Finding> findings = gateYes();
        List<CatalogItem> applicable = Applicability.applicableItems(CATALOG, LARGE);
        Answer[] answers = {Answer.COMPLIANT, Answer.NON_COMPLIANT, Answer.ALTERNATIVE, Answer.NOT_APPLICABLE};
        for (int i = 0; i < applicable.size(); i++) {
            String id = applicable.get(i).id();
            Finding finding = switch (answers[i % answers.length]) {
                case NON_COMPLIANT -> Finding.empty(id).withAnswer(Answer.NON_COMPLIANT)
                        .withAdvice(applicable.get(i).adviceFor(LARGE).orElseThrow().ja())
                        .withTargetDate(INSPECTED.plusMonths(6));
                case ALTERNATIVE -> Finding.empty(id).withAnswer(Answer.ALTERNATIVE).withReason("代替措置あり");
                case NOT_APPLICABLE -> Finding.empty(id).withAnswer(Answer.NOT_APPLICABLE).withReason("該当する機器なし");
                default -> compliant(id);
            };
            findings.put(id, finding);
        }

        Checklist checklist = Checklist.of(CATALOG, LARGE, INSPECTED, findings);

        assertThat(checklist.gaps()).isEmpty();
        assertThat(checklist.total()).isEqualTo(new Checklist.Progress(applicable.size() + 1, applicable.size() + 1));
        assertThat(checklist.total().complete()).isTrue();
    }

    @Test
    void progressPerCheckpointCountsAnsweredOfApplicable() {
        Map<String, Finding> findings = gateYes();
        findings.put("backup.essential-information", compliant("backup.essential-information"));
        findings.put("backup.emr", Finding.empty("backup.emr").withAnswer(Answer.NON_COMPLIANT)); // incomplete, but answered
        // Does not apply to LARGE, which claims no fee add-on.
        findings.put("recovery.staff-training-a207", compliant("recovery.staff-training-a207"));

        Checklist checklist = Checklist.of(CATALOG, LARGE, INSPECTED, findings);

        int backupItems = (int) CATALOG.items().stream()
                .filter(item -> item.checkpoint() == Checkpoint.BACKUP && item.appliesTo(LARGE)).count();
        int recoveryItems = (int) CATALOG.items().stream()
                .filter(item -> item.checkpoint() == Checkpoint.RECOVERY && item.appliesTo(LARGE)).count();
        assertThat(checklist.progress(Checkpoint.BACKUP)).isEqualTo(new Checklist.Progress(2, backupItems));
        assertThat(checklist.progress(Checkpoint.BACKUP).complete()).isFalse();
        assertThat(checklist.progress(Checkpoint.RECOVERY)).isEqualTo(new Checklist.Progress(0, recoveryItems));
        assertThat(checklist.progress(Checkpoint.VULNERABILITY).answered()).isZero();
        assertThat(checklist.items(Checkpoint.BACKUP)).extracting(state -> state.item().id())
                .containsExactlyElementsOf(CATALOG.items().stream()
                        .filter(item -> item.checkpoint() == Checkpoint.BACKUP).map(CatalogItem::id).toList());
        int applicable = Applicability.applicableItems(CATALOG, LARGE).size();
        assertThat(checklist.total()).isEqualTo(new Checklist.Progress(3, applicable + 1));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static Map<String, Finding> gateYes() {
        Map<String, Finding> findings = new HashMap<>();
        findings.put(GATE, Finding.empty(GATE).withAnswer(Answer.YES));
        return findings;
    }

    private static Finding compliant(String itemId) {
        return Finding.empty(itemId).withAnswer(Answer.COMPLIANT).withCheckedOn(INSPECTED);
    }

    /** The gaps of one finding's item on the large hospital, both from gapsOf and from gaps(). */
    private static List<Gap.Kind> gapsOf(Finding finding) {
        Map<String, Finding> findings = gateYes();
        findings.put(finding.itemId(), finding);
        Checklist checklist = Checklist.of(CATALOG, LARGE, INSPECTED, findings);
        ItemState state = checklist.item(finding.itemId()).orElseThrow();
        assertThat(state.applicable()).as(finding.itemId()).isTrue();
        List<Gap.Kind> kinds = checklist.gapsOf(state);
        assertThat(checklist.gaps()).filteredOn(gap -> gap.subject().equals(finding.itemId()))
                .extracting(Gap::kind).containsExactlyElementsOf(kinds);
        return kinds;
    }

    private static List<String> ids(List<CatalogItem> items) {
        return items.stream().map(CatalogItem::id).toList();
    }

    private static CatalogItem withoutTargetDate(CatalogItem item) {
        return new CatalogItem(item.id(), item.checkpoint(), item.title(), item.guidance(), item.ministryItem(),
                item.guidelineRef(), item.addedInFiscalYear(), item.targetFiscalYear(), item.appliesWhen(), item.answers(),
                false, item.advice());
    }

    private static Catalog replace(Catalog catalog, CatalogItem replacement) {
        List<CheckpointSection> sections = new ArrayList<>();
        for (CheckpointSection section : catalog.sections()) {
            sections.add(new CheckpointSection(section.checkpoint(), section.title(), section.summary(),
                    section.items().stream().map(item -> item.id().equals(replacement.id()) ? replacement : item).toList()));
        }
        return new Catalog(catalog.version(), catalog.fiscalYear(), catalog.title(), catalog.checklist(),
                catalog.ministryItems(), catalog.gate(), sections, catalog.feeAddOns(), catalog.resources());
    }
}
