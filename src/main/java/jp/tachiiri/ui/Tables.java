package jp.tachiiri.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tachiiri.app.AppVersion;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;

/** What the list screens share: their header, text columns, rows that open on a tap, the language switch. */
final class Tables {

    private static final double SCROLL_BAR_ALLOWANCE = 20;

    /** The width under which the app's name and its subtitle beside a header's buttons would be squeezed. */
    static final double TITLES_ROOM = 300;

    private Tables() {
    }

    /** The app's name over a line saying what this screen is for. */
    static VBox titles(Messages messages, String subtitleKey) {
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
    static FlowPane header(Region left, Region controls, DoubleSupplier leftNeeds) {
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
    static Node card(Messages messages, String titleKey, Node... content) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox card = new VBox(10, title);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        return card;
    }

    /** The home screens' line naming the data file and the installed version. */
    static Label dataFile(Messages messages, Path databaseFile) {
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
    static Node notice(Messages messages, String text) {
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
    static Label failure(UiContext context, ObservableValue<RuntimeException> failure) {
        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("error");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> failure.getValue() == null ? "" : context.describe(failure.getValue()), failure));
        return error;
    }

    /** A button of a screen's header, never squeezed below its text. */
    static Button headerButton(Messages messages, String key, String id, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.getStyleClass().add("header-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    static Node languageSwitch(UiContext context) {
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

    /**
     * Opens a row on a tap or click (not at the end of a drag that scrolled the list) and on Enter. A tap is
     * one touch: a double tap must not be needed on a tablet.
     */
    static <T> void openRowsWith(TableView<T> table, Consumer<T> open) {
        table.setRowFactory(view -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (!row.isEmpty() && event.getButton() == MouseButton.PRIMARY && event.isStillSincePress()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                Optional.ofNullable(table.getSelectionModel().getSelectedItem()).ifPresent(open);
            }
        });
    }

    /**
     * The other columns keep the width their content needs; the name column grows and shrinks with the table,
     * so that portrait and landscape both show every column whole.
     */
    static void giveRestOfWidthTo(TableView<?> table, int nameColumn) {
        double fixed = table.getColumns().stream().filter(column -> column != table.getColumns().get(nameColumn))
                .mapToDouble(TableColumn::getPrefWidth).sum();
        table.getColumns().get(nameColumn).prefWidthProperty()
                .bind(table.widthProperty().subtract(fixed + SCROLL_BAR_ALLOWANCE));
    }

    /** A column that keeps its width; the facility-name column ({@link #nameColumn}) takes what is left. */
    static <T> TableColumn<T, String> column(Messages messages, String titleKey, double width, Function<T, String> text) {
        TableColumn<T, String> column = textColumn(messages, titleKey, text);
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    /** The column of facility names: it takes the width the others leave and wraps a long name onto a second line. */
    static <T> TableColumn<T, String> nameColumn(Messages messages, String titleKey, Function<T, String> text) {
        TableColumn<T, String> column = wrapping(textColumn(messages, titleKey, text));
        column.setMinWidth(140);
        return column;
    }

    /**
     * Lets the column's texts run onto a second line (a row holds two) instead of ending in "…": names of
     * hospitals and of inspectors are read whole.
     */
    static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        column.setCellFactory(owner -> new TableCell<>() {
            {
                setWrapText(true);
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
            }
        });
        return column;
    }

    private static <T> TableColumn<T, String> textColumn(Messages messages, String titleKey, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(messages.get(titleKey));
        column.setCellValueFactory(cell -> constant(text.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    /**
     * A choice of {@code values} (kept up to date) headed by an empty value that means "any" (e.g. every fiscal
     * year, every inspector), shown as {@code anyKey}; bound both ways to the model's {@code property}.
     */
    static <T> ComboBox<T> anyChoice(Messages messages, String id, ObservableList<T> values, ObjectProperty<T> property,
                                     Function<T, String> label, String anyKey) {
        ObservableList<T> withAny = FXCollections.observableArrayList();
        withAny.add(null);
        withAny.addAll(values);
        values.addListener((ListChangeListener<T>) change -> {
            List<T> updated = new ArrayList<>();
            updated.add(null);
            updated.addAll(values);
            withAny.setAll(updated);
        });
        ComboBox<T> box = new ComboBox<>(withAny);
        box.setId(id);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? messages.get(anyKey) : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
        box.setConverter(converter);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(converter.toString(value));
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }
}
