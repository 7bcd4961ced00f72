package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.InspectionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The answer shortcuts 1–4 act only where nothing is typed: a date typed on the keyboard into 目標日 or 確認日
 * stays a date, and the answer and its advice stay as they were.
 */
class KeyboardShortcutsTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void typingADateNeverChangesTheAnswer() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "実施中");
        waitUntil(() -> robot.lookup("#item-title").tryQuery().isPresent());
        robot.clickOn("#section-backup");
        waitUntil(() -> robot.lookup("#answer-NON_COMPLIANT").tryQuery().isPresent());
        String item = robot.lookup("#item-title").queryAs(Label.class).getText();
        robot.clickOn("#answer-NON_COMPLIANT");
        waitUntil(() -> robot.lookup("#target-date").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#advice").queryAs(TextArea.class).getText().isBlank());
        String advice = robot.lookup("#advice").queryAs(TextArea.class).getText();

        typeDate("#target-date", "2027/03/31");
        typeDate("#checked-on", "2026/08/02");

        assertThat(robot.lookup("#item-title").queryAs(Label.class).getText()).as("still the same item").isEqualTo(item);
        assertThat(robot.lookup("#answer-NON_COMPLIANT").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#advice").queryAs(TextArea.class).getText()).isEqualTo(advice);
        assertThat(robot.lookup("#target-date").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(robot.lookup("#checked-on").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 8, 2));

        // Outside a field the shortcut still answers: 1 is the first answer of the item.
        robot.interact(() -> UiTestSupport.scrollIntoView(robot.lookup("#item-title").query()));
        robot.clickOn("#item-title");
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> !robot.lookup("#answer-NON_COMPLIANT").queryAs(ToggleButton.class).isSelected());
        app.stop();

        try (Workspace workspace = Workspace.open(data, Clock.systemUTC())) {
            InspectionSummary inProgress = workspace.inspections().list().stream()
                    .filter(summary -> summary.status() == jp.tachiiri.model.InspectionStatus.IN_PROGRESS).findFirst()
                    .orElseThrow();
            Finding stored = workspace.inspections().findings(inProgress.id(), inProgress.revision()).values().stream()
                    .filter(finding -> finding.targetDate().filter(LocalDate.of(2027, 3, 31)::equals).isPresent())
                    .findFirst().orElseThrow(() -> new AssertionError("the typed target date was not stored"));
            assertThat(stored.checkedOn()).contains(LocalDate.of(2026, 8, 2));
            assertThat(stored.answer()).as("the shortcut changed the answer afterwards").isNotEqualTo(
                    java.util.Optional.of(Answer.NON_COMPLIANT));
        }
    }

    /** Keys pressed on another screen never reach an inspection that was shown before it. */
    @Test
    void anInspectionLeftBehindAnswersNoKeys() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "実施中");
        robot.clickOn("#section-backup");
        waitUntil(() -> robot.lookup("#answer-NON_COMPLIANT").tryQuery().isPresent());
        UiTestSupport.fire(robot, "#back");
        waitUntil(() -> UiTestSupport.rows(robot, "#facilities") == 5);
        robot.interact(() -> robot.lookup("#facilities").query().requestFocus());
        robot.type(KeyCode.DIGIT2);
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        app.stop();

        try (Workspace workspace = Workspace.open(data, Clock.systemUTC())) {
            InspectionSummary inProgress = workspace.inspections().list().stream()
                    .filter(summary -> summary.status() == jp.tachiiri.model.InspectionStatus.IN_PROGRESS).findFirst()
                    .orElseThrow();
            assertThat(workspace.inspections().findings(inProgress.id(), inProgress.revision()).values())
                    .filteredOn(finding -> finding.itemId().startsWith("backup."))
                    .as("the backup items the screen left behind showed are still unanswered")
                    .allSatisfy(finding -> assertThat(finding.answer()).isEmpty());
        }
    }

    /**
     * Types a date on the keyboard into a date picker's field, over what it held, and confirms it with Enter: key
     * by key, pressed and released as a keyboard does (a robot's "write" sends only the typed characters, which
     * the shortcuts never see).
     */
    private void typeDate(String id, String text) {
        DatePicker picker = robot.lookup(id).queryAs(DatePicker.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(picker));
        robot.clickOn(picker.getEditor());
        robot.interact(() -> picker.getEditor().selectAll());
        for (char c : text.toCharArray()) {
            robot.type(c == '/' ? KeyCode.SLASH : KeyCode.getKeyCode(String.valueOf(c)));
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
