package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Two versions of one revision at the office: the supervisor sees them side by side, field by field, and
 * takes the arriving one; the office's copy becomes it, photo included.
 */
class ConflictScreenTest {

    @TempDir
    Path data;
    @TempDir
    Path devices;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theSupervisorComparesTheVersionsAndTakesTheArrivingOne() throws Exception {
        byte[] photo = "復元した端末の写真".getBytes(StandardCharsets.UTF_8);
        try (Workspace tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC())) {
            tablet.demo().seed();
            Enrolments.officeKnownTo(tablet, data);
            tablet.sync().exportFindings(devices.resolve("usb"));
        }
        ForkedTablets.copyFolder(devices.resolve("tablet"), devices.resolve("restored"));
        Path first = ForkedTablets.amendAndExport(devices.resolve("tablet"), devices.resolve("usb-1"), Clock.systemUTC(), "こちらの訂正");
        Path second = ForkedTablets.amendAndExport(devices.resolve("restored"), devices.resolve("usb-2"), Clock.systemUTC(),
                "別の訂正", photo);
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            office.settings().setRole(Role.OFFICE);
            for (Path bundle : List.of(jp.tachiiri.sync.SyncService.filesOf(devices.resolve("usb")).get(0), first, second)) {
                assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            }
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        waitFor("one inspection in conflict", () -> robot.lookup("#office-count-CONFLICT").tryQuery()
                .map(node -> ((Label) node).getText().equals("競合 1")).orElse(false));
        UiTestSupport.openRow(robot, "#office-inspections", "デモ 桜川記念病院");
        waitFor("the conflict button", () -> robot.lookup("#conflict").tryQuery().isPresent());
        fire("#conflict");

        waitFor("the versions side by side", () -> robot.lookup("#conflict-changes").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<RevisionDiff.Change> changes = robot.lookup("#conflict-changes").queryAs(TableView.class);
        assertThat(changes.getItems()).anySatisfy(change -> {
            assertThat(change.before()).isEqualTo("こちらの訂正");
            assertThat(change.after()).isEqualTo("別の訂正");
        });
        fire("#conflict-take");

        waitFor("the list without a conflict", () -> robot.lookup("#office-count-CONFLICT").tryQuery()
                .map(node -> ((Label) node).getText().equals("競合 0")).orElse(false));
        app.stop();
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            String id = office.review().rows().stream().filter(row -> row.facilityName().contains(ForkedTablets.FACILITY))
                    .findFirst().orElseThrow().inspectionId();
            assertThat(office.inspections().findings(id, 2).get(ForkedTablets.ITEM).note()).isEqualTo("別の訂正");
            assertThat(office.evidence().list(id, 2)).hasSize(1);
            assertThat(office.review().reviewTrail(id)).extracting(event -> event.action()).containsExactly("CONFLICT_TOOK_ARRIVING");
        }
    }

    private void fire(String query) {
        robot.interact(() -> ((ButtonBase) robot.lookup(query).query()).fire());
    }
}
