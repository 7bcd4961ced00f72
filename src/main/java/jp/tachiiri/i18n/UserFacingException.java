package jp.tachiiri.i18n;

import java.util.Arrays;
import jp.tachiiri.model.Language;

/**
 * A failure the user must be told about: a rejected input or a failed operation. It carries a message key
 * and arguments so that each screen or command states it in the user's language; {@link #getMessage()}
 * gives the Japanese text for logs.
 */
public class UserFacingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] arguments;

    public UserFacingException(String key, Object... arguments) {
        this(null, key, arguments);
    }

    public UserFacingException(Throwable cause, String key, Object... arguments) {
        super(key, cause);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public String localizedMessage(Language language) {
        return describe(Messages.of(language));
    }

    /**
     * Subclasses whose message is built from several texts override this. An argument that is itself a
     * user-facing exception (a detail of this one) is told in the same language.
     */
    protected String describe(Messages messages) {
        Object[] localized = arguments.clone();
        for (int i = 0; i < localized.length; i++) {
            if (localized[i] instanceof UserFacingException detail) {
                localized[i] = detail.describe(messages);
            }
        }
        return messages.get(key, localized);
    }

    @Override
    public String getMessage() {
        return localizedMessage(Language.JA);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + key + " " + Arrays.toString(arguments) + "]";
    }
}
