package jp.tachiiri.ui.common;

import jp.tachiiri.app.Failures;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;

/**
 * What a view model works with, and nothing of a screen: the opened data folder, where its disk work runs, and
 * the texts in the chosen language.
 */
public record ViewModelContext(Workspace workspace, Background background, Messages messages) {

    /** A failure as the user should read it ({@link Failures#describe}). */
    public String describe(RuntimeException failure) {
        return Failures.describe(messages, failure);
    }
}
