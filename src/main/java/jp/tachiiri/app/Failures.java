package jp.tachiiri.app;

import java.util.concurrent.CompletionException;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/** How a failure reads to the user, on a screen or on the command line. */
public final class Failures {

    private Failures() {
    }

    /**
     * A known failure in its own words; an unexpected one by its cause, with where the log holding its trace is
     * (once {@link AppLog} writes one), so that the user can pass both on.
     */
    public static String describe(Messages messages, Throwable failure) {
        if (failure instanceof UserFacingException userFacing) {
            return messages.describe(userFacing);
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return AppLog.folder()
                .map(logs -> messages.get("error.unexpected.logged", what, logs))
                .orElseGet(() -> messages.get("error.unexpected", what));
    }
}
