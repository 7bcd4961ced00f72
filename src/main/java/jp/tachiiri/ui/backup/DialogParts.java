package jp.tachiiri.ui.backup;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.tachiiri.ui.common.UiContext;

/** What the backup and restore dialogs share: their field labels, the button that starts the work, the dialog itself. */
final class DialogParts {

    private DialogParts() {
    }

    static Label fieldLabel(UiContext context, String key) {
        Label label = new Label(context.messages().get(key));
        label.getStyleClass().add("field-label");
        return label;
    }

    /** The button that starts the work, disabled while it runs, and a spinner beside it meanwhile. */
    static HBox startRow(UiContext context, String id, String key, BooleanProperty busy, Runnable action) {
        Button start = new Button(context.messages().get(key));
        start.setId(id);
        start.setOnAction(event -> action.run());
        start.disableProperty().bind(busy);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(32, 32);
        progress.visibleProperty().bind(busy);
        return new HBox(12, start, progress);
    }

    static Dialog<ButtonType> dialog(UiContext context, String titleKey, VBox content, String closeKey) {
        content.setPrefWidth(620);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(context.messages().get(titleKey));
        dialog.setHeaderText(context.messages().get(titleKey));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(context.messages().get(closeKey), ButtonBar.ButtonData.CANCEL_CLOSE));
        return dialog;
    }
}
