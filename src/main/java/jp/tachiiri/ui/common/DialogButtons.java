package jp.tachiiri.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/** The buttons of a dialog that does something final: they never answer to Enter. */
public final class DialogButtons {

    private DialogButtons() {
    }

    /**
     * The dialog's button for {@code type}, named {@code id} and not the default button: JavaFX makes OK, Yes and
     * their kin default, and Enter pressed for another reason would then take an action that cannot be undone.
     */
    public static Button withoutDefault(DialogPane pane, ButtonType type, String id) {
        Button button = (Button) pane.lookupButton(type);
        button.setId(id);
        button.setDefaultButton(false);
        return button;
    }
}
