package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpList;
import jp.tachiiri.model.Role;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The office's follow-up dialog on a real office store that imported the demo tablet's findings today (桜川's two
 * ministry findings due by the end of this fiscal year, 青葉台's three past last year's end): the counts, a report
 * recorded, an assessment refused without its date, evidence kept, a finding closed leaving the open list.
 */
class FollowUpScreenTest {


    @TempDir
    Path root;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();
    private Path scan;
    private String today;

    @BeforeEach
    void officeWithTheDemoFindings() throws Exception {
        try (Workspace office = Offices.withDemoFindings(root, Clock.systemUTC())) {
            today = office.followUp().today().toString();
        }
        scan = Files.writeString(root.resolve("改善報告書.pdf"), "%PDF-1.7 scan", StandardCharsets.UTF_8);
        app.start(() -> new TachiiriApp(root.resolve("office"), (owner, title) -> List.of(scan), Role.OFFICE));
    }

    @Test
    void aReportAndAssessmentsAreRecordedAndAClosedFindingLeavesTheOpenList() throws Exception {
        waitFor("the office's list", () -> robot.lookup("#office-followup").tryQuery().isPresent());
        fire(robot, "#office-followup");
        waitFor("the follow-up list", () -> rows().size() == 5);
        assertThat(text("#followup-counts")).isEqualTo("改善報告の期限超過 0 病院　目標日超過 3 件　未完了 5 件　改善済 0 件");

        choose("backup.offline-copy");
        waitFor("the chosen finding", () -> text("#followup-chosen").startsWith("デモ 桜川記念病院: "));
        assertThat(text("#followup-chosen-summary")).contains("改善報告 未受領（期限 ");
        type("#followup-contact", "桜川 情報 太郎");
        date("#followup-received", today);
        fire(robot, "#followup-record-report");
        waitFor("the report recorded", () -> text("#followup-status").equals("デモ 桜川記念病院 の改善報告の受領を記録しました"));
        waitFor("the summary says so", () -> text("#followup-chosen-summary").contains("受領（桜川 情報 太郎）"));

        assess(Assessment.CLOSED);
        fire(robot, "#followup-assess");
        waitFor("closing refused without its date", () -> text("#followup-error").equals("項目 backup.offline-copy を改善済とするには、病院が改善した日を入力してください"));

        assess(Assessment.IN_PROGRESS);
        date("#followup-new-target", LocalDate.parse(today).plusMonths(3).toString());
        type("#followup-action", "テープ装置を発注済み");
        fire(robot, "#followup-assess");
        waitFor("in progress", () -> text("#followup-status").endsWith("を「対応中」として記録しました"));
        fire(robot, "#followup-add-evidence");
        waitFor("the evidence kept, as a link", () -> robot.lookup("#followup-evidence").queryAs(FlowPane.class)
                .getChildren().stream().anyMatch(node -> node instanceof Hyperlink link && link.getText().equals("改善報告書.pdf")));
        shoot("office-followup.png");

        fire(robot, "#followup-history");
        waitFor("the history", () -> robot.lookup("#followup-history-table").tryQuery().isPresent());
        assertThat(robot.lookup("#followup-history-table").queryAs(TableView.class).getItems()).hasSize(3);
        assertThat(text("#followup-history-status")).isEqualTo("この記録はハッシュチェーンで検証され、改ざんされていません");
        shoot("office-followup-history.png");
        robot.interact(() -> robot.lookup("#followup-history-table").query().getScene().getWindow().hide());

        assess(Assessment.CLOSED);
        date("#followup-done-on", today);
        fire(robot, "#followup-assess");
        waitFor("the closed finding leaves the open list", () -> rows().size() == 4);
        assertThat(text("#followup-counts")).endsWith("未完了 4 件　改善済 1 件");
        assertThat(text("#followup-chosen")).isEmpty();

        robot.interact(() -> robot.lookup("#followup-show").queryAs(ComboBox.class).getSelectionModel()
                .select(FollowUpList.Show.CLOSED));
        waitFor("the closed one", () -> rows().size() == 1);
        assertThat(rows().get(0).finding().followUp().orElseThrow().assessment()).isEqualTo(Assessment.CLOSED);
        fire(robot, "#followup-csv");
        Path csv = root.resolve("office").resolve("reports").resolve("followup_" + today + ".csv");
        waitFor("the CSV written", () -> Files.isRegularFile(csv));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("backup.offline-copy", "改善済");
    }

    @SuppressWarnings("unchecked")
    private List<FollowUpList.Row> rows() {
        return robot.lookup("#followup-table").queryAs(TableView.class).getItems();
    }

    @SuppressWarnings("unchecked")
    private void choose(String itemId) {
        robot.interact(() -> {
            TableView<FollowUpList.Row> table = robot.lookup("#followup-table").queryAs(TableView.class);
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(row -> row.finding().itemId().equals(itemId)).findFirst().orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private void assess(Assessment assessment) {
        robot.interact(() -> robot.lookup("#followup-assessment").queryAs(ComboBox.class).getSelectionModel().select(assessment));
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    private void date(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(DatePicker.class).getEditor().setText(text));
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void shoot(String name) throws Exception {
        UiTestSupport.shootDialog(robot, name);
    }
}
