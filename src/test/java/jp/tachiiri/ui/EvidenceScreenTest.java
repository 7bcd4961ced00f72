package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.scrollTo;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Role;
import jp.tachiiri.testsupport.ForkedTablets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The evidence of an item in the real app: its names under the thumbnails, and the photo's viewer. */
class EvidenceScreenTest {

    private static final String LONG_NAME = "サーバー室_バックアップ装置の設置状況_2026年11月25日撮影.png";
    private static final String SHORT_NAME = "ups.png";

    @TempDir
    Path scratch;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    private Path data;
    private Evidence longOne;

    /** A tablet's store whose inspection in progress has two photos on one item, where the app reopens. */
    @BeforeEach
    void twoPhotosOnTheItemWhereTheInspectorWas() throws Exception {
        data = scratch.resolve("data");
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            workspace.settings().setRole(Role.INSPECTOR);
            workspace.demo().seed();
            InspectionSummary open = workspace.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS).findFirst().orElseThrow();
            String item = ForkedTablets.ITEM;
            longOne = workspace.evidence().add(open.id(), open.revision(), item,
                    Files.write(scratch.resolve(LONG_NAME), WholeInspectionTest.tinyPng()), "image/png", "tester");
            workspace.evidence().add(open.id(), open.revision(), item,
                    Files.write(scratch.resolve(SHORT_NAME), WholeInspectionTest.tinyPng()), "image/png", "tester");
            workspace.settings().savePosition(new Settings.Position(open.id(), item));
        }
    }

    @Test
    void aLongNameIsShortenedInTheMiddleAndShownWholeOnATap() throws Exception {
        app.start("--data=" + data);
        waitFor("two thumbnails", () -> robot.lookup(".evidence-name").queryAll().size() == 2);
        Label name = nameLabel(LONG_NAME);
        scrollTo(robot, name, 1);
        waitFor("the name laid out", () -> name.getWidth() > 0);

        String shown = shownText(name);
        assertThat(shown).as("one line: start, ellipsis, extension").startsWith("サーバー").contains("…").endsWith(".png")
                .doesNotContain("\n");
        assertThat(shown.length()).isLessThan(LONG_NAME.length());
        assertThat(name.getWidth()).as("no wider than its thumbnail").isLessThanOrEqualTo(120);
        assertThat(name.getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);
        assertThat(shownText(nameLabel(SHORT_NAME))).as("a short name stays whole").isEqualTo(SHORT_NAME);

        Tooltip whole = name.getTooltip();
        assertThat(whole.getText()).isEqualTo(LONG_NAME);
        robot.clickOn(name);
        waitFor("the whole name on a tap", whole::isShowing);
        robot.clickOn(robot.lookup(".evidence-thumbnail").nth(1).queryAs(Node.class));
        waitFor("the tap elsewhere hides it", () -> !whole.isShowing());
    }

    @Test
    void thePhotosViewerIsTitledWithItsFileName() throws Exception {
        app.start("--data=" + data);
        waitFor("two thumbnails", () -> robot.lookup(".evidence-thumbnail").queryAll().size() == 2);
        Node thumbnail = robot.lookup(".evidence-thumbnail").nth(0).query();
        scrollTo(robot, thumbnail, 1);
        robot.clickOn(thumbnail);
        waitFor("the viewer", () -> viewer() != null);

        assertThat(viewer().getTitle()).isEqualTo(LONG_NAME).doesNotContain(longOne.sha256());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText()).isEqualTo(LONG_NAME);
    }

    private Label nameLabel(String fileName) {
        return robot.lookup(".evidence-name").queryAllAs(Label.class).stream()
                .filter(label -> fileName.equals(label.getText())).findFirst().orElseThrow();
    }

    /** What the label draws, which is its text shortened when it does not fit. */
    private static String shownText(Label label) {
        return ((Text) label.lookup(".text")).getText();
    }

    /** The dialog window that shows a photo, or null while there is none. */
    private Stage viewer() {
        return robot.listWindows().stream().filter(window -> window instanceof Stage stage && stage.getOwner() != null)
                .map(Stage.class::cast).filter(Window::isShowing).findFirst().orElse(null);
    }
}
