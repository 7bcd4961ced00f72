package jp.tachiiri.backup;

import java.util.List;
import java.util.stream.Collectors;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/**
 * A backup that could not be written, or a backup file refused by a restore; the key says which (see
 * docs/backup.md). Details, if any, are told one per line after the message.
 */
public final class BackupException extends UserFacingException {

    private static final long serialVersionUID = 1L;
    private final transient List<UserFacingException> details;

    public BackupException(String key, Object... arguments) {
        this(null, List.of(), key, arguments);
    }

    public BackupException(Throwable cause, String key, Object... arguments) {
        this(cause, List.of(), key, arguments);
    }

    BackupException(Throwable cause, List<UserFacingException> details, String key, Object... arguments) {
        super(cause, key, arguments);
        this.details = List.copyOf(details);
    }

    /** What a check of the restored copy found, each on its own. */
    public List<UserFacingException> details() {
        return details;
    }

    @Override
    protected String describe(Messages messages) {
        String message = super.describe(messages);
        return details.isEmpty() ? message
                : message + details.stream().map(messages::describe).collect(Collectors.joining("\n- ", "\n- ", ""));
    }
}
