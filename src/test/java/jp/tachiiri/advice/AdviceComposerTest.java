package jp.tachiiri.advice;

import static jp.tachiiri.advice.AdvicePrintoutTest.ACTOR;
import static jp.tachiiri.advice.AdvicePrintoutTest.FINALIZED_DAY;
import static jp.tachiiri.advice.AdvicePrintoutTest.INSPECTION_DATE;
import static jp.tachiiri.advice.AdvicePrintoutTest.NOW;
import static jp.tachiiri.advice.AdvicePrintoutTest.answerAll;
import static jp.tachiiri.advice.AdvicePrintoutTest.applicable;
import static jp.tachiiri.advice.AdvicePrintoutTest.compliant;
import static jp.tachiiri.advice.AdvicePrintoutTest.facility;
import static jp.tachiiri.advice.AdvicePrintoutTest.nonCompliant;
import static jp.tachiiri.advice.AdvicePrintoutTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.testsupport.Profiles;
import jp.tachiiri.testsupport.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the printout says, decided from real records before any layout. */
class AdviceComposerTest {

    private static final AdviceSettings SETTINGS = new AdviceSettings("テスト県 医務課", 30);

    @TempDir
    Path folder;

    @Test
    void improvementsFollowTheCatalogOrderWhateverTheOrderOfRecording() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Facility facility = facility("small", "1410000001", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Map<String, Finding> special = new LinkedHashMap<>();
            // Recorded last checkpoint first; alphabetical order (backup < contact < recovery < vulnerability)
            // differs from the catalog's too.
            special.put("contact.mhlw-route", nonCompliant("contact.mhlw-route", "連絡先を知らない。", "連絡先を確認してください。",
                    INSPECTION_DATE.plusDays(10)));
            special.put("recovery.drills", nonCompliant("recovery.drills", "訓練なし。", "訓練を行ってください。",
                    INSPECTION_DATE.plusDays(20)));
            special.put("backup.offline-copy", nonCompliant("backup.offline-copy", "常時接続。", "切り離してください。",
                    INSPECTION_DATE.plusDays(30)));
            special.put("vulnerability.two-factor-auth", nonCompliant("vulnerability.two-factor-auth", "", "二要素認証を導入してください。",
                    INSPECTION_DATE.plusDays(40)));
            special.put("vulnerability.device-ledger", Finding.empty("vulnerability.device-ledger")
                    .withAnswer(Answer.NON_COMPLIANT).withAdvice("台帳を作ってください。")); // no target date yet
            answerAll(workspace, inspection, applicable(workspace.catalogs().latest(), facility), special);

            AdviceContent content = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);

