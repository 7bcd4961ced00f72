package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.followup.FollowUpList;
import jp.tachiiri.model.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The reminder letter from the follow-up dialog, on the office's demo: デモ みずほ台病院's report is overdue, so its
 * letter is written into printouts/ (read back); デモ 山ノ内リハビリテーション病院 closed everything, so it is refused
 * with the reason shown.
 */
class FollowUpLetterScreenTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void theOfficeDemo() throws Exception {
        try (Workspace office = Workspace.open(data, Clock.systemUTC())) {
            office.demo().chooseRole(Role.OFFICE);
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of(), Role.OFFICE));
    }

    @Test
    void anOverdueHospitalGetsItsLetterAndOneWithNothingOpenIsRefused() throws Exception {
        waitFor("the office's list", () -> robot.lookup("#office-followup").tryQuery().isPresent());
        fire(robot, "#office-followup");
        waitFor("the open findings", () -> !rows().isEmpty());
        assertThat(robot.lookup("#followup-counts").queryAs(Label.class).getText()).startsWith("改善報告の期限超過 1 病院");

        choose("みずほ台");
        fire(robot, "#followup-letter");
        Path printouts = data.resolve("printouts");
        waitFor("the letter written", () -> robot.lookup("#followup-status").queryAs(Label.class).getText()
                .startsWith("督促状を "));
        Path letter;
        try (Stream<Path> files = Files.list(printouts)) {
            letter = files.filter(file -> file.getFileName().toString().startsWith("reminder_")).findFirst().orElseThrow();
        }
        try (PDDocument document = Loader.loadPDF(letter.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("デモ みずほ台病院");
        }

        robot.interact(() -> robot.lookup("#followup-show").queryAs(ComboBox.class)
                .getSelectionModel().select(FollowUpList.Show.CLOSED));
        waitFor("the closed findings", () -> !rows().isEmpty());
        choose("山ノ内");
        fire(robot, "#followup-letter");
        waitFor("the refusal", () -> robot.lookup("#followup-error").queryAs(Label.class).getText()
                .contains("デモ 山ノ内リハビリテーション病院"));
    }

    @SuppressWarnings("unchecked")
    private List<FollowUpList.Row> rows() {
        return robot.lookup("#followup-table").queryAs(TableView.class).getItems();
    }

    @SuppressWarnings("unchecked")
    private void choose(String facility) {
        robot.interact(() -> {
            TableView<FollowUpList.Row> table = robot.lookup("#followup-table").queryAs(TableView.class);
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(row -> row.followed().facilityName().contains(facility)).findFirst().orElseThrow());
        });
    }
}
