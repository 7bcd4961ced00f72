package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.dashboard.CheckpointFigure;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The office's dashboard over the imported demo: the bars show the service's figures, and the data exports. */
class DashboardScreenTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void barsCarryTheFiguresAndTheirDataIsWrittenAsCsv() throws Exception {
        YearFigures expected;
        int year;
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            office.setRole(Role.OFFICE);
            office.seedOfficeDemo();
            Path inbox = Path.of(office.transferFolders().inbox());
            SyncService.filesOf(inbox).forEach(file -> office.sync().importFile(file, true));
            year = office.review().rows().stream().map(row -> row.date())
                    .map(date -> date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1).max(Integer::compare).orElseThrow();
            expected = office.dashboard().year(year);
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        waitFor("the office's list", () -> robot.lookup("#office-dashboard").tryQuery().map(n -> n.getScene() != null).orElse(false));
        robot.interact(() -> ((ButtonBase) robot.lookup("#office-dashboard").query()).fire());

        waitFor("three years compared", () -> robot.lookup("#dashboard-by-year").tryQuery()
                .map(node -> ((BarChart<?, ?>) node).getData().size() == 3).orElse(false));
        @SuppressWarnings("unchecked")
        BarChart<String, Number> byYear = (BarChart<String, Number>) robot.lookup("#dashboard-by-year").query();
        XYChart.Series<String, Number> thisYear = byYear.getData().get(2);
        assertThat(thisYear.getName()).startsWith(year + "年度");
        for (int i = 0; i < expected.checkpoints().size(); i++) {
            CheckpointFigure figure = expected.checkpoints().get(i);
            assertThat(thisYear.getData().get(i).getXValue()).isEqualTo(figure.title().ja());
            assertThat(thisYear.getData().get(i).getYValue().doubleValue())
                    .isEqualTo(figure.share().ratio().map(ratio -> ratio * 100).orElse(0.0));
        }
        assertThat(robot.lookup("#dashboard-status").queryAs(Label.class).getText())
                .contains(expected.inspections() + " 件");

        robot.interact(() -> ((ButtonBase) robot.lookup("#dashboard-export").query()).fire());
        waitFor("the export", () -> robot.lookup("#dashboard-status").queryAs(Label.class).getText().contains("CSV"));
        Path items = data.resolve("reports").resolve("dashboard_FY" + year + "_items.csv");
        byte[] bytes = Files.readAllBytes(items);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("backup.offline-copy").contains("0.475");
        try (var files = Files.list(data.resolve("reports"))) {
            assertThat(files.count()).as("one file per chart and table").isEqualTo(8);
        }

        robot.interact(() -> ((ButtonBase) robot.lookup("#dashboard-report").query()).fire());
        waitFor("the report", () -> robot.lookup("#dashboard-status").queryAs(Label.class).getText().contains("報告用CSV"));
        assertThat(Files.readString(data.resolve("reports").resolve("report_FY" + year + ".csv"), StandardCharsets.UTF_8))
                .startsWith("\uFEFF立入検査ID,").contains("デモ 桜川記念病院");
    }
}
