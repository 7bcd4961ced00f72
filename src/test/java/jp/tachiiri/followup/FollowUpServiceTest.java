package jp.tachiiri.followup;

import static jp.tachiiri.testsupport.Rejections.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-up over a real office store that imported the demo tablet's findings. With the clock on 2026-11-30 the
 * demo finalizes both inspections that day: 桜川 (inspected 2026-07-31, four 不適合 of which two 参考, target
 * 2027-03-31) and 青葉台 (inspected 2025-07-31, three 不適合, target 2026-03-31). The printout gives 30 days from
 * 2026-11-30: 2026-12-30 falls in the year-end closure (29 Dec – 3 Jan), so the report is due on Monday 2027-01-04.
 */
class FollowUpServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final LocalDate DUE = LocalDate.of(2027, 1, 4);
    private static final String ACTOR = "supervisor";

    @TempDir
    Path folder;

    private Workspace office;
    private FollowUpService followUp;
    private String sakuragawa;
    private String aobadai;

    @BeforeEach
    void officeWithTheDemoFindings() {
        office = Offices.withDemoFindings(folder, CLOCK);
        followUp = office.followUp();
        sakuragawa = byName("桜川").inspectionId();
        aobadai = byName("青葉台").inspectionId();
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void everyInspectionWithFindingsToImproveIsACaseWithItsReportDueAsThePrintoutSaysIt() {
        assertThat(followUp.cases()).extracting(FollowUpCase::facilityName).hasSize(2);
        FollowUpCase case1 = byName("桜川");
        assertThat(case1.inspectionDate()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(case1.reportDue()).isEqualTo(DUE);
        assertThat(case1.findings()).extracting(FindingToFollow::itemId).containsExactly("backup.offline-copy",
                "recovery.drills", "vulnerability.two-factor-auth", "vulnerability.vpn-firmware");
        assertThat(case1.findings()).filteredOn(FindingToFollow::reference).extracting(FindingToFollow::itemId)
                .containsExactly("recovery.drills", "vulnerability.vpn-firmware");
        assertThat(case1.finding("backup.offline-copy").orElseThrow().targetDate()).contains(LocalDate.of(2027, 3, 31));
        assertThat(case1.closed()).isFalse();
    }

    @Test
    void aReportIsOverdueTheDayAfterItWasDueAndNoLongerOnceReceived() {
        assertThat(list(DUE).counts().reportsOverdue()).as("on the due day").isZero();
        assertThat(list(DUE.plusDays(1)).counts().reportsOverdue()).isEqualTo(2);
        assertThat(list(DUE.plusDays(1)).rows()).allMatch(FollowUpList.Row::reportOverdue);

        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 30), "桜川 情報 太郎", "情報システム課", ACTOR);

        FollowUpList after = FollowUpList.of(followUp.cases(), DUE.plusDays(1),
                FollowUpList.Filter.OPEN.showing(FollowUpList.Show.REPORT_OVERDUE));
        assertThat(after.counts().reportsOverdue()).isEqualTo(1);
        assertThat(after.rows()).extracting(row -> row.followed().facilityName()).containsOnly(byName("青葉台").facilityName());
    }

    @Test
    void aFindingIsPastItsTargetFromTheDayAfterAndItsNewDateCountsOnceInProgress() {
        LocalDate target = LocalDate.of(2027, 3, 31);
        FollowUpList.Filter pastTarget = FollowUpList.Filter.OPEN.showing(FollowUpList.Show.PAST_TARGET);
        assertThat(rowsOf(FollowUpList.of(followUp.cases(), target, pastTarget), sakuragawa)).isEmpty();
        List<FollowUpList.Row> past = rowsOf(FollowUpList.of(followUp.cases(), target.plusDays(1), pastTarget), sakuragawa);
        assertThat(past).extracting(row -> row.finding().itemId())
                .containsExactly("backup.offline-copy", "vulnerability.two-factor-auth");
        assertThat(past).allMatch(row -> row.daysPastTarget() == 1);

        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 30), "桜川 情報 太郎", "", ACTOR);
        followUp.assess(sakuragawa, "backup.offline-copy", "テープ装置を発注済み", Optional.empty(), Assessment.IN_PROGRESS,
                Optional.of(LocalDate.of(2027, 6, 30)), ACTOR);
        past = rowsOf(FollowUpList.of(followUp.cases(), target.plusDays(1), pastTarget), sakuragawa);
        assertThat(past).extracting(row -> row.finding().itemId()).containsExactly("vulnerability.two-factor-auth");
        assertThat(rowsOf(FollowUpList.of(followUp.cases(), LocalDate.of(2027, 7, 1), pastTarget), sakuragawa))
                .extracting(row -> row.finding().itemId())
                .containsExactly("backup.offline-copy", "vulnerability.two-factor-auth");
    }

    @Test
    void closingAndReopeningAFindingIsStoredAndAuditedInAChainThatVerifies() {
        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "情報システム課", ACTOR);
        followUp.assess(sakuragawa, "backup.offline-copy", "オフラインのテープに週次で複製", Optional.of(LocalDate.of(2026, 11, 20)),
                Assessment.CLOSED, Optional.empty(), ACTOR);
        followUp.assess(sakuragawa, "vulnerability.two-factor-auth", "二要素認証を導入", Optional.of(LocalDate.of(2026, 11, 1)),
                Assessment.CLOSED, Optional.empty(), ACTOR);
        assertThat(byName("桜川").closed()).as("the 参考 items do not keep the case open").isTrue();
        assertThat(byName("桜川").finding("backup.offline-copy").orElseThrow().closedInTime()).isTrue();

        followUp.assess(sakuragawa, "backup.offline-copy", "複製が取られていなかった", Optional.empty(), Assessment.NOT_DONE,
                Optional.empty(), ACTOR);

        FollowUpCase reopened = byName("桜川");
        assertThat(reopened.closed()).isFalse();
        assertThat(reopened.finding("backup.offline-copy").orElseThrow().followUp().orElseThrow().assessment())
                .isEqualTo(Assessment.NOT_DONE);
        List<AuditEvent> trail = followUpTrail(sakuragawa);
        assertThat(trail).extracting(AuditEvent::action).containsExactly("REPORT_RECORDED", "ITEM_ASSESSED",
                "ITEM_ASSESSED", "ITEM_ASSESSED");
        assertThat(trail.get(3).oldValue()).startsWith("CLOSED done=2026-11-20");
        assertThat(trail.get(3).newValue()).startsWith("NOT_DONE");
        assertThat(office.chainVerifier().verifyEveryChain()).isEmpty();

        // The same assessment again changes nothing and adds no event.
        followUp.assess(sakuragawa, "backup.offline-copy", "複製が取られていなかった", Optional.empty(), Assessment.NOT_DONE,
                Optional.empty(), ACTOR);
        assertThat(followUpTrail(sakuragawa)).hasSize(4);
    }

    @Test
    void theHospitalsEvidenceIsKeptUnderItsHashAndReadBack() throws Exception {
        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "", ACTOR);
        followUp.assess(sakuragawa, "backup.offline-copy", "テープに複製", Optional.of(LocalDate.of(2026, 11, 20)),
                Assessment.CLOSED, Optional.empty(), ACTOR);
        Path scan = Files.writeString(folder.resolve("改善報告書.pdf"), "%PDF-1.7 改善報告書", StandardCharsets.UTF_8);

        FollowUpEvidence kept = followUp.addEvidence(sakuragawa, "backup.offline-copy", scan, "application/pdf", ACTOR);

        assertThat(byName("桜川").finding("backup.offline-copy").orElseThrow().evidence()).containsExactly(kept);
        assertThat(Files.readAllBytes(followUp.file(kept))).isEqualTo(Files.readAllBytes(scan));
        assertThat(followUpTrail(sakuragawa).get(2).newValue()).isEqualTo("改善報告書.pdf sha256=" + kept.sha256());
    }

    @Test
    void badInputIsRefusedNamingWhatAndNothingIsStored() throws Exception {
        String before = StoreDump.withFiles(office);
        assertRefused(() -> followUp.recordReport(sakuragawa, LocalDate.of(2026, 7, 30), "担当", "", ACTOR),
                "followup.error.beforeInspection");
        assertRefused(() -> followUp.recordReport(sakuragawa, LocalDate.of(2026, 12, 1), "担当", "", ACTOR),
                "followup.error.future");
        assertRefused(() -> followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 30), " ", "", ACTOR),
                "followup.error.contactRequired");
        assertRefused(() -> followUp.recordReport("no-such-inspection", LocalDate.of(2026, 11, 30), "担当", "", ACTOR),
                "followup.error.nothingToFollow");
        assertRefused(() -> followUp.assess(sakuragawa, "backup.offline-copy", "", Optional.of(LocalDate.of(2026, 11, 1)),
                Assessment.CLOSED, Optional.empty(), ACTOR), "followup.error.noReport");
        assertThat(StoreDump.withFiles(office)).isEqualTo(before);

        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "担当", "", ACTOR);
        before = StoreDump.withFiles(office);
        // backup.restore-test was answered 適合 at 桜川: it needed no improvement.
        UserFacingException notNeeded = assertRefused(() -> followUp.assess(sakuragawa, "backup.restore-test", "",
                Optional.of(LocalDate.of(2026, 11, 1)), Assessment.CLOSED, Optional.empty(), ACTOR), "followup.error.notNeeded");
        assertThat(Messages.of(Language.JA).describe(notNeeded)).contains("backup.restore-test", "桜川", "2026-07-31");
        assertRefused(() -> followUp.assess(sakuragawa, "backup.offline-copy", "", Optional.empty(), Assessment.CLOSED,
                Optional.empty(), ACTOR), "followup.error.doneOnRequired");
        assertRefused(() -> followUp.assess(sakuragawa, "backup.offline-copy", "", Optional.empty(), Assessment.IN_PROGRESS,
                Optional.empty(), ACTOR), "followup.error.newTargetRequired");
        assertRefused(() -> followUp.assess(sakuragawa, "backup.offline-copy", "", Optional.empty(), Assessment.IN_PROGRESS,
                Optional.of(LocalDate.of(2026, 11, 25)), ACTOR), "followup.error.newTargetTooEarly");
        assertRefused(() -> followUp.assess(sakuragawa, "backup.offline-copy", "", Optional.of(LocalDate.of(2026, 7, 1)),
                Assessment.CLOSED, Optional.empty(), ACTOR), "followup.error.beforeInspection");
        assertRefused(() -> followUp.addEvidence(sakuragawa, "backup.offline-copy", folder.resolve("none.pdf"), null, ACTOR),
                "followup.error.assessFirst");
        assertThat(StoreDump.withFiles(office)).isEqualTo(before);

        followUp.assess(sakuragawa, "backup.offline-copy", "", Optional.empty(), Assessment.NOT_DONE, Optional.empty(), ACTOR);
        before = StoreDump.withFiles(office);
        Path huge = folder.resolve("disk.img");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(FollowUpService.MAX_EVIDENCE_BYTES + 1);
        }
        UserFacingException tooLarge = assertRefused(() -> followUp.addEvidence(sakuragawa, "backup.offline-copy", huge,
                null, ACTOR), "followup.error.tooLarge");
        assertThat(Messages.of(Language.JA).describe(tooLarge)).contains("disk.img", "100 MB");
        assertThat(StoreDump.withFiles(office)).isEqualTo(before);
    }

    @Test
    void theListIsWrittenAsCsvInTheUsersLanguage() throws Exception {
        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "担当", "", ACTOR);
        followUp.assess(sakuragawa, "backup.offline-copy", "=テープに複製", Optional.of(LocalDate.of(2026, 11, 20)),
                Assessment.CLOSED, Optional.empty(), ACTOR);
        FollowUpList all = FollowUpList.of(followUp.cases(), DUE.plusDays(1),
                new FollowUpList.Filter(FollowUpList.Show.ALL, true, Optional.empty(), "", "桜川"));
        Path csv = folder.resolve("out").resolve("followup.csv");

        assertThat(all.writeCsv(csv, Messages.of(Language.JA))).isEqualTo(5);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFF医療機関コード,病院,検査日,項目ID");
        assertThat(lines).filteredOn(line -> line.contains("backup.offline-copy")).singleElement().asString()
                .contains(",改善済,2026-11-20,'=テープに複製,0,0,");
        assertThat(lines).filteredOn(line -> line.contains("vulnerability.two-factor-auth")).singleElement().asString()
                .contains(",2027-03-31,2027-01-04,2026-11-25,,,,0,0,");
    }

    private FollowUpCase byName(String name) {
        return followUp.cases().stream().filter(found -> found.facilityName().contains(name)).findFirst().orElseThrow();
    }

    private FollowUpList list(LocalDate today) {
        return FollowUpList.of(followUp.cases(), today, FollowUpList.Filter.OPEN);
    }

    private static List<FollowUpList.Row> rowsOf(FollowUpList list, String inspectionId) {
        return list.rows().stream().filter(row -> row.followed().inspectionId().equals(inspectionId)).toList();
    }

    private List<AuditEvent> followUpTrail(String inspectionId) {
        return followUp.trail(inspectionId);
    }
}
