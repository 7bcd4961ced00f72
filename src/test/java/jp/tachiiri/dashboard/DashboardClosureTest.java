package jp.tachiiri.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FindingToFollow;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.HospitalForms;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How findings were followed up to closure, on a real office store: the demo tablet's findings (青葉台 inspected
 * 2025-07-31, 桜川 2026-07-31) and two more FY2025 inspections finalized on the same tablet (みずほ台 2025-09-01, 山ノ内
 * 2025-10-01), imported, then followed up with {@link FollowUpService} on 2026-11-30. Every FY2025 finding has the
 * target date 2026-03-31 (the fiscal year's last day), 桜川's 2027-03-31. Days = done − inspection date.
 *
 * <pre>
 * inspection (report)         item (checklist)                  follow-up                       days  on 2026-11-30
 * 青葉台 2025-07-31           vulnerability.access-logs (2-⑥)   改善済, done 2025-12-10          132   in time
 *   (report 2026-01-15)       vulnerability.password-policy (2-⑦) 改善済, done 2026-05-21        294   late
 *                             backup.restore-test (3-②)         対応中, new target 2026-12-31          open
 * みずほ台 2025-09-01         vulnerability.password-policy (2-⑦) 改善済, done 2026-03-31        211   in time (its target day)
 *   (report 2026-02-01)       backup.offline-copy (3-②)         未対応                                open, past target
 *                             recovery.drills (参考)            改善済, done 2025-10-01           30   in time
 * 山ノ内 2025-10-01           vulnerability.password-policy (2-⑦) none                                open, past target
 *   (no report)               vulnerability.two-factor-auth (2-⑩) none                                open, past target
 *                             backup.restore-test (3-②)         none                                  open, past target
 * 桜川 2026-07-31             backup.offline-copy (3-②)         改善済, done 2026-11-20          112   in time
 *   (report 2026-11-25)       vulnerability.two-factor-auth (2-⑩) none                                open
 *                             vulnerability.vpn-firmware, recovery.drills (参考)  none                 open
 * </pre>
 *
 * 2025-07-31 → 2025-12-10: 31 (to 08-31) + 30 + 31 + 30 (to 11-30) + 10 = 132; → 2026-05-20: 122 + 31 (to 12-31)
 * + 31 + 28 + 31 + 30 (to 04-30) + 21 = 294. 2025-09-01 → 2026-03-31: 30 + 31 + 30 + 31 + 31 + 28 (to 03-01) + 30 =
 * 211; → 2025-10-01: 30. 2026-07-31 → 2026-11-20: 31 + 30 + 31 + 20 = 112.
 */
class DashboardClosureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String ACTOR = "supervisor";

    private static final String ACCESS_LOGS = "vulnerability.access-logs";
    private static final String PASSWORDS = "vulnerability.password-policy";
    private static final String TWO_FACTOR = "vulnerability.two-factor-auth";
    private static final String VPN = "vulnerability.vpn-firmware";
    private static final String OFFLINE_COPY = "backup.offline-copy";
    private static final String RESTORE_TEST = "backup.restore-test";
    private static final String DRILLS = "recovery.drills";

    @TempDir
    Path folder;

    private Workspace office;
    private FollowUpService followUp;

    @BeforeEach
    void followedUpOffice() {
        office = Offices.withDemoFindings(folder, CLOCK, tablet -> {
            HospitalForms.inspect(tablet, "demo-mizuho", LocalDate.of(2025, 9, 1),
                    Set.of(PASSWORDS, OFFLINE_COPY, DRILLS), Set.of(), Set.of());
            HospitalForms.inspect(tablet, "demo-yamanouchi", LocalDate.of(2025, 10, 1),
                    Set.of(PASSWORDS, TWO_FACTOR, RESTORE_TEST), Set.of(), Set.of());
        });
        followUp = office.followUp();
        assertThat(byName("青葉台").findings()).extracting(FindingToFollow::itemId)
                .containsExactlyInAnyOrder(ACCESS_LOGS, PASSWORDS, RESTORE_TEST);
        assertThat(byName("みずほ台").findings()).extracting(FindingToFollow::itemId)
                .containsExactlyInAnyOrder(PASSWORDS, OFFLINE_COPY, DRILLS);
        assertThat(byName("山ノ内").findings()).extracting(FindingToFollow::itemId)
                .containsExactlyInAnyOrder(PASSWORDS, TWO_FACTOR, RESTORE_TEST);

        String aobadai = byName("青葉台").inspectionId();
        followUp.recordReport(aobadai, LocalDate.of(2026, 1, 15), "青葉台 情報 花子", "医療情報課", ACTOR);
        closed(aobadai, ACCESS_LOGS, LocalDate.of(2025, 12, 10));
        closed(aobadai, PASSWORDS, LocalDate.of(2026, 5, 21));
        followUp.assess(aobadai, RESTORE_TEST, "復元手順書を作成中", Optional.empty(), Assessment.IN_PROGRESS,
                Optional.of(LocalDate.of(2026, 12, 31)), ACTOR);

        String mizuho = byName("みずほ台").inspectionId();
        followUp.recordReport(mizuho, LocalDate.of(2026, 2, 1), "みずほ台 事務 次郎", "", ACTOR);
        closed(mizuho, PASSWORDS, LocalDate.of(2026, 3, 31));
        followUp.assess(mizuho, OFFLINE_COPY, "", Optional.empty(), Assessment.NOT_DONE, Optional.empty(), ACTOR);
        closed(mizuho, DRILLS, LocalDate.of(2025, 10, 1));

        String sakuragawa = byName("桜川").inspectionId();
        followUp.recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "", ACTOR);
        closed(sakuragawa, OFFLINE_COPY, LocalDate.of(2026, 11, 20));
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void perCheckpointTheMinistrysFindingsAreCountedByHowTheyWereClosed() {
        YearClosures fy2025 = office.dashboard().closures(2025, TODAY);

        assertThat(fy2025.fiscalYear()).isEqualTo(new FiscalYear(2025));
        // Vulnerability: access-logs (青葉台), password-policy (3), two-factor (山ノ内) = 5; in time 132 and 211 (done on
        // the target day itself), late 294; open the two of 山ノ内, past 2026-03-31. Median of 132, 211, 294 = 211.
        // Backup: restore-test (青葉台, 山ノ内), offline-copy (みずほ台) = 3, none closed; past their date みずほ台's and
        // 山ノ内's (青葉台's new date 2026-12-31 is still ahead). Recovery: drills is 参考, so nothing.
        assertThat(fy2025.checkpoints()).extracting(CheckpointClosure::checkpoint, CheckpointClosure::closure).containsExactly(
                tuple(Checkpoint.VULNERABILITY, new Closure(5, 2, 1, 2, 2, Optional.of(211.0))),
                tuple(Checkpoint.BACKUP, new Closure(3, 0, 0, 3, 2, Optional.empty())),
                tuple(Checkpoint.RECOVERY, Closure.NONE),
                tuple(Checkpoint.CONTACT, Closure.NONE));
        assertThat(fy2025.checkpoints().get(0).title().ja()).isNotBlank().isNotEqualTo("vulnerability");
    }

    @Test
    void perItemTheMinistrysComeInCatalogOrderAndThe参考ItemsApartAfterThem() {
        YearClosures fy2025 = office.dashboard().closures(2025, TODAY);

        // password-policy: closed 211 (in time) and 294 (late), an even count: the median is (211 + 294) / 2 = 252.5.
        assertThat(fy2025.items()).extracting(ItemClosure::itemId, ItemClosure::reference, ItemClosure::closure)
                .containsExactly(
                        tuple(ACCESS_LOGS, false, new Closure(1, 1, 0, 0, 0, Optional.of(132.0))),
                        tuple(PASSWORDS, false, new Closure(3, 1, 1, 1, 1, Optional.of(252.5))),
                        tuple(TWO_FACTOR, false, new Closure(1, 0, 0, 1, 1, Optional.empty())),
                        tuple(OFFLINE_COPY, false, new Closure(1, 0, 0, 1, 1, Optional.empty())),
                        tuple(RESTORE_TEST, false, new Closure(2, 0, 0, 2, 1, Optional.empty())),
                        tuple(DRILLS, true, new Closure(1, 1, 0, 0, 0, Optional.of(30.0))));
        assertThat(fy2025.items().get(1).checklistNumber()).hasValueSatisfying(number -> assertThat(number).endsWith("2-⑦"));
    }

    @Test
    void eachYearCountsItsOwnInspectionsOnly() {
        YearClosures fy2026 = office.dashboard().closures(2026, TODAY);

        // 桜川 alone: offline-copy closed in 112 days, two-factor open with its date 2027-03-31 ahead.
        assertThat(fy2026.checkpoints()).extracting(CheckpointClosure::closure).containsExactly(
                new Closure(1, 0, 0, 1, 0, Optional.empty()), new Closure(1, 1, 0, 0, 0, Optional.of(112.0)),
                Closure.NONE, Closure.NONE);
        assertThat(fy2026.items()).extracting(ItemClosure::itemId, ItemClosure::reference)
                .containsExactly(tuple(TWO_FACTOR, false), tuple(OFFLINE_COPY, false), tuple(VPN, true),
                        tuple(DRILLS, true));
        assertThat(office.dashboard().closures(2024, TODAY).items()).isEmpty();
        assertThat(office.dashboard().closures(2024, TODAY).checkpoints()).extracting(CheckpointClosure::closure)
                .containsOnly(Closure.NONE);
    }

    @Test
    void aLaterTodayFindsTheNewTargetDatePassedAndChangesNothingElse() {
        // 青葉台's restore-test 対応中 until 2026-12-31: past it on 2027-01-05.
        YearClosures later = office.dashboard().closures(2025, LocalDate.of(2027, 1, 5));

        assertThat(later.today()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(later.checkpoints().get(1).closure()).isEqualTo(new Closure(3, 0, 0, 3, 3, Optional.empty()));
        assertThat(later.checkpoints().get(0).closure()).isEqualTo(new Closure(5, 2, 1, 2, 2, Optional.of(211.0)));
    }

    @Test
    void reopeningAClosedFindingCountsItOpenAgain() {
        followUp.assess(byName("青葉台").inspectionId(), PASSWORDS, "規程の改定が撤回された", Optional.empty(),
                Assessment.NOT_DONE, Optional.empty(), ACTOR);

        // password-policy: only みずほ台's 211 is closed now, in time; 青葉台's is open and past 2026-03-31.
        YearClosures fy2025 = office.dashboard().closures(2025, TODAY);
        assertThat(fy2025.items().get(1).closure()).isEqualTo(new Closure(3, 1, 0, 2, 2, Optional.of(211.0)));
        // Vulnerability: closed 132 and 211, an even count: (132 + 211) / 2 = 171.5.
        assertThat(fy2025.checkpoints().get(0).closure()).isEqualTo(new Closure(5, 2, 0, 3, 3, Optional.of(171.5)));
    }

    /** The store's SQL restates FindingToFollow's definitions; both must give the same answer for every finding. */
    @Test
    void theStoresCountsAgreeWithTheFollowUpsOwnDefinitions() {
        for (LocalDate today : List.of(TODAY, LocalDate.of(2027, 1, 5), LocalDate.of(2027, 4, 1))) {
            for (int year : List.of(2025, 2026)) {
                Map<String, int[]> expected = new HashMap<>();
                for (FollowUpCase followed : followUp.cases()) {
                    if (!new FiscalYear(year).contains(followed.inspectionDate())) {
                        continue;
                    }
                    for (FindingToFollow finding : followed.findings()) {
                        int[] counts = expected.computeIfAbsent(finding.itemId(), id -> new int[4]);
                        counts[0]++;
                        counts[1] += finding.closedInTime() ? 1 : 0;
                        counts[2] += finding.closed() && !finding.closedInTime() ? 1 : 0;
                        counts[3] += finding.pastTarget(today) ? 1 : 0;
                    }
                }
                List<ItemClosure> items = office.dashboard().closures(year, today).items();
                assertThat(items).hasSize(expected.size());
                for (ItemClosure item : items) {
                    Closure closure = item.closure();
                    assertThat(new int[] {closure.needed(), closure.closedInTime(), closure.closedLate(), closure.pastTarget()})
                            .as("%s in %d on %s", item.itemId(), year, today).containsExactly(expected.get(item.itemId()));
                }
            }
        }
    }

    @Test
    void theFiguresAreWrittenAsTablesWithTheDayTheyStandOn() {
        YearClosures fy2025 = office.dashboard().closures(2025, TODAY);

        List<List<String>> checkpoints = DashboardTables.followUpByCheckpoint(fy2025, Language.EN);
        assertThat(checkpoints.get(0)).containsExactly("fiscalYear", "asOf", "checkpoint", "title", "needed",
                "closedInTime", "closedLate", "open", "openPastTarget", "medianDaysToClosure");
        assertThat(checkpoints).hasSize(5);
        assertThat(checkpoints.get(1)).startsWith("2025", "2026-11-30", "vulnerability").endsWith("5", "2", "1", "2", "2", "211");
        assertThat(checkpoints.get(2)).startsWith("2025", "2026-11-30", "backup").endsWith("3", "0", "0", "3", "2", "");

        List<List<String>> items = DashboardTables.followUpByItem(fy2025, Language.JA);
        assertThat(items.get(0)).containsExactly("fiscalYear", "asOf", "checkpoint", "itemId", "scope", "checklistNumber",
                "title", "needed", "closedInTime", "closedLate", "open", "openPastTarget", "medianDaysToClosure");
        assertThat(items).hasSize(7);
        assertThat(items.get(2)).startsWith("2025", "2026-11-30", "vulnerability", PASSWORDS, "checklist")
                .endsWith("3", "1", "1", "1", "1", "252.5");
        assertThat(items.get(6)).startsWith("2025", "2026-11-30", "recovery", DRILLS, "reference", "")
                .endsWith("1", "1", "0", "0", "0", "30");
    }

    private void closed(String inspectionId, String itemId, LocalDate doneOn) {
        followUp.assess(inspectionId, itemId, "改善した", Optional.of(doneOn), Assessment.CLOSED, Optional.empty(), ACTOR);
    }

    private FollowUpCase byName(String name) {
        return followUp.cases().stream().filter(found -> found.facilityName().contains(name)).findFirst().orElseThrow();
    }
}
