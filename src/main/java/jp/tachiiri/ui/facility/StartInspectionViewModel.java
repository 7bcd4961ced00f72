package jp.tachiiri.ui.facility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The state of "start an inspection" for one facility: the date (today unless changed; never after today),
 * the lead inspector (required), the other inspectors and the hospital's staff present (立会者) with their
 * roles. Empty rows are left out; the start is possible only while everything is valid, and runs off the
 * JavaFX thread.
 */
public final class StartInspectionViewModel {

    /** One person as typed: an inspector (name only) or a member of the hospital's staff (name and role). */
    final class PersonRow {
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty role = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        private PersonRow() {
            name.addListener((observable, old, now) -> validate());
            role.addListener((observable, old, now) -> validate());
        }

        StringProperty nameProperty() {
            return name;
        }

        StringProperty roleProperty() {
            return role;
        }

        /** Why this row keeps the inspection from starting, or empty. */
        ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        private boolean blank() {
            return name.get().isBlank() && role.get().isBlank();
        }
    }

    private final ViewModelContext models;
    private final Workspace workspace;
    private final Background background;
    private final Messages messages;
    private final String facilityId;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper("");
    private final StringProperty leadInspector = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper leadError = new ReadOnlyStringWrapper("");
    private final ObservableList<PersonRow> otherInspectors = FXCollections.observableArrayList();
    private final ObservableList<PersonRow> attendees = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fillError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastLeadInspector = new ReadOnlyStringWrapper("");

    StartInspectionViewModel(ViewModelContext models, String facilityId) {
        this.models = models;
        this.workspace = models.workspace();
        this.background = models.background();
        this.messages = models.messages();
        this.facilityId = facilityId;
        date.set(today());
        date.addListener((observable, old, now) -> validate());
        leadInspector.addListener((observable, old, now) -> validate());
        otherInspectors.addListener((ListChangeListener<PersonRow>) change -> validate());
        attendees.addListener((ListChangeListener<PersonRow>) change -> validate());
        validate();
    }

    /**
     * Looks up, in the background, who led the most recent inspection on this device (not counting the demo
     * data when there is anything else), to offer that name for the lead inspector.
     */
    void load() {
        background.submit(() -> {
            List<InspectionSummary> all = workspace.inspections().list();
            Optional<InspectionSummary> latest = all.stream().filter(summary -> !summary.demo()).findFirst()
                    .or(() -> all.stream().findFirst());
            return latest.flatMap(summary -> workspace.inspections().find(summary.id()))
                    .map(Inspection::leadInspector).orElse("");
        }, lastLeadInspector::set, failure -> lastLeadInspector.set(""));
    }

    /** Puts the suggested name into the lead inspector's field. */
    void useLastLeadInspector() {
        if (!lastLeadInspector.get().isBlank()) {
            leadInspector.set(lastLeadInspector.get());
        }
    }

    PersonRow addInspector() {
        PersonRow row = new PersonRow();
        otherInspectors.add(row);
        return row;
    }

    void removeInspector(PersonRow row) {
        otherInspectors.remove(row);
    }

    PersonRow addAttendee() {
        PersonRow row = new PersonRow();
        attendees.add(row);
        return row;
    }

    void removeAttendee(PersonRow row) {
        attendees.remove(row);
    }

    private LocalDate today() {
        return LocalDate.now(workspace.clock());
    }

    private void validate() {
        LocalDate chosen = date.get();
        LocalDate today = today();
        if (chosen == null) {
            dateError.set(messages.get("start.date.required"));
        } else if (chosen.isAfter(today)) {
            dateError.set(messages.get("start.date.future", DateText.format(today, messages.language())));
        } else {
            dateError.set("");
        }
        leadError.set(leadInspector.get() == null || leadInspector.get().isBlank() ? messages.get("start.lead.required") : "");
        for (PersonRow row : otherInspectors) {
            row.error.set("");
        }
        for (PersonRow row : attendees) {
            row.error.set(!row.blank() && row.name.get().isBlank() ? messages.get("start.attendee.nameRequired") : "");
        }
        List<String> problems = new ArrayList<>();
        problems.add(dateError.get());
        problems.add(leadError.get());
        attendees.stream().map(row -> row.error.get()).forEach(problems::add);
        String first = problems.stream().filter(text -> !text.isEmpty()).findFirst().orElse("");
        problem.set(first);
        valid.set(first.isEmpty());
    }

    /**
     * The request as it would be sent: the lead inspector first, then the others in their order (each name
     * once), and the staff rows that have a name. Only while {@link #validProperty()} is true.
     */
    NewInspection request() {
        if (!valid.get()) {
            throw new IllegalStateException("the inspection cannot start yet: " + problem.get());
        }
        Set<String> inspectors = new LinkedHashSet<>();
        inspectors.add(leadInspector.get().strip());
        otherInspectors.stream().map(row -> row.name.get().strip()).filter(name -> !name.isEmpty()).forEach(inspectors::add);
        List<Attendee> present = attendees.stream().filter(row -> !row.name.get().isBlank())
                .map(row -> new Attendee(row.name.get().strip(), row.role.get().strip())).toList();
        return new NewInspection(facilityId, date.get(), List.copyOf(inspectors), present, false);
    }

    /**
     * Starts the inspection in the background and hands its id to {@code onStarted} on the JavaFX thread; a
     * failure is shown in {@link #startErrorProperty()}. Does nothing while invalid or already starting. Once
     * started, the plan's self-check (if the office planned the facility's inspection) fills its forms as work of
     * its own: a failure there is shown in {@link #fillErrorProperty()} and leaves the inspection started, so that
     * nobody starts it a second time.
     */
    void start(Consumer<String> onStarted) {
        validate();
        if (!valid.get() || starting.get()) {
            return;
        }
        NewInspection request = request();
        starting.set(true);
        startError.set("");
        fillError.set("");
        background.submit(() -> workspace.inspections().start(request, workspace.actor()).id(), id -> {
            starting.set(false);
            // Submitted before the inspection screen reads the inspection: the background runs in order, so the
            // screen shows the forms as filled.
            fillFromPlan(id);
            onStarted.accept(id);
        }, failure -> {
            starting.set(false);
            startError.set(messages.get("start.failed", models.describe(failure)));
        });
    }

    private void fillFromPlan(String inspectionId) {
        background.submit(() -> workspace.inspectionFill().startedFromPlan(inspectionId, workspace.actor()),
                filled -> { }, failure -> fillError.set(messages.get("start.fillFailed", models.describe(failure))));
    }

    ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** Why the date is refused, or empty. */
    ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    /** The last day that can be chosen: today. */
    LocalDate latestDate() {
        return today();
    }

    StringProperty leadInspectorProperty() {
        return leadInspector;
    }

    ReadOnlyStringProperty leadErrorProperty() {
        return leadError.getReadOnlyProperty();
    }

    ObservableList<PersonRow> otherInspectors() {
        return otherInspectors;
    }

    ObservableList<PersonRow> attendees() {
        return attendees;
    }

    /** True when the inspection can start: a date up to today, a lead inspector, every staff row named. */
    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** The first thing that keeps the inspection from starting, or empty. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    /** Why the plan's self-check could not fill the inspection just started, or empty. */
    ReadOnlyStringProperty fillErrorProperty() {
        return fillError.getReadOnlyProperty();
    }

    /** The lead inspector of the most recent inspection, to offer; empty when there is none. */
    ReadOnlyStringProperty lastLeadInspectorProperty() {
        return lastLeadInspector.getReadOnlyProperty();
    }
}
