package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Window;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.dashboard.CheckpointFigure;
import jp.tachiiri.dashboard.MinistryItemFigure;
import jp.tachiiri.dashboard.NonCompliantItem;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.testsupport.HospitalForms;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The office's dashboard over the imported demo: the bars show the service's figures, read on a landscape and a
 * portrait tablet, and the data exports. Sizes are real node measurements after layout.
 */
class DashboardScreenTest {

    /**
     * A portrait tablet's width. The headless screen is 1280×800, and a window taller than it fails to paint, so
     * portrait is tried 800 wide by 800 high: the height only changes how much of the page the scroll shows.
     */
    private static final double[][] TABLETS = {{1280, 800}, {800, 800}};
    private static final double TOLERANCE = 0.5;

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    private int year;
    private YearFigures expected;
    private List<NonCompliantItem> expectedTop;

    @Test
    void barsCarryTheFiguresAndTheirDataIsWrittenAsCsv() throws Exception {
        openDashboard();
        BarChart<Number, String> byYear = chart("#dashboard-by-year");
        XYChart.Series<Number, String> thisYear = byYear.getData().get(2);
        assertThat(thisYear.getName()).startsWith(year + "年度");
        for (int i = 0; i < expected.checkpoints().size(); i++) {
            CheckpointFigure figure = expected.checkpoints().get(i);
            assertThat(thisYear.getData().get(i).getYValue()).isEqualTo(figure.title().ja());
            assertThat(thisYear.getData().get(i).getXValue().doubleValue())
                    .isEqualTo(figure.share().ratio().map(ratio -> ratio * 100).orElse(0.0));
        }
        assertThat(robot.lookup("#dashboard-status").queryAs(Label.class).getText())
                .contains(expected.inspections() + " 件");
        // How many of them hold the hospital's own form; without any, no empty chart of the disagreement.
        assertThat(robot.lookup("#dashboard-disagreement-basis").queryAs(Label.class).getText())
                .contains("記録があるもの " + expected.inspectionsWithHospitalForm() + " 件");
        assertThat(robot.lookup("#dashboard-disagreement").tryQuery().isPresent())
                .isEqualTo(expected.inspectionsWithHospitalForm() > 0);

        robot.interact(() -> ((ButtonBase) robot.lookup("#dashboard-export").query()).fire());
        waitFor("the export", () -> robot.lookup("#dashboard-status").queryAs(Label.class).getText().contains("CSV"));
        Path items = data.resolve("reports").resolve("dashboard_FY" + year + "_items.csv");
        byte[] bytes = Files.readAllBytes(items);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("backup.offline-copy").contains(",0.49,2023,");
        try (var files = Files.list(data.resolve("reports"))) {
            assertThat(files.count()).as("one file per chart and table").isEqualTo(11);
        }

        robot.interact(() -> ((ButtonBase) robot.lookup("#dashboard-report").query()).fire());
        waitFor("the report", () -> robot.lookup("#dashboard-status").queryAs(Label.class).getText().contains("報告用CSV"));
        assertThat(Files.readString(data.resolve("reports").resolve("report_FY" + year + ".csv"), StandardCharsets.UTF_8))
                .startsWith("\uFEFF立入検査ID,").contains("デモ 桜川記念病院");
    }

