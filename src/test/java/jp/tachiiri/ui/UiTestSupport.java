package jp.tachiiri.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.ui.common.Scrolling;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests: screens and stores change in the background, so a test waits until it sees the change. */
public final class UiTestSupport {

    /** Generous, for a slow build machine; a passing wait returns as soon as its condition holds. */
    private static final long TIMEOUT_SECONDS = 15;

    private UiTestSupport() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} was awaited when it does not in time. */
    public static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain for " + what, e);
        }
    }

    /** As {@link #waitFor}, where the condition says well enough what is awaited. */
    public static void waitUntil(Callable<Boolean> condition) {
        waitFor("a condition to be met", condition);
    }

    /**
     * What a person types into the enrolment question: the groups of {@code fingerprint} that the question shows as
     * "????" in {@code shown}, read off the other device's screen, left to right.
     */
    public static String hiddenGroups(String shown, String fingerprint) {
        String[] shownGroups = shown.split("-");
        String[] groups = fingerprint.split("-");
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (shownGroups[i].equals("????")) {
                typed.append(groups[i]);
            } else if (!shownGroups[i].equals(groups[i])) {
                throw new AssertionError("the question shows " + shown + " for " + fingerprint);
            }
        }
        return typed.toString();
    }

    /** The rendered cell of {@code table} that shows {@code text}, or null while there is none on screen. */
    public static TableCell<?, ?> cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> text.equals(cell.getText())).findFirst().orElse(null);
    }

    /** Opens a row of the first screen's inspections table by a text it shows, once the list is there. */
    public static void openInspection(FxRobot robot, String text) {
        openRow(robot, "#inspections", text);
    }

    /**
     * Taps the row of {@code table} that shows {@code text}, once it is on screen, and waits for the screen it opens.
     * A tap that lands while the list is being laid out again (a busy machine, a filter just applied) opens nothing;
     * then, as a person would, it taps the row again.
     */
    public static void openRow(FxRobot robot, String table, String text) {
        for (int tap = 0; tap < 3; tap++) {
            waitFor("a row of " + table + " showing " + text, () -> cell(robot, table, text) != null);
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(cell(robot, table, text));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(table).tryQuery()
                        .map(node -> node.getScene() == null).orElse(true));
                return;
            } catch (TimeoutException stillThere) {
                // The list is still shown: tap again.
            }
        }
        throw new AssertionError("tapping the row showing " + text + " of " + table + " opened nothing");
    }

    /**
     * On the tablet's first screen: imports the files of {@code inbox} on the 送受信 screen, waits for the outcome that
     * says {@code brought}, and goes back.
     */
    public static void importOnSyncScreen(FxRobot robot, Path inbox, String brought) {
        fire(robot, "#transfer");
        robot.interact(() -> robot.lookup("#sync-inbox").queryAs(TextField.class).setText(inbox.toString()));
        fire(robot, "#sync-import");
        waitFor("an import that brought " + brought, () -> robot.lookup("#sync-outcomes").queryAs(ListView.class)
                .getItems().stream().anyMatch(line -> line.toString().contains(brought)));
        fire(robot, "#back");
    }

    /** Opens an item of the inspection shown from its section's list, as a tap there does. */
    public static void showItem(FxRobot robot, CatalogItem item) {
        fire(robot, "#section-" + item.checkpoint().id());
        @SuppressWarnings("unchecked")
        ListView<ItemState> list = robot.lookup("#item-list").queryAs(ListView.class);
        waitFor("the item in the list", () -> list.getItems().stream().anyMatch(state -> state.item().equals(item)));
        robot.interact(() -> list.scrollTo(list.getItems().stream().map(ItemState::item).toList().indexOf(item)));
        waitFor("its row on screen", () -> itemRow(robot, item.title().ja()) != null);
        robot.clickOn(itemRow(robot, item.title().ja()));
        waitFor("the item shown", () -> robot.lookup("#item-title").tryQuery()
                .map(title -> ((Label) title).getText().equals(item.title().ja())).orElse(false));
    }

    /** The row of the item list that shows {@code title}, or null while none on screen does. */
    public static Node itemRow(FxRobot robot, String title) {
        return robot.lookup("#item-list .list-cell").queryAll().stream()
                .filter(cell -> cell.lookupAll(".label").stream()
                        .anyMatch(label -> label instanceof Label shown && title.equals(shown.getText())))
                .findFirst().orElse(null);
    }

    /** Scrolls the editor that holds {@code node} to the top (0) or the bottom (1): the evidence is below the fold. */
    public static void scrollTo(FxRobot robot, Node node, double where) {
        Node parent = node.getParent();
        while (!(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        ScrollPane scroll = (ScrollPane) parent;
        robot.interact(() -> scroll.setVvalue(where * scroll.getVmax()));
    }

    /** The rows of the table {@code query} finds, or -1 while there is no such table on screen. */
    public static int rows(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((TableView<?>) node).getItems().size()).orElse(-1);
    }

    /** Scrolls the screen's page (its {@code .page} scroll pane) so that {@code node} stands at the top, or as near as it goes. */
    public static void scrollToTop(FxRobot robot, Node node) {
        ScrollPane page = robot.lookup(".page").queryAs(ScrollPane.class);
        robot.interact(() -> {
            double top = page.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double room = page.getContent().getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(Math.min(1, top / room));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** As a user would: scroll the editor until the control is on screen before tapping it. */
    public static void scrollIntoView(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane scroll) {
                Scrolling.intoView(scroll, node);
                scroll.layout();
                return;
            }
        }
    }

    /**
     * Presses a button as a tap does. Screens replace each other in quick succession, and a lookup made while one
     * goes can find its detached buttons; firing the one found once it is on screen is what a tap on it would do.
     */
    public static void fire(FxRobot robot, String id) {
        waitFor(id, () -> robot.lookup(id).tryQuery().map(node -> node.getScene() != null).orElse(false));
        robot.interact(() -> ((ButtonBase) robot.lookup(id).query()).fire());
    }

    /** Writes what {@code scene} shows as a PNG, once what the last step changed is laid out and drawn. */
    public static void writePng(FxRobot robot, Scene scene, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents(5);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        PixelReader pixels = image[0].getPixelReader();
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }

    /** Writes the dialog opened last as a PNG named {@code name} in target/screenshots (or -Dtour.out). */
    public static void shootDialog(FxRobot robot, String name) throws IOException {
        Path shots = Path.of(System.getProperty("tour.out", "target/screenshots"));
        Files.createDirectories(shots);
        javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream()
                .filter(window -> window != mainWindow(robot) && window.isShowing())
                .reduce((first, last) -> last).orElseThrow();
        writePng(robot, dialog.getScene(), shots.resolve(name));
    }

    /** The app's own window (dialogs are owned by it). */
    public static Stage mainWindow(FxRobot robot) {
        return (Stage) robot.listTargetWindows().stream().filter(w -> w instanceof Stage stage && stage.getOwner() == null)
                .findFirst().orElseThrow();
    }
}
