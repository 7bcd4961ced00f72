package jp.tachiiri.ui.office;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;

/**
 * Planning at the office: a facility, an inspector and a date make a planned inspection, which travels to
 * the inspector's tablet in the next assignments bundle (written from 「取り込み」, for one inspector or all).
 */
final class PlanningDialog {

    private final UiContext context;
    private final Messages messages;
    private final ObservableList<String> planned = FXCollections.observableArrayList();

    PlanningDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    void show() {
        context.background().submit(() -> context.workspace().facilities().all(), this::show,
                failure -> Dialogs.show(context, messages.get("planning.title"), new Label(context.describe(failure))));
    }

    private void show(List<Facility> facilities) {
        ComboBox<Facility> facility = new ComboBox<>(FXCollections.observableArrayList(facilities));
        facility.setId("planning-facility");
        facility.setConverter(new StringConverter<>() {
            @Override
            public String toString(Facility value) {
                return value == null ? "" : messages.get("planning.facility", value.name(), value.code(), value.licensedBeds());
            }

            @Override
            public Facility fromString(String text) {
                return null;
            }
        });
        TextField inspectorId = new TextField();
        inspectorId.setId("planning-inspector-id");
        inspectorId.setPromptText(messages.get("planning.inspectorIdPrompt"));
        TextField inspectorName = new TextField();
        inspectorName.setId("planning-inspector-name");
        DatePicker date = new DatePicker();
        date.setId("planning-date");
        date.setConverter(Dates.requiredField(messages));
        Label error = new Label();
        error.setId("planning-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Button add = new Button(messages.get("planning.add"));
        add.setId("planning-add");
        add.setOnAction(event -> add(facility.getValue(), inspectorId.getText(), inspectorName.getText(), date.getValue(),
                error));
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label(messages.get("planning.facilityLabel")), facility);
        form.addRow(1, new Label(messages.get("planning.inspectorId")), inspectorId);
        form.addRow(2, new Label(messages.get("planning.inspectorName")), inspectorName);
        form.addRow(3, new Label(messages.get("planning.date")), date);
        ListView<String> list = new ListView<>(planned);
        list.setId("planning-list");
        list.setPrefHeight(220);
        list.setPlaceholder(new Label(messages.get("planning.none")));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("planning.title"));
        dialog.setHeaderText(messages.get("planning.header"));
        VBox content = new VBox(10, form, add, error, new Label(messages.get("planning.planned")), list);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(messages.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        refresh();
        dialog.show();
    }

    private void add(Facility facility, String inspectorId, String inspectorName, LocalDate date, Label error) {
        if (facility == null || inspectorId.isBlank() || inspectorName.isBlank() || date == null
                || !inspectorId.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            error.setText(messages.get("planning.incomplete"));
            return;
        }
        error.setText("");
        context.background().submit(() -> context.workspace().sync().plan(facility.id(), inspectorId.strip(), inspectorName.strip(),
                date), saved -> refresh(), failure -> error.setText(context.describe(failure)));
    }

    private void refresh() {
        context.background().submit(() -> context.workspace().sync().plans().stream()
                .sorted(Comparator.comparing(PlannedInspection::date))
                .map(plan -> messages.get("planning.line", Dates.format(plan.date(), messages),
                        context.workspace().facilities().byId(plan.facilityId()).map(Facility::name).orElse(plan.facilityId()),
                        plan.inspectorName(), plan.inspectorId()))
                .toList(), planned::setAll, failure -> { });
    }
}
