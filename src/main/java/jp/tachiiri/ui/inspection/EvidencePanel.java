package jp.tachiiri.ui.inspection;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.platform.Camera;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.TapTooltip;
import jp.tachiiri.ui.common.UiContext;

/**
 * The evidence of one item: thumbnails (opened full size with a tap), a file's name where it is no image,
 * removal, and adding by camera (where the device has one) or by choosing files.
 */
final class EvidencePanel {

    private static final double THUMBNAIL = 120;

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel model;
    private final String itemId;

    EvidencePanel(UiContext context, InspectionViewModel model, String itemId) {
        this.context = context;
        this.messages = context.messages();
        this.model = model;
        this.itemId = itemId;
    }

    Node build() {
        FlowPane tiles = new FlowPane(10, 10);
        tiles.setId("evidence-tiles");
        List<Evidence> items = model.evidenceOf(itemId);
        if (items.isEmpty()) {
            Label none = new Label(messages.get("inspection.evidenceNone"));
            none.getStyleClass().add("placeholder");
            tiles.getChildren().add(none);
        }
        items.forEach(item -> tiles.getChildren().add(tile(item)));

        HBox actions = new HBox(10);
        if (!model.readOnly()) {
            Camera.available().ifPresent(camera -> {
                Button photo = new Button(messages.get("inspection.evidenceCamera"));
                photo.setId("take-photo");
                photo.setOnAction(event -> camera.takePhoto(model::addEvidence));
                actions.getChildren().add(photo);
            });
            Button add = new Button(messages.get("inspection.evidenceAdd"));
            add.setId("add-evidence");
            add.setOnAction(event -> context.filePicker().choose(context.window(), messages.get("inspection.evidenceAdd"))
                    .forEach(model::addEvidence));
            actions.getChildren().add(add);
        }
        return new VBox(10, tiles, actions);
    }

    private Node tile(Evidence item) {
        StackPane preview = new StackPane();
        preview.getStyleClass().add("evidence-thumbnail");
        preview.setPrefSize(THUMBNAIL, THUMBNAIL);
        preview.setMinSize(THUMBNAIL, THUMBNAIL);
        Label name = name(item);
        if (item.isImage()) {
            // The file is checked against its hash in the background before it is shown.
            model.evidenceFile(item, file -> {
                ImageView view = new ImageView(new Image(file.toUri().toString(), THUMBNAIL, THUMBNAIL, true, true, true));
                preview.getChildren().setAll(view);
            }, failure -> preview.getChildren().setAll(unavailable()));
            preview.setOnMouseClicked(event -> model.evidenceFile(item, file -> showFullSize(item, file),
                    failure -> explain(item, failure)));
        } else {
            // A document (PDF, spreadsheet …) is shown by its kind and opened with the system's viewer.
            int dot = item.fileName().lastIndexOf('.');
            Label kind = new Label(dot < 0 ? "?" : item.fileName().substring(dot + 1).toUpperCase(Locale.ROOT));
            kind.getStyleClass().add("evidence-kind");
            preview.getChildren().setAll(kind);
            preview.setOnMouseClicked(event -> model.evidenceFile(item, context.navigator()::openDocument,
                    failure -> explain(item, failure)));
        }
        VBox tile = new VBox(4, preview, name);
        tile.getStyleClass().add("evidence-tile");
        tile.setAlignment(Pos.TOP_CENTER);
        tile.setUserData(item.id());
        if (!model.readOnly()) {
            Button remove = new Button(messages.get("inspection.evidenceRemove"));
            remove.getStyleClass().add("evidence-remove");
            remove.setOnAction(event -> Dialogs.confirm(context,
                    messages.get("inspection.evidenceRemoveConfirm", item.fileName()), () -> model.removeEvidence(item)));
            tile.getChildren().add(remove);
        }
        return tile;
    }

    /**
     * The file's name on one line as wide as the thumbnail: a long one loses its middle to an ellipsis, which
     * keeps its start and its extension (wrapping broke it mid-word). The whole name shows on hover, and on a
     * tap, which is what a tablet has.
     */
    private Label name(Evidence item) {
        Label name = new Label(item.fileName());
        name.getStyleClass().add("evidence-name");
        name.setMaxWidth(THUMBNAIL);
        name.setAlignment(Pos.CENTER);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setEllipsisString("…");
        TapTooltip.install(name, item.fileName(), 720);
        return name;
    }

    /** In place of a thumbnail whose file cannot be shown; a tap says why. */
    private Label unavailable() {
        Label label = new Label(messages.get("inspection.evidenceUnavailable"));
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        return label;
    }

    /** Why the stored file cannot be shown, naming it: the rest of the inspection stays as it is. */
    private void explain(Evidence item, RuntimeException failure) {
        Label reason = new Label(context.describe(failure));
        reason.setId("evidence-error");
        reason.setWrapText(true);
        reason.setPrefWidth(560);
        Dialogs.show(context, item.fileName(), reason);
    }

    /** The photo as large as the window allows, under its file name (the stored file is named by its hash). */
    private void showFullSize(Evidence item, Path file) {
        ImageView view = new ImageView(new Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        view.fitWidthProperty().bind(context.window().widthProperty().multiply(0.8));
        view.fitHeightProperty().bind(context.window().heightProperty().multiply(0.75));
        Dialogs.show(context, item.fileName(), new StackPane(view));
    }
}
