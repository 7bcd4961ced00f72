package jp.tachiiri.ui.backup;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tachiiri.backup.BackupService;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * A backup of the data folder into a folder the user chooses, encrypted with a passphrase typed twice: the rules
 * (length, the same twice, a folder) are checked before any work; the backup itself runs in the background.
 */
public final class BackupViewModel {

    private final ViewModelContext context;
    private final Messages messages;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public BackupViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    /** Writes the backup if the fields are right, else says why; {@link #writtenProperty()} names the file after. */
    public void backUp() {
        error.set("");
        written.set("");
        char[] typed = passphrase.get().toCharArray();
        try {
            BackupService.requireAcceptable(typed, confirmation.get().toCharArray());
        } catch (UserFacingException refused) {
            error.set(messages.describe(refused));
            return;
        }
        if (folder.get().isBlank()) {
            error.set(messages.get("backupScreen.noFolder"));
            return;
        }
        Path out = Path.of(folder.get().strip());
        busy.set(true);
        context.background().submit(() -> context.workspace().backups().backUp(out, typed), file -> {
            busy.set(false);
            passphrase.set("");
            confirmation.set("");
            written.set(messages.get("backupScreen.written", file));
        }, failure -> {
            busy.set(false);
            error.set(context.describe(failure));
        });
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** True while the backup is written. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The file written, as a sentence; empty until then. */
    public ReadOnlyStringProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Why the last attempt was refused or failed; empty while nothing is wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
