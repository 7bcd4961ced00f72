package jp.tachiiri.ui.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.UiContext;

/**
 * The hospital's own checklist (医療機関確認用) as a grid to copy the filled-in paper into by touch: per ministry
 * item はい / いいえ (tapping the chosen one again clears it), the date checked and, for いいえ, the target date; one
 * date for all undated rows or the ticked ones at once. Every tap is stored at once; a refusal is shown above the
 * rows, which then show what is stored.
 */
final class HospitalFormGrid {

    /** Below this width a row's controls go under its wording instead of beside it. */
    private static final double STACKED_WIDTH = 1000;

    private final UiContext context;
    private final Messages messages;
    private final SelfCheckViewModel forms;
    private final boolean readOnly;
    private final VBox content = new VBox(12);
    private final ScrollPane scroll;
    private final List<Row> rows = new ArrayList<>();
    private final Label progress = new Label();
    private final DatePicker bulkDate = new DatePicker();
    private final Button bulkUndated = new Button();
    private final Button bulkSelected = new Button();
    private final HBox header = new HBox(10);
    private final GapOutline outline = new GapOutline();

    HospitalFormGrid(UiContext context, SelfCheckViewModel forms, boolean readOnly) {
        this.context = context;
        this.messages = context.messages();
        this.forms = forms;
        this.readOnly = readOnly;
        this.scroll = FormSheets.sheet(content, "hospital-form", readOnly);
    }

    Node build() {
        Label title = FormSheets.title(messages, "forms.hospital.title");
        progress.setId("hospital-progress");
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox heading = new HBox(16, title, space, progress);
        heading.setAlignment(Pos.BASELINE_LEFT);
        Label explanation = new Label(messages.get("forms.hospital.explanation"));
        explanation.setWrapText(true);
        content.getChildren().addAll(heading, explanation);
        if (!readOnly) {
            content.getChildren().addAll(bulkBar(), workbookOutcomes());
        }
        content.getChildren().addAll(FormSheets.refusalLine(context, forms, "forms-error"), header);
        List<MinistryItem> items = forms.ministryItems();
        for (int i = 0; i < items.size(); i++) {
            Row row = new Row(items.get(i), i);
            rows.add(row);
            content.getChildren().add(row.node);
        }
        forms.selfCheckProperty().addListener((observable, old, stored) -> refresh());
        forms.selectedRows().addListener((SetChangeListener<String>) change -> refresh());
        header.getStyleClass().add("form-column-header");
        orient(STACKED_WIDTH);
        scroll.widthProperty().addListener((observable, old, width) -> orient(width.doubleValue()));
        refresh();
        return scroll;
    }

    /** Shows the row of {@code gap} with its field in view, focused and outlined. */
    void showGap(Gap gap) {
        rows.stream().filter(row -> row.item.number().equals(gap.subject())).findFirst()
                .ifPresent(row -> outline.show(gap, row.node, scroll));
    }

    private void refresh() {
        rows.forEach(Row::update);
        progress.setText(messages.get("forms.hospital.progress", forms.filledRows(), rows.size()));
        bulkUndated.setText(messages.get("forms.hospital.bulkUndated", forms.rowsWithoutDate().size()));
        bulkSelected.setText(messages.get("forms.hospital.bulkSelected", forms.selectedRows().size()));
        bulkUndated.setDisable(bulkDate.getValue() == null || forms.rowsWithoutDate().isEmpty());
        bulkSelected.setDisable(bulkDate.getValue() == null || forms.selectedRows().isEmpty());
        outline.keepOnly(forms.gaps());
    }

    /** One day for the date checked of many rows: all those without one, or the ticked ones. */
    private Node bulkBar() {
        Label label = new Label(messages.get("forms.hospital.bulkLabel"));
        label.getStyleClass().add("field-label");
        bulkDate.setId("bulk-date");
        bulkDate.setEditable(true);
        bulkDate.setConverter(Dates.requiredField(messages));
        bulkDate.setPromptText(messages.get("inspection.checkedOn"));
        bulkDate.valueProperty().addListener((observable, old, day) -> refresh());
        bulkUndated.setId("bulk-undated");
        bulkUndated.setOnAction(event -> forms.applyCheckedOn(bulkDate.getValue(), forms.rowsWithoutDate()));
        bulkSelected.setId("bulk-selected");
        bulkSelected.setOnAction(event -> forms.applyCheckedOn(bulkDate.getValue(), List.copyOf(forms.selectedRows())));
        Button allYes = new Button(messages.get("forms.blankYes"));
        allYes.setId("hospital-all-yes");
        allYes.setOnAction(event -> forms.answerBlankRowsYes());
        Button workbook = new Button(messages.get("forms.hospital.readWorkbook"));
        workbook.setId("hospital-read-workbook");
        workbook.setOnAction(event -> forms.readFilledWorkbooks(context.filePicker().choose(context.window(),
                messages.get("forms.hospital.readWorkbook"))));
        FlowPane bar = new FlowPane(10, 10, label, bulkDate, bulkUndated, bulkSelected, allYes, workbook);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("bulk-bar");
        return bar;
    }

