package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.ToggleButton;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The app's language decides what every screen shows, the first one too. */
class AppLanguageTest {

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
            assertThat(workspace.language()).isEqualTo(Language.EN);
            assertThat(workspace.role()).contains(Role.INSPECTOR);
        }
    }
}
