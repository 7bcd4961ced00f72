package jp.tachiiri.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;

/** The app's two plain dialogs: one that shows something with a close button, one that asks before acting. */
public final class Dialogs {

    private Dialogs() {
    }

    /** A dialog with a close button, shown at once. */
    public static Dialog<Void> show(UiContext context, String title, Node content) {
        Dialog<Void> dialog = closable(context, title, content);
        dialog.show();
        return dialog;
    }

    /** A dialog with a close button, for the caller to show. */
    public static Dialog<Void> closable(UiContext context, String title, Node content) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(context.messages().get("common.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        return dialog;
    }

    /**
     * The line under a dialog's fields that says why its last action was refused: every line of it shown, the open
     * dialog growing to hold it (a dialog keeps the size it opened with, which would cut the reason short).
     */
    public static Label errorLine(String id, ObservableValue<String> reason) {
        Label error = growingLine(id, reason);
        error.getStyleClass().add("field-error");
        return error;
    }

    /** A line of a dialog that says what {@code text} says, every line of it: the open dialog grows to hold it. */
    public static Label growingLine(String id, ObservableValue<String> text) {
        Label line = new WrappingLabel("");
        line.setId(id);
        line.textProperty().bind(text);
        line.textProperty().addListener((observable, was, now) -> Platform.runLater(() -> {
            if (line.getScene() != null && line.getScene().getWindow() != null) {
                line.getScene().getWindow().sizeToScene();
            }
        }));
        return line;
    }

    /** Asks before doing something that cannot be taken back. */
    public static void confirm(UiContext context, String question, Runnable action) {
        Label text = new Label(question);
        text.setWrapText(true);
        text.setMaxWidth(560);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.getDialogPane().setContent(text);
        ButtonType ok = new ButtonType(context.messages().get("common.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.messages().get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        DialogButtons.withoutDefault(dialog.getDialogPane(), ok, "confirm-ok");
        // Focus on Cancel: where Enter presses the focused button, it then does nothing final either.
        // The dialog focuses its first button once shown, hence the focus moves after that.
        dialog.setOnShown(event -> Platform.runLater(() -> dialog.getDialogPane().lookupButton(cancel).requestFocus()));
        dialog.setResultConverter(button -> button);
        dialog.showAndWait().filter(ok::equals).ifPresent(pressed -> action.run());
    }
}
