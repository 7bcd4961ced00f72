package jp.tachiiri.ui.common;

import javafx.stage.Window;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/**
 * What every screen and view model works with: the opened data folder, the background executor for disk
 * work, the texts in the chosen language, the navigator, the window (owner of dialogs) and how files are
 * chosen.
 */
public record UiContext(
        Workspace workspace, StoreExecutor executor, Messages messages, Navigator navigator, Window window,
        FilePicker filePicker) {

    /** A failure as the user should read it. */
    public String describe(RuntimeException failure) {
        return failure instanceof UserFacingException userFacing
                ? messages.describe(userFacing)
                : messages.get("error.unexpected", failure.toString());
    }
}
