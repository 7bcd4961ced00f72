package jp.tachiiri.ui.backup;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * 「バックアップから復元」 on the first start: a new PC or tablet takes over an installation, its identity included,
 * so no tablet enrols again. The warning never to run both at once stands above the fields.
 */
public final class RestoreDialog {

    private final UiContext context;
    private final Messages messages;
    private final RestoreViewModel model;

    public RestoreDialog(UiContext context, RestoreViewModel.Restorer restorer) {
        this.context = context;
        this.messages = context.messages();
        this.model = new RestoreViewModel(messages, restorer, context::describe);
    }

    public RestoreViewModel model() {
        return model;
    }

    public Dialog<ButtonType> show() {
        TextField file = new TextField();
        file.setId("restore-file");
        file.setPromptText(messages.get("restoreScreen.filePrompt"));
        file.textProperty().bindBidirectional(model.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(messages.get("sync.choose"));
        choose.setId("restore-file-choose");
        choose.setOnAction(event -> context.filePicker().choose(context.window(), messages.get("restoreScreen.file")).stream()
                .findFirst().ifPresent(chosen -> model.fileProperty().set(chosen.toString())));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("restore-passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        Label warning = new WrappingLabel(messages.get("restoreScreen.warning"));
        warning.getStyleClass().add("field-error");

        VBox content = new VBox(8, new WrappingLabel(messages.get("restoreScreen.explanation")), warning,
                DialogParts.fieldLabel(context, "restoreScreen.file"), new HBox(8, file, choose),
                DialogParts.fieldLabel(context, "restoreScreen.passphrase"), passphrase,
                DialogParts.startRow(context, "restore-start", "restoreScreen.start", model.busyProperty(), model::restore),
                Dialogs.errorLine("restore-error", model.errorProperty()));
        Dialog<ButtonType> dialog = DialogParts.dialog(context, "restoreScreen.title", content, "common.cancel");
        model.restoredProperty().addListener((observable, was, done) -> dialog.close());
        dialog.show();
        return dialog;
    }
}
