package jp.tachiiri.ui.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tachiiri.dashboard.CheckpointClosure;
import jp.tachiiri.dashboard.CheckpointFigure;
import jp.tachiiri.dashboard.Closure;
import jp.tachiiri.dashboard.Disagreement;
import jp.tachiiri.dashboard.ItemClosure;
import jp.tachiiri.dashboard.MinistryItemFigure;
import jp.tachiiri.dashboard.NationalComparison;
import jp.tachiiri.dashboard.NationalFigure;
import jp.tachiiri.dashboard.NationalSurvey;
import jp.tachiiri.dashboard.NonCompliantItem;
import jp.tachiiri.dashboard.OverdueFinding;
import jp.tachiiri.dashboard.Share;
import jp.tachiiri.dashboard.YearCheckpoints;
import jp.tachiiri.dashboard.YearClosures;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.Tables;
import jp.tachiiri.ui.common.ViewportCache;
import jp.tachiiri.ui.common.WrappingLabel;
import jp.tachiiri.ui.common.UiContext;

/**
 * The supervisors' dashboard for a fiscal year: compliance per checkpoint compared with the two years
 * before, the same by bed-size band, the items a national survey asked about with the survey's figure
 * beside ours (the survey of a year to choose, newest first), the items most often 不適合, per item of the
 * ministry's checklist how often the inspectors contradicted the hospitals' own answers, the target dates that
 * have passed, and how the findings were followed up to closure per checkpoint and per item. Every bar carries its
 * number; the data behind every chart and table is written as CSV with one button.
 */
public final class DashboardView {

    /** The width the status line needs beside the controls not to wrap into a narrow column. */
    private static final double STATUS_ROOM = 400;
    /** A table row's height, as the style sheet fixes it (-fx-fixed-cell-size). */
    private static final double ROW_HEIGHT = 48;
    /** A table's column headers at the tablet's 16 px, with the table's border. */
    private static final double HEADER_HEIGHT = 36;
    /** A table of many items scrolls beyond this many rows, so that the page does not become the table. */
    private static final int MOST_ROWS_SHOWN = 12;

    private final UiContext context;
    private final Messages messages;
    private final DashboardViewModel model;
    private final VBox charts = new VBox(12);
    /** The comparison with the chosen national survey: redrawn when the year's figures or the survey change. */
    private final VBox national = new VBox(10);
    private Node nationalCard;

    public DashboardView(UiContext context) {
        this.context = context;
        this.messages = context.messages();
        this.model = new DashboardViewModel(context.models());
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().addAll("sync-screen", "dashboard-screen");
        root.setTop(header());
        charts.getStyleClass().add("body");
        ScrollPane scroll = ViewportCache.off(new ScrollPane(charts));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page");
        root.setCenter(scroll);
        nationalCard = nationalCard();
        model.nationalProperty().addListener((observable, old, comparisons) -> showNational(comparisons));
        model.figuresProperty().addListener((observable, old, figures) -> show(figures));
        model.load();
        return root;
    }

    private Node header() {
        Button back = ScreenParts.headerButton(messages, "sync.back", "back", () -> context.navigator().home());
        back.getStyleClass().add("back-button");
        Label title = new Label(messages.get("dashboard.title"));
        title.getStyleClass().add("facility-name");
        ComboBox<FiscalYear> year = new ComboBox<>(model.years());
        year.setId("dashboard-year");
        year.setMinWidth(Region.USE_PREF_SIZE);
        year.valueProperty().bindBidirectional(model.yearProperty());
        year.setConverter(shownAs(value -> Dates.fiscalYear(value, messages)));
        Button export = ScreenParts.headerButton(messages, "dashboard.export", "dashboard-export", model::exportCharts);
        Button report = ScreenParts.headerButton(messages, "dashboard.report", "dashboard-report", model::writeReport);
        Label status = new Label();
        status.setId("dashboard-status");
        status.getStyleClass().add("facility-meta");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        VBox titles = new VBox(title, status);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox left = new HBox(16, back, titles);
        left.setAlignment(Pos.CENTER_LEFT);
        HBox controls = new HBox(16, year, report, export);
        controls.setAlignment(Pos.CENTER_LEFT);
        FlowPane header = ScreenParts.header(left, controls,
                () -> back.prefWidth(-1) + left.getSpacing() + Math.max(title.prefWidth(-1), STATUS_ROOM));
        header.getStyleClass().add("facility-header");
        return header;
    }

    private void show(DashboardViewModel.Figures figures) {
        charts.getChildren().setAll(byYear(figures.years()), byBand(figures.year()), nationalCard,
                mostOften(figures.top()), disagreement(figures.year()), overdue(figures.overdue()),
                followUp(figures.closures()));
    }

