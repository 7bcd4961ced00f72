package jp.tachiiri.ui.common;

import java.nio.file.Path;
import java.util.function.DoubleSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.app.AppVersion;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;

/** What every screen is made of: the titles, the header, cards, notices, the failure line, the language switch. */
public final class ScreenParts {

    /** The width under which the app's name and its subtitle beside a header's buttons would be squeezed. */
    public static final double TITLES_ROOM = 300;

    private ScreenParts() {
    }

    /** The app's name over a line saying what this screen is for. */
    public static VBox titles(Messages messages, String subtitleKey) {
        Label brand = new Label(messages.get("app.name"));
        brand.getStyleClass().add("brand");
        Label subtitle = new Label(messages.get(subtitleKey));
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        VBox titles = new VBox(brand, subtitle);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        return titles;
    }

    /**
     * A screen's header: {@code left} (back button, titles) with {@code controls} beside it where both fit, else
     * (a portrait tablet) the controls in a row of their own below it; {@code leftNeeds} is the width under
     * which the left part would be cut short.
     */
    public static FlowPane header(Region left, Region controls, DoubleSupplier leftNeeds) {
        controls.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane header = new FlowPane(16, 8, left, controls);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        left.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double inside = Math.floor(header.getWidth() - header.snappedLeftInset() - header.snappedRightInset());
            double beside = inside - Math.ceil(controls.prefWidth(-1)) - header.getHgap();
            return beside >= leftNeeds.getAsDouble() ? beside : inside;
        }, header.widthProperty(), controls.widthProperty()));
        return header;
    }

    /** A titled card of a screen's body. */
    public static Node card(Messages messages, String titleKey, Node... content) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox card = new VBox(10, title);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        return card;
    }

    /** The home screens' line naming the data file and the installed version. */
    public static Label dataFile(Messages messages, Path databaseFile) {
        Label file = new Label(messages.get("home.dataFile", databaseFile, AppVersion.current()));
        file.getStyleClass().add("data-file");
        // A long path wraps on a portrait tablet rather than cutting off the version after it.
        file.setWrapText(true);
        return file;
    }

    /**
     * A confirmation of what was just done, kept at the top of the screen until the user closes it: a decision
     * that vanished with its dialog would leave the user unsure it was taken.
     */
    public static Node notice(Messages messages, String text) {
        Label said = new Label(text);
        said.setId("notice");
        said.setWrapText(true);
        said.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(said, Priority.ALWAYS);
        Button close = new Button(messages.get("common.close"));
        close.setId("notice-close");
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox notice = new HBox(12, said, close);
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.getStyleClass().add("notice");
        close.setOnAction(event -> ((Pane) notice.getParent()).getChildren().remove(notice));
        return notice;
    }

    /** A red line telling the latest failure of a screen's background work, empty while there is none. */
    public static Label failure(UiContext context, ObservableValue<RuntimeException> failure) {
        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("error");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> failure.getValue() == null ? "" : context.describe(failure.getValue()), failure));
        return error;
    }

    /** A button of a screen's header, never squeezed below its text. */
    public static Button headerButton(Messages messages, String key, String id, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.getStyleClass().add("header-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Japanese or English, switching the whole screen at once. */
    public static Node languageSwitch(UiContext context) {
        Messages messages = context.messages();
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.getStyleClass().add("language-switch");
        for (Language language : Language.values()) {
            ToggleButton button = new ToggleButton(messages.get("language." + language.code()));
            button.setId("language-" + language.code());
            button.setToggleGroup(group);
            button.setSelected(language == messages.language());
            button.setOnAction(event -> {
                if (language != messages.language()) {
                    context.navigator().switchLanguage(language);
                } else {
                    button.setSelected(true);
                }
            });
            box.getChildren().add(button);
        }
        return box;
    }
}
