package jp.tachiiri.ui.office;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * Planning at the office: a facility, an inspector and a date make a planned inspection, which travels to
 * the inspector's tablet in the next assignments bundle (written from 「取り込み」, for one inspector or all).
 */
public final class PlanningViewModel {

    /** What the planning needs read before it is shown: the facility master and the plans so far. */
    private record Read(List<Facility> facilities, List<String> planned) {
    }

    private final ViewModelContext context;
    private final Messages messages;
    private final ObservableList<Facility> facilities = FXCollections.observableArrayList();
    private final ObservableList<Facility> facilitiesShown = FXCollections.unmodifiableObservableList(facilities);
    private final ObservableList<String> planned = FXCollections.observableArrayList();
    private final ObservableList<String> plannedShown = FXCollections.unmodifiableObservableList(planned);
    private final ObjectProperty<Facility> facility = new SimpleObjectProperty<>();
    private final StringProperty inspectorId = new SimpleStringProperty("");
    private final StringProperty inspectorName = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public PlanningViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    public void load() {
        context.background().submit(() -> new Read(context.workspace().facilities().all(), plannedLines()), read -> {
            facilities.setAll(read.facilities());
            planned.setAll(read.planned());
            loaded.set(true);
        }, failure -> loadError.set(context.describe(failure)));
    }

    /**
     * The date as typed in the field, read by the app's one date rule: a text that is no date is said, naming the
     * field, and leaves no date (false); an emptied field leaves none either.
     */
    public boolean typeDate(String typed) {
        try {
            date.set(DateText.parse(typed, "planning.date").orElse(null));
            return true;
        } catch (DateText.UnreadableDate unreadable) {
            date.set(null);
            error.set(messages.describe(unreadable));
            return false;
        }
    }

    /** Plans the inspection when every field is filled; the service refuses an inspector id that no account could be. */
    public void add() {
        Facility chosen = facility.get();
        LocalDate day = date.get();
        String id = inspectorId.get().strip();
        String name = inspectorName.get().strip();
        if (chosen == null || id.isEmpty() || name.isEmpty() || day == null) {
            error.set(messages.get("planning.incomplete"));
            return;
        }
        error.set("");
        context.background().submit(() -> {
            context.workspace().sync().plan(chosen.id(), id, name, day);
            return plannedLines();
        }, planned::setAll, failure -> error.set(context.describe(failure)));
    }

    /** The plans, soonest first, one line each: date, facility, inspector. */
    private List<String> plannedLines() {
        Workspace workspace = context.workspace();
        Map<String, String> names = workspace.facilities().namesById();
        return workspace.sync().plans().stream()
                .sorted(Comparator.comparing(PlannedInspection::date))
                .map(plan -> messages.get("planning.line", Dates.format(plan.date(), messages),
                        names.getOrDefault(plan.facilityId(), plan.facilityId()), plan.inspectorName(), plan.inspectorId()))
                .toList();
    }

    /** The facility master, in kana order. */
    public ObservableList<Facility> facilities() {
        return facilitiesShown;
    }

    /** The plans so far, soonest first. */
    public ObservableList<String> planned() {
        return plannedShown;
    }

    public ObjectProperty<Facility> facilityProperty() {
        return facility;
    }

    public StringProperty inspectorIdProperty() {
        return inspectorId;
    }

    public StringProperty inspectorNameProperty() {
        return inspectorName;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** Why the last plan was not added; empty while nothing is wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
