package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The revision history compares any two revisions: here the first with the third, over two corrections. */
class RevisionCompareTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theFirstAndTheThirdRevisionDifferByBothCorrections() throws Exception {
        String item = "vulnerability.device-ledger";
        try (Workspace tablet = Workspace.open(data, Clock.systemUTC())) {
            tablet.demo().seed();
            String id = tablet.inspections().list().stream().filter(s -> s.facilityName().contains("桜川")).findFirst()
                    .orElseThrow().id();
            for (String note : List.of("最初の訂正", "二度目の訂正")) {
                int revision = tablet.inspections().amend(id, note, "tester").revision();
                Finding finding = tablet.inspections().findings(id, revision).get(item);
                tablet.inspections().record(id, finding.withNote(note).withAdvice(finding.advice() + "（" + note + "）"), "tester");
                tablet.inspections().finalizeInspection(id, "tester");
            }
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "デモ 桜川記念病院");
        waitFor("the inspection", () -> robot.lookup("#revisions").tryQuery().map(n -> n.getScene() != null).orElse(false));
        robot.interact(() -> ((ButtonBase) robot.lookup("#revisions").query()).fire());
        waitFor("the comparison of any two", () -> robot.lookup("#compare-any").tryQuery().isPresent());
        robot.interact(() -> ((ButtonBase) robot.lookup("#compare-any").query()).fire());
        waitFor("the changes", () -> robot.lookup("#revision-changes").tryQuery().isPresent());
        TableView<RevisionDiff.Change> changes = robot.lookup("#revision-changes").queryTableView();
        assertThat(changes.getItems()).extracting(RevisionDiff.Change::itemId, RevisionDiff.Change::field,
                RevisionDiff.Change::after).containsExactly(
                        tuple(item, "note", "二度目の訂正"),
                        tuple(item, "advice", changes.getItems().get(1).after()));
        assertThat(changes.getItems().get(1).after()).endsWith("（最初の訂正）（二度目の訂正）");
    }
}
