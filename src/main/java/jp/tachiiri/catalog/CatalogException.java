package jp.tachiiri.catalog;

import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/** A catalog file was rejected: names the file, the JSON path inside it and the problem. */
public final class CatalogException extends UserFacingException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    CatalogException(String source, String path, String problemKey, Object... arguments) {
        this(null, source, path, problemKey, arguments);
    }

    CatalogException(Throwable cause, String source, String path, String problemKey, Object... arguments) {
        super(cause, problemKey, arguments);
        this.source = source;
        this.path = path;
    }

    /** The file (or resource) the catalog was read from. */
    public String source() {
        return source;
    }

    /** Where in the file, as a JSON path such as {@code $.checkpoints[0].items[3].title.en}. */
    public String path() {
        return path;
    }

    @Override
    protected String describe(Messages messages) {
        return messages.get("catalog.error", source, path, super.describe(messages));
    }
}
