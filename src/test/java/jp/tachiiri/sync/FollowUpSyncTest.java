package jp.tachiiri.sync;

import static jp.tachiiri.testsupport.Rejections.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.PreviousFollowUp;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.testsupport.DemoFollowUps;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follow-up of last year's findings travels from the office to the tablet in the assignments bundle (format 3.1),
 * real sealed files on disk and real SQLite files on both sides: 青葉台's report and the office's assessments of the demo
 * tablet's inspection of 2025-07-31, for the inspection of 青葉台 in progress on the tablet.
 */
class FollowUpSyncTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final String ACTOR = "demo-inspector";
    private static final Pattern FOLLOW_UP_TABLES = Pattern.compile(
            "(?s)## (previous_follow_ups|previous_follow_up_items|follow_up_confirmations|audit_events) \\(\\d+\\)\\n.*?(?=## |$)");

    @TempDir
    Path folder;
    private Workspace office;
    private Workspace tablet;
    private String lastYear;

    @BeforeEach
    void officeFollowsUpAndPlansAobadai() {
        office = Offices.withDemoFindings(folder, CLOCK);
        lastYear = DemoFollowUps.reportAndAssess(office);
        tablet = Workspace.open(folder.resolve("tablet"), CLOCK);
        DemoFollowUps.plan(office, tablet, LocalDate.of(2026, 12, 10));
    }

    @AfterEach
    void close() {
        tablet.close();
        office.close();
    }

    @Test
    void theFollowUpOfThePlannedFacilityArrivesOnTheTabletAsTheOfficeRecordedIt() {
        Path bundle = DemoFollowUps.send(office, tablet, folder.resolve("usb"));

        ImportOutcome outcome = tablet.sync().importFile(bundle, false);

        assertThat(outcome.result()).as("%s", outcome.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(outcome.delivered().followUps()).isEqualTo(1);
        assertThat(outcome.describe(Messages.of(Language.JA))).contains("前回の指摘の対応状況 1 施設");
        PreviousFollowUp followUp = tablet.onSiteFollowUp().of(DemoFollowUps.FACILITY, previousOfTheInspectionInProgress())
                .orElseThrow();
        assertThat(followUp.inspectionId()).isEqualTo(lastYear);
        assertThat(followUp.inspectionDate()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(followUp.reportReceivedOn()).contains(DemoFollowUps.REPORT_RECEIVED);
        assertThat(followUp.items().keySet()).containsExactlyInAnyOrder(DemoFollowUps.CLOSED_ITEM,
                DemoFollowUps.IN_PROGRESS_ITEM, DemoFollowUps.UNASSESSED_ITEM);
        PreviousFollowUp.Item closed = followUp.item(DemoFollowUps.CLOSED_ITEM).orElseThrow();
        assertThat(closed.targetDate()).contains(LocalDate.of(2026, 3, 31));
        assertThat(closed.action()).isEqualTo(DemoFollowUps.CLOSED_ACTION);
        assertThat(closed.doneOn()).contains(DemoFollowUps.CLOSED_ON);
        assertThat(closed.assessment()).contains(Assessment.CLOSED);
        assertThat(closed.newTargetDate()).isEmpty();
        PreviousFollowUp.Item inProgress = followUp.item(DemoFollowUps.IN_PROGRESS_ITEM).orElseThrow();
        assertThat(inProgress.assessment()).contains(Assessment.IN_PROGRESS);
        assertThat(inProgress.newTargetDate()).contains(DemoFollowUps.NEW_TARGET);
        assertThat(inProgress.doneOn()).isEmpty();
        PreviousFollowUp.Item unassessed = followUp.item(DemoFollowUps.UNASSESSED_ITEM).orElseThrow();
        assertThat(unassessed.assessment()).isEmpty();
        assertThat(unassessed.action()).isEmpty();
    }

    @Test
    void onlyThePlannedFacilitiesFollowUpIsSealedToTheTablet() throws Exception {
        assertThat(office.followUp().cases()).extracting(followed -> followed.facilityId())
                .as("桜川 has findings to follow up too, but is not planned").contains("demo-sakuragawa");

        Path bundle = DemoFollowUps.send(office, tablet, folder.resolve("usb"));

        try (BundleReader reader = BundleReader.open(bundle, tablet.sync().identity())) {
            assertThat(reader.header().kind().wireName()).isEqualTo("assignments");
            assertThat(reader.payload(BundleRecords.AssignmentsPayload.class).followUps())
                    .extracting(BundleRecords.FollowUp::facilityId).containsExactly(DemoFollowUps.FACILITY);
        }
        assertThat(RewrittenBundles.signedBundle(bundle, tablet.sync().identity()))
                .asString().contains("\"formatVersion\":\"3.1\"");
    }

    @Test
    void theSameBundleTwiceAndANewerBundleSayingTheSameChangeNothing() {
        Path first = DemoFollowUps.send(office, tablet, folder.resolve("usb"));
        tablet.sync().importFile(first, false);
        String inProgress = inspectionInProgress();
        tablet.onSiteFollowUp().confirm(inProgress, DemoFollowUps.CLOSED_ITEM, true, ACTOR);
        String before = followUpTables();

        assertThat(tablet.sync().importFile(first, false).result()).isEqualTo(ImportOutcome.Result.ALREADY_IMPORTED);
        ImportOutcome newer = tablet.sync().importFile(DemoFollowUps.send(office, tablet, folder.resolve("usb2")), false);

        assertThat(newer.result()).as("%s", newer.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(newer.delivered().followUps()).isZero();
        assertThat(followUpTables()).isEqualTo(before);
        assertThat(tablet.onSiteFollowUp().confirmed(inProgress, 1)).containsExactly(DemoFollowUps.CLOSED_ITEM);
    }

    @Test
    void aNewerAssessmentReplacesTheFacilitysFollowUpAndALateOlderBundleDoesNotTakeItBack() {
        // Bundle 1 for the demo inspector, then another inspector's plan of 青葉台 in bundle 2, which arrives first.
        Path forTheDemoInspector = DemoFollowUps.send(office, tablet, folder.resolve("usb"));
        office.sync().plan(DemoFollowUps.FACILITY, "second-inspector", "第二 検査員", LocalDate.of(2026, 12, 11));
        office.followUp().assess(lastYear, DemoFollowUps.UNASSESSED_ITEM, "", Optional.empty(), Assessment.NOT_DONE,
                Optional.empty(), "supervisor");
        Path newer = office.sync().exportAssignments(folder.resolve("usb2"), Optional.of("second-inspector"),
                List.of(tablet.sync().identity().deviceId()));

        ImportOutcome first = tablet.sync().importFile(newer, false);
        ImportOutcome late = tablet.sync().importFile(forTheDemoInspector, false);

        assertThat(first.delivered().followUps()).isEqualTo(1);
        assertThat(late.result()).as("%s", late.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(late.delivered().followUps()).isZero();
        assertThat(tablet.onSiteFollowUp().of(DemoFollowUps.FACILITY, previousOfTheInspectionInProgress()).orElseThrow()
                .item(DemoFollowUps.UNASSESSED_ITEM).orElseThrow().assessment()).contains(Assessment.NOT_DONE);
    }

    @Test
    void anAssignmentsFileOfFormat30StillImportsAndLeavesTheFollowUpHeld() throws Exception {
        Path current = DemoFollowUps.send(office, tablet, folder.resolve("usb"));
        // As an office on the release before wrote it: format 3.0, which carried no follow-up.
        Path older = RewrittenBundles.rewriteSealed(current, tablet.sync().identity(), folder.resolve("older"),
                office.sync().identity(), "3.0", payload -> payload.remove("followUps"));

        ImportOutcome outcome = tablet.sync().importFile(older, false);

        assertThat(outcome.result()).as("%s", outcome.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(outcome.delivered().newPlans()).isEqualTo(1);
        assertThat(outcome.delivered().followUps()).isZero();
        assertThat(tablet.onSiteFollowUp().of(DemoFollowUps.FACILITY, previousOfTheInspectionInProgress())).isEmpty();

        ImportOutcome withFollowUp = tablet.sync().importFile(DemoFollowUps.send(office, tablet, folder.resolve("usb2")), false);
        Path olderAgain = RewrittenBundles.rewriteSealed(DemoFollowUps.send(office, tablet, folder.resolve("usb3")),
                tablet.sync().identity(), folder.resolve("older2"), office.sync().identity(), "3.0",
                payload -> payload.remove("followUps"));
        ImportOutcome saysNothing = tablet.sync().importFile(olderAgain, false);

        assertThat(withFollowUp.delivered().followUps()).isEqualTo(1);
        assertThat(saysNothing.result()).as("%s", saysNothing.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(tablet.onSiteFollowUp().of(DemoFollowUps.FACILITY, previousOfTheInspectionInProgress()))
                .as("a 3.0 bundle says nothing of follow-up: what the tablet holds stays").isPresent();
    }

    @Test
    void aConfirmationOnSiteIsAuditedKeptWithTheRevisionAndTravelsInTheTrail() {
        tablet.sync().importFile(DemoFollowUps.send(office, tablet, folder.resolve("usb")), false);
        String inProgress = inspectionInProgress();

        tablet.onSiteFollowUp().confirm(inProgress, DemoFollowUps.IN_PROGRESS_ITEM, true, ACTOR);
        tablet.onSiteFollowUp().confirm(inProgress, DemoFollowUps.IN_PROGRESS_ITEM, true, ACTOR);
        tablet.onSiteFollowUp().confirm(inProgress, DemoFollowUps.CLOSED_ITEM, true, ACTOR);
        tablet.onSiteFollowUp().confirm(inProgress, DemoFollowUps.CLOSED_ITEM, false, ACTOR);

        assertThat(tablet.onSiteFollowUp().confirmed(inProgress, 1)).containsExactly(DemoFollowUps.IN_PROGRESS_ITEM);
        List<AuditEvent> events = tablet.chainVerifier().trail(inProgress).events().stream()
                .filter(event -> event.action().equals("FOLLOW_UP_CONFIRMED_ON_SITE")).toList();
        assertThat(events).extracting(AuditEvent::subject, AuditEvent::oldValue, AuditEvent::newValue).containsExactly(
                tuple(DemoFollowUps.IN_PROGRESS_ITEM + "/siteConfirmed", null, "true"),
                tuple(DemoFollowUps.CLOSED_ITEM + "/siteConfirmed", null, "true"),
                tuple(DemoFollowUps.CLOSED_ITEM + "/siteConfirmed", "true", null));
        assertThat(tablet.chainVerifier().verifyEveryChain()).isEmpty();

        tablet.inspections().finalizeInspection(inProgress, ACTOR);
        String finalized = StoreDump.withFiles(tablet);
        assertRefused(() -> tablet.onSiteFollowUp().confirm(inProgress, DemoFollowUps.CLOSED_ITEM, true, ACTOR),
                "inspection.error.locked");
        assertThat(StoreDump.withFiles(tablet)).isEqualTo(finalized);
        tablet.inspections().amend(inProgress, "確認日の誤り", ACTOR);
        assertThat(tablet.onSiteFollowUp().confirmed(inProgress, 2)).containsExactly(DemoFollowUps.IN_PROGRESS_ITEM);

        // The office gets the confirmation as an event of the inspection's trail, which verifies there.
        ImportOutcome findings = office.sync().importFile(tablet.sync().exportFindings(folder.resolve("outbox")).orElseThrow(),
                false);
        assertThat(findings.result()).as("%s", findings.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(office.chainVerifier().trail(inProgress).events()).extracting(AuditEvent::action)
                .contains("FOLLOW_UP_CONFIRMED_ON_SITE");
        assertThat(office.chainVerifier().verifyEveryChain()).isEmpty();
    }

    @Test
    void anItemWithoutAFollowUpCannotBeConfirmedAndNothingIsStored() {
        tablet.sync().importFile(DemoFollowUps.send(office, tablet, folder.resolve("usb")), false);
        String before = StoreDump.withFiles(tablet);

        UserFacingException refused = assertRefused(() -> tablet.onSiteFollowUp().confirm(inspectionInProgress(),
                "backup.generations", true, ACTOR), "followup.error.nothingToConfirm");

        assertThat(Messages.of(Language.JA).describe(refused)).contains("backup.generations");
        assertThat(StoreDump.withFiles(tablet)).isEqualTo(before);
    }

    private String inspectionInProgress() {
        return tablet.inspections().list().stream().filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS)
                .map(InspectionSummary::id).findFirst().orElseThrow();
    }

    private PreviousFindings previousOfTheInspectionInProgress() {
        var inspection = tablet.inspections().find(inspectionInProgress()).orElseThrow();
        PreviousFindings previous = tablet.inspections().previousFindings(inspection.facilityId(), inspection.id(),
                inspection.date()).orElseThrow();
        assertThat(previous.inspectionId()).isEqualTo(lastYear);
        return previous;
    }

    /** The tablet's follow-up, its confirmations and the inspections' trails, as stored. */
    private String followUpTables() {
        Matcher tables = FOLLOW_UP_TABLES.matcher(StoreDump.of(tablet.databaseFile(), Set.of()));
        StringBuilder found = new StringBuilder();
        while (tables.find()) {
            found.append(tables.group());
        }
        assertThat(found).contains("## previous_follow_up_items (3)");
        return found.toString();
    }
}
