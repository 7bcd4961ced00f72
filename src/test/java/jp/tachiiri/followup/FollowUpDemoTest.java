package jp.tachiiri.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.demo.DemoData;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.SyncService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's demo, as a first start chooses it: besides the demo tablet's findings waiting in the inbox, the
 * follow-up of two inspections of last fiscal year — one hospital whose improvement report is overdue, one whose
 * report came and closed every finding — with trails that verify.
 */
class FollowUpDemoTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path folder;

    @Test
    void theOfficeDemoHoldsAnOverdueReportAndAHospitalWithEverythingClosed() {
        try (Workspace office = Workspace.open(folder, CLOCK)) {
            office.demo().chooseRole(Role.OFFICE);

            FollowUpService followUp = office.followUp();
            FollowUpCase overdue = followUp.findByFacility(DemoData.REPORT_OVERDUE_CODE);
            FollowUpCase closed = followUp.findByFacility(DemoData.ALL_CLOSED_CODE);
            // Last year's demo inspection is on 2025-08-03 (half-way from 2026-04-01 to 2026-12-05, a year back): these
            // two weeks later (2025-08-17, a Sunday) and two days before; the printouts 30 days later, 2025-09-16.
            assertThat(closed.inspectionDate()).isEqualTo(LocalDate.of(2025, 8, 17));
            assertThat(overdue.inspectionDate()).isEqualTo(LocalDate.of(2025, 8, 15));
            assertThat(overdue.reportDue()).isEqualTo(LocalDate.of(2025, 9, 16));
            assertThat(overdue.reportOverdue(followUp.today())).isTrue();
            assertThat(overdue.findings()).hasSize(2).noneMatch(FindingToFollow::closed);
            assertThat(closed.report()).isPresent();
            assertThat(closed.findings()).hasSize(2).allMatch(FindingToFollow::closedInTime);
            assertThat(closed.closed()).isTrue();

            FollowUpList.Counts counts = FollowUpList.of(followUp.cases(), followUp.today(), FollowUpList.Filter.OPEN).counts();
            // みずほ台's two findings were due two months after 山ノ内's inspection day (2025-10-17): past, and open.
            assertThat(counts).isEqualTo(new FollowUpList.Counts(1, 2, 2, 2));
            assertThat(office.chainVerifier().verifyEveryChain()).isEmpty();
            assertThat(office.review().rows()).as("both inspections on the office's list").hasSize(2);
            assertThat(SyncService.filesOf(folder.resolve("demo").resolve("inbox"))).hasSize(1);

            // A second start changes nothing.
            assertThat(office.demo().seedOffice()).isFalse();
            assertThat(followUp.trail(closed.inspectionId())).hasSize(3);
            assertThat(followUp.cases()).hasSize(2);
        }
    }
}
