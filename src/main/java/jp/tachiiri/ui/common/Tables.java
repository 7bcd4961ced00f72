package jp.tachiiri.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.StringConverter;
import jp.tachiiri.i18n.Messages;

/** What the list screens share: text columns, rows that open on a tap, filter drop-downs. */
public final class Tables {

    private static final double SCROLL_BAR_ALLOWANCE = 20;

    private Tables() {
    }

    /**
     * Opens a row on a tap or click (not at the end of a drag that scrolled the list) and on Enter. A tap is
     * one touch: a double tap must not be needed on a tablet.
     */
    public static <T> void openRowsWith(TableView<T> table, Consumer<T> open) {
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
    public static void giveRestOfWidthTo(TableView<?> table, int nameColumn) {
        double fixed = table.getColumns().stream().filter(column -> column != table.getColumns().get(nameColumn))
                .mapToDouble(TableColumn::getPrefWidth).sum();
        table.getColumns().get(nameColumn).prefWidthProperty()
                .bind(table.widthProperty().subtract(fixed + SCROLL_BAR_ALLOWANCE));
    }

    /** A column that keeps its width; the facility-name column ({@link #nameColumn}) takes what is left. */
    public static <T> TableColumn<T, String> column(Messages messages, String titleKey, double width, Function<T, String> text) {
        TableColumn<T, String> column = textColumn(messages, titleKey, text);
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    /** The column of facility names: it takes the width the others leave and wraps a long name onto a second line. */
    public static <T> TableColumn<T, String> nameColumn(Messages messages, String titleKey, Function<T, String> text) {
        TableColumn<T, String> column = wrapping(textColumn(messages, titleKey, text));
        column.setMinWidth(140);
        return column;
    }

    /**
     * Lets the column's texts run onto a second line (a row holds two) instead of ending in "…": names of
     * hospitals and of inspectors are read whole.
     */
    public static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
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
    public static <T> ComboBox<T> anyChoice(Messages messages, String id, ObservableList<T> values, ObjectProperty<T> property,
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
