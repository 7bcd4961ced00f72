package jp.tachiiri.ui.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.TextArea;
import javafx.util.Duration;
import jp.tachiiri.ui.common.ViewportCache;

/**
 * Texts being typed on the inspection screen: each is stored when its field loses focus or typing pauses; until
 * then it is pending, and {@link #commit} stores every pending one (before another item is shown, finalizing or
 * leaving the screen).
 */
final class PendingTexts {

    private static final Duration TYPING_PAUSE = Duration.millis(800);

    private final List<Runnable> pending = new ArrayList<>();

    /** A multi-line text field whose text goes to {@code store}. */
    TextArea area(String id, String value, boolean readOnly, Consumer<String> store, int rows) {
        TextArea area = ViewportCache.off(new TextArea(value));
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.setEditable(!readOnly);
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        Runnable commit = () -> {
            pause.stop();
            store.accept(area.getText());
        };
        pause.setOnFinished(event -> {
            pending.remove(commit);
            commit.run();
        });
        area.textProperty().addListener((observable, old, text) -> {
            if (!pending.contains(commit)) {
                pending.add(commit);
            }
            pause.playFromStart();
        });
        area.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused && pending.remove(commit)) {
                commit.run();
            }
        });
        return area;
    }

    /** Stores what was typed but not yet stored. */
    void commit() {
        List<Runnable> texts = List.copyOf(pending);
        pending.clear();
        texts.forEach(Runnable::run);
    }
}
