package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The app is closed in the middle of an inspection; started again, it shows the same item with everything in it. */
class RestartTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void reopensOnTheSameItemWithEverythingStored() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        // Open the demo inspection in progress from the list.
        UiTestSupport.openInspection(robot, "実施中");
        waitUntil(() -> robot.lookup("#item-title").tryQuery().isPresent());

        robot.clickOn("#section-backup");
        waitUntil(() -> robot.lookup("#answer-NON_COMPLIANT").tryQuery().isPresent());
        robot.clickOn("#next-item");
        WaitForAsyncUtils.waitForFxEvents();
        String item = text("#item-title");
        robot.clickOn("#answer-NON_COMPLIANT");
        waitUntil(() -> robot.lookup("#note").tryQuery().isPresent());
        TextArea note = robot.lookup("#note").queryAs(TextArea.class);
        // Below the confirmation of the hospital's answer: scrolled to, as a user would.
        robot.interact(() -> UiTestSupport.scrollIntoView(note));
        robot.clickOn(note);
        robot.write("Tapes kept in the same room as the server");
        // Stored after a pause in typing, without leaving the field and without a save button.
        waitUntil(this::noteStored);

        app.restart();

        waitUntil(() -> robot.lookup("#item-title").tryQuery().isPresent());
        assertThat(text("#item-title")).isEqualTo(item);
        assertThat(robot.lookup("#answer-NON_COMPLIANT").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#note").queryAs(TextArea.class).getText())
                .isEqualTo("Tapes kept in the same room as the server");
        assertThat(robot.lookup("#advice").queryAs(TextArea.class).getText()).isNotBlank();
    }

    @Test
    void closingTheWindowRightAfterTypingKeepsTheText() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "実施中");
        waitUntil(() -> robot.lookup("#note").tryQuery().isPresent()
                || robot.lookup("#answer-YES").tryQuery().isPresent());
        robot.clickOn("#section-recovery");
        waitUntil(() -> robot.lookup("#note").tryQuery().isPresent());
        robot.clickOn("#note");
        robot.write("Closed mid-sentence");

        // The window is closed before the pause in typing that would store the note.
        Stage stage = (Stage) robot.lookup("#note").query().getScene().getWindow();
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        app.stop();

        assertThat(count("SELECT count(*) FROM findings WHERE note = 'Closed mid-sentence'")).isEqualTo(1);
    }

    /** The note reached the store: read through a second connection, as a restart would. */
    private boolean noteStored() throws Exception {
        return count("SELECT count(*) FROM findings WHERE note = 'Tapes kept in the same room as the server'") == 1;
    }

    private int count(String sql) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tachiiri.db"));
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private String text(String id) {
        return robot.lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }
}
