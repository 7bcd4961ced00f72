package jp.tachiiri.ui.inspection;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.store.Database;
import jp.tachiiri.store.SqliteInspections;
import jp.tachiiri.testsupport.Profiles;
import jp.tachiiri.ui.common.StoreExecutor;
import jp.tachiiri.ui.common.ViewModelContext;
import jp.tachiiri.ui.inspection.InspectionViewModel.DateField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspection screen's state and rules without a screen: a real data folder with the demo prefecture, the
 * real background executor, and the JavaFX thread of a headless toolkit. Every call on the view model runs on
 * the JavaFX thread, as the screen makes it.
 */
class InspectionViewModelTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String GATE = "gate.medical-information-system";
    /** An item of the demo inspection in progress that is not answered yet. */
    private static final String NON_COMPLIANT_ITEM = "backup.offline-copy";

    @TempDir
    Path folder;
    @TempDir
    Path outside;

    private Workspace workspace;
    private StoreExecutor executor;
    private ViewModelContext context;
    private InspectionViewModel model;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openDemo() {
        workspace = Workspace.open(folder, Clock.fixed(TODAY.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO));
        assertThat(workspace.demo().seed()).isTrue();
        executor = new StoreExecutor();
        context = new ViewModelContext(workspace, executor, Messages.of(Language.JA));
        model = fx(() -> new InspectionViewModel(context));
    }

    @AfterEach
    void close() {
        executor.close();
        workspace.close();
    }

    // --- loading and the order of questions ----------------------------------------------------------

    @Test
    void loadingTheInProgressInspectionSelectsTheGateAndAsksOnlyApplicableItems() {
        Inspection inspection = inProgress();
        load(inspection.id());

        assertThat(fx(() -> model.selectedItemIdProperty().get())).isEqualTo(GATE);
        assertThat(fx(model::readOnly)).isFalse();
        assertThat(fx(() -> model.loadedProperty().get().inspection())).isEqualTo(inspection);

        Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
        Catalog catalog = workspace.catalogs().version(inspection.catalogVersion()).orElseThrow();
        List<String> expected = new ArrayList<>();
        expected.add(GATE);
        Applicability.applicableItems(catalog, facility.profileOn(inspection.date())).forEach(item -> expected.add(item.id()));
        List<String> order = fx(model::questionOrder);
        assertThat(order).first().isEqualTo(GATE);
        assertThat(order).containsExactlyElementsOf(expected);
        // The demo hospital (450 beds) claims 診療録管理体制加算1, whose 2024 conditions ended before this inspection:
        // the add-on's items are not asked, the general staff training is.
        assertThat(order).contains("recovery.staff-training")
                .doesNotContain("recovery.staff-training-a207", "contact.dedicated-security-manager");
        assertThat(order).allSatisfy(itemId -> assertThat(fx(() -> model.state(itemId)))
                .as(itemId).satisfiesAnyOf(state -> assertThat(state).isEmpty(),
                        state -> assertThat(state.orElseThrow().applicable()).isTrue()));
        assertThat(fx(() -> model.failureProperty().get())).isNull();
    }

    /** The header names the inspection's own catalog, in the screen's language, not the newest one. */
    @Test
    void theScreenSaysWhichChecklistTheInspectionFollows() {
        Inspection inspection = inProgress();
        load(inspection.id());
        Catalog catalog = workspace.catalogs().version(inspection.catalogVersion()).orElseThrow();
        assertThat(fx(model::catalogLine)).isEqualTo(catalog.title().ja() + "・" + catalog.version())
                .contains("令和7年度版チェックリストにより確認");
        model = fx(() -> new InspectionViewModel(new ViewModelContext(workspace, executor, Messages.of(Language.EN))));
        load(inspection.id());
        assertThat(fx(model::catalogLine)).isEqualTo(catalog.title().en() + " · " + catalog.version());

        // An inspection made with the FY2025 catalog names it, though 2026.1 is newer.
        Path data = workspace.databaseFile();
        executor.close();
        workspace.close();
        try (Database database = Database.open(data)) {
            new SqliteInspections(database, Clock.systemUTC()).start("i-fy2025", new NewInspection(inspection.facilityId(),
                    LocalDate.of(2026, 3, 2), List.of("デモ 検査太郎"), List.of(), true), "2025.1", "tester");
        }
        workspace = Workspace.open(folder, Clock.fixed(TODAY.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO));
        executor = new StoreExecutor();
        context = new ViewModelContext(workspace, executor, Messages.of(Language.JA));
        model = fx(() -> new InspectionViewModel(context));
        assertThat(workspace.catalogs().latest().version()).isNotEqualTo("2025.1");
        load("i-fy2025");
        assertThat(fx(model::catalogLine)).isEqualTo(workspace.catalogs().version("2025.1").orElseThrow().title().ja()
                + "・2025.1").contains("令和7年度");
    }

    @Test
    void loadingReturnsToTheLastPositionOfThatInspection() {
        Inspection inspection = inProgress();
        workspace.settings().savePosition(new Settings.Position(inspection.id(), "backup.generations"));

        load(inspection.id());

        assertThat(fx(() -> model.selectedItemIdProperty().get())).isEqualTo("backup.generations");
    }

    @Test
    void theLastPositionOfAnotherInspectionIsIgnored() {
        workspace.settings().savePosition(new Settings.Position(finalized().id(), "backup.generations"));

        load(inProgress().id());

        assertThat(fx(() -> model.selectedItemIdProperty().get())).isEqualTo(GATE);
    }

    @Test
    void theSelectedItemIsRemembered() throws Exception {
        Inspection inspection = inProgress();
        load(inspection.id());

        select("backup.offline-copy");
        settle();

        assertThat(workspace.settings().lastPosition()).contains(new Settings.Position(inspection.id(), "backup.offline-copy"));

        // A new screen on the same inspection opens where the inspector was.
        InspectionViewModel reopened = fx(() -> new InspectionViewModel(context));
        AtomicBoolean loaded = new AtomicBoolean();
        fx(() -> reopened.load(inspection.id(), Optional.empty(), Optional.empty(), () -> loaded.set(true)));
        waitUntil(loaded::get);
        assertThat(fx(() -> reopened.selectedItemIdProperty().get())).isEqualTo("backup.offline-copy");
    }

    // --- answering -----------------------------------------------------------------------------------

    @Test
    void nonCompliantFillsTheDateAndTheFacilitysAdviceAndIsStored() throws Exception {
        Inspection inspection = inProgress();
        load(inspection.id());
        String itemId = "backup.restore-test";
        assertThat(workspace.inspections().findings(inspection.id(), inspection.revision())).doesNotContainKey(itemId);

        select(itemId);
        fx(() -> model.answer(Answer.NON_COMPLIANT));

        Finding shown = fx(() -> model.finding(itemId));
        Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
        CatalogItem item = workspace.catalogs().version(inspection.catalogVersion()).orElseThrow().item(itemId).orElseThrow();
        String template = item.adviceFor(facility.profileOn(inspection.date())).orElseThrow().ja();
        assertThat(shown.answer()).contains(Answer.NON_COMPLIANT);
        assertThat(shown.checkedOn()).contains(inspection.date());
        assertThat(shown.advice()).isEqualTo(template);
        // The demo hospital has a vendor contract: it gets the variant for that, not the default.
        assertThat(template).isNotEqualTo(item.advice().get(item.advice().size() - 1).text().ja());
        assertThat(fx(() -> model.gaps())).contains(new Gap(itemId, Gap.Kind.TARGET_DATE_MISSING))
                .doesNotContain(new Gap(itemId, Gap.Kind.ADVICE_MISSING), new Gap(itemId, Gap.Kind.UNANSWERED));

        settle();
        Map<String, Finding> stored = workspace.inspections().findings(inspection.id(), inspection.revision());
        assertThat(stored.get(itemId)).isEqualTo(shown);
        assertThat(fx(() -> model.failureProperty().get())).isNull();
        assertThat(fx(() -> model.saveStatusProperty().get())).startsWith("保存しました");
        assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
    }

    /** The target date reads what the facility screen reads: full-width digits from a Japanese keyboard too. */
    @Test
    void aTargetDateTypedInFullWidthDigitsIsStored() throws Exception {
        Inspection inspection = askingForATargetDate();

        assertThat(fx(() -> model.typeDate(DateField.TARGET_DATE, "２０２７／０３／３１"))).isEmpty();
        assertThat(fx(() -> model.date(DateField.TARGET_DATE))).contains(LocalDate.of(2027, 3, 31));
        assertThat(fx(() -> model.gaps())).doesNotContain(new Gap(NON_COMPLIANT_ITEM, Gap.Kind.TARGET_DATE_MISSING));
        settle();
        assertThat(storedTargetDate(inspection)).contains(LocalDate.of(2027, 3, 31));

        assertThat(fx(() -> model.typeDate(DateField.CHECKED_ON, "２０２６年１１月２４日"))).isEmpty();
        assertThat(fx(() -> model.date(DateField.CHECKED_ON))).contains(LocalDate.of(2026, 11, 24));
    }

    /**
     * The ministry's form asks for a target date within the fiscal year (令和8年度: to 2027-03-31): a later one is
     * stored, with a warning, not a gap; two-factor authentication may run to the end of FY2027.
     */
    @Test
    void aTargetDateAfterTheFiscalYearIsStoredWithAWarning() throws Exception {
        Inspection inspection = askingForATargetDate();
        fx(() -> model.typeDate(DateField.TARGET_DATE, "2027/3/31"));
        assertThat(fx(() -> model.targetAfterYear(NON_COMPLIANT_ITEM))).isEmpty();

        fx(() -> model.typeDate(DateField.TARGET_DATE, "2027/4/1"));
        assertThat(fx(() -> model.targetAfterYear(NON_COMPLIANT_ITEM))).contains(LocalDate.of(2027, 3, 31));
        assertThat(fx(() -> model.gaps())).noneMatch(gap -> gap.subject().equals(NON_COMPLIANT_ITEM));
        settle();
        assertThat(storedTargetDate(inspection)).contains(LocalDate.of(2027, 4, 1));

        select("vulnerability.two-factor-auth");
        fx(() -> model.answer(Answer.NON_COMPLIANT));
        fx(() -> model.typeDate(DateField.TARGET_DATE, "2028/3/31"));
        assertThat(fx(() -> model.targetAfterYear("vulnerability.two-factor-auth"))).as("FY2027's target").isEmpty();
        fx(() -> model.typeDate(DateField.TARGET_DATE, "2028/4/1"));
        assertThat(fx(() -> model.targetAfterYear("vulnerability.two-factor-auth"))).contains(LocalDate.of(2028, 3, 31));
    }

    /** A part of the ministry's 3-② shows the one answer its parts make; 不適合 in one part makes 3-② 不適合. */
    @Test
    void aPartOfTheMinistrys3_2ShowsTheOneAnswerOfItsParts() throws Exception {
        askingForATargetDate();
        assertThat(fx(() -> model.ministryResult(NON_COMPLIANT_ITEM))).hasValueSatisfying(result -> {
            assertThat(result.item().number()).isEqualTo("3-②");
            assertThat(result.parts()).hasSize(7);
            assertThat(result.answer()).contains(Answer.NON_COMPLIANT);
        });
        assertThat(fx(() -> model.ministryResult("backup.generations")).orElseThrow().answer()).contains(Answer.NON_COMPLIANT);
        assertThat(fx(() -> model.ministryResult("vulnerability.vpn-firmware"))).as("参考").isEmpty();
    }

    @Test
    void aTypedTextThatIsNoDateChangesNothingAndSaysWhichFieldAndWhy() throws Exception {
        Inspection inspection = askingForATargetDate();
        fx(() -> model.typeDate(DateField.TARGET_DATE, "2027/3/31"));
        settle();

        assertThat(fx(() -> model.typeDate(DateField.TARGET_DATE, "２０２７／０２／３０")))
                .contains("目標日: 「２０２７／０２／３０」は日付として読めません（例: 2026/11/25）");
        assertThat(fx(() -> model.date(DateField.TARGET_DATE))).as("the date before stays").contains(LocalDate.of(2027, 3, 31));

        assertThat(fx(() -> model.typeDate(DateField.TARGET_DATE, "  "))).as("an emptied field").isEmpty();
        assertThat(fx(() -> model.date(DateField.TARGET_DATE))).isEmpty();
        settle();
        assertThat(storedTargetDate(inspection)).isEmpty();
    }

    @Test
    void answeringTheGateNoRulesOutEveryItemAndLeavesNoGaps() throws Exception {
        Inspection inspection = inProgress();
        load(inspection.id());
        assertThat(fx(() -> model.gaps())).isNotEmpty();
        Map<String, Finding> before = workspace.inspections().findings(inspection.id(), inspection.revision());

        fx(() -> model.answer(Answer.NO));

        assertThat(fx(() -> model.checklistProperty().get().items())).isNotEmpty()
                .allSatisfy(state -> assertThat(state.applicable()).as(state.item().id()).isFalse())
                .allSatisfy(state -> assertThat(state.effectiveAnswer()).as(state.item().id()).contains(Answer.NOT_APPLICABLE));
        assertThat(fx(() -> model.gaps())).isEmpty();
        assertThat(fx(model::questionOrder)).containsExactly(GATE);

        settle();
        Map<String, Finding> stored = workspace.inspections().findings(inspection.id(), inspection.revision());
        assertThat(stored.get(GATE).answer()).contains(Answer.NO);
        // Nothing was written for the items: back to YES, they are as they were.
        before.forEach((itemId, finding) -> {
            if (!itemId.equals(GATE)) {
                assertThat(stored.get(itemId)).as(itemId).isEqualTo(finding);
            }
        });

        fx(() -> model.answer(Answer.YES));
        before.forEach((itemId, finding) -> {
            if (!itemId.equals(GATE)) {
                ItemState state = fx(() -> model.state(itemId)).orElseThrow();
                assertThat(state.applicable()).as(itemId).isTrue();
                assertThat(state.finding()).as(itemId).isEqualTo(finding);
            }
        });
        settle();
        assertThat(workspace.inspections().findings(inspection.id(), inspection.revision()).get(GATE).answer())
                .contains(Answer.YES);
    }

    @Test
    void aWriteTheStoreRefusesIsReportedAndTheStoredStateIsShownAgain() throws Exception {
        Inspection inspection = inProgress();
        load(inspection.id());
        Finding storedGate = workspace.inspections().findings(inspection.id(), inspection.revision()).get(GATE);

        // The gate allows only YES and NO; the store refuses anything else.
        fx(() -> model.answer(Answer.COMPLIANT));
        settle(); // the refused write
        settle(); // the stored state read back

        assertThat(fx(() -> model.failureProperty().get())).isNotNull();
        assertThat(fx(() -> model.saveStatusProperty().get())).startsWith("保存できませんでした");
        assertThat(fx(() -> model.finding(GATE))).isEqualTo(storedGate);
        assertThat(workspace.inspections().findings(inspection.id(), inspection.revision()).get(GATE)).isEqualTo(storedGate);
    }

    // --- moving --------------------------------------------------------------------------------------

    @Test
    void nextAndPreviousSkipItemsThatDoNotApplyAndStopAtTheEnds() {
        load(inProgress().id());
        List<String> order = fx(model::questionOrder);

        fx(model::previous);
        assertThat(selected()).isEqualTo(GATE);

        List<String> walked = new ArrayList<>();
        walked.add(selected());
        for (int i = 0; i < order.size() + 2; i++) {
            fx(model::next);
            if (!selected().equals(walked.get(walked.size() - 1))) {
                walked.add(selected());
            }
        }
        assertThat(walked).containsExactlyElementsOf(order);
        assertThat(selected()).isEqualTo(order.get(order.size() - 1));

        select("recovery.staff-training");
        fx(model::next);
        assertThat(selected()).isEqualTo("contact.security-manager");
        fx(model::previous);
        assertThat(selected()).isEqualTo("recovery.staff-training");

        List<String> back = new ArrayList<>();
        select(order.get(order.size() - 1));
        back.add(selected());
        for (int i = 0; i < order.size() + 2; i++) {
            fx(model::previous);
            if (!selected().equals(back.get(back.size() - 1))) {
                back.add(selected());
            }
        }
        List<String> reversed = new ArrayList<>(order);
        java.util.Collections.reverse(reversed);
        assertThat(back).containsExactlyElementsOf(reversed);
        assertThat(selected()).isEqualTo(GATE);
    }

    @Test
    void aSmallHospitalWithoutVendorOrEmrWalksOnlyItsOwnItems() {
        Inspection started = workspace.inspections().start(new jp.tachiiri.inspection.NewInspection("demo-mizuho", TODAY,
                List.of("デモ 立入花子"), List.of(), true), workspace.actor());
        load(started.id());
        Facility mizuho = workspace.facilities().byId("demo-mizuho").orElseThrow();
        Catalog catalog = workspace.catalogs().version(started.catalogVersion()).orElseThrow();

        List<String> order = fx(model::questionOrder);
        assertThat(order.subList(1, order.size())).containsExactlyElementsOf(
                Applicability.applicableItems(catalog, mizuho.profileOn(Profiles.DAY)).stream().map(CatalogItem::id).toList());
        assertThat(order).contains("recovery.staff-training")
                .doesNotContain("vulnerability.remote-maintenance-scope", "backup.emr", "recovery.staff-training-a207",
                        "contact.dedicated-security-manager", "contact.vendor-route");

        select("vulnerability.device-ledger");
        fx(model::next);
        // remote-maintenance-scope and vendor-mds-sds need a vendor contract.
        assertThat(selected()).isEqualTo("vulnerability.access-rights");
        select("backup.essential-information");
        fx(model::next);
        assertThat(selected()).isEqualTo("backup.other-systems");
        fx(model::previous);
        assertThat(selected()).isEqualTo("backup.essential-information");
    }

    @Test
    void fromAnItemThatDoesNotApplyNextAndPreviousGoToItsApplicableNeighbours() {
        // The item list shows every item of a checkpoint, those that do not apply too, and any of them can be
        // selected there: the fee add-on's training item does not apply on this inspection's day.
        load(inProgress().id());
        assertThat(fx(() -> model.state("recovery.staff-training-a207")).orElseThrow().applicable()).isFalse();

        select("recovery.staff-training-a207");
        fx(model::next);
        assertThat(selected()).as("next after recovery.staff-training-a207").isEqualTo("recovery.staff-training");

        select("recovery.staff-training-a207");
        fx(model::previous);
        assertThat(selected()).as("previous before recovery.staff-training-a207").isEqualTo("recovery.drills");
    }

    // --- finalized and amended -----------------------------------------------------------------------

    @Test
    void aFinalizedInspectionIsReadOnlyAndAnswersChangeNothing() throws Exception {
        Inspection inspection = finalized();
        load(inspection.id());
        assertThat(fx(model::readOnly)).isTrue();
        Map<String, Finding> before = workspace.inspections().findings(inspection.id(), inspection.revision());
        int events = workspace.chainVerifier().trail(inspection.id()).events().size();

        select("backup.generations");
        Finding shownBefore = fx(() -> model.finding("backup.generations"));
        fx(() -> model.answer(Answer.NON_COMPLIANT));
        fx(() -> model.setNote("backup.generations", "書き換え"));
        Path photo = Files.writeString(outside.resolve("photo.jpg"), "not really a photo");
        fx(() -> model.addEvidence(photo));
        settle();

        assertThat(fx(() -> model.finding("backup.generations"))).isEqualTo(shownBefore);
        assertThat(workspace.inspections().findings(inspection.id(), inspection.revision())).isEqualTo(before);
        assertThat(workspace.chainVerifier().trail(inspection.id()).events()).hasSize(events);
        assertThat(workspace.evidence().list(inspection.id(), inspection.revision())).isEmpty();
        assertThat(fx(() -> model.evidenceOf("backup.generations"))).isEmpty();
        assertThat(workspace.inspections().find(inspection.id()).orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);
    }

    @Test
    void finalizingReturnsTheGapsAndChangesNothingUntilCompleteThenFinalizes() throws Exception {
        Inspection inspection = inProgress();
        load(inspection.id());
        AtomicBoolean finalizedCalled = new AtomicBoolean();

        List<Gap> gaps = fx(() -> model.finalizeInspection(() -> finalizedCalled.set(true)));
        settle();
        assertThat(gaps).isNotEmpty().isEqualTo(fx(() -> model.blockingGaps()));
        assertThat(gaps).contains(new Gap("backup.offline-copy", Gap.Kind.UNANSWERED));
        assertThat(finalizedCalled).isFalse();
        assertThat(workspace.inspections().find(inspection.id()).orElseThrow().status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(fx(model::readOnly)).isFalse();

        // Answer everything still open, as the inspector would, walking the questions.
        for (String itemId : fx(model::questionOrder)) {
            if (fx(() -> model.finding(itemId)).answer().isEmpty()) {
                select(itemId);
                fx(() -> model.answer(Answer.COMPLIANT));
            }
        }
        // The inspector's confirmation of each ministry item and the vendor forms (or why they are missing) block too;
        // the hospital's own blanks do not.
        fx(() -> SelfCheckViewModelTest.settleTheInspectorsPart(model.forms()));
        assertThat(fx(() -> model.blockingGaps())).isEmpty();
        assertThat(fx(() -> model.gaps())).allMatch(gap -> !gap.blocking());

        List<Gap> none = fx(() -> model.finalizeInspection(() -> finalizedCalled.set(true)));
        assertThat(none).isEmpty();
        waitUntil(finalizedCalled::get);
        settle();

        Inspection stored = workspace.inspections().find(inspection.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(InspectionStatus.FINALIZED);
        assertThat(stored.revision()).isEqualTo(inspection.revision());
        assertThat(fx(model::readOnly)).isTrue();
        assertThat(fx(() -> model.failureProperty().get())).isNull();
        assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
    }

    @Test
    void amendingOpensRevisionTwoInProgressWithTheReason() throws Exception {
        Inspection inspection = finalized();
        load(inspection.id());
        AtomicBoolean amended = new AtomicBoolean();

        fx(() -> model.amend("院長の指摘により目標日を訂正", () -> amended.set(true)));
        waitUntil(amended::get);

        Inspection stored = workspace.inspections().find(inspection.id()).orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(stored.amendReason()).contains("院長の指摘により目標日を訂正");
        assertThat(workspace.inspections().find(inspection.id(), 1).orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);
        assertThat(fx(() -> model.loadedProperty().get().inspection())).isEqualTo(stored);
        assertThat(fx(model::readOnly)).isFalse();
        assertThat(fx(() -> model.failureProperty().get())).isNull();

        // The new revision can be changed; the old one stays as it was.
        String noteBefore = workspace.inspections().findings(inspection.id(), 1).get("backup.generations").note();
        select("backup.generations");
        fx(() -> model.setNote("backup.generations", "訂正後のメモ"));
        settle();
        assertThat(workspace.inspections().findings(inspection.id(), 2).get("backup.generations").note()).isEqualTo("訂正後のメモ");
        assertThat(workspace.inspections().findings(inspection.id(), 1).get("backup.generations").note()).isEqualTo(noteBefore);

        // The earlier revision is shown read-only.
        InspectionViewModel first = fx(() -> new InspectionViewModel(context));
        AtomicBoolean loaded = new AtomicBoolean();
        fx(() -> first.load(inspection.id(), Optional.of(1), Optional.of("backup.generations"), () -> loaded.set(true)));
        waitUntil(loaded::get);
        assertThat(fx(() -> first.loadedProperty().get().inspection().revision())).isEqualTo(1);
        assertThat(fx(first::readOnly)).isTrue();
        fx(() -> first.setNote("backup.generations", "旧版への書き込み"));
        settle();
        assertThat(workspace.inspections().findings(inspection.id(), 1).get("backup.generations").note()).isEqualTo(noteBefore);
    }

    @Test
    void amendingAnInspectionInProgressIsRefusedAndReported() {
        Inspection inspection = inProgress();
        load(inspection.id());
        AtomicBoolean amended = new AtomicBoolean();

        fx(() -> model.amend("理由", () -> amended.set(true)));
        waitUntil(() -> fx(() -> model.failureProperty().get()) != null);

        assertThat(amended).isFalse();
        assertThat(workspace.inspections().find(inspection.id()).orElseThrow().revision()).isEqualTo(inspection.revision());
    }

    // --- evidence ------------------------------------------------------------------------------------

    @Test
    void evidenceIsAddedToTheSelectedItemAndRemoved() throws Exception {
        Inspection inspection = inProgress();
        load(inspection.id());
        String itemId = "backup.generations";
        select(itemId);
        Path photo = Files.write(outside.resolve("backup-room.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});

        fx(() -> model.addEvidence(photo));
        waitUntil(() -> !fx(() -> model.evidenceOf(itemId)).isEmpty());
        settle();

        Evidence shown = fx(() -> model.evidenceOf(itemId)).get(0);
        assertThat(fx(() -> model.evidenceOf(itemId))).hasSize(1);
        assertThat(fx(() -> model.evidenceOf("backup.offline-copy"))).isEmpty();
        assertThat(shown.fileName()).isEqualTo("backup-room.jpg");
        assertThat(shown.itemId()).isEqualTo(itemId);
        assertThat(shown.sizeBytes()).isEqualTo(6);
        assertThat(shown.mediaType()).isEqualTo("image/jpeg");
        assertThat(workspace.evidence().list(inspection.id(), inspection.revision())).containsExactly(shown);
        assertThat(Files.readAllBytes(workspace.evidence().file(shown))).isEqualTo(Files.readAllBytes(photo));

        fx(() -> model.removeEvidence(shown));
        waitUntil(() -> fx(() -> model.evidenceOf(itemId)).isEmpty());
        settle();

        assertThat(workspace.evidence().list(inspection.id(), inspection.revision())).isEmpty();
        assertThat(fx(() -> model.failureProperty().get())).isNull();
        assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------

    private Inspection inProgress() {
        return demoInspection(InspectionStatus.IN_PROGRESS);
    }

    private Inspection finalized() {
        return demoInspection(InspectionStatus.FINALIZED);
    }

    /** Loads the inspection in progress and answers {@link #NON_COMPLIANT_ITEM} 不適合, which asks for a target date. */
    private Inspection askingForATargetDate() {
        Inspection inspection = inProgress();
        load(inspection.id());
        select(NON_COMPLIANT_ITEM);
        fx(() -> model.answer(Answer.NON_COMPLIANT));
        return inspection;
    }

    private Optional<LocalDate> storedTargetDate(Inspection inspection) {
        return workspace.inspections().findings(inspection.id(), inspection.revision()).get(NON_COMPLIANT_ITEM).targetDate();
    }

    private Inspection demoInspection(InspectionStatus status) {
        InspectionSummary summary = workspace.inspections().list().stream()
                .filter(inspection -> inspection.status() == status).findFirst().orElseThrow();
        return workspace.inspections().find(summary.id()).orElseThrow();
    }

    /** Loads the latest revision and waits until the screen would show it and its queued work is done. */
    private void load(String inspectionId) {
        AtomicBoolean loaded = new AtomicBoolean();
        fx(() -> model.load(inspectionId, Optional.empty(), Optional.empty(), () -> loaded.set(true)));
        waitUntil(loaded::get);
        settle();
        assertThat(fx(() -> model.failureProperty().get())).isNull();
    }

    private void select(String itemId) {
        fx(() -> model.selectedItemIdProperty().set(itemId));
    }

    private String selected() {
        return fx(() -> model.selectedItemIdProperty().get());
    }

    /**
     * Waits until every piece of background work queued so far has run and its result has been handed to the
     * JavaFX thread: the executor runs tasks in order and hands results over in order.
     */
    private void settle() {
        AtomicBoolean done = new AtomicBoolean();
        fx(() -> executor.submit(() -> Boolean.TRUE, done::set, failure -> { }));
        waitFor("the background work to finish", done::get);
    }

    private static void fx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