    private Node byYear(List<YearCheckpoints> years) {
        DashboardChart chart = new DashboardChart("dashboard-by-year", percentAxis("dashboard.percent"));
        for (YearCheckpoints each : years) {
            XYChart.Series<Number, String> series = chart.series(
                    messages.get("dashboard.yearSeries", Integer.toString(each.fiscalYear().year()), each.inspections()));
            for (CheckpointFigure checkpoint : each.checkpoints()) {
                share(chart, series, checkpoint.title().in(messages.language()), checkpoint.share());
            }
        }
        return ScreenParts.card(messages, "dashboard.byYear", chart, checklistOnly());
    }

    private Node byBand(YearFigures figures) {
        DashboardChart chart = new DashboardChart("dashboard-by-band", percentAxis("dashboard.percent"));
        for (BedBand band : BedBand.values()) {
            XYChart.Series<Number, String> series = chart.series(messages.get("band." + band.name())
                    + messages.get("dashboard.bandCount", figures.inspectionsByBand().getOrDefault(band, 0)));
            for (CheckpointFigure checkpoint : figures.checkpoints()) {
                share(chart, series, checkpoint.title().in(messages.language()), checkpoint.in(band));
            }
        }
        return ScreenParts.card(messages, "dashboard.byBand", chart);
    }

    /** The choice of the national survey, above its comparison. */
    private Node nationalCard() {
        ComboBox<NationalSurvey> survey = new ComboBox<>(model.surveys());
        survey.setId("dashboard-survey");
        survey.setMinWidth(Region.USE_PREF_SIZE);
        survey.valueProperty().bindBidirectional(model.surveyProperty());
        survey.setConverter(shownAs(value -> messages.get("dashboard.surveyYear", Integer.toString(value.year()))));
        Label label = new Label(messages.get("dashboard.survey"));
        label.setLabelFor(survey);
        HBox choice = new HBox(12, label, survey);
        choice.setAlignment(Pos.CENTER_LEFT);
        return ScreenParts.card(messages, "dashboard.national", choice, national);
    }

    /**
     * Our share for the items the chosen survey asked about, with the survey's figure as a reference line marked
     * with its year (and ※ where its question only approximates the item), and below the chart what the survey
     * was, whom its figures count, how its questions differ from the items, and where the figures were read.
     */
    private void showNational(List<NationalComparison> comparisons) {
        NationalSurvey survey = model.surveyProperty().get();
        if (survey == null) {
            national.getChildren().clear();
            return;
        }
        DashboardChart chart = new DashboardChart("dashboard-national", percentAxis("dashboard.percent"));
        XYChart.Series<Number, String> ours = chart.series(messages.get("dashboard.ours"));
        for (NationalComparison comparison : comparisons) {
            String title = comparison.title().in(messages.language());
            NationalFigure figure = comparison.national();
            share(chart, ours, title, comparison.ours());
            chart.addReference(title, figure.ratio() * 100, messages.get("dashboard.surveyLine",
                    Integer.toString(survey.year()), surveyPercent(figure.ratio()),
                    figure.approximation().isPresent() ? messages.get("dashboard.approximate") : ""));
        }
        VBox notes = new VBox(4);
        notes.setId("dashboard-survey-notes");
        for (String line : surveyNotes(survey, comparisons)) {
            Label note = new Label(line);
            note.getStyleClass().add("hint");
            note.setWrapText(true);
            notes.getChildren().add(note);
        }
        national.getChildren().setAll(chart, notes);
    }

