package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.rows;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The app's language, not the system's, decides what every screen shows, the first one and JavaFX's own controls too. */
class AppLanguageTest {

    private static final List<String> JAPANESE_DAYS = List.of("日", "月", "火", "水", "木", "金", "土");
    private static final List<String> ENGLISH_DAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    /** The first start's question is for good: it can be read in English before it is answered, and English stays. */
    @Test
    void theRoleQuestionCanBeAnsweredInEnglishWhichIsRemembered() throws Exception {
        app.start("--data=" + data);
        waitFor("the role question", () -> robot.lookup("#role-inspector").tryQuery().isPresent());
        assertThat(robot.lookup("この端末の使い方を選んでください").tryQuery()).isPresent();
        assertThat(robot.lookup("#language-ja").queryAs(ToggleButton.class).isSelected()).isTrue();
        ToggleButton english = robot.lookup("#language-en").queryAs(ToggleButton.class);
        waitFor("the switch laid out", () -> english.getHeight() > 0);
        assertThat(english.getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);

        robot.clickOn("#language-en");
        waitFor("the English question", () -> robot.lookup("Choose what this installation is for").tryQuery().isPresent());
        assertThat(robot.lookup("#role-inspector").queryButton().getText()).startsWith("Inspector's tablet");
        assertThat(robot.lookup("#role-office").queryButton().getText()).startsWith("Office");
        assertThat(robot.lookup("#language-en").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("この端末の使い方を選んでください").tryQuery()).isEmpty();

        app.restart();
        waitFor("the question in English after a restart",
                () -> robot.lookup("Choose what this installation is for").tryQuery().isPresent());
        robot.clickOn("#role-inspector");
        waitFor("the tablet's list, in English", () -> robot.lookup("Facilities").tryQuery().isPresent());
        app.stop();
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            assertThat(workspace.settings().language()).isEqualTo(Language.EN);
            assertThat(workspace.settings().role()).contains(Role.INSPECTOR);
        }
    }

    /**
     * A Japanese app on a system set to English: the calendar pop-up names months and days in Japanese, a text
     * field's menu is Japanese, and both follow a switch to English.
     */
    @Test
    void javaFxsOwnTextsSpeakTheAppsLanguageNotTheSystems() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        app.start("--data=" + data, "--role=inspector");

        waitFor("the list", () -> rows(robot, "#facilities") == 5);
        assertThat(contextMenuOf("#facility-search")).contains("切取り", "貼付け");
        DatePicker picker = startDateOfAFacility("デモ みずほ台病院");
        assertThat(dayNames(picker)).containsExactlyElementsOf(JAPANESE_DAYS);
        assertThat(monthShown(picker)).matches("\\d{1,2}月");

        robot.clickOn("#back");
        waitFor("the list", () -> robot.lookup("#language-en").tryQuery().isPresent());
        robot.clickOn("#language-en");
        waitFor("the English list", () -> robot.lookup("Facilities").tryQuery().isPresent() && rows(robot, "#facilities") == 5);
        assertThat(contextMenuOf("#facility-search")).contains("Cut", "Paste");
        picker = startDateOfAFacility("デモ みずほ台病院");
        assertThat(dayNames(picker)).containsExactlyElementsOf(ENGLISH_DAYS);
        assertThat(monthShown(picker)).matches("[A-Z][a-z]+");
    }

    /**
     * The entries of the menu a long press or right click opens on {@code query}'s text field. Headless Monocle
     * turns no click into the platform's menu request, so the test sends that request as the platform would.
     */
    private List<String> contextMenuOf(String query) {
        Control field = robot.lookup(query).queryAs(Control.class);
        // Its skin handles the request: without one yet (the screen not laid out), the request would go unheard.
        waitFor("the field laid out", () -> field.getSkin() != null && field.getWidth() > 0);
        robot.interact(() -> {
            Bounds screen = field.localToScreen(field.getBoundsInLocal());
            field.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, screen.getMinX() + 10,
                    screen.getMinY() + 10, false, null));
        });
        waitFor("the menu", () -> robot.lookup(".context-menu").tryQuery().isPresent());
        List<String> entries = robot.lookup(".context-menu .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        robot.type(KeyCode.ESCAPE);
        waitFor("the menu closed", () -> robot.lookup(".context-menu").tryQuery().isEmpty());
        return entries;
    }

    /** Opens the facility from the list (the names of facilities are not translated) and returns its start date. */
    private DatePicker startDateOfAFacility(String name) {
        waitFor("the facility " + name, () -> rows(robot, "#facilities") == 5);
        UiTestSupport.openRow(robot, "#facilities", name);
        waitFor("the facility screen", () -> robot.lookup("#start-date").tryQuery().isPresent());
        return robot.lookup("#start-date").queryAs(DatePicker.class);
    }

    /** The day names over the calendar's grid, read from its pop-up while it is open. */
    private List<String> dayNames(DatePicker picker) {
        return inPopup(picker, content -> content.lookupAll(".day-name-cell").stream()
                .map(node -> ((DateCell) node).getText()).toList());
    }

    /** The month the calendar's pop-up shows above its grid. */
    private String monthShown(DatePicker picker) {
        return inPopup(picker, content -> ((Label) content.lookup(".month-year-pane .spinner-label")).getText());
    }

    private <T> T inPopup(DatePicker picker, Function<Node, T> read) {
        waitFor("the date field laid out", () -> picker.getSkin() != null && picker.getWidth() > 0);
        robot.interact(picker::show);
        waitFor("the calendar pop-up", picker::isShowing);
        Node content = ((DatePickerSkin) picker.getSkin()).getPopupContent();
        T value = read.apply(content);
        robot.interact(picker::hide);
        return value;
    }
}
