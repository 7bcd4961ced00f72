package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a session keeps in memory: the screen it left (the home list, once an inspection is opened from it) is let go,
 * and no viewport of the inspection screen keeps a bitmap cache, whose image JavaFX would keep checked out of its
 * image pool after the field is thrown away (see {@code ViewportCache}).
 */
class ScreenMemoryTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theHomeListIsLetGoOnceAnInspectionIsOpened() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        waitFor("the home list", () -> UiTestSupport.rows(robot, "#facilities") > 0);
        WeakReference<TableView<?>> facilities = new WeakReference<>(robot.lookup("#facilities").queryAs(TableView.class));
        WeakReference<Parent> home = new WeakReference<>(robot.lookup("#facilities").query().getScene().getRoot());

        UiTestSupport.openInspection(robot, "実施中");
        waitUntil(() -> robot.lookup("#item-position").tryQuery().isPresent());
        forgetTheEventsTestFxRecorded();
        for (int round = 0; round < 20 && (home.get() != null || facilities.get() != null); round++) {
            // A few frames, for whatever JavaFX keeps until the next pulse (dirty nodes, the old root).
            WaitForAsyncUtils.waitForFxEvents(2);
            System.gc();
        }
        assertThat(home.get()).as("the home screen's root").isNull();
        assertThat(facilities.get()).as("the facility table").isNull();
        assertThat(robot.lookup("#item-position").tryQuery()).as("the inspection shown").isPresent();
    }

    /**
     * TestFX keeps every event fired on the app's window, and with it the node each was aimed at (the tapped row of
     * the home list); the app keeps none of them.
     */
    private static void forgetTheEventsTestFxRecorded() throws ReflectiveOperationException {
        Field recorded = FxToolkitContext.class.getDeclaredField("firedEvents");
        recorded.setAccessible(true);
        ((FiredEvents) recorded.get(FxToolkit.toolkitContext())).clearEvents();
    }

    @Test
    void noViewportOfTheInspectionKeepsABitmapCache() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "実施中");
        waitUntil(() -> robot.lookup("#item-position").tryQuery().isPresent());
        for (int question = 0; question < 3; question++) {
            String position = robot.lookup("#item-position").queryAs(Label.class).getText();
            robot.interact(robot.lookup("#next-item").queryButton()::fire);
            waitUntil(() -> !robot.lookup("#item-position").queryAs(Label.class).getText().equals(position));
            WaitForAsyncUtils.waitForFxEvents();

            Set<Node> viewports = robot.lookup(".viewport").queryAll();
            assertThat(viewports).as("the editor's scroll pane and its text fields").hasSizeGreaterThan(1);
            assertThat(viewports).as("viewports cached as a bitmap on %s", position).noneMatch(Node::isCache);
        }
    }
}
