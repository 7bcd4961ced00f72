package jp.tachiiri.ui.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.platform.PdfPreview;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;

/**
 * The advice printout of the inspection shown: a preview of its pages, in Japanese or English, and saving it
 * (into the data folder's printouts/) to open, print or share. An inspection in progress gives a marked
 * draft. The PDF is made and rendered in the background; where the platform has no preview (mobile), saving
 * and opening it is the way to see it.
 */
final class AdviceDialog {

    private static final float PREVIEW_DPI = 60;
    /** Looked up once per run: the class path does not change. */
    private static final Optional<PdfPreview> PREVIEW = PdfPreview.available();

    private final UiContext context;
    private final Messages messages;
    private final AdviceViewModel model;
    private final VBox pages = new VBox(12);

    AdviceDialog(UiContext context, String inspectionId, int revision) {
        this.context = context;
        this.messages = context.messages();
        this.model = new AdviceViewModel(context.models(), inspectionId, revision, PREVIEW.isPresent());
    }

    void show() {
        ToggleGroup group = new ToggleGroup();
        HBox languages = new HBox(8);
        for (Language choice : Language.values()) {
            ToggleButton button = new ToggleButton(messages.get("language." + choice.code()));
            button.setId("advice-language-" + choice.code());
            button.setToggleGroup(group);
            button.setSelected(choice == model.languageProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                model.languageProperty().set(choice);
            });
            languages.getChildren().add(button);
        }
        Button save = new Button(messages.get("advice.ui.saveAndOpen"));
        save.setId("advice-save");
        save.getStyleClass().add("primary-button");
        save.setOnAction(event -> model.save(context.navigator()::openDocument));
        Label status = new Label();
        status.setId("advice-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        // The saved file's path is long: it wraps within the dialog's width and keeps every line.
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox actions = new HBox(12, languages, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        pages.setId("advice-pages");
        pages.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = ViewportCache.off(new ScrollPane(pages));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(Math.min(620, context.window().getWidth() * 0.85));
        scroll.setPrefViewportHeight(context.window().getHeight() * 0.6);
        status.maxWidthProperty().bind(scroll.widthProperty());

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("advice.ui.title"));
        dialog.setHeaderText(messages.get("advice.ui.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new VBox(12, actions, status, scroll));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(messages.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        model.pdfProperty().addListener((observable, was, pdf) -> drawPages(pdf));
        dialog.show();
        model.makePreview();
    }

    /** Drawing the pages is the platform's preview's work, in the background: a page takes a moment. */
    private void drawPages(byte[] pdf) {
        context.background().submit(() -> pageImages(PREVIEW.orElseThrow(), pdf), images -> {
            pages.getChildren().clear();
            images.forEach(image -> {
                ImageView view = new ImageView(image);
                view.getStyleClass().add("advice-page");
                pages.getChildren().add(view);
            });
            model.previewShown(images.size());
        }, model::failed);
    }

    private static List<Image> pageImages(PdfPreview preview, byte[] pdf) {
        try {
            return preview.pages(pdf, PREVIEW_DPI);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