    private List<String> surveyNotes(NationalSurvey survey, List<NationalComparison> comparisons) {
        Language language = messages.language();
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("dashboard.surveyName", survey.publisher().in(language), survey.name().in(language),
                Integer.toString(survey.year()), Dates.format(survey.reported(), messages)));
        if (!survey.fielded().isEmpty()) {
            lines.add(messages.get("dashboard.surveyFielded", survey.fielded().stream()
                    .map(period -> messages.get("dashboard.surveyPeriod", Dates.format(period.from(), messages),
                            Dates.format(period.to(), messages)))
                    .collect(Collectors.joining(messages.get("dashboard.surveyPeriods.separator")))));
        }
        survey.respondents().ifPresent(respondents -> lines.add(
                messages.get("dashboard.surveyRespondents", respondents.asked(), respondents.replied())));
        lines.add(messages.get("dashboard.surveyBase", survey.base().in(language)));
        survey.note().ifPresent(note -> lines.add(note.in(language)));
        for (NationalComparison comparison : comparisons) {
            NationalFigure figure = comparison.national();
            figure.approximation().ifPresent(approximation -> lines.add(messages.get("dashboard.surveyApproximation",
                    comparison.title().in(language), figure.label().in(language), approximation.in(language))));
        }
        lines.add(messages.get("dashboard.surveyNote"));
        lines.add(messages.get("dashboard.surveySources", String.join(" ", survey.sources())));
        return lines;
    }

    private Node mostOften(List<NonCompliantItem> top) {
        int most = top.stream().mapToInt(ranked -> ranked.item().share().failing()).max().orElse(1);
        int step = countStep(most);
        NumberAxis count = new NumberAxis(0, Math.ceil((double) most / step) * step, step);
        count.setMinorTickVisible(false);
        count.setLabel(messages.get("dashboard.nonCompliantCount"));
        DashboardChart chart = new DashboardChart("dashboard-most-often", count);
        chart.setLegendVisible(false);
        XYChart.Series<Number, String> series = chart.series(messages.get("dashboard.nonCompliantCount"));
        for (NonCompliantItem ranked : top) {
            int failing = ranked.item().share().failing();
            chart.bar(series, ranked.rank() + ". " + ranked.item().title().in(messages.language()), failing,
                    Integer.toString(failing));
        }
        return ScreenParts.card(messages, "dashboard.mostOften", chart, checklistOnly());
    }

    /**
     * Per item of the ministry's checklist, the share of the hospitals' own answers the inspectors contradicted
     * (相違 among 確認 and 相違), each bar with its counts and the 未確認 and unconfirmed answers left out of it; above
     * the chart, which inspections count. Without any hospital's form in the year, says so instead of empty bars.
     */
    private Node disagreement(YearFigures figures) {
        WrappingLabel basis = new WrappingLabel(messages.get("dashboard.disagreementBasis",
                figures.inspectionsWithHospitalForm(), figures.inspections()));
        basis.setId("dashboard-disagreement-basis");
        basis.getStyleClass().add("hint");
        if (figures.inspectionsWithHospitalForm() == 0) {
            return ScreenParts.card(messages, "dashboard.disagreement", basis);
        }
        DashboardChart chart = new DashboardChart("dashboard-disagreement", percentAxis("dashboard.disagreementPercent"));
        chart.setLegendVisible(false);
        XYChart.Series<Number, String> series = chart.series(messages.get("dashboard.disagreementPercent"));
        for (MinistryItemFigure item : figures.ministryItems()) {
            Disagreement counts = item.disagreement();
            chart.bar(series, item.label() + " " + item.wording().in(messages.language()),
                    counts.ratio().map(ratio -> ratio * 100).orElse(0.0), disagreementText(counts));
        }
        return ScreenParts.card(messages, "dashboard.disagreement", basis, chart);
    }

    /** "相違 3/12（25.0%）", then the 未確認 and unconfirmed answers where there are any. */
    private String disagreementText(Disagreement counts) {
        List<String> parts = new ArrayList<>();
        parts.add(counts.ratio().map(ratio -> messages.get("dashboard.disagreementShare", counts.differs(),
                counts.confirmed(), percent(ratio))).orElse(messages.get("dashboard.none")));
        if (counts.notConfirmed() > 0) {
            parts.add(messages.get("dashboard.disagreementNotConfirmed", counts.notConfirmed()));
        }
        if (counts.unconfirmed() > 0) {
            parts.add(messages.get("dashboard.disagreementUnconfirmed", counts.unconfirmed()));
        }
        return String.join(messages.get("dashboard.disagreementSeparator"), parts);
    }

    private Node overdue(List<OverdueFinding> findings) {
        TableView<OverdueFinding> table = new TableView<>(FXCollections.observableArrayList(findings));
        table.setId("dashboard-overdue");
        table.getColumns().add(Tables.column(messages, "dashboard.column.days", 90,
                finding -> messages.get("dashboard.days", finding.daysOverdue())));
        table.getColumns().add(Tables.column(messages, "dashboard.column.target", 150,
                finding -> Dates.format(finding.targetDate(), messages)));
        table.getColumns().add(Tables.column(messages, "home.column.facility", 220, OverdueFinding::facilityName));
        // The item's title is the longest text: it takes what a portrait tablet leaves.
        table.getColumns().add(Tables.nameColumn(messages, "dashboard.column.item",
                finding -> finding.reference()
                        ? messages.get("dashboard.referenceItem", finding.itemTitle().in(messages.language()))
                        : finding.itemTitle().in(messages.language())));
        table.setPlaceholder(new Label(messages.get("dashboard.noOverdue")));
        table.setPrefHeight(260);
        Tables.giveRestOfWidthTo(table, 3);
        return ScreenParts.card(messages, "dashboard.overdue", table);
    }

    /**
     * How the year's 不適合 findings were followed up to closure on the day read: per checkpoint (the ministry's items
     * only) and per item with any such finding, the 参考 items marked, after the ministry's.
     */
    private Node followUp(YearClosures closures) {
        WrappingLabel basis = new WrappingLabel(messages.get("dashboard.followUpBasis",
                Dates.format(closures.today(), messages)));
        basis.setId("dashboard-followup-basis");
        basis.getStyleClass().add("hint");
        TableView<CheckpointClosure> checkpoints = closureTable("dashboard-followup-checkpoints", closures.checkpoints(),
                "dashboard.column.checkpoint", checkpoint -> checkpoint.title().in(messages.language()),
                CheckpointClosure::closure);
        TableView<ItemClosure> items = closureTable("dashboard-followup-items", closures.items(),
                "dashboard.column.item", this::itemName, ItemClosure::closure);
        items.setPlaceholder(new Label(messages.get("dashboard.followUpNone")));
        return ScreenParts.card(messages, "dashboard.followUp", basis, subtitle("dashboard.followUpByCheckpoint"),
                checklistOnly(), checkpoints, subtitle("dashboard.followUpByItem"), items);
    }

    /**
     * "R7 2-⑦ パスワード…" for an item of the ministry's checklist, "参考 サイバー攻撃…" for a 参考 item, marked as the
     * inspection's list marks it: first, where a narrow column never cuts it off.
     */
    private String itemName(ItemClosure item) {
        return item.checklistNumber().orElseGet(() -> messages.get("inspection.referenceMark")) + " "
                + item.title().in(messages.language());
    }

    /** A table of figures of closure, one row per group named by {@code name}, as tall as its rows up to a page. */
    private <T> TableView<T> closureTable(String id, List<T> rows, String nameKey, Function<T, String> name,
                                          Function<T, Closure> closure) {
        TableView<T> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId(id);
        table.getColumns().add(Tables.nameColumn(messages, nameKey, name));
        table.getColumns().add(Tables.column(messages, "dashboard.column.needed", 80,
                row -> Integer.toString(closure.apply(row).needed())));
        table.getColumns().add(Tables.column(messages, "dashboard.column.closedInTime", 80,
                row -> Integer.toString(closure.apply(row).closedInTime())));
        table.getColumns().add(Tables.column(messages, "dashboard.column.closedLate", 80,
                row -> Integer.toString(closure.apply(row).closedLate())));
        table.getColumns().add(Tables.column(messages, "dashboard.column.open", 80,
                row -> Integer.toString(closure.apply(row).open())));
        table.getColumns().add(Tables.column(messages, "dashboard.column.pastTarget", 100,
                row -> Integer.toString(closure.apply(row).pastTarget())));
        table.getColumns().add(Tables.column(messages, "dashboard.column.medianDays", 100,
                row -> closure.apply(row).medianDays().map(days -> messages.get("dashboard.medianDays", days))
                        .orElse(messages.get("dashboard.noMedian"))));
        // Rows are -fx-fixed-cell-size high; one row's room for the placeholder of an empty table.
        table.setPrefHeight(HEADER_HEIGHT + ROW_HEIGHT * Math.min(Math.max(rows.size(), 1), MOST_ROWS_SHOWN));
        table.setMinHeight(Region.USE_PREF_SIZE);
        Tables.giveRestOfWidthTo(table, 0);
        return table;
    }

    private Label subtitle(String key) {
        Label subtitle = new Label(messages.get(key));
        subtitle.getStyleClass().add("subsection-title");
        return subtitle;
    }

    /** Says that a chart counts the ministry's items only: 参考 items are advised on, never counted as 不適合. */
    private Node checklistOnly() {
        WrappingLabel note = new WrappingLabel(messages.get("dashboard.checklistOnly"));
        note.getStyleClass().add("hint");
        return note;
    }

    /** A step of whole findings (1, 2, 5, 10, 20, 50 …) that puts at most five steps up to {@code most}. */
    private static int countStep(int most) {
        int step = 1;
        while (most > 5 * step) {
            step = String.valueOf(step).charAt(0) == '2' ? step * 5 / 2 : step * 2;
        }
        return step;
    }

    private NumberAxis percentAxis(String labelKey) {
        NumberAxis percent = new NumberAxis(0, 100, 20);
        percent.setMinorTickVisible(false);
        percent.setLabel(messages.get(labelKey));
        return percent;
    }

    /** A bar of a share in percent, labelled with its number; no bar, and says so, where nothing applied. */
    private void share(DashboardChart chart, XYChart.Series<Number, String> series, String category, Share share) {
        chart.bar(series, category, share.ratio().map(ratio -> ratio * 100).orElse(0.0),
                share.ratio().map(DashboardView::percent).orElse(messages.get("dashboard.none")));
    }

    private static String percent(double ratio) {
        return String.format("%.1f%%", ratio * 100);
    }

    /** A survey's figure with the places it was given with: 0.959 → 95.9%, 0.49 → 49%. */
    private static String surveyPercent(double ratio) {
        return BigDecimal.valueOf(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A choice's text; the choices are never typed. */
    private static <T> StringConverter<T> shownAs(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }
}
