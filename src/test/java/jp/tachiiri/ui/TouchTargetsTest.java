package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Every control a finger can tap is at least 44×44 px (Apple's and WCAG 2.5.5's target size), on every screen of
 * both roles, in landscape (1280×800) and portrait (800×1280), drop-down lists included: the test walks each
 * scene graph and names every control that is smaller.
 */
class TouchTargetsTest {

    private static final double MINIMUM = 44;

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theInspectorsScreensHaveNoTargetUnder44Pixels() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        List<String> tooSmall = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {800, 1280}}) {
            app.resize(size[0], size[1]);
            UiTestSupport.openInspection(robot, "実施中");
            robot.clickOn("#section-backup");
            waitUntil(() -> robot.lookup("#answer-NON_COMPLIANT").tryQuery().isPresent());
            robot.clickOn("#answer-NON_COMPLIANT");
            waitUntil(() -> robot.lookup("#follow-up").tryQuery().isPresent());
            tooSmall.addAll(check("inspection " + size[0] + "×" + size[1]));
            fire(robot, "#finalize");
            waitFor("what is missing", () -> robot.lookup("#gap-list").tryQuery().isPresent());
            tooSmall.addAll(check("missing answers " + size[0] + "×" + size[1]));
            closeDialogs();
            // The hospital's form as a grid, and the vendors' forms: one received with its items, one missing.
            fire(robot, "#section-hospital-form");
            waitFor("the hospital's form", () -> robot.lookup("#hospital-row-0").tryQuery().isPresent());
            tooSmall.addAll(check("hospital form " + size[0] + "×" + size[1]));
            fire(robot, "#section-vendor-forms");
            fire(robot, "#vendor-received-0");
            fire(robot, "#vendor-missing-1");
            waitFor("the vendors' fields", () -> robot.lookup("#vendor-all-yes-0").tryQuery().isPresent()
                    && robot.lookup("#vendor-reason-1").tryQuery().isPresent());
            tooSmall.addAll(check("vendor forms " + size[0] + "×" + size[1]));
            fire(robot, "#back");
            waitFor("the list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
            tooSmall.addAll(check("home " + size[0] + "×" + size[1]));
            fire(robot, "#settings");
            waitFor("the settings", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            tooSmall.addAll(check("settings " + size[0] + "×" + size[1]));
            closeDialogs();
            UiTestSupport.openRow(robot, "#facilities", "デモ みずほ台病院");
            waitFor("the facility", () -> robot.lookup(".facility-screen").tryQuery().isPresent());
            // A fee add-on claim's row, with its list of add-ons open.
            fire(robot, "#claim-add");
            waitFor("a claim row", () -> robot.lookup("#claim-from-0").tryQuery().isPresent());
            robot.interact(() -> robot.lookup("#claim-addOn-0").queryAs(ComboBox.class).show());
            tooSmall.addAll(check("facility " + size[0] + "×" + size[1]));
            closeDialogs();
            fire(robot, "#back");
            waitFor("the list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
            fire(robot, "#transfer");
            waitFor("the transfer screen", () -> robot.lookup("#sync-import").tryQuery().isPresent());
            tooSmall.addAll(check("transfer " + size[0] + "×" + size[1]));
            fire(robot, "#back");
            waitFor("the list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
        }
        assertThat(tooSmall).isEmpty();
    }

    @Test
    void theOfficesScreensAndDropDownsHaveNoTargetUnder44Pixels() throws Exception {
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            office.settings().setRole(Role.OFFICE);
            office.demo().seedOffice();
            SyncService.filesOf(Path.of(office.settings().transferFolders().inbox())).forEach(file -> office.sync().importFile(file, true));
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        List<String> tooSmall = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {800, 1280}}) {
            app.resize(size[0], size[1]);
            waitFor("the office's list", () -> UiTestSupport.rows(robot, "#office-inspections") > 0);
            tooSmall.addAll(check("office " + size[0] + "×" + size[1]));
            ComboBox<?> status = robot.lookup("#office-status").queryAs(ComboBox.class);
            robot.interact(status::show);
            waitFor("the drop-down", () -> robot.lookup(".combo-box-popup .list-cell").tryQuery().isPresent());
            tooSmall.addAll(check("drop-down " + size[0] + "×" + size[1]));
            robot.interact(status::hide);
            fire(robot, "#office-planning");
            waitFor("the planning", () -> robot.lookup("#planning-facility").tryQuery().isPresent());
            tooSmall.addAll(check("planning " + size[0] + "×" + size[1]));
            closeDialogs();
            robot.clickOn(robot.lookup("#office-inspections .table-row-cell").nth(0).queryAs(Node.class));
            fire(robot, "#review");
            waitFor("the review", () -> robot.lookup("#review-comment").tryQuery().isPresent());
            tooSmall.addAll(check("review " + size[0] + "×" + size[1]));
            fire(robot, "#review-cancel");
            fire(robot, "#back");
            fire(robot, "#office-dashboard");
            waitFor("the dashboard", () -> robot.lookup("#dashboard-status").tryQuery().isPresent());
            tooSmall.addAll(check("dashboard " + size[0] + "×" + size[1]));
            fire(robot, "#back");
        }
        assertThat(tooSmall).isEmpty();
    }

    /** The targets too small in every window shown: the screen and any dialog open over it. */
    private List<String> check(String screen) {
        List<String> found = new ArrayList<>();
        robot.interact(() -> Window.getWindows().stream().filter(Window::isShowing)
                .forEach(window -> found.addAll(walk(screen, window.getScene()))));
        return found;
    }

    private void closeDialogs() {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(window -> window != UiTestSupport.mainWindow(robot))
                .forEach(Window::hide));
    }

    /** The tappable nodes of {@code scene} that are shown and smaller than {@link #MINIMUM}, described. */
    private static List<String> walk(String screen, Scene scene) {
        List<String> found = new ArrayList<>();
        visit(scene.getRoot(), screen, found);
        return found;
    }

    private static void visit(Node node, String screen, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        Bounds bounds = node.getLayoutBounds();
        if (tappable(node) && (bounds.getWidth() < MINIMUM - 0.5 || bounds.getHeight() < MINIMUM - 0.5)) {
            found.add(String.format("%s: %s %.0f×%.0f", screen, describe(node), bounds.getWidth(), bounds.getHeight()));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, screen, found));
        }
    }

    /** What a finger aims at: buttons, fields, pickers and their open buttons, list and table rows, tab headers. */
    private static boolean tappable(Node node) {
        if (node.isDisabled() && !(node instanceof TextInputControl)) {
            return false;
        }
        if (node instanceof IndexedCell<?> cell) {
            // A drop-down's button cell is part of its control, which is checked as a whole.
            return !cell.isEmpty() && (cell instanceof TableRow<?> || cell instanceof ListCell<?>)
                    && !(cell.getParent() instanceof ComboBoxBase<?>);
        }
        return node instanceof ButtonBase || node instanceof ComboBoxBase<?> || node instanceof TextInputControl
                || node instanceof Spinner<?> || node instanceof Slider
                || node.getStyleClass().contains("arrow-button") && node.getParent() instanceof ComboBoxBase<?>
                || node.getStyleClass().contains("tab") && node.getParent() != null
                && node.getParent().getStyleClass().contains("headers-region");
    }

    /** The node by its id or kind, and the nearest enclosing node with an id of ours (the skins' own are skipped). */
    private static String describe(Node node) {
        String name = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName() + node.getStyleClass();
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getId() != null && !parent.getId().equals("virtual-flow")) {
                return name + " in #" + parent.getId();
            }
        }
        return name;
    }
}
