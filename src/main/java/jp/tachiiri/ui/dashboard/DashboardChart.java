package jp.tachiiri.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import jp.tachiiri.ui.common.TapTooltip;

/**
 * The dashboard's bar chart, with horizontal bars: a category's title reads across the plot's whole width above
 * its bars (cut with … where it does not fit, whole in a tooltip on hover or tap), so long item titles neither
 * squeeze the bars away nor stand on end on a portrait tablet. Every bar carries its number beside its end. A
 * category may have reference lines (e.g. the national survey's share): dashed across its bars, labelled in a row
 * of their own below them, and a bar's number is moved off the line rather than struck through.
 */
final class DashboardChart extends BarChart<Number, String> {

    /** Pixels of a category's band: its padding, the title's row, a bar, the gap between bars, a reference's row. */
    private static final double PAD = 6;
    private static final double ROW = 26;
    private static final double BAR = 26;
    private static final double BAR_GAP = 4;
    /** The chart's own padding, the legend's and the category axis's margins, which the plot does not use. */
    private static final double CHROME = 40;
    /** Between a number and the bar's end or a reference line. */
    private static final double GAP = 6;
    private static final PseudoClass INSIDE = PseudoClass.getPseudoClass("inside");

    private record Bar(XYChart.Series<Number, String> series, XYChart.Data<Number, String> data, Label number) {
    }

    private record Reference(double value, Line line, Label label) {
    }

    private record Category(Label title, Tooltip whole, List<Reference> references) {
    }

    /** Where a category's bars begin, top down, and how thick each is. */
    private record Row(double top, double thickness) {
    }

    private final CategoryAxis categories;
    private final Map<String, Category> byTitle = new LinkedHashMap<>();
    private final List<Bar> bars = new ArrayList<>();

    DashboardChart(String id, NumberAxis values) {
        super(values, new CategoryAxis());
        categories = (CategoryAxis) getYAxis();
        // The titles are this chart's own labels; the axis would draw them again, on end when they are long.
        categories.setAutoRanging(false);
        categories.setTickLabelsVisible(false);
        categories.setTickMarkVisible(false);
        setId(id);
        setAnimated(false);
        setHorizontalGridLinesVisible(false);
        getStyleClass().add("dashboard-chart");
    }

