package jp.tachiiri.ui.office;

import java.io.File;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.UiContext;

/**
 * 自己点検Excel at the office: 「自己点検Excelを作成」 writes the workbooks of every plan of the period into a folder;
 * 「記入済みExcelを取り込む」 takes filled ones back from a folder or chosen files, with the file being read and each
 * file's outcome (imported, or refused with the sheet and cell the reader names).
 */
final class SelfCheckWorkbooksDialog {

    private final UiContext context;
    private final Messages messages;
    private final SelfCheckWorkbooksViewModel model;

    SelfCheckWorkbooksDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
        this.model = new SelfCheckWorkbooksViewModel(context.models());
    }

    void show() {
        build().show();
    }

    Dialog<ButtonType> build() {
        DatePicker from = datePicker("workbooks-from", model.fromProperty());
        DatePicker to = datePicker("workbooks-to", model.toProperty());
        HBox period = new HBox(8, new Label(messages.get("selfCheckWorkbooks.period")), from,
                new Label(messages.get("selfCheckWorkbooks.periodTo")), to);
        period.setAlignment(Pos.CENTER_LEFT);
        TextField out = new TextField();
        out.setId("workbooks-out");
        out.setPromptText(messages.get("selfCheckWorkbooks.outPrompt"));
        out.textProperty().bindBidirectional(model.outFolderProperty());
        HBox.setHgrow(out, Priority.ALWAYS);
        Button write = new Button(messages.get("selfCheckWorkbooks.write"));
        write.setId("workbooks-write");
        write.setOnAction(event -> model.write());
        write.disableProperty().bind(model.busyProperty());
        Label written = new Label();
        written.setId("workbooks-written");
        written.setWrapText(true);
        written.textProperty().bind(model.writtenProperty());

        Button importFolder = new Button(messages.get("selfCheckWorkbooks.importFolder"));
        importFolder.setId("workbooks-import-folder");
        importFolder.setOnAction(event -> {
            File chosen = directory(messages.get("selfCheckWorkbooks.importFolder"));
            if (chosen != null) {
                model.importFrom(List.of(chosen.toPath()));
            }
        });
        Button importFiles = new Button(messages.get("selfCheckWorkbooks.importFiles"));
        importFiles.setId("workbooks-import-files");
        importFiles.setOnAction(event -> model.importFrom(context.filePicker().choose(context.window(),
                messages.get("selfCheckWorkbooks.importFiles"))));
        importFolder.disableProperty().bind(model.busyProperty());
        importFiles.disableProperty().bind(model.busyProperty());
        Label progress = new Label();
        progress.setId("workbooks-progress");
        progress.textProperty().bind(model.progressProperty());
        ListView<SelfCheckWorkbooksViewModel.Line> results = new ListView<>(model.results());
        results.setId("workbooks-results");
        results.setPrefHeight(240);
        results.setPlaceholder(new Label(messages.get("selfCheckWorkbooks.noResults")));
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SelfCheckWorkbooksViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("refused");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setWrapText(true);
                setPrefWidth(0);
                setText(messages.get(line.accepted() ? "selfCheckWorkbooks.lineAccepted" : "selfCheckWorkbooks.lineRefused",
                        line.file(), line.text()));
                if (!line.accepted()) {
                    getStyleClass().add("refused");
                }
            }
        });

        VBox content = new VBox(12,
                section("selfCheckWorkbooks.writeTitle", "selfCheckWorkbooks.writeExplanation"), period,
                new HBox(8, out, chooseFolder(model.outFolderProperty())), write, written,
                section("selfCheckWorkbooks.importTitle", "selfCheckWorkbooks.importExplanation"),
                new HBox(8, importFolder, importFiles), progress, results);
        content.setPrefWidth(720);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("selfCheckWorkbooks.title"));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(messages.get("common.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        return dialog;
    }

    private DatePicker datePicker(String id, ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setEditable(true);
        picker.setConverter(Dates.requiredField(messages));
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private VBox section(String titleKey, String explanationKey) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        Label explanation = new Label(messages.get(explanationKey));
        explanation.setWrapText(true);
        return new VBox(4, title, explanation);
    }

    private Button chooseFolder(StringProperty folder) {
        Button choose = new Button(messages.get("sync.choose"));
        choose.setId("workbooks-out-choose");
        choose.setOnAction(event -> {
            File chosen = directory(messages.get("selfCheckWorkbooks.outPrompt"));
            if (chosen != null) {
                folder.set(chosen.getAbsolutePath());
            }
        });
        return choose;
    }

    private File directory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(context.window());
    }
}
