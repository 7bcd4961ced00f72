package jp.tachiiri.ui.office;

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
    private final PlanningViewModel model;

    PlanningDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
        this.model = new PlanningViewModel(context.models());
    }

    /** Reads the facilities and the plans, then shows them; a failure to read is shown instead. */
    void show() {
        model.loadedProperty().addListener((observable, was, loaded) -> build().show());
        model.loadErrorProperty().addListener((observable, was, error) ->
                Dialogs.show(context, messages.get("planning.title"), new Label(error)));
        model.load();
    }

    private Dialog<ButtonType> build() {
        ComboBox<Facility> facility = new ComboBox<>(model.facilities());
        facility.setId("planning-facility");
        facility.valueProperty().bindBidirectional(model.facilityProperty());
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
        inspectorId.textProperty().bindBidirectional(model.inspectorIdProperty());
        TextField inspectorName = new TextField();
        inspectorName.setId("planning-inspector-name");
        inspectorName.textProperty().bindBidirectional(model.inspectorNameProperty());
        DatePicker date = new DatePicker();
        date.setId("planning-date");
        date.setConverter(Dates.requiredField(messages));
        date.valueProperty().bindBidirectional(model.dateProperty());
        Label error = Dialogs.errorLine("planning-error", model.errorProperty());
        Button add = new Button(messages.get("planning.add"));
        add.setId("planning-add");
        add.setOnAction(event -> {
            // A date typed but not yet confirmed with Enter counts too.
            if (model.typeDate(date.getEditor().getText())) {
                model.add();
            }
        });
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label(messages.get("planning.facilityLabel")), facility);
        form.addRow(1, new Label(messages.get("planning.inspectorId")), inspectorId);
        form.addRow(2, new Label(messages.get("planning.inspectorName")), inspectorName);
        form.addRow(3, new Label(messages.get("planning.date")), date);
        ListView<String> list = new ListView<>(model.planned());
        list.setId("planning-list");
        list.setPrefHeight(220);
        list.setPlaceholder(new Label(messages.get("planning.none")));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("planning.title"));
        dialog.setHeaderText(messages.get("planning.header"));
        Button workbooks = new Button(messages.get("selfCheckWorkbooks.button"));
        workbooks.setId("planning-workbooks");
        workbooks.setOnAction(event -> new SelfCheckWorkbooksDialog(context).show());
        VBox content = new VBox(10, form, add, error, new Label(messages.get("planning.planned")), list, workbooks);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(messages.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        return dialog;
    }
}