    /** Issue 13, item 4: the chart drew no bars, its titles stood on end over the whole height, its axis overprinted 0. */
    @Test
    void mostOftenNonCompliantShowsVisibleBarsUnderTheItemTitles() throws Exception {
        openDashboard();
        assertThat(expectedTop).as("the demo has items answered 不適合").isNotEmpty();
        List<String> titles = expectedTop.stream().map(ranked -> ranked.rank() + ". " + ranked.item().title().ja()).toList();
        for (double[] tablet : TABLETS) {
            app.resize(tablet[0], tablet[1]);
            BarChart<Number, String> chart = chart("#dashboard-most-often");
            Bounds plot = plot(chart);
            List<Node> bars = chart.getData().get(0).getData().stream().map(XYChart.Data::getNode).toList();
            assertThat(bars).hasSize(expectedTop.size());
            double upper = ((NumberAxis) chart.getXAxis()).getUpperBound();
            for (int i = 0; i < bars.size(); i++) {
                Bounds bar = inScene(bars.get(i));
                int failing = expectedTop.get(i).item().share().failing();
                assertThat(chart.getData().get(0).getData().get(i).getXValue().intValue()).isEqualTo(failing);
                assertThat(bar.getWidth()).as("bar %d at %s, as long as its count", i, size(tablet))
                        .isPositive().isCloseTo(plot.getWidth() * failing / upper, within(2.0));
                assertThat(bar.getHeight()).as("bar %d at %s", i, size(tablet)).isGreaterThanOrEqualTo(16);
                assertInside(bar, plot, "bar " + i);
            }

            List<Label> labels = labels(chart, ".chart-category-label");
            assertThat(labels).extracting(Label::getText).as("the titles, most often first, top down").isEqualTo(titles);
            for (Label label : labels) {
                Bounds bounds = inScene(label);
                assertInside(bounds, plot, label.getText());
                assertThat(bounds.getHeight()).isGreaterThan(0);
                String shown = ((Text) label.lookup(".text")).getText();
                assertThat(label.getText()).as("shown whole or shortened with …").startsWith(shown.replaceFirst("…$", ""));
                assertThat(label.getTooltip().getText()).isEqualTo(label.getText());
                for (Node bar : bars) {
                    assertThat(inScene(bar).intersects(bounds)).as(label.getText() + " over a bar").isFalse();
                }
            }
            assertApart(labels.stream().map(this::inScene).toList(), "titles");

            List<Text> ticks = chart.getXAxis().getChildrenUnmodifiable().stream()
                    .filter(node -> node instanceof Text && node.isVisible()).map(Text.class::cast).toList();
            assertThat(ticks).extracting(Text::getText).as("whole findings, each once").doesNotHaveDuplicates()
                    .allMatch(text -> text.matches("\\d+")).contains("0");
            assertApart(ticks.stream().map(this::inScene).toList(), "tick labels");
        }

        // A tablet has no hover: a tap on a title shows the whole title.
        Label first = labels(chart("#dashboard-most-often"), ".chart-category-label").get(0);
        UiTestSupport.scrollToTop(robot, first);
        robot.clickOn(first);
        waitFor("the whole title", () -> Window.getWindows().stream().anyMatch(window -> window instanceof Tooltip tooltip
                && tooltip.isShowing() && tooltip.getText().equals(titles.get(0))));
        assertThat(first.getTooltip().getFont().getSize()).isGreaterThanOrEqualTo(16);
    }

    /**
     * Issue 13, item 13: a bar without data said 該当なし, which is an answer; the survey's dashed line struck
     * through the bar's number and its label was cut off at the top of the chart.
     */
    @Test
    void barsWithoutDataSaySoAndTheSurveyLineKeepsClearOfTheNumbers() throws Exception {
        openDashboard();
        for (double[] tablet : TABLETS) {
            app.resize(tablet[0], tablet[1]);
            assertThat(labels(chart("#dashboard-by-band"), ".chart-value-label")).extracting(Label::getText)
                    .as("the demo's one facility leaves bands empty").contains("データなし").doesNotContain("該当なし");
            BarChart<Number, String> national = chart("#dashboard-national");
            Bounds plot = plot(national);
            List<Label> numbers = labels(national, ".chart-value-label");
            List<Label> surveys = labels(national, ".reference-label");
            List<Line> lines = national.lookupAll(".reference-line").stream().map(Line.class::cast).toList();
            assertThat(surveys).extracting(Label::getText).contains("2023年全国 98%※", "2023年全国 49%");
            assertThat(numbers).hasSameSizeAs(surveys).hasSameSizeAs(lines);
            for (Label number : numbers) {
                assertInside(inScene(number), plot, number.getText());
                for (Label survey : surveys) {
                    assertThat(inScene(number).intersects(inScene(survey)))
                            .as("%s over %s at %s", number.getText(), survey.getText(), size(tablet)).isFalse();
                }
                for (Line line : lines) {
                    assertThat(inScene(number).intersects(inScene(line)))
                            .as("a dashed line through %s at %s", number.getText(), size(tablet)).isFalse();
                }
            }
            for (Label survey : surveys) {
                assertInside(inScene(survey), plot, survey.getText());
            }
        }

        robot.interact(() -> ((ButtonBase) robot.lookup("#back").query()).fire());
        waitFor("the office's list", () -> robot.lookup("#language-en").tryQuery().isPresent());
        robot.interact(() -> ((ButtonBase) robot.lookup("#language-en").query()).fire());
        showDashboard();
        assertThat(labels(chart("#dashboard-by-band"), ".chart-value-label")).extracting(Label::getText)
                .contains("No data");
    }

