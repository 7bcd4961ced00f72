package jp.tachiiri.ui.inspection;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;

/** What the sheets of the hospital's and the vendors' forms share: the scrolled sheet, its title, its lines. */
final class FormSheets {

    private FormSheets() {
    }

    /** {@code content} as a sheet scrolled up and down, its controls drawn readable when nothing may change. */
    static ScrollPane sheet(VBox content, String id, boolean readOnly) {
        content.getStyleClass().add("form-sheet");
        if (readOnly) {
            // Disabled so that nothing changes them, but drawn readable (see the style sheet).
            content.getStyleClass().add("read-only");
        }
        ScrollPane scroll = ViewportCache.off(new ScrollPane(content));
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    static Label title(Messages messages, String key) {
        Label title = new Label(messages.get(key));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        return title;
    }

    /** A row's ministry number; a long one (2-(運用管理規程)) wraps within its column. */
    static Label number(String number) {
        Label label = new Label(number);
        label.getStyleClass().add("form-number");
        label.setWrapText(true);
        return label;
    }

    /** A row's ministry wording, taking the room left in its row and wrapping within it. */
    static Label wording(String text) {
        Label wording = new Label(text);
        wording.setWrapText(true);
        wording.setMinWidth(0);
        wording.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(wording, Priority.ALWAYS);
        return wording;
    }

    /** The line that says why the store refused the last change, there only while it has something to say. */
    static Label refusalLine(UiContext context, SelfCheckViewModel forms, String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        forms.refusalProperty().addListener((observable, old, refusal) -> {
            error.setText(refusal == null ? "" : context.describe(refusal));
            error.setManaged(refusal != null);
            error.setVisible(refusal != null);
        });
        return error;
    }
}
