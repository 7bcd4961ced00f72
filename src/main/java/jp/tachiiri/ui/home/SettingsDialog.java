package jp.tachiiri.ui.home;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.backup.BackupDialog;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;

/**
 * The installation's settings for the advice printouts (who issues them and the days given for the
 * improvement report), the days without a backup before the office is reminded, and the way to a backup. Read and stored in the background; a wrong number of days is explained, not stored.
 */
public final class SettingsDialog {

    private final UiContext context;
    private final Messages messages;
    private final SettingsViewModel model;

    public SettingsDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
        this.model = new SettingsViewModel(context.models());
    }

    /** Reads the settings, then shows them; a failure to read is shown instead. */
    public void show() {
        model.loadedProperty().addListener((observable, was, loaded) -> build().show());
        model.errorProperty().addListener((observable, was, error) -> {
            if (!model.loadedProperty().get() && !error.isEmpty()) {
                Dialogs.show(context, messages.get("settings.title"), new Label(error));
            }
        });
        model.load();
    }

    private Dialog<ButtonType> build() {
        TextField authority = new TextField();
        authority.setId("settings-authority");
        authority.setPromptText(messages.get("settings.authorityPrompt"));
        authority.textProperty().bindBidirectional(model.authorityProperty());
        TextField days = new TextField();
        days.setId("settings-report-days");
        days.textProperty().bindBidirectional(model.reportDaysProperty());
        TextField reminderDays = new TextField();
        reminderDays.setId("settings-backup-reminder-days");
        reminderDays.textProperty().bindBidirectional(model.backupReminderDaysProperty());
        Button backup = new Button(messages.get("backupScreen.open"));
        backup.setId("settings-backup");
        backup.setOnAction(event -> new BackupDialog(context).show());
        Label error = Dialogs.errorLine("settings-error", model.errorProperty());

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("settings.title"));
        dialog.setHeaderText(messages.get("settings.title"));
        VBox content = new VBox(8, label("settings.authority"), authority, label("settings.reportDays"), days,
                label("settings.backupReminderDays"), reminderDays, backup, error);
        // A width of its own: the reason under the fields wraps within it instead of widening the dialog.
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(messages.get("common.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("settings-ok");
        // The dialog stays open until the settings are stored: a wrong value, or a failure to store, is shown in
        // it with the reason instead of closing and losing what was typed.
        okButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save();
        });
        model.savedProperty().addListener((observable, was, saved) -> dialog.close());
        return dialog;
    }

    private Label label(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        return label;
    }
}