    /**
     * Issue 15, point 8: the survey of each year can be chosen, the newest at first; its year marks every dashed
     * line, and the screen names the survey, its base and where a question only approximates the item.
     */
    @Test
    void eachSurveyYearCanBeChosenAndTheScreenSaysWhatItsFiguresCount() throws Exception {
        openDashboard();
        ComboBox<?> survey = robot.lookup("#dashboard-survey").queryAs(ComboBox.class);
        assertThat(survey.getItems()).hasSize(2);
        assertThat(shown(survey)).isEqualTo("2023年調査");
        assertThat(notes()).anySatisfy(note -> assertThat(note).isEqualTo(
                        "破線: 厚生労働省「病院における医療情報システムのサイバーセキュリティ対策に係る調査」（2023年調査、結果 2023年3月17日）"))
                .anySatisfy(note -> assertThat(note).startsWith("母数: ").contains("98%"))
                .anySatisfy(note -> assertThat(note).contains("速報値"))
                .anySatisfy(note -> assertThat(note).startsWith("※ 電子カルテのデータとシステムをバックアップしている"))
                .noneSatisfy(note -> assertThat(note).contains("同時被災"));

        robot.interact(() -> survey.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown(survey)).isEqualTo("2022年調査");
        assertThat(labels(chart("#dashboard-national"), ".reference-label")).extracting(Label::getText)
                .containsExactly("2022年全国 95.9%※", "2022年全国 80.7%", "2022年全国 47.5%※", "2022年全国 52.4%");
        assertThat(notes()).anySatisfy(note -> assertThat(note).contains("（2022年調査、結果 2022年3月31日）"))
                .anySatisfy(note -> assertThat(note).isEqualTo("回答: 6,216 病院（対象 8,252 病院）"))
                .anySatisfy(note -> assertThat(note).startsWith("実施: 2022年1月27日〜2022年2月14日"))
                .anySatisfy(note -> assertThat(note).startsWith(
                        "※ バックアップの少なくとも一つをオフラインで保管している（調査の問い「同時被災を避ける方法で保管」）"))
                .anySatisfy(note -> assertThat(note).startsWith("出典: https://cbnews.jp/"));
    }

