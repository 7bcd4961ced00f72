package jp.tachiiri.ui.home;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.backup.BackupReminder;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The settings of the advice printout (who issues it and the days given for the improvement report) and the days
 * without a backup before the office is reminded. A wrong number of days is explained and not stored; the dialog closes only once the settings are stored.
 */
public final class SettingsViewModel {

    private final ViewModelContext context;
    private final Messages messages;
    private final StringProperty authority = new SimpleStringProperty("");
    private final StringProperty reportDays = new SimpleStringProperty("");
    private final StringProperty backupReminderDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    /** Reads the stored settings into the fields. */
    public void load() {
        context.background().submit(() -> new Stored(context.workspace().settings().advice(),
                context.workspace().settings().backupReminder()), current -> {
            authority.set(current.advice().issuingAuthority());
            reportDays.set(Integer.toString(current.advice().reportDays()));
            backupReminderDays.set(Integer.toString(current.reminder().days()));
            loaded.set(true);
        }, failure -> error.set(context.describe(failure)));
    }

    /** Stores the fields when they are right, else says why; {@link #savedProperty()} turns true once stored. */
    public void save() {
        Optional<Stored> settings = parse();
        if (settings.isEmpty()) {
            return;
        }
        error.set("");
        context.background().submit(() -> {
            context.workspace().settings().setAdvice(settings.get().advice());
            context.workspace().settings().setBackupReminder(settings.get().reminder());
            return settings.get();
        }, stored -> saved.set(true), failure -> error.set(context.describe(failure)));
    }

    /** What the dialog shows and stores. */
    private record Stored(AdviceSettings advice, BackupReminder reminder) {
    }

    private Optional<Stored> parse() {
        String days = reportDays.get().strip();
        String reminderDays = backupReminderDays.get().strip();
        try {
            AdviceSettings advice = new AdviceSettings(authority.get(), Integer.parseInt(days));
            try {
                return Optional.of(new Stored(advice, new BackupReminder(Integer.parseInt(reminderDays))));
            } catch (NumberFormatException notANumber) {
                error.set(messages.get("settings.notANumber", reminderDays));
            }
        } catch (NumberFormatException notANumber) {
            error.set(messages.get("settings.notANumber", days));
        } catch (UserFacingException refused) {
            error.set(messages.describe(refused));
        }
        return Optional.empty();
    }

    public StringProperty authorityProperty() {
        return authority;
    }

    public StringProperty reportDaysProperty() {
        return reportDays;
    }

    /** After how many days without a backup the office is reminded (0: never). */
    public StringProperty backupReminderDaysProperty() {
        return backupReminderDays;
    }

    /** Why the last load or save failed; empty while nothing is wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
