package jp.tachiiri.ui.backup;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import jp.tachiiri.backup.BackupReminder;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * The office's reminder, on start and once on closing: how long since the last backup (or that there was none), and a
 * button to back up now.
 */
public final class BackupReminderDialog {

    private BackupReminderDialog() {
    }

    public static Dialog<ButtonType> show(UiContext context, BackupReminder.Due due) {
        return show(context, due, "backupReminder.later", () -> { });
    }

    /** The same before the window closes: without a backup, {@code close} closes it. */
    public static Dialog<ButtonType> showOnClosing(UiContext context, BackupReminder.Due due, Runnable close) {
        return show(context, due, "backupReminder.closeWithout", close);
    }

    private static Dialog<ButtonType> show(UiContext context, BackupReminder.Due due, String laterKey, Runnable later) {
        Messages messages = context.messages();
        String text = due.lastBackup()
                .map(day -> messages.get("backupReminder.since", Dates.format(day, messages), due.daysSince()))
                .orElseGet(() -> messages.get("backupReminder.never", due.daysSince()));
        Label label = new WrappingLabel(text + "\n" + messages.get("backupReminder.why"), 520);
        label.setId("backup-reminder-text");
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("backupReminder.title"));
        dialog.setHeaderText(messages.get("backupReminder.title"));
        dialog.getDialogPane().setContent(label);
        ButtonType now = new ButtonType(messages.get("backupReminder.now"), ButtonBar.ButtonData.OK_DONE);
        ButtonType notNow = new ButtonType(messages.get(laterKey), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(now, notNow);
        dialog.getDialogPane().lookupButton(now).setId("backup-reminder-now");
        dialog.getDialogPane().lookupButton(notNow).setId("backup-reminder-later");
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(event -> {
            if (now.equals(dialog.getResult())) {
                new BackupDialog(context).show();
            } else {
                later.run();
            }
        });
        dialog.show();
        return dialog;
    }
}