    /** What reading the chosen filled workbooks did, a line per file, there once some were read. */
    private Node workbookOutcomes() {
        VBox lines = new VBox(4);
        lines.setId("hospital-workbook-outcomes");
        forms.workbookOutcomesProperty().addListener((observable, old, outcomes) -> {
            lines.getChildren().setAll(outcomes.stream().map(outcome -> {
                Label line = new Label(outcome.line());
                line.setWrapText(true);
                if (outcome.refused()) {
                    line.getStyleClass().add("error");
                }
                return line;
            }).toList());
            lines.setManaged(!outcomes.isEmpty());
            lines.setVisible(!outcomes.isEmpty());
        });
        lines.setManaged(false);
        lines.setVisible(false);
        return lines;
    }

    /**
     * The names of the columns: over the rows' controls beside the wording on a wide screen, over the controls
     * under it on a narrow one.
     */
    private void columnHeader(boolean stacked) {
        header.getChildren().clear();
        if (stacked) {
            Region indent = new Region();
            indent.getStyleClass().add("form-column-indent");
            header.getChildren().add(indent);
        } else {
            Region tick = new Region();
            tick.getStyleClass().add("form-tick-column");
            Label item = columnLabel("forms.column.item", null);
            item.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(item, Priority.ALWAYS);
            header.getChildren().addAll(tick, columnLabel("forms.column.number", "form-number"), item);
        }
        header.getChildren().addAll(columnLabel("forms.column.answer", "form-answers-column"),
                columnLabel("inspection.checkedOn", "form-date-column"), columnLabel("forms.column.target", "form-date-column"));
    }

    private Label columnLabel(String key, String styleClass) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    private void orient(double width) {
        boolean stacked = width < STACKED_WIDTH;
        columnHeader(stacked);
        rows.forEach(row -> row.orient(stacked));
    }

    /** One ministry item: its number and wording, the hospital's answer and dates. */
    private final class Row {
        private final MinistryItem item;
        private final VBox node = new VBox(6);
        private final HBox head = new HBox(10);
        private final HBox controls = new HBox(10);
        private final CheckBox tick = new CheckBox();
        private final AnswerToggles answers;
        private final DateInput checkedOn;
        private final DateInput targetDate;
        private final Label late = new Label();

        Row(MinistryItem item, int index) {
            this.item = item;
            String number = item.number();
            node.setId("hospital-row-" + index);
            node.getStyleClass().add("form-row");
            tick.setId("hospital-tick-" + index);
            tick.getStyleClass().add("form-tick");
            tick.setDisable(readOnly);
            tick.setOnAction(event -> {
                if (tick.isSelected()) {
                    forms.selectedRows().add(number);
                } else {
                    forms.selectedRows().remove(number);
                }
            });
            head.getChildren().addAll(tick, FormSheets.number(number),
                    FormSheets.wording(item.wording().in(messages.language())));
            head.setAlignment(Pos.CENTER_LEFT);

            answers = new AnswerToggles(messages, "hospital", index, readOnly, answer -> forms.setAnswer(number, answer));
            answers.node().getStyleClass().addAll("form-answers", "form-answers-column");
            checkedOn = dateInput("hospital-checked-" + index, "inspection.checkedOn", "form-checked-on",
                    () -> forms.entry(number).checkedOn(), day -> forms.setCheckedOn(number, day));
            targetDate = dateInput("hospital-target-" + index, "inspection.targetDate", "form-target-date",
                    () -> forms.entry(number).targetDate(), day -> forms.setTargetDate(number, day));
            controls.getChildren().addAll(answers.node(), checkedOn.node(), targetDate.node());
            controls.setAlignment(Pos.CENTER_LEFT);
            late.setId("hospital-late-" + index);
            late.getStyleClass().add("late-target");
            late.setWrapText(true);
            orient(false);
        }

        /** A date of the row, named by {@code labelKey} where it is empty or typed wrong. */
        private DateInput dateInput(String id, String labelKey, String field, Supplier<Optional<LocalDate>> stored,
                                    Consumer<Optional<LocalDate>> store) {
            DateInput input = new DateInput(messages, id, readOnly, stored,
                    text -> Dates.typed(text, labelKey, messages, store), store);
            input.picker().getStyleClass().addAll(field, "form-date-column");
            input.picker().setPromptText(messages.get(labelKey));
            return input;
        }

        /** Beside the wording on a wide screen, under it (indented past the number) on a narrow one. */
        void orient(boolean stacked) {
            head.getChildren().remove(controls);
            node.getChildren().setAll(head);
            if (stacked) {
                controls.getStyleClass().add("form-controls-under");
                node.getChildren().add(controls);
            } else {
                controls.getStyleClass().remove("form-controls-under");
                head.getChildren().add(controls);
            }
            node.getChildren().add(late);
        }

        void update() {
            HospitalFormEntry entry = forms.entry(item.number());
            answers.show(entry.answer());
            checkedOn.refresh();
            targetDate.refresh();
            boolean asksTarget = entry.answer().equals(Optional.of(SelfCheckAnswer.NO));
            targetDate.node().setVisible(asksTarget);
            tick.setSelected(forms.selectedRows().contains(item.number()));
            Optional<LocalDate> yearEnd = forms.targetAfterYear(item.number());
            late.setText(yearEnd.map(day -> messages.get("forms.hospital.targetAfterYear", Dates.format(day, messages)))
                    .orElse(""));
            late.setManaged(yearEnd.isPresent());
            late.setVisible(yearEnd.isPresent());
            node.getStyleClass().remove("form-row-filled");
            if (entry.answer().isPresent() && entry.checkedOn().isPresent()) {
                node.getStyleClass().add("form-row-filled");
            }
        }
    }
}
