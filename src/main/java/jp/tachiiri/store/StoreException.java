package jp.tachiiri.store;

import jp.tachiiri.i18n.UserFacingException;

/** The data file could not be opened or a change could not be stored; nothing stored before is lost. */
public final class StoreException extends UserFacingException {

    private static final long serialVersionUID = 1L;

    StoreException(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
    }
}
