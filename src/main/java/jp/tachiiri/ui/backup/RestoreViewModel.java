package jp.tachiiri.ui.backup;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tachiiri.i18n.Messages;

/**
 * Restoring a backup as this installation's data folder, offered on the first start: the file and its passphrase;
 * the restore itself (which closes and reopens the data folder) is the app's, handed in as a {@link Restorer}.
 */
public final class RestoreViewModel {

    /** Restores {@code file} in the background and reports back on the screen's thread. */
    @FunctionalInterface
    public interface Restorer {
        void start(Path file, char[] passphrase, Runnable onRestored, Consumer<RuntimeException> onFailure);
    }

    private final Messages messages;
    private final Restorer restorer;
    private final Consumer<RuntimeException> describe;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper restored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public RestoreViewModel(Messages messages, Restorer restorer, java.util.function.Function<RuntimeException, String> describe) {
        this.messages = messages;
        this.restorer = restorer;
        this.describe = failure -> error.set(describe.apply(failure));
    }

    public void restore() {
        error.set("");
        if (file.get().isBlank()) {
            error.set(messages.get("restoreScreen.noFile"));
            return;
        }
        if (passphrase.get().isEmpty()) {
            error.set(messages.get("restoreScreen.noPassphrase"));
            return;
        }
        busy.set(true);
        restorer.start(Path.of(file.get().strip()), passphrase.get().toCharArray(), () -> {
            busy.set(false);
            restored.set(true);
        }, failure -> {
            busy.set(false);
            describe.accept(failure);
        });
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** True once the backup is the data folder. */
    public ReadOnlyBooleanProperty restoredProperty() {
        return restored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
