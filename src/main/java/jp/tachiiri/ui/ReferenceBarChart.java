package jp.tachiiri.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * A bar chart with reference lines: a dashed line across a category at a value (e.g. the national survey's
 * share), labelled, drawn over the bars so that ours reads against it at a glance.
 */
final class ReferenceBarChart extends BarChart<String, Number> {

    private record Reference(String category, double value, Line line, Label label) {
    }

    private final List<Reference> references = new ArrayList<>();

    ReferenceBarChart(CategoryAxis categories, NumberAxis values) {
        super(categories, values);
    }

    /** Draws a reference line at {@code value} across {@code category}, labelled {@code text}. */
    void addReference(String category, double value, String text) {
        Line line = new Line();
        line.getStyleClass().add("reference-line");
        Label label = new Label(text);
        label.getStyleClass().add("reference-label");
        references.add(new Reference(category, value, line, label));
        getPlotChildren().addAll(line, label);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        CategoryAxis categories = (CategoryAxis) getXAxis();
        NumberAxis values = (NumberAxis) getYAxis();
        double band = categories.getCategorySpacing();
        for (Reference reference : references) {
            double center = categories.getDisplayPosition(reference.category());
            double y = values.getDisplayPosition(reference.value());
            reference.line().setStartX(center - band * 0.45);
            reference.line().setEndX(center + band * 0.45);
            reference.line().setStartY(y);
            reference.line().setEndY(y);
            reference.line().toFront();
            reference.label().autosize();
            reference.label().relocate(center + band * 0.45 - reference.label().getWidth(), y - reference.label().getHeight() - 2);
            reference.label().toFront();
        }
    }
}
