package jp.tachiiri.ui.backup;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import jp.tachiiri.backup.BackupService;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * 「バックアップ」: the data folder into one encrypted file in a folder of the user's choice (a USB stick, a network
 * share), with the passphrase typed twice. What it is for and what to keep safe is said above the fields.
 */
public final class BackupDialog {

    private final UiContext context;
    private final Messages messages;
    private final BackupViewModel model;

    public BackupDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
        this.model = new BackupViewModel(context.models());
    }

    public BackupViewModel model() {
        return model;
    }

    public Dialog<ButtonType> show() {
        Dialog<ButtonType> dialog = build();
        dialog.show();
        return dialog;
    }

    private Dialog<ButtonType> build() {
        Label explanation = new WrappingLabel(messages.get("backupScreen.explanation", BackupService.MIN_PASSPHRASE_LENGTH));
        TextField folder = new TextField();
        folder.setId("backup-folder");
        folder.setPromptText(messages.get("backupScreen.folderPrompt"));
        folder.textProperty().bindBidirectional(model.folderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(messages.get("sync.choose"));
        choose.setId("backup-folder-choose");
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("backupScreen.folder"));
            File chosen = chooser.showDialog(context.window());
            if (chosen != null) {
                model.folderProperty().set(chosen.getAbsolutePath());
            }
        });
        PasswordField passphrase = new PasswordField();
        passphrase.setId("backup-passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("backup-confirmation");
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        Label written = Dialogs.growingLine("backup-written", model.writtenProperty());
        Label error = Dialogs.errorLine("backup-error", model.errorProperty());

        VBox content = new VBox(8, explanation, DialogParts.fieldLabel(context, "backupScreen.folder"), new HBox(8, folder, choose),
                DialogParts.fieldLabel(context, "backupScreen.passphrase"), passphrase,
                DialogParts.fieldLabel(context, "backupScreen.confirmation"), confirmation,
                DialogParts.startRow(context, "backup-start", "backupScreen.start", model.busyProperty(), model::backUp),
                written, error);
        return DialogParts.dialog(context, "backupScreen.title", content, "common.close");
    }
}
