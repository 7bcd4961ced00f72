package jp.tachiiri.ui.inspection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.ui.common.Dates;

/**
 * A date field of the inspection screen: a day picked on the calendar, or typed (2026/11/25) and read by the app's
 * date rule; a typed text that is no date is refused beside the field, which keeps the stored date.
 */
final class DateInput {

    private final DatePicker picker;
    private final Label error = new Label();
    private final HBox box;
    private final Supplier<Optional<LocalDate>> stored;

    /**
     * @param stored what is stored now, shown after a typed text and by {@link #refresh}
     * @param typed  stores a typed text, returning why it was not stored
     * @param picked stores a day picked on the calendar (empty when the field is cleared)
     */
    DateInput(Messages messages, String id, boolean readOnly, Supplier<Optional<LocalDate>> stored,
              Function<String, Optional<String>> typed, Consumer<Optional<LocalDate>> picked) {
        this.stored = stored;
        picker = new DatePicker(stored.get().orElse(null));
        picker.setId(id);
        picker.setEditable(true);
        picker.setDisable(readOnly);
        error.getStyleClass().add("field-error");
        error.setManaged(false);
        error.setWrapText(true);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : Dates.format(date, messages);
            }

            @Override
            public LocalDate fromString(String text) {
                Optional<String> problem = typed.apply(text);
                error.setText(problem.orElse(""));
                error.setManaged(problem.isPresent());
                return stored.get().orElse(null);
            }
        });
        picker.valueProperty().addListener((observable, old, date) -> picked.accept(Optional.ofNullable(date)));
        box = new HBox(10, picker, error);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    /** The field with the line that says why a typed text was refused. */
    Node node() {
        return box;
    }

    DatePicker picker() {
        return picker;
    }

    /** Shows what is stored now: after a change made elsewhere, or one the store refused. */
    void refresh() {
        picker.setValue(stored.get().orElse(null));
    }
}
