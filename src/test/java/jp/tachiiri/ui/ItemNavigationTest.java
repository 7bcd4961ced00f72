package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Moving through the questions: 前の項目 and 次の項目 stop at the ends, and a jump from the list of what is missing
 * lands on the empty field, in view, focused and outlined until it is filled.
 */
class ItemNavigationTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void previousAndNextStopAtTheEnds() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "実施中");
        waitUntil(() -> robot.lookup("#item-position").tryQuery().map(node -> ((Label) node).getText().startsWith("1 / "))
                .orElse(false));
        Button previous = robot.lookup("#previous-item").queryButton();
        Button next = robot.lookup("#next-item").queryButton();
        assertThat(previous.isDisabled()).as("nothing before the first question").isTrue();
        String[] position = robot.lookup("#item-position").queryAs(Label.class).getText().split(" / ");
        int questions = Integer.parseInt(position[1]);
        for (int i = 1; i < questions; i++) {
            assertThat(next.isDisabled()).as("question %d of %d", i, questions).isFalse();
            robot.interact(next::fire);
        }
        assertThat(robot.lookup("#item-position").queryAs(Label.class).getText()).isEqualTo(questions + " / " + questions);
        assertThat(next.isDisabled()).as("nothing after the last question").isTrue();
        assertThat(previous.isDisabled()).isFalse();
    }

    @Test
    void aJumpFromWhatIsMissingLandsOnTheField() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "実施中");
        robot.clickOn("#section-backup");
        waitUntil(() -> robot.lookup("#answer-NON_COMPLIANT").tryQuery().isPresent());
        robot.clickOn("#answer-NON_COMPLIANT");
        waitUntil(() -> robot.lookup("#target-date").tryQuery().isPresent());
        String item = robot.lookup("#item-title").queryAs(Label.class).getText();
        // Away to the first question, then back through the list of what is missing.
        robot.interact(() -> {
            while (!robot.lookup("#previous-item").queryButton().isDisabled()) {
                robot.lookup("#previous-item").queryButton().fire();
            }
        });
        fire(robot, "#finalize");
        waitFor("what is missing", () -> robot.lookup("#gap-list").tryQuery().isPresent());
        Node row = robot.lookup("#gap-list .label").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().startsWith(item) && label.getText().contains("目標日")).findFirst()
                .map(Node::getParent).orElseThrow(() -> new AssertionError("no missing target date listed for " + item));
        robot.interact(() -> ((ButtonBase) row.lookup(".gap-jump")).fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#item-title").queryAs(Label.class).getText()).isEqualTo(item);
        DatePicker targetDate = robot.lookup("#target-date").queryAs(DatePicker.class);
        assertThat(targetDate.getStyleClass()).as("outlined").contains("gap-target");
        assertThat(targetDate.getEditor().isFocused()).as("focused").isTrue();
        assertThat(inView(targetDate)).as("scrolled into view").isTrue();

        robot.interact(() -> targetDate.setValue(java.time.LocalDate.of(2027, 3, 31)));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor("the outline gone once filled", () -> !targetDate.getStyleClass().contains("gap-target"));
        assertThat(robot.lookup("#advice").queryAs(TextArea.class).getStyleClass()).doesNotContain("gap-target");
    }

    /** Whether {@code node} lies within the visible part of the item editor. */
    private boolean inView(Node node) {
        ScrollPane editor = robot.lookup("#item-editor").queryAs(ScrollPane.class);
        var viewport = editor.localToScene(editor.getLayoutBounds());
        var field = node.localToScene(node.getLayoutBounds());
        return field.getMinY() >= viewport.getMinY() && field.getMaxY() <= viewport.getMaxY();
    }
}
