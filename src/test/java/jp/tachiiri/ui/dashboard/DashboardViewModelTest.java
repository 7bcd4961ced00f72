package jp.tachiiri.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.dashboard.NationalSurvey;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard without a screen, on a real office store: the years, the figures and the CSV files it writes. */
class DashboardViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path data;
    @TempDir
    Path devices;

    private static DashboardViewModel dashboard(Workspace office) {
        DashboardViewModel model = new DashboardViewModel(new ViewModelContext(office, new SameThread(), Messages.of(Language.EN)));
        model.load();
        return model;
    }

    private void receiveTheDemoFindings(Workspace office) {
        try (Workspace tablet = Workspace.open(devices.resolve("tablet"), CLOCK)) {
            tablet.demo().seed();
            Enrolments.enrol(tablet, office);
            Path bundle = tablet.sync().exportFindings(devices.resolve("usb")).orElseThrow();
            assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
    }

    @Test
    void theNewestYearIsChosenAndItsFiguresReadAndWrittenAsCsv() throws Exception {
        try (Workspace office = Offices.open(data, CLOCK)) {
            receiveTheDemoFindings(office);

            DashboardViewModel model = dashboard(office);

            assertThat(model.years()).isNotEmpty().isSortedAccordingTo((a, b) -> b.compareTo(a));
            FiscalYear newest = model.years().get(0);
            assertThat(model.yearProperty().get()).isEqualTo(newest);
            DashboardViewModel.Figures figures = model.figuresProperty().get();
            assertThat(figures.year().fiscalYear()).isEqualTo(newest);
            assertThat(figures.years()).hasSize(3);
            assertThat(model.statusProperty().get()).contains(Integer.toString(figures.year().inspections()));

            model.writeReport();
            Path report = data.resolve("reports").resolve("report_FY" + newest.year() + ".csv");
            assertThat(Files.readString(report, StandardCharsets.UTF_8)).startsWith("\uFEFF");
            assertThat(model.statusProperty().get()).contains(report.toString());

            model.exportCharts();
            try (Stream<Path> written = Files.list(data.resolve("reports"))) {
                assertThat(written.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("dashboard_FY")))
                        .hasSize(11).contains("dashboard_FY" + newest.year() + "_overdue.csv",
                                "dashboard_FY" + newest.year() + "_checklist-items.csv",
                                "dashboard_FY" + newest.year() + "_follow-up-checkpoints.csv",
                                "dashboard_FY" + newest.year() + "_follow-up-items.csv");
            }
        }
    }

    /** Issue 15, point 8: each survey year there is can be chosen, the newest first, and gives its own figures. */
    @Test
    void choosingASurveyYearChangesTheNationalFiguresShown() throws Exception {
        try (Workspace office = Offices.open(data, CLOCK)) {
            receiveTheDemoFindings(office);

            DashboardViewModel model = dashboard(office);

            assertThat(model.surveys()).extracting(NationalSurvey::year).containsExactly(2023, 2022);
            assertThat(model.surveyProperty().get().year()).isEqualTo(2023);
            assertThat(shown(model)).containsExactly(
                    entry("backup.emr", 0.98), entry("backup.generations", 0.78),
                    entry("backup.offline-copy", 0.49), entry("backup.leak-protection", 0.65));
            YearFigures year = model.figuresProperty().get().year();
            assertThat(model.nationalProperty().get()).allSatisfy(comparison -> assertThat(comparison.ours())
                    .isEqualTo(year.item(comparison.itemId()).orElseThrow().share()));

            model.surveyProperty().set(model.surveys().get(1));

            assertThat(shown(model)).containsExactly(
                    entry("backup.emr", 0.959), entry("backup.generations", 0.807),
                    entry("backup.offline-copy", 0.475), entry("backup.leak-protection", 0.524));
            model.exportCharts();
            Path items = data.resolve("reports").resolve("dashboard_FY" + year.fiscalYear().year() + "_items.csv");
            assertThat(Files.readAllLines(items, StandardCharsets.UTF_8)).filteredOn(line -> line.contains("backup.offline-copy,"))
                    .singleElement().asString().contains(",0.475,2022,");
        }
    }

    private static List<Map.Entry<String, Double>> shown(DashboardViewModel model) {
        return model.nationalProperty().get().stream()
                .map(comparison -> Map.entry(comparison.itemId(), comparison.national().ratio())).toList();
    }

    private static Map.Entry<String, Double> entry(String itemId, double ratio) {
        return Map.entry(itemId, ratio);
    }

    @Test
    void anOfficeWithoutFindingsSaysSoAndWritesNothing() {
        try (Workspace office = Offices.open(data, CLOCK)) {
            DashboardViewModel model = dashboard(office);

            assertThat(model.years()).isEmpty();
            assertThat(model.figuresProperty().get()).isNull();
            assertThat(model.nationalProperty().get()).isEmpty();
            assertThat(model.statusProperty().get()).isEqualTo(Messages.of(Language.EN).get("dashboard.empty"));

            model.writeReport();
            model.exportCharts();
            assertThat(data.resolve("reports")).doesNotExist();
        }
    }
}
