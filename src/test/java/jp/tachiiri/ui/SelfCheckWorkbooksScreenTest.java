package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Role;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The office's 自己点検Excel dialog, reached from the planning: the period's writing says what it did, and filled
 * files chosen for import are read one by one, each refused one listed with its reason.
 */
class SelfCheckWorkbooksScreenTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();
    private List<Path> chosen;

    @BeforeEach
    void anOfficeWithAPlan() throws Exception {
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            PlanSelfChecks.planned(office, LocalDate.now().plusDays(20));
        }
        chosen = List.of(Files.writeString(data.resolve("森の丘病院_記入済み.xlsx"), "not a workbook"),
                Files.write(data.resolve("電子カルテ社_記入済み.xlsx"), new byte[0]));
        app.start(() -> new TachiiriApp(data, (owner, title) -> chosen, Role.OFFICE));
    }

    @Test
    void theWorkbooksGoOutForAPeriodAndFilledOnesComeBackFileByFile() throws Exception {
        waitFor("the office's list", () -> robot.lookup("#office-planning").tryQuery().isPresent());
        fire(robot, "#office-planning");
        waitFor("the planning dialog", () -> robot.lookup("#planning-workbooks").tryQuery().isPresent());
        fire(robot, "#planning-workbooks");
        waitFor("the workbooks dialog", () -> robot.lookup("#workbooks-write").tryQuery().isPresent());

        robot.interact(() -> {
            robot.lookup("#workbooks-out").queryAs(TextField.class).setText(data.resolve("out").toString());
            robot.lookup("#workbooks-from").queryAs(DatePicker.class).setValue(LocalDate.of(2030, 4, 1));
            robot.lookup("#workbooks-to").queryAs(DatePicker.class).setValue(LocalDate.of(2030, 6, 30));
        });
        fire(robot, "#workbooks-write");
        waitFor("what the writing did", () -> robot.lookup("#workbooks-written").queryAs(Label.class).getText()
                .equals("2030年4月1日 から 2030年6月30日 までの予定はありません"));

        fire(robot, "#workbooks-import-files");
        waitFor("both files read", () -> robot.lookup("#workbooks-progress").queryAs(Label.class).getText()
                .equals("2 ファイルを読み込みました: 取り込み 0、拒否 2"));
        ListView<?> results = robot.lookup("#workbooks-results").queryAs(ListView.class);
        assertThat(results.getItems()).hasSize(2);
    }
}