    /** A new series of bars, shown in the legend as {@code name}. */
    XYChart.Series<Number, String> series(String name) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName(name);
        getData().add(series);
        return series;
    }

    /** A bar of {@code series} in {@code category}, as long as {@code value}, carrying {@code text}. */
    void bar(XYChart.Series<Number, String> series, String category, double value, String text) {
        Category shown = category(category);
        XYChart.Data<Number, String> data = new XYChart.Data<>(value, category);
        data.nodeProperty().addListener((observable, old, node) -> {
            if (node != null) {
                TapTooltip.install(node, shown.whole());
            }
        });
        series.getData().add(data);
        Label number = new Label(text);
        number.getStyleClass().add("chart-value-label");
        bars.add(new Bar(series, data, number));
        // After the bar, which the series made just now, so that a number inside a bar is drawn over it.
        getPlotChildren().add(number);
    }

    /** A reference line at {@code value} across the bars of {@code category}, labelled {@code text} below them. */
    void addReference(String category, double value, String text) {
        Line line = new Line();
        line.getStyleClass().add("reference-line");
        Label label = new Label(text);
        label.getStyleClass().add("reference-label");
        category(category).references().add(new Reference(value, line, label));
        getPlotChildren().addAll(line, label);
    }

    private Category category(String title) {
        return byTitle.computeIfAbsent(title, key -> {
            Label label = new Label(key);
            label.getStyleClass().add("chart-category-label");
            label.setTextOverrun(OverrunStyle.ELLIPSIS);
            Tooltip whole = TapTooltip.install(label, key, 600);
            getPlotChildren().add(label);
            // A vertical category axis counts from the bottom; the first category belongs on top.
            categories.getCategories().add(0, key);
            return new Category(label, whole, new ArrayList<>());
        });
    }

    /** Tall enough for every category's band at its full size, so that the bars never get thin. */
    @Override
    protected double computePrefHeight(double width) {
        double legend = isLegendVisible() && getLegend() != null ? getLegend().prefHeight(-1) : 0;
        return snappedTopInset() + snappedBottomInset() + CHROME + getXAxis().prefHeight(-1) + legend
                + byTitle.size() * band();
    }

    private double band() {
        int series = Math.max(1, getData().size());
        boolean references = byTitle.values().stream().anyMatch(category -> !category.references().isEmpty());
        return 2 * PAD + ROW + series * BAR + (series - 1) * BAR_GAP + (references ? ROW : 0);
    }

    @Override
    protected void layoutPlotChildren() {
        NumberAxis values = (NumberAxis) getXAxis();
        double width = values.getWidth();
        double zero = values.getDisplayPosition(values.getLowerBound());
        double spacing = Math.abs(categories.getCategorySpacing());
        int seriesCount = Math.max(1, getData().size());
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Category> entry : byTitle.entrySet()) {
            Category category = entry.getValue();
            double top = categories.getDisplayPosition(entry.getKey()) - spacing / 2 + PAD;
            double barsTop = top + ROW;
            double barsBottom = top + spacing - 2 * PAD - (category.references().isEmpty() ? 0 : ROW);
            double thickness = Math.max(1, Math.min(BAR, (barsBottom - barsTop - (seriesCount - 1) * BAR_GAP) / seriesCount));
            rows.put(entry.getKey(), new Row(barsTop, thickness));
            Label title = category.title();
            title.resizeRelocate(GAP, top, Math.min(title.prefWidth(-1), width - 2 * GAP), title.prefHeight(-1));
            for (Reference reference : category.references()) {
                double x = values.getDisplayPosition(reference.value());
                reference.line().setStartX(x);
                reference.line().setEndX(x);
                reference.line().setStartY(barsTop - 2);
                reference.line().setEndY(barsBottom + 2);
                Label label = reference.label();
                double labelWidth = label.prefWidth(-1);
                // Under its line, and inside the plot however near an end the line is.
                double left = Math.max(0, Math.min(x - labelWidth / 2, width - labelWidth));
                label.resizeRelocate(left, barsBottom + 4, labelWidth, label.prefHeight(-1));
            }
        }
        for (Bar bar : bars) {
            Node node = bar.data().getNode();
            Row row = rows.get(bar.data().getYValue());
            int index = getData().indexOf(bar.series());
            if (node == null || row == null || index < 0) {
                continue;
            }
            double y = row.top() + index * (row.thickness() + BAR_GAP);
            double end = values.getDisplayPosition(bar.data().getXValue());
            node.resizeRelocate(zero, y, Math.max(0, end - zero), row.thickness());
            List<Double> lines = byTitle.get(bar.data().getYValue()).references().stream()
                    .map(reference -> reference.line().getStartX()).toList();
            placeNumber(bar.number(), zero, end, y, row.thickness(), width, lines);
        }
    }

    /**
     * The number goes after the bar's end, else inside its end; where a reference line would strike through it
     * there, on either side of the line instead.
     */
    private static void placeNumber(Label number, double zero, double end, double y, double thickness, double width,
                                    List<Double> lines) {
        double labelWidth = number.prefWidth(-1);
        double labelHeight = number.prefHeight(-1);
        List<Double> starts = new ArrayList<>(List.of(end + GAP, end - GAP - labelWidth));
        for (double line : lines) {
            starts.add(line + GAP);
            starts.add(line - GAP - labelWidth);
        }
        double chosen = Math.min(starts.get(0), width - labelWidth);
        for (double start : starts) {
            boolean inPlot = start >= zero && start + labelWidth <= width;
            boolean wholeSideOfEnd = start >= end || start + labelWidth <= end;
            boolean clearOfLines = lines.stream().noneMatch(line -> line > start - GAP / 2 && line < start + labelWidth + GAP / 2);
            if (inPlot && wholeSideOfEnd && clearOfLines) {
                chosen = start;
                break;
            }
        }
        number.pseudoClassStateChanged(INSIDE, chosen + labelWidth <= end);
        number.resizeRelocate(chosen, y + (thickness - labelHeight) / 2, labelWidth, labelHeight);
    }
}
