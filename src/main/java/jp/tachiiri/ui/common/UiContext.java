package jp.tachiiri.ui.common;

import javafx.stage.Window;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;

/**
 * What every screen works with: what its view models get (the opened data folder, the background for disk work,
 * the texts in the chosen language), the navigator, the window (owner of dialogs) and how files are chosen.
 */
public record UiContext(ViewModelContext models, Navigator navigator, Window window, FilePicker filePicker) {

    public Workspace workspace() {
        return models.workspace();
    }

    public Background background() {
        return models.background();
    }

    public Messages messages() {
        return models.messages();
    }

    /** A failure as the user should read it. */
    public String describe(RuntimeException failure) {
        return models.describe(failure);
    }
}
