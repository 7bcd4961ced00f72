package jp.tachiiri.workbook;

import jp.tachiiri.i18n.UserFacingException;

/** PLACEHOLDER (replaced at merge): a filled workbook refused, with the sheet and cell named. */
public final class WorkbookException extends UserFacingException {

    private static final long serialVersionUID = 1L;

    public WorkbookException(String key, Object... arguments) {
        super(key, arguments);
    }
}
