package jp.tachiiri.ui.inspection;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.SelfCheckAnswer;

/**
 * はい / いいえ of a row of the forms the hospital and its vendors fill in, as two toggle buttons: no keyboard
 * needed, and tapping the chosen one again clears it. Ids: {@code <prefix>-yes-<index>}, {@code <prefix>-no-<index>}.
 */
final class AnswerToggles {

    private final HBox node = new HBox(8);
    private final ToggleButton yes;
    private final ToggleButton no;

    AnswerToggles(Messages messages, String prefix, int index, boolean readOnly, Consumer<Optional<SelfCheckAnswer>> store) {
        ToggleGroup group = new ToggleGroup();
        yes = button(messages, group, SelfCheckAnswer.YES, prefix + "-yes-" + index, readOnly, store);
        no = button(messages, group, SelfCheckAnswer.NO, prefix + "-no-" + index, readOnly, store);
        node.getChildren().addAll(yes, no);
    }

    HBox node() {
        return node;
    }

    /** Shows the answer stored. */
    void show(Optional<SelfCheckAnswer> answer) {
        yes.setSelected(answer.equals(Optional.of(SelfCheckAnswer.YES)));
        no.setSelected(answer.equals(Optional.of(SelfCheckAnswer.NO)));
    }

    private static ToggleButton button(Messages messages, ToggleGroup group, SelfCheckAnswer answer, String id,
                                       boolean readOnly, Consumer<Optional<SelfCheckAnswer>> store) {
        ToggleButton button = new ToggleButton(messages.get("answer." + answer.name()));
        button.setId(id);
        button.getStyleClass().addAll("form-answer", "answer-" + answer.name().toLowerCase(Locale.ROOT));
        button.setToggleGroup(group);
        button.setDisable(readOnly);
        button.setOnAction(event -> store.accept(button.isSelected() ? Optional.of(answer) : Optional.empty()));
        return button;
    }
}
