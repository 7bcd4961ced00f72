package jp.tachiiri.bundle;

import java.nio.file.Path;
import jp.tachiiri.i18n.UserFacingException;

/**
 * A bundle that cannot be accepted. The first argument is always the file's name, so every message says
 * which file it is about; the key says what is wrong, the further arguments where.
 */
public final class BundleException extends UserFacingException {

    private static final long serialVersionUID = 1L;

    public BundleException(Path file, String key, Object... details) {
        this(null, file, key, details);
    }

    public BundleException(Throwable cause, Path file, String key, Object... details) {
        super(cause, key, prepend(file.getFileName() == null ? file.toString() : file.getFileName().toString(), details));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