    /**
     * Issue 16: per item of the ministry's checklist, the share of the hospitals' own answers the inspectors found
     * otherwise, with its counts, read on a landscape and a portrait tablet, and in the chart data's CSV. Three
     * inspections of the year hold the hospital's form ({@link HospitalForms#demoWithForms}): 2-⑦ 相違 at 桜川 and
     * みずほ台, 確認 at 山ノ内 → 2 of 3; 2-⑪ 相違 at みずほ台 alone → 1 of 3; 3-① 未確認 at 桜川 → 0 of 2 and one 未確認.
     */
    @Test
    void theShareOfHospitalAnswersFoundOtherwiseStandsPerChecklistItem() throws Exception {
        try (Workspace workspace = Workspace.open(data, Clock.systemUTC())) {
            HospitalForms.demoWithForms(workspace, LocalDate.now(Clock.systemUTC()));
            workspace.settings().setRole(Role.OFFICE);
            year = FiscalYear.of(LocalDate.now(Clock.systemUTC())).year();
            expected = workspace.dashboard().year(year);
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        showDashboard();

        assertThat(robot.lookup("#dashboard-disagreement-basis").queryAs(Label.class).getText())
                .contains("確定した立入検査（各検査の最新の確定版）3 件のうち", "記録があるもの 3 件");
        BarChart<Number, String> chart = chart("#dashboard-disagreement");
        List<XYChart.Data<Number, String>> bars = chart.getData().get(0).getData();
        assertThat(bars).hasSize(18);
        for (int i = 0; i < bars.size(); i++) {
            MinistryItemFigure item = expected.ministryItems().get(i);
            assertThat(bars.get(i).getYValue()).startsWith(item.label() + " ");
            assertThat(bars.get(i).getXValue().doubleValue()).as(item.label())
                    .isEqualTo(item.disagreement().ratio().map(ratio -> ratio * 100).orElse(0.0));
        }
        for (double[] tablet : TABLETS) {
            app.resize(tablet[0], tablet[1]);
            chart = chart("#dashboard-disagreement");
            Bounds plot = plot(chart);
            List<Label> numbers = labels(chart, ".chart-value-label");
            assertThat(numbers).extracting(Label::getText).hasSize(18)
                    .contains("相違 2/3（66.7%）", "相違 1/3（33.3%）", "相違 0/2（0.0%）・未確認 1", "相違 0/3（0.0%）");
            assertThat(numbers.get(7).getText()).as("2-⑦, the eighth item").isEqualTo("相違 2/3（66.7%）");
            for (Label label : labels(chart, ".chart-category-label, .chart-value-label")) {
                assertInside(inScene(label), plot, label.getText() + " at " + size(tablet));
                assertThat(label.getFont().getSize()).as(label.getText()).isGreaterThanOrEqualTo(16);
            }
            for (XYChart.Data<Number, String> bar : chart.getData().get(0).getData()) {
                assertThat(inScene(bar.getNode()).getHeight()).as(bar.getYValue()).isGreaterThanOrEqualTo(16);
            }
        }

        robot.interact(() -> ((ButtonBase) robot.lookup("#dashboard-export").query()).fire());
        waitFor("the export", () -> robot.lookup("#dashboard-status").queryAs(Label.class).getText().contains("CSV"));
        List<String> items = Files.readAllLines(data.resolve("reports").resolve("dashboard_FY" + year + "_checklist-items.csv"),
                StandardCharsets.UTF_8);
        assertThat(items.get(0)).endsWith(",agrees,differs,notConfirmed,unconfirmed,differsShare");
        // fiscalYear, number, wording, parts, complies, applicable, share, then 確認 1, 相違 2, 未確認 0, none 0, 2/3
        assertThat(items).filteredOn(line -> line.startsWith(year + ",R7 2-⑦,")).singleElement().asString()
                .endsWith(",1,2,0,0,0.6667");
        assertThat(items).filteredOn(line -> line.startsWith(year + ",R7 3-①,")).singleElement().asString()
                .endsWith(",2,0,1,0,0.0000");

        robot.interact(() -> ((ButtonBase) robot.lookup("#back").query()).fire());
        waitFor("the office's list", () -> robot.lookup("#language-en").tryQuery().isPresent());
        robot.interact(() -> ((ButtonBase) robot.lookup("#language-en").query()).fire());
        showDashboard();
        assertThat(labels(chart("#dashboard-disagreement"), ".chart-value-label")).extracting(Label::getText)
                .contains("Otherwise 2/3 (66.7%)", "Otherwise 0/2 (0.0%) · not confirmed 1");
    }

    /**
     * How findings were followed up to closure, in the office demo. Last year: 青葉台 (inspected on D, every finding
     * due on T, the last day of that fiscal year) reported on S = T + 1, the first day of this one; access-logs (2-⑥)
     * closed on D + 30, in time; password-policy (2-⑦) closed on S, a day late, S − D days after the inspection;
     * restore-test (3-②) not done, so open and past T. The demo's own follow-up of last year: 山ノ内 closed
     * restore-test on its day + 20 and two-factor-auth (2-⑩) on + 27, both in time; みずほ台's offline-copy (3-②) and
     * incident-diagram (3-①) never reported, open and past their date. Vulnerability: 3 needed, 2 in time, 1 late,
     * the median of 27, 30 and S − D is 30; backup: 3 needed, 1 in time, 2 open and past, median 20; contact: 1 open
     * and past. This year's 桜川 has no follow-up yet: its two ministry findings open before their date, its two 参考
     * findings listed after them and marked.
     */
    @Test
    void theFollowUpToClosureStandsPerCheckpointAndPerItemForTheChosenYear() throws Exception {
        LocalDate inspected;
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            office.settings().setRole(Role.OFFICE);
            office.demo().seedOffice();
            Path inbox = Path.of(office.settings().transferFolders().inbox());
            SyncService.filesOf(inbox).forEach(file -> office.sync().importFile(file, true));
            FollowUpService followUp = office.followUp();
            FollowUpCase aobadai = followUp.cases().stream().filter(found -> found.facilityName().contains("青葉台"))
                    .findFirst().orElseThrow();
            inspected = aobadai.inspectionDate();
            LocalDate thisYearsFirstDay = FiscalYear.of(inspected).end();
            year = FiscalYear.of(inspected).year();
            followUp.recordReport(aobadai.inspectionId(), thisYearsFirstDay, "デモ 青葉台 担当", "", "test");
            followUp.assess(aobadai.inspectionId(), "vulnerability.access-logs", "", Optional.of(inspected.plusDays(30)),
                    Assessment.CLOSED, Optional.empty(), "test");
            followUp.assess(aobadai.inspectionId(), "vulnerability.password-policy", "", Optional.of(thisYearsFirstDay),
                    Assessment.CLOSED, Optional.empty(), "test");
            followUp.assess(aobadai.inspectionId(), "backup.restore-test", "", Optional.empty(), Assessment.NOT_DONE,
                    Optional.empty(), "test");
        }
        long late = ChronoUnit.DAYS.between(inspected, FiscalYear.of(inspected).end());
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        showDashboard();

        // This year, as the dashboard opens: 桜川's findings, none followed up yet.
        assertThat(rows("#dashboard-followup-items")).containsExactly(
                List.of("R7 2-⑩ " + title("vulnerability.two-factor-auth"), "1", "0", "0", "1", "0", "—"),
                List.of("R7 3-② " + title("backup.offline-copy"), "1", "0", "0", "1", "0", "—"),
                List.of("参考 " + title("vulnerability.vpn-firmware"), "1", "0", "0", "1", "0", "—"),
                List.of("参考 " + title("recovery.drills"), "1", "0", "0", "1", "0", "—"));

        ComboBox<?> years = robot.lookup("#dashboard-year").queryAs(ComboBox.class);
        robot.interact(() -> years.getSelectionModel().select(years.getItems().indexOf(new FiscalYear(year))));
        waitFor("last year's follow-up", () -> rows("#dashboard-followup-items").size() == 6);

        assertThat(robot.lookup("#dashboard-followup-basis").queryAs(Label.class).getText())
                .startsWith(LocalDate.now(Clock.systemDefaultZone()).getYear() + "年");
        assertThat(rows("#dashboard-followup-checkpoints")).containsExactly(
                List.of(checkpoint(0), "3", "2", "1", "0", "0", "30 日"),
                List.of(checkpoint(1), "3", "1", "0", "2", "2", "20 日"),
                List.of(checkpoint(2), "0", "0", "0", "0", "0", "—"),
                List.of(checkpoint(3), "1", "0", "0", "1", "1", "—"));
        assertThat(rows("#dashboard-followup-items")).containsExactly(
                List.of("R7 2-⑥ " + title("vulnerability.access-logs"), "1", "1", "0", "0", "0", "30 日"),
                List.of("R7 2-⑦ " + title("vulnerability.password-policy"), "1", "0", "1", "0", "0", days(late)),
                List.of("R7 2-⑩ " + title("vulnerability.two-factor-auth"), "1", "1", "0", "0", "0", "27 日"),
                List.of("R7 3-② " + title("backup.offline-copy"), "1", "0", "0", "1", "1", "—"),
                List.of("R7 3-② " + title("backup.restore-test"), "2", "1", "0", "1", "1", "20 日"),
                List.of("R7 3-① " + title("contact.incident-diagram"), "1", "0", "0", "1", "1", "—"));

        for (double[] tablet : TABLETS) {
            app.resize(tablet[0], tablet[1]);
            for (String id : List.of("#dashboard-followup-checkpoints", "#dashboard-followup-items")) {
                TableView<?> table = robot.lookup(id).queryAs(TableView.class);
                assertThat(table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum())
                        .as("every column of %s at %s", id, size(tablet)).isLessThanOrEqualTo(table.getWidth());
                assertThat(table.lookupAll(".scroll-bar")).as("%s shows its rows whole at %s", id, size(tablet))
                        .noneMatch(Node::isVisible);
            }
        }

        robot.interact(() -> ((ButtonBase) robot.lookup("#dashboard-export").query()).fire());
        waitFor("the export", () -> robot.lookup("#dashboard-status").queryAs(Label.class).getText().contains("CSV"));
        Path items = data.resolve("reports").resolve("dashboard_FY" + year + "_follow-up-items.csv");
        List<String> csv = Files.readAllLines(items, StandardCharsets.UTF_8);
        assertThat(csv).filteredOn(line -> line.contains(",vulnerability.password-policy,")).singleElement().asString()
                .startsWith(year + ",").endsWith(",1,0,1,0,0," + late);
    }

