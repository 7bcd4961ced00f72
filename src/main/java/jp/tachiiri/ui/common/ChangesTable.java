package jp.tachiiri.ui.common;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Catalog;

/**
 * Two versions of an inspection's findings compared, item by item and field by field: values as the screen
 * shows them, long notes and advice wrapped so that the difference can be read whole.
 */
public final class ChangesTable {

    private static final double CELL_PADDING = 12;

    private ChangesTable() {
    }

    /** A table of {@code changes}, the two value columns titled by {@code beforeKey} and {@code afterKey}. */
    public static TableView<RevisionDiff.Change> of(Messages messages, Catalog catalog, List<RevisionDiff.Change> changes,
                                             String beforeKey, String afterKey) {
        TableView<RevisionDiff.Change> table = new TableView<>();
        table.getItems().setAll(changes);
        table.getColumns().add(Tables.column(messages, "inspection.diff.item", 260, change -> title(messages, catalog, change.itemId())));
        table.getColumns().add(Tables.column(messages, "inspection.diff.field", 110,
                change -> messages.get("inspection.field." + change.field())));
        table.getColumns().add(wrapped(Tables.column(messages, beforeKey, 250, change -> shown(messages, change.field(), change.before()))));
        table.getColumns().add(wrapped(Tables.column(messages, afterKey, 250, change -> shown(messages, change.field(), change.after()))));
        table.setPlaceholder(new Label(messages.get("inspection.diff.none")));
        return table;
    }

    /** The question's title (the gate's included); an item the catalog does not know shows its id. */
    private static String title(Messages messages, Catalog catalog, String itemId) {
        if (catalog.gate().id().equals(itemId)) {
            return catalog.gate().title().in(messages.language());
        }
        return catalog.item(itemId).map(item -> item.title().in(messages.language())).orElse(itemId);
    }

    /** A field's value as the screen shows it: answers and methods by name, an empty value as a dash. */
    public static String shown(Messages messages, String field, String value) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        return switch (field) {
            case "answer" -> messages.get("answer." + value);
            case "confirmedBy" -> Arrays.stream(value.split(",")).map(method -> messages.get("method." + method))
                    .collect(Collectors.joining("・"));
            case "followUp" -> Boolean.parseBoolean(value) ? messages.get("inspection.diff.followUpYes") : "—";
            case "siteConfirmed" -> Boolean.parseBoolean(value) ? messages.get("inspection.lastFollowUp.confirmedOnSite") : "—";
            default -> value;
        };
    }

    /** Lets the column's texts run onto more lines instead of being cut off. */
    private static <T> TableColumn<T, String> wrapped(TableColumn<T, String> column) {
        column.setCellFactory(owner -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(owner.widthProperty().subtract(CELL_PADDING));
                text.getStyleClass().add("wrapped-cell");
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                text.setText(empty ? null : value);
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }
}
