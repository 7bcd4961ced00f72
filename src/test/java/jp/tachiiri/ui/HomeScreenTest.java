package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.rows;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.app.AppVersion;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Starts the real app on an empty data folder, headless, and looks at what it shows. */
class HomeScreenTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = AppRunner.startingOn(() -> data);
    private final FxRobot robot = new FxRobot();

    @Test
    void firstStartShowsTheDemoFacilitiesAndInspections() throws Exception {
        TableView<Facility> facilities = waitForRows("#facilities", 5);
        assertThat(facilities.getItems()).extracting(Facility::name)
                .contains("デモ 桜川記念病院", "デモ みずほ台病院", "デモ県立 青葉台中央病院");
        waitForRows("#inspections", 3);

        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).isVisible()).isTrue();
        // The status bar says which catalog new inspections use and which checklist it follows.
        assertThat(robot.lookup("#catalog-status").queryAs(Label.class).getText()).contains("2026.1", "令和7年度版");
        // What the user sees: the rendered cells, not only the table's items.
        waitFor("the rendered cells", () -> robot.lookup(".table-cell").queryAllAs(TableCell.class)
                .stream().map(TableCell::getText).toList().containsAll(List.of("デモ 桜川記念病院", "250 床", "確定・送信待ち", "実施中")));
        assertThat(Files.exists(data.resolve("tachiiri.db"))).isTrue();
    }

    @Test
    void usesTheBundledJapaneseFont() {
        waitForRows("#facilities", 5);
        assertThat(Font.getFamilies()).contains(BundledFonts.FAMILY);
        Label title = robot.lookup(".section-title").queryAs(Label.class);
        robot.interact(title::applyCss);
        assertThat(title.getFont().getFamily()).isEqualTo(BundledFonts.FAMILY);
        assertThat(title.getFont().getSize()).isGreaterThanOrEqualTo(16);
    }

    /** What an IT department asks first: which version is installed here (pom.xml's, as the installers are numbered). */
    @Test
    void theStatusBarShowsTheDataFileAndTheVersion() {
        waitForRows("#facilities", 5);
        String status = robot.lookup(".data-file").queryAs(Label.class).getText();

        assertThat(AppVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(status).contains(data.resolve("tachiiri.db").toString()).endsWith("立入 " + AppVersion.current());
    }

    @Test
    void theWindowCarriesTheAppIconInEverySize() {
        waitForRows("#facilities", 5);
        Stage window = (Stage) robot.lookup("#facilities").query().getScene().getWindow();
        assertThat(window.getIcons()).extracting(Image::getWidth, Image::isError)
                .containsExactly(tuple(16.0, false), tuple(32.0, false), tuple(48.0, false), tuple(64.0, false),
                        tuple(128.0, false), tuple(256.0, false));
    }

    @Test
    void switchingToEnglishRelabelsTheScreenAndIsRemembered() throws Exception {
        waitForRows("#facilities", 5);
        assertThat(robot.lookup("立入検査").tryQuery()).isPresent();

        robot.clickOn("#language-en");
        waitFor("the English labels", () -> robot.lookup("Inspections").tryQuery().isPresent());
        waitForRows("#facilities", 5);
        assertThat(robot.lookup("立入検査").tryQuery()).isEmpty();

        app.restart();
        waitFor("English after the restart", () -> robot.lookup("Facilities").tryQuery().isPresent());
    }

    @Test
    void settingsNameTheIssuerOfThePrintoutsAndRefuseAWrongNumberOfDays() throws Exception {
        waitForRows("#facilities", 5);
        robot.clickOn("#settings");
        waitFor("the settings dialog", () -> robot.lookup("#settings-authority").tryQuery().isPresent());
        TextField authority = robot.lookup("#settings-authority").queryAs(TextField.class);
        assertThat(authority.getText()).isEqualTo("デモ県 保健医療局 医務課");
        robot.interact(() -> authority.setText("テスト県 医務課"));
        TextField days = robot.lookup("#settings-report-days").queryAs(TextField.class);
        robot.interact(() -> days.setText("abc"));
        robot.clickOn("#settings-ok");
        waitFor("the reason the days are refused",
                () -> robot.lookup("#settings-error").queryAs(Label.class).getText().contains("abc"));

        robot.interact(() -> days.setText("0"));
        robot.clickOn("#settings-ok");
        waitFor("the allowed range said", () -> robot.lookup("#settings-error").queryAs(Label.class).getText().contains("365"));
        Label reason = robot.lookup("#settings-error").queryAs(Label.class);
        waitFor("the dialog grown to hold every line of the reason",
                () -> reason.getHeight() >= reason.prefHeight(reason.getWidth()) - 0.5
                        && reason.getWidth() <= reason.getScene().getWidth());

        robot.interact(() -> days.setText("14"));
        robot.clickOn("#settings-ok");
        waitFor("the dialog to close", () -> robot.lookup("#settings-authority").tryQuery().isEmpty());
        app.stop();
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            assertThat(workspace.settings().advice()).isEqualTo(new AdviceSettings("テスト県 医務課", 14));
        }
    }

    private <T> TableView<T> waitForRows(String id, int count) {
        waitFor(id + " to show " + count + " rows", () -> rows(robot, id) == count);
        return robot.lookup(id).queryTableView();
    }
}
