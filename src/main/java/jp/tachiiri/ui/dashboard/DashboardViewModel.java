package jp.tachiiri.ui.dashboard;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.dashboard.Dashboard;
import jp.tachiiri.dashboard.DashboardTables;
import jp.tachiiri.dashboard.NationalComparison;
import jp.tachiiri.dashboard.NationalSurvey;
import jp.tachiiri.dashboard.NationalSurveys;
import jp.tachiiri.dashboard.NonCompliantItem;
import jp.tachiiri.dashboard.OverdueFinding;
import jp.tachiiri.dashboard.YearCheckpoints;
import jp.tachiiri.dashboard.YearClosures;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.report.CsvFile;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The supervisors' dashboard for a fiscal year: the years that have counted inspections (newest first, and chosen), the
 * figures of the chosen one compared with the two years before and with the national survey of a year (the
 * newest unless another is chosen), how its findings were followed up to closure by today, and writing them as CSV —
 * the charts' and tables' data, or the findings for the ministry — into the data folder's reports/.
 */
public final class DashboardViewModel {

    private static final int EARLIER_YEARS = 2;
    private static final int TOP_ITEMS = 10;

    /** What one year's dashboard shows, read in one go. */
    public record Figures(YearFigures year, List<YearCheckpoints> years, List<NonCompliantItem> top,
                          List<OverdueFinding> overdue, YearClosures closures) {
    }

    private final ViewModelContext context;
    private final Messages messages;
    private final ObservableList<FiscalYear> years = FXCollections.observableArrayList();
    private final ObservableList<FiscalYear> yearsShown = FXCollections.unmodifiableObservableList(years);
    private final ObjectProperty<FiscalYear> year = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final NationalSurveys nationalSurveys = NationalSurveys.bundled();
    private final ObservableList<NationalSurvey> surveys =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(nationalSurveys.all()));
    private final ObjectProperty<NationalSurvey> survey = new SimpleObjectProperty<>(nationalSurveys.newest());
    private final ReadOnlyObjectWrapper<List<NationalComparison>> national = new ReadOnlyObjectWrapper<>(List.of());

    public DashboardViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
        year.addListener((observable, old, chosen) -> {
            if (chosen != null) {
                read(chosen);
            }
        });
        figures.addListener((observable, old, read) -> compare());
        survey.addListener((observable, old, chosen) -> compare());
    }

    private void compare() {
        Figures shown = figures.get();
        NationalSurvey chosen = survey.get();
        national.set(shown == null || chosen == null ? List.of() : shown.year().against(chosen));
    }

    /** Finds the fiscal years that have counted inspections and chooses the newest. */
    public void load() {
        context.background().submit(() -> context.workspace().dashboard().years(), found -> {
                    years.setAll(found);
                    if (found.isEmpty()) {
                        status.set(messages.get("dashboard.empty"));
                    } else {
                        year.set(found.get(0));
                    }
                }, this::failed);
    }

    private void read(FiscalYear chosen) {
        Workspace workspace = context.workspace();
        Dashboard dashboard = workspace.dashboard();
        int fiscalYear = chosen.year();
        LocalDate today = LocalDate.now(workspace.clock());
        context.background().submit(() -> new Figures(dashboard.year(fiscalYear),
                dashboard.checkpointsByYear(IntStream.rangeClosed(fiscalYear - EARLIER_YEARS, fiscalYear).boxed().toList()),
                dashboard.mostOftenNonCompliant(fiscalYear, TOP_ITEMS), dashboard.overdue(fiscalYear, today),
                dashboard.closures(fiscalYear, today)), read -> {
                    figures.set(read);
                    status.set(messages.get("dashboard.counted", read.year().inspections()));
                }, this::failed);
    }

    /** The chosen year's findings as the CSV for the ministry and Excel (docs/csv-export.md), into reports/. */
    public void writeReport() {
        FiscalYear chosen = year.get();
        if (chosen == null) {
            return;
        }
        Path file = reports().resolve("report_FY" + chosen.year() + ".csv");
        context.background().submit(() -> context.workspace().csvReport().write(chosen.year(), file),
                result -> status.set(messages.get("dashboard.reported", result.inspections(), result.rows(), file)),
                this::failed);
    }

    /** Writes the data behind every chart shown as CSV files in reports/. */
    public void exportCharts() {
        Figures shown = figures.get();
        if (shown == null) {
            return;
        }
        int fiscalYear = shown.year().fiscalYear().year();
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        tables.put("inspections", DashboardTables.inspections(shown.year()));
        tables.put("checkpoints-by-year", DashboardTables.checkpointsByYear(shown.years(), messages.language()));
        tables.put("checkpoints-by-band", DashboardTables.checkpointsByBand(shown.year(), messages.language()));
        tables.put("checklist-items", DashboardTables.ministryItems(shown.year(), messages.language()));
        tables.put("items", DashboardTables.items(shown.year(), survey.get(), messages.language()));
        tables.put("items-by-band", DashboardTables.itemsByBand(shown.year(), messages.language()));
        tables.put("national-figures", DashboardTables.nationalFigures(nationalSurveys, messages.language()));
        tables.put("most-often-non-compliant", DashboardTables.mostOftenNonCompliant(shown.top(), messages.language()));
        tables.put("overdue", DashboardTables.overdue(shown.overdue(), messages.language()));
        tables.put("follow-up-checkpoints", DashboardTables.followUpByCheckpoint(shown.closures(), messages.language()));
        tables.put("follow-up-items", DashboardTables.followUpByItem(shown.closures(), messages.language()));
        Path folder = reports();
        context.background().submit(() -> {
            List<Path> written = new ArrayList<>();
            tables.forEach((name, rows) -> {
                Path file = folder.resolve("dashboard_FY" + fiscalYear + "_" + name + ".csv");
                CsvFile.write(file, row -> rows.forEach(row));
                written.add(file);
            });
            return written;
        }, written -> status.set(messages.get("dashboard.exported", written.size(), folder)), this::failed);
    }

    private Path reports() {
        return context.workspace().folder().resolve("reports");
    }

    private void failed(RuntimeException failure) {
        status.set(context.describe(failure));
    }

    /** The fiscal years that have counted inspections, newest first. */
    public ObservableList<FiscalYear> years() {
        return yearsShown;
    }

    public ObjectProperty<FiscalYear> yearProperty() {
        return year;
    }

    /** The chosen year's figures; empty until read. */
    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The national surveys there are, the newest year first. */
    public ObservableList<NationalSurvey> surveys() {
        return surveys;
    }

    /** The national survey the chosen year is compared with; the newest at first. */
    public ObjectProperty<NationalSurvey> surveyProperty() {
        return survey;
    }

    /** The chosen year's items that the chosen survey asked about, with the survey's figures; empty until read. */
    public ReadOnlyObjectProperty<List<NationalComparison>> nationalProperty() {
        return national.getReadOnlyProperty();
    }

    /** How many inspections the figures count, what was written, or what failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