    /** The rows of a table of the dashboard, each as the texts of its cells. */
    private List<List<String>> rows(String id) {
        TableView<?> table = robot.lookup(id).queryAs(TableView.class);
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            int index = row;
            rows.add(table.getColumns().stream().map(column -> String.valueOf(column.getCellData(index))).toList());
        }
        return rows;
    }

    private static String title(String itemId) {
        return CatalogLibrary.bundled().latest().item(itemId).orElseThrow().title().ja();
    }

    private static String checkpoint(int index) {
        return CatalogLibrary.bundled().latest().sections().get(index).title().ja();
    }

    /** A median as the table shows it: whole days without a decimal, half days with one. */
    private static String days(double median) {
        return (median == Math.rint(median) ? Long.toString((long) median) : Double.toString(median)) + " 日";
    }

    /** What the closed drop-down shows. */
    private static String shown(ComboBox<?> choice) {
        return ((ListCell<?>) ((ComboBoxListViewSkin<?>) choice.getSkin()).getDisplayNode()).getText();
    }

    private List<String> notes() {
        return robot.lookup("#dashboard-survey-notes").queryAs(VBox.class).getChildren().stream()
                .map(node -> ((Label) node).getText()).toList();
    }

    /** Issue 13, item 15, for the dashboard: on either tablet nothing is cut off, touched or read too small. */
    @Test
    void nothingIsCutOffOnALandscapeOrPortraitTablet() throws Exception {
        openDashboard();
        for (double[] tablet : TABLETS) {
            app.resize(tablet[0], tablet[1]);
            Bounds scene = new BoundingBox(0, 0, tablet[0], tablet[1]);
            for (String control : List.of("#back", "#dashboard-year", "#dashboard-report", "#dashboard-export")) {
                Bounds bounds = inScene(robot.lookup(control).query());
                assertInside(bounds, scene, control);
                assertThat(bounds.getHeight()).as(control + " at " + size(tablet)).isGreaterThanOrEqualTo(44);
            }
            Label title = robot.lookup(".facility-name").queryAs(Label.class);
            assertThat(((Text) title.lookup(".text")).getText()).as("the title at " + size(tablet)).isEqualTo(title.getText());
            assertInside(inScene(robot.lookup("#dashboard-status").query()), scene, "the status line");

            ScrollPane page = robot.lookup(".page").queryAs(ScrollPane.class);
            assertThat(page.getContent().getLayoutBounds().getWidth())
                    .isLessThanOrEqualTo(page.getViewportBounds().getWidth() + TOLERANCE);
            for (String id : List.of("#dashboard-by-year", "#dashboard-by-band", "#dashboard-national", "#dashboard-most-often")) {
                BarChart<Number, String> chart = chart(id);
                Bounds plot = plot(chart);
                for (Label label : labels(chart, ".chart-category-label, .chart-value-label, .reference-label")) {
                    assertInside(inScene(label), plot, id + " " + label.getText());
                    assertThat(label.getFont().getSize()).as(label.getText()).isGreaterThanOrEqualTo(16);
                }
                for (Node axis : List.of(chart.getXAxis(), chart.getYAxis())) {
                    assertThat(((Axis<?>) axis).getTickLabelFont().getSize()).isGreaterThanOrEqualTo(16);
                }
            }
            TableView<?> overdue = robot.lookup("#dashboard-overdue").queryAs(TableView.class);
            assertThat(overdue.getColumns().stream().mapToDouble(TableColumn::getWidth).sum())
                    .as("every column of the overdue findings at " + size(tablet)).isLessThanOrEqualTo(overdue.getWidth());
        }
    }

    /** Imports the office demo's inbox, as the office would, and opens the dashboard on the newest fiscal year. */
    private void openDashboard() throws Exception {
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            office.settings().setRole(Role.OFFICE);
            office.demo().seedOffice();
            Path inbox = Path.of(office.settings().transferFolders().inbox());
            SyncService.filesOf(inbox).forEach(file -> office.sync().importFile(file, true));
            year = office.review().rows().stream().map(row -> row.date())
                    .map(date -> date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1).max(Integer::compare).orElseThrow();
            expected = office.dashboard().year(year);
            expectedTop = office.dashboard().mostOftenNonCompliant(year, 10);
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        showDashboard();
    }

    private void showDashboard() {
        waitFor("the office's list", () -> robot.lookup("#office-dashboard").tryQuery().map(n -> n.getScene() != null).orElse(false));
        robot.interact(() -> ((ButtonBase) robot.lookup("#office-dashboard").query()).fire());
        waitFor("three years compared", () -> robot.lookup("#dashboard-by-year").tryQuery()
                .map(node -> ((BarChart<?, ?>) node).getData().size() == 3).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private BarChart<Number, String> chart(String id) {
        return (BarChart<Number, String>) robot.lookup(id).query();
    }

    private static Bounds plot(BarChart<?, ?> chart) {
        Node background = chart.lookup(".chart-plot-background");
        return background.localToScene(background.getLayoutBounds());
    }

    /** The chart's labels of these classes, top down. */
    private List<Label> labels(BarChart<?, ?> chart, String classes) {
        return chart.lookupAll(classes).stream().filter(Label.class::isInstance).map(Label.class::cast)
                .sorted(Comparator.comparingDouble(label -> inScene(label).getMinY())).toList();
    }

    private Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static void assertInside(Bounds inner, Bounds outer, String what) {
        assertThat(inner.getMinX()).as(what + " left").isGreaterThanOrEqualTo(outer.getMinX() - TOLERANCE);
        assertThat(inner.getMaxX()).as(what + " right").isLessThanOrEqualTo(outer.getMaxX() + TOLERANCE);
        assertThat(inner.getMinY()).as(what + " top").isGreaterThanOrEqualTo(outer.getMinY() - TOLERANCE);
        assertThat(inner.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(outer.getMaxY() + TOLERANCE);
    }

    private static void assertApart(List<Bounds> bounds, String what) {
        for (int i = 0; i < bounds.size(); i++) {
            for (int j = i + 1; j < bounds.size(); j++) {
                assertThat(bounds.get(i).intersects(bounds.get(j))).as(what + " " + i + " and " + j + " overprint").isFalse();
            }
        }
    }

    private static String size(double[] tablet) {
        return (int) tablet[0] + "×" + (int) tablet[1];
    }
}
