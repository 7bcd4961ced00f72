package jp.tachiiri.ui.home;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The settings of the advice printout: who issues it and the days given for the improvement report. A wrong
 * number of days is explained and not stored; the dialog closes only once the settings are stored.
 */
public final class SettingsViewModel {

    private final ViewModelContext context;
    private final Messages messages;
    private final StringProperty authority = new SimpleStringProperty("");
    private final StringProperty reportDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    /** Reads the stored settings into the fields. */
    public void load() {
        context.background().submit(() -> context.workspace().settings().advice(), current -> {
            authority.set(current.issuingAuthority());
            reportDays.set(Integer.toString(current.reportDays()));
            loaded.set(true);
        }, failure -> error.set(context.describe(failure)));
    }

    /** Stores the fields when they are right, else says why; {@link #savedProperty()} turns true once stored. */
    public void save() {
        Optional<AdviceSettings> settings = parse();
        if (settings.isEmpty()) {
            return;
        }
        error.set("");
        context.background().submit(() -> {
            context.workspace().settings().setAdvice(settings.get());
            return settings.get();
        }, stored -> saved.set(true), failure -> error.set(context.describe(failure)));
    }

    private Optional<AdviceSettings> parse() {
        String days = reportDays.get().strip();
        try {
            return Optional.of(new AdviceSettings(authority.get(), Integer.parseInt(days)));
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
