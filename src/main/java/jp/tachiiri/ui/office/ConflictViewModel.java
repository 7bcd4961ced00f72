package jp.tachiiri.ui.office;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.review.Conflict;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The versions of one inspection that arrived in conflict with the office's: each compared with the stored one,
 * field by field (the findings, and the hospital's and vendors' forms), and settled by keeping the stored version
 * or taking the arriving one (the replaced version stays kept); either choice is audited.
 */
public final class ConflictViewModel {

    /** One field of the hospital's or a vendor's form that differs, as the screen shows it. */
    public record FormChange(String subject, String field, String stored, String arriving) {
    }

    private static final String VENDOR_ANSWER = "answer/";

    private final ViewModelContext context;
    private final String inspectionId;
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Conflict> conflictsShown = FXCollections.unmodifiableObservableList(conflicts);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final Map<String, ReadOnlyStringWrapper> errors = new HashMap<>();
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper();

    public ConflictViewModel(ViewModelContext context, String inspectionId) {
        this.context = context;
        this.inspectionId = inspectionId;
    }

    public void load() {
        context.background().submit(() -> context.workspace().review().conflicts(inspectionId), found -> {
            conflicts.setAll(found);
            loaded.set(true);
        }, failure -> loadError.set(context.describe(failure)));
    }

    /** Keeps the office's version; the arriving one is kept aside. */
    public void keepStored(Conflict conflict) {
        settle(conflict, () -> {
            Workspace workspace = context.workspace();
            workspace.review().keepStored(conflict.inspectionId(), conflict.contentHash(), workspace.actor());
            return true;
        });
    }

    /** Takes the arriving version, photos included; the stored one is kept aside. */
    public void takeArriving(Conflict conflict) {
        settle(conflict, () -> {
            Workspace workspace = context.workspace();
            workspace.sync().takeArriving(conflict.inspectionId(), conflict.contentHash(), workspace.actor());
            return true;
        });
    }

    private void settle(Conflict conflict, Supplier<Boolean> choice) {
        ReadOnlyStringWrapper error = error(conflict);
        error.set("");
        context.background().submit(choice, done -> settled.set(true), failure -> error.set(context.describe(failure)));
    }

    private ReadOnlyStringWrapper error(Conflict conflict) {
        return errors.computeIfAbsent(conflict.contentHash(), hash -> new ReadOnlyStringWrapper(""));
    }

    /** The forms' fields that differ in one revision: the hospital's by ministry item, then each vendor's. */
    public List<FormChange> formChanges(Conflict.RevisionComparison revision) {
        Messages messages = context.messages();
        List<FormChange> rows = new ArrayList<>();
        for (RevisionDiff.Change change : revision.hospitalFormChanges()) {
            rows.add(new FormChange(messages.get("conflict.forms.hospital", change.itemId()),
                    messages.get("conflict.forms.field." + change.field()), shown(change.field(), change.before()),
                    shown(change.field(), change.after())));
        }
        for (RevisionDiff.Change change : revision.vendorFormChanges()) {
            // A vendor's answer to one item is the field "answer/<ministry number>".
            boolean answer = change.field().startsWith(VENDOR_ANSWER);
            String field = answer ? messages.get("conflict.forms.field.vendorAnswer",
                    change.field().substring(VENDOR_ANSWER.length())) : messages.get("conflict.forms.field." + change.field());
            String kind = answer ? "answer" : change.field();
            rows.add(new FormChange(messages.get("conflict.forms.vendor", change.itemId()), field,
                    shown(kind, change.before()), shown(kind, change.after())));
        }
        return rows;
    }

    /** A field's value in words: answers, confirmations and a form's status by name, days as dates, nothing as a dash. */
    private String shown(String field, String value) {
        Messages messages = context.messages();
        if (value == null || value.isEmpty()) {
            return "—";
        }
        return switch (field) {
            case "answer" -> messages.get("answer." + value);
            case "confirmation" -> messages.get("review.forms.confirmation." + value);
            case "status" -> messages.get("conflict.forms.status." + value);
            case "checkedOn", "targetDate", "filledOn" -> Dates.format(LocalDate.parse(value), messages);
            default -> value;
        };
    }

    public ObservableList<Conflict> conflicts() {
        return conflictsShown;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** Why settling this conflict failed; empty while nothing is wrong. */
    public ReadOnlyStringProperty errorOf(Conflict conflict) {
        return error(conflict).getReadOnlyProperty();
    }

    /** True once a conflict is settled: the inspection's content may have changed, so the screen leaves it. */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }
}
