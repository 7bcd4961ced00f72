package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SelfCheckFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The supervisor opens the review of a revision a real tablet sent: the line above counts the 相違, the hospital's
 * form shows every ministry item with the hospital's answer, its dates and the inspector's confirmation (相違 rows
 * marked), and the vendors' forms show one received with its answers and one missing with the reason. Another
 * version of the revision whose forms differ is a conflict that lists those fields.
 */
class ReviewFormsScreenTest {

    @TempDir
    Path data;
    @TempDir
    Path devices;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theReviewShowsBothFormsWithTheDifferencesMarked() throws Exception {
        openTheInspectionAtTheOffice(false);
        fire(robot, "#review");
        waitFor("the forms read", () -> !robot.lookup("#review-forms-summary").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#review-forms-summary").queryAs(Label.class).getText())
                .startsWith("医療機関確認用: 相違 2 件、未確認 1 件");
        TabPane tabs = robot.lookup("#review-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs().get(1).getText()).isEqualTo("医療機関確認用（相違 2）");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Parent hospital = robot.lookup("#review-hospital-form").queryAs(Parent.class);
        assertThat(robot.from(hospital).lookup(".review-form-item").queryAll()).hasSize(18);
        List<Node> differing = List.copyOf(robot.from(hospital).lookup(".review-differs").queryAll());
        assertThat(differing).hasSize(2);
        assertThat(texts(differing.get(0))).contains("R7 2-①", "はい", "確認日 2025年6月1日", "相違",
                "検査員の結果: 不適合", "台帳が2023年から更新されていない");
        assertThat(texts(differing.get(1))).contains("いいえ", "目標日 2026年3月31日", "相違");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        Parent vendors = robot.lookup("#review-vendor-forms").queryAs(Parent.class);
        assertThat(texts(vendors)).contains("電子カルテ社 / 電子カルテ", "受領（記入日 2025年5月28日）", "2-⑦ はい、2-⑩ いいえ",
                "画像システム社 / PACS", "未提出（理由: 提出を依頼中）");
        fire(robot, "#review-cancel");
    }

    /** A version whose forms differ: the conflict's screen lists the forms' fields that differ beside the findings'. */
    @Test
    void aConflictOverTheFormsShowsEachFieldThatDiffers() throws Exception {
        openTheInspectionAtTheOffice(true);
        fire(robot, "#conflict");
        waitFor("the forms compared", () -> robot.lookup("#conflict-form-changes").tryQuery().isPresent());

        TableView<?> forms = robot.lookup("#conflict-form-changes").queryAs(TableView.class);
        assertThat(forms.getItems()).hasSize(5);
        assertThat(texts(robot.lookup(".dialog-pane").query())).contains("第2版: 違い 5 件", "第1版: 違い 0 件");
        assertThat(robot.from(forms).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(cell -> cell.getText()).toList()).containsSequence("医療機関確認用 2-⑩", "検査員の確認", "相違", "確認");
    }

    /**
     * A real tablet's findings with both forms imported at the office (and, with {@code anotherVersion}, a version of
     * the same revision whose forms differ); then the office's app, open on the inspection.
     */
    private void openTheInspectionAtTheOffice(boolean anotherVersion) throws Exception {
        try (Workspace tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC());
             Workspace office = Offices.open(data, Clock.systemUTC())) {
            tablet.settings().setRole(Role.INSPECTOR);
            SelfCheckFixture.inspectedWithForms(tablet);
            Enrolments.enrol(tablet, office);
            Path bundle = tablet.sync().exportFindings(devices.resolve("usb")).orElseThrow();
            assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            if (anotherVersion) {
                Path other = SelfCheckFixture.withOtherForms(bundle, office.sync().identity(), devices.resolve("other"), tablet.sync().identity());
                assertThat(office.sync().importFile(other, false).counts().conflicts()).isEqualTo(1);
            }
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openRow(robot, "#office-inspections", SelfCheckFixture.FACILITY_NAME);
    }

    /** Every label's text under {@code node}, in order. */
    private List<String> texts(Node node) {
        return robot.from(node).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