            // The ministry's items are the improvements; the drills and the MHLW route are 参考, advised on apart.
            assertThat(content.improvements())
                    .extracting(improvement -> improvement.item().id(), AdviceContent.Improvement::found,
                            AdviceContent.Improvement::advice, AdviceContent.Improvement::targetDate)
                    .containsExactly(
                            tuple("vulnerability.device-ledger", "", "台帳を作ってください。", Optional.empty()),
                            tuple("vulnerability.two-factor-auth", "", "二要素認証を導入してください。",
                                    Optional.of(INSPECTION_DATE.plusDays(40))),
                            tuple("backup.offline-copy", "常時接続。", "切り離してください。", Optional.of(INSPECTION_DATE.plusDays(30))));
            assertThat(content.referenceImprovements())
                    .extracting(improvement -> improvement.item().id(), AdviceContent.Improvement::found,
                            AdviceContent.Improvement::advice, AdviceContent.Improvement::targetDate)
                    .containsExactly(
                            tuple("recovery.drills", "訓練なし。", "訓練を行ってください。", Optional.of(INSPECTION_DATE.plusDays(20))),
                            tuple("contact.mhlw-route", "連絡先を知らない。", "連絡先を確認してください。",
                                    Optional.of(INSPECTION_DATE.plusDays(10))));
            List<String> catalogOrder = workspace.catalogs().latest().items().stream().map(CatalogItem::id).toList();
            assertThat(content.improvements()).extracting(improvement -> catalogOrder.indexOf(improvement.item().id()))
                    .isSorted();
            assertThat(content.improvements()).noneMatch(improvement -> improvement.item().isReference());
            assertThat(content.referenceImprovements()).allMatch(improvement -> improvement.item().isReference());
        }
    }

    @Test
    void anItemThatDoesNotApplyToTheFacilityIsNoImprovementEvenWithAnAnswerStored() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Facility facility = facility("small", "1410000002", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            answerAll(workspace, inspection, applicable(workspace.catalogs().latest(), facility), Map.of());
            // The A207 item asks 200+ beds; an answer stored for it anyway does not make it an improvement.
            workspace.inspections().record(inspection.id(), nonCompliant("recovery.staff-training-a207", "",
                    "研修を行ってください。", INSPECTION_DATE.plusDays(5)), ACTOR);

            AdviceContent content = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);

            assertThat(content.improvements()).isEmpty();
        }
    }

    @Test
    void goodPracticeIsACompliantItemWithANote() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Facility facility = facility("small", "1410000003", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Map<String, Finding> special = new LinkedHashMap<>();
            special.put("contact.incident-diagram", compliant("contact.incident-diagram").withNote("各部署に掲示している。"));
            special.put("backup.generations", compliant("backup.generations").withNote("3世代を施錠保管している。"));
            special.put("backup.restore-test", compliant("backup.restore-test").withNote("   "));
            special.put("backup.offline-copy", nonCompliant("backup.offline-copy", "常時接続している。", "切り離してください。",
                    INSPECTION_DATE.plusDays(30)));
            special.put("vulnerability.external-media", Finding.empty("vulnerability.external-media")
                    .withAnswer(Answer.ALTERNATIVE).withReason("封印している。").withNote("代替措置として良い取り組み。"));
            special.put("vulnerability.access-logs", Finding.empty("vulnerability.access-logs")
                    .withAnswer(Answer.NOT_APPLICABLE).withReason("ログを持つサーバがない。").withNote("メモ。"));
            answerAll(workspace, inspection, applicable(workspace.catalogs().latest(), facility), special);
            // A compliant note on an item that does not apply to 80 beds is not printed either.
            workspace.inspections().record(inspection.id(),
                    compliant("contact.dedicated-security-manager").withNote("専任を置いている。"), ACTOR);

            AdviceContent content = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);

            assertThat(content.goodPractices()).extracting(practice -> practice.item().id(), AdviceContent.GoodPractice::note)
                    .containsExactly(tuple("backup.generations", "3世代を施錠保管している。"),
                            tuple("contact.incident-diagram", "各部署に掲示している。"));
            assertThat(content.improvements()).extracting(improvement -> improvement.item().id())
                    .containsExactly("backup.offline-copy");
            // The alternative is listed with its measure, not as good practice.
            assertThat(content.alternatives()).extracting(alternative -> alternative.item().id(),
                    AdviceContent.Alternative::measure).containsExactly(tuple("vulnerability.external-media", "封印している。"));
        }
    }

    @Test
    void theGateAnsweredNoLeavesNoImprovementsAndCountsEveryItemNotApplicable() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Catalog catalog = workspace.catalogs().latest();
            Facility facility = facility("small", "1410000004", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            // Answers recorded before the gate turned out NO stay stored, but no longer count.
            answerAll(workspace, inspection, applicable(catalog, facility), Map.of(
                    "backup.offline-copy", nonCompliant("backup.offline-copy", "常時接続。", "切り離してください。",
                            INSPECTION_DATE.plusDays(30)),
                    "backup.generations", compliant("backup.generations").withNote("3世代。")));
            workspace.inspections().record(inspection.id(),
                    Finding.empty(catalog.gate().id()).withAnswer(Answer.NO), ACTOR);
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);

            AdviceContent content = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);

            assertThat(content.improvements()).isEmpty();
            assertThat(content.goodPractices()).isEmpty();
            assertThat(content.summaries()).hasSize(catalog.sections().size());
            for (int i = 0; i < catalog.sections().size(); i++) {
                CheckpointSection section = catalog.sections().get(i);
                AdviceContent.CheckpointSummary summary = content.summaries().get(i);
                assertThat(summary.title()).isEqualTo(section.title());
                // Not asked of a hospital without a medical information system: excluded, not answered 該当なし.
                int ministryItems = (int) section.items().stream().filter(item -> !item.isReference()).count();
                assertThat(List.of(summary.items(), summary.excluded(), summary.applicable(), summary.notApplicable()))
                        .as(section.checkpoint().id()).containsExactly(ministryItems, ministryItems, 0, 0);
            }
            // The counts are of the ministry's items only: 24 of the catalog's 38.
            assertThat(content.summaries().stream().mapToInt(AdviceContent.CheckpointSummary::excluded).sum())
                    .isEqualTo(24);
            assertThat(catalog.items()).hasSize(38);
        }
    }

    /** Counts worked out by hand for an 80-bed hospital without EMR or vendor contract. */
    @Test
    void countsPerCheckpointFollowTheAnswersAndTheFacility() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Catalog catalog = workspace.catalogs().latest();
            Facility facility = facility("small", "1410000005", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            List<CatalogItem> applicable = applicable(catalog, facility);
            // contact.first-response-support is left unanswered.
            answerAll(workspace, inspection, applicable.stream()
                    .filter(item -> !item.id().equals("contact.first-response-support")).toList(), Map.of(
                    "vulnerability.two-factor-auth", nonCompliant("vulnerability.two-factor-auth", "", "導入してください。",
                            INSPECTION_DATE.plusDays(30)),
                    "vulnerability.vpn-firmware", nonCompliant("vulnerability.vpn-firmware", "", "更新してください。",
                            INSPECTION_DATE.plusDays(30)),
                    "vulnerability.external-media", Finding.empty("vulnerability.external-media")
                            .withAnswer(Answer.ALTERNATIVE).withReason("封印している。"),
                    "vulnerability.access-logs", Finding.empty("vulnerability.access-logs")
                            .withAnswer(Answer.NOT_APPLICABLE).withReason("サーバがない。"),
                    "recovery.drills", nonCompliant("recovery.drills", "", "訓練してください。", INSPECTION_DATE.plusDays(30))));

            AdviceContent content = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);

            // {items, 対象外, 適合, 不適合, 代替措置, 該当なし, 未回答} of the ministry's items (参考 ones are not counted:
            // the VPN firmware, the drills, the first-response support): an item that does not apply is 対象外, not
            // 該当なし. vulnerability: 14 ministry items, 2 need a vendor contract. backup: 6, 1 needs an EMR.
            // recovery: 2 (the BCP, the recovery procedures). contact: 2 (the manager, the contact diagram).
            assertThat(content.summaries()).extracting(summary -> List.of(summary.items(), summary.excluded(),
                    summary.compliant(), summary.nonCompliant(), summary.alternative(), summary.notApplicable(),
                    summary.unanswered()))
                    .containsExactly(List.of(14, 2, 9, 1, 1, 1, 0), List.of(6, 1, 5, 0, 0, 0, 0),
                            List.of(2, 0, 2, 0, 0, 0, 0), List.of(2, 0, 2, 0, 0, 0, 0));
            assertThat(content.summaries()).extracting(AdviceContent.CheckpointSummary::applicable)
                    .containsExactly(12, 5, 2, 2);
            assertThat(content.referenceImprovements()).extracting(improvement -> improvement.item().id())
                    .containsExactly("vulnerability.vpn-firmware", "recovery.drills");
            assertThat(content.draft()).isTrue();
        }
    }

    @Test
    void aFinalizedRevisionIsDatedTheJapaneseDayItWasFinalizedAndADraftTheInspectionDay() {
        SettableClock clock = new SettableClock(NOW); // 2026-07-01T15:30Z: 2 July in Japan, still 1 July in UTC
        try (Workspace workspace = Workspace.open(folder, clock)) {
            Facility facility = facility("small", "1410000006", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            answerAll(workspace, inspection, applicable(workspace.catalogs().latest(), facility), Map.of(
                    "recovery.cyber-bcp", nonCompliant("recovery.cyber-bcp", "", "BCPを策定してください。", INSPECTION_DATE.plusDays(90))));

            AdviceContent draft = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);
            assertThat(draft.draft()).isTrue();
            assertThat(draft.documentDate()).isEqualTo(INSPECTION_DATE);
            assertThat(draft.reportDue()).isEqualTo(INSPECTION_DATE.plusDays(30));

            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);
            AdviceContent finalized = workspace.advice().content(inspection.id(), Optional.empty(),
                    new AdviceSettings("テスト県 医務課", 14));
            assertThat(finalized.draft()).isFalse();
            assertThat(finalized.documentDate()).isEqualTo(FINALIZED_DAY).isEqualTo(LocalDate.of(2026, 7, 2));
            assertThat(finalized.reportDue()).isEqualTo(LocalDate.of(2026, 7, 16));
            assertThat(finalized.fingerprint()).matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}")
                    .isNotEqualTo(draft.fingerprint());

            // An amendment: revision 2, finalized on 16 July in Japan (15 July in UTC).
            clock.set(Instant.parse("2026-07-10T01:00:00Z"));
            workspace.inspections().amend(inspection.id(), "目標日の訂正", ACTOR);
            workspace.inspections().record(inspection.id(), nonCompliant("recovery.cyber-bcp", "", "BCPを策定してください。",
                    INSPECTION_DATE.plusDays(120)), ACTOR);
            AdviceContent amending = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);
            assertThat(amending.draft()).isTrue();
            assertThat(amending.inspection().revision()).isEqualTo(2);
            assertThat(amending.documentDate()).isEqualTo(INSPECTION_DATE);
            clock.set(Instant.parse("2026-07-15T16:00:00Z"));
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);

            assertThat(workspace.advice().content(inspection.id(), Optional.of(1), SETTINGS).documentDate())
                    .isEqualTo(LocalDate.of(2026, 7, 2));
            AdviceContent second = workspace.advice().content(inspection.id(), Optional.empty(), SETTINGS);
            assertThat(second.inspection().revision()).isEqualTo(2);
            assertThat(second.inspection().status()).isEqualTo(InspectionStatus.FINALIZED);
            assertThat(second.documentDate()).isEqualTo(LocalDate.of(2026, 7, 16));
            assertThat(second.improvements()).singleElement()
                    .satisfies(improvement -> assertThat(improvement.targetDate()).contains(INSPECTION_DATE.plusDays(120)));
            assertThat(second.fingerprint()).isNotEqualTo(finalized.fingerprint());
        }
    }

    @Test
    void theComposerItselfDatesAFinalizedRecordWithTheDayGivenAndADraftWithTheInspectionDay() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Facility facility = facility("small", "1410000007", 80, false, false);
            Inspection started = start(workspace, facility, INSPECTION_DATE);
            Catalog catalog = workspace.catalogs().latest();
            AdviceComposer composer = new AdviceComposer();
            LocalDate someDay = LocalDate.of(2026, 8, 3);

            AdviceContent draft = composer.compose(started, facility, catalog, Map.of(), SelfCheck.EMPTY, SETTINGS,
                    Optional.of(someDay));
            assertThat(draft.draft()).isTrue();
            assertThat(draft.documentDate()).isEqualTo(INSPECTION_DATE);

            workspace.inspections().finalizeInspection(started.id(), ACTOR);
            Inspection finalized = workspace.inspections().find(started.id()).orElseThrow();
            AdviceContent content = composer.compose(finalized, facility, catalog, Map.of(), SelfCheck.EMPTY, SETTINGS,
                    Optional.of(someDay));
            assertThat(content.draft()).isFalse();
            assertThat(content.documentDate()).isEqualTo(someDay);
            assertThat(content.reportDue()).isEqualTo(someDay.plusDays(30));
        }
    }

    /** The report is due on a day the office is open: never a weekend, a national holiday or 29 Dec – 3 Jan. */
    @Test
    void theReportIsDueOnTheOfficesNextOpenDay() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Facility facility = facility("small", "1410000008", 80, false, false);
            Inspection started = start(workspace, facility, INSPECTION_DATE);
            workspace.inspections().finalizeInspection(started.id(), ACTOR);
            Inspection finalized = workspace.inspections().find(started.id()).orElseThrow();
            Catalog catalog = workspace.catalogs().latest();
            AdviceComposer composer = new AdviceComposer();
            Map<LocalDate, LocalDate> dueByDocumentDay = new LinkedHashMap<>();
            dueByDocumentDay.put(LocalDate.of(2026, 12, 2), LocalDate.of(2027, 1, 4)); // 元日 → after the year end
            dueByDocumentDay.put(LocalDate.of(2026, 11, 29), LocalDate.of(2027, 1, 4)); // 29 Dec, the first year-end day
            dueByDocumentDay.put(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 28)); // Monday 28 Dec, still open
            dueByDocumentDay.put(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 9, 24)); // Sat 19 Sep, then 敬老の日, 国民の休日, 秋分の日
            dueByDocumentDay.put(LocalDate.of(2026, 7, 2), LocalDate.of(2026, 8, 3)); // Saturday 1 Aug
            dueByDocumentDay.put(LocalDate.of(2026, 7, 16), LocalDate.of(2026, 8, 17)); // Saturday 15 Aug

            dueByDocumentDay.forEach((documentDay, due) -> assertThat(composer.compose(finalized, facility, catalog,
                    Map.of(), SelfCheck.EMPTY, SETTINGS, Optional.of(documentDay)).reportDue()).as("30 days after %s", documentDay)
                    .isEqualTo(due));
        }
    }

    /**
     * The check code on the paper of a record made before facilities had a type and fee add-on claims stays as it was:
     * the facility's attributes are written exactly as before (the profile's toString of then) unless the type says
     * more than the beds or an add-on is claimed.
     */
    @Test
    void theCheckCodeOfAFacilityWithoutTypeOrClaimIsWrittenAsBefore() {
        Facility before = facility("small", "1410000010", 80, false, true);
        assertThat(AdviceComposer.canonicalAttributes(before)).isEqualTo("FacilityProfile[licensedBeds=80, "
                + "hasMedicalInformationSystem=true, hasVendorContract=true, usesEmr=false]");
        Facility claiming = new Facility(before.id(), before.code(), before.name(), before.kana(), before.address(),
                before.type(), 80, true, false, before.vendors(),
                List.of(new FeeAddOnClaim("records-management-1-2024", LocalDate.of(2024, 6, 1))), false);
        assertThat(AdviceComposer.canonicalAttributes(claiming))
                .startsWith(AdviceComposer.canonicalAttributes(before)).endsWith("|hospital|records-management-1-2024@2024-06-01");
    }

    @Test
    void aDueDateInAYearOfUnknownHolidaysIsAMessageNotAGuess() {
        try (Workspace workspace = Workspace.open(folder, AdvicePrintoutTest.clock())) {
            Facility facility = facility("small", "1410000009", 80, false, false);
            Inspection mistyped = start(workspace, facility, LocalDate.of(2199, 6, 30));

            assertThatThrownBy(() -> workspace.advice().content(mistyped.id(), Optional.empty(), SETTINGS))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("2199");
        }
    }


}
