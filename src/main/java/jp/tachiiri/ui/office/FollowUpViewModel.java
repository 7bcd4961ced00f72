package jp.tachiiri.ui.office;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpEvidence;
import jp.tachiiri.followup.FollowUpList;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The office's follow-up: what is open today, narrowed by what to show, 参考 items, checkpoint and hospital, with the
 * counts; for the chosen finding, the hospital's report and the office's assessment, recorded with its evidence; and
 * the list written as CSV into reports/.
 */
public final class FollowUpViewModel {

    /** The cases as read, and the day the list is judged on. */
    private record Read(List<FollowUpCase> cases, LocalDate today) {
    }

    private final ViewModelContext context;
    private final Messages messages;
    private final ObjectProperty<FollowUpList.Show> show = new SimpleObjectProperty<>(FollowUpList.Show.OPEN);
    private final BooleanProperty withReference = new SimpleBooleanProperty();
    private final ObjectProperty<Checkpoint> checkpoint = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<FollowUpList.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FollowUpList.Counts> counts =
            new ReadOnlyObjectWrapper<>(new FollowUpList.Counts(0, 0, 0, 0));
    private final ObjectProperty<FollowUpList.Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private List<FollowUpCase> cases = List.of();
    private LocalDate today;

    public FollowUpViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
        show.addListener((observable, was, now) -> refilter());
        withReference.addListener((observable, was, now) -> refilter());
        checkpoint.addListener((observable, was, now) -> refilter());
        text.addListener((observable, was, now) -> refilter());
    }

    /** Reads every case again (after a change, keeping the chosen finding chosen). */
    public void load() {
        FollowUpService followUp = context.workspace().followUp();
        Optional<String> chosen = Optional.ofNullable(selected.get()).map(FollowUpViewModel::key);
        context.background().submit(() -> new Read(followUp.cases(), followUp.today()), read -> {
            cases = read.cases();
            today = read.today();
            refilter();
            // A finding that left the list (closed while only open ones are shown) is no longer the chosen one.
            selected.set(chosen.flatMap(key -> rows.stream().filter(row -> key(row).equals(key)).findFirst()).orElse(null));
        }, this::failed);
    }

    private static String key(FollowUpList.Row row) {
        return row.followed().inspectionId() + "#" + row.finding().itemId();
    }

    private void refilter() {
        if (today == null) {
            return;
        }
        FollowUpList list = FollowUpList.of(cases, today, filter());
        rows.setAll(list.rows());
        counts.set(list.counts());
        // A finding the filter now hides is no longer the chosen one.
        if (selected.get() != null && !rows.contains(selected.get())) {
            selected.set(null);
        }
    }

    private FollowUpList.Filter filter() {
        return new FollowUpList.Filter(show.get(), withReference.get(), Optional.ofNullable(checkpoint.get()), "", text.get());
    }

    /** Records the chosen finding's hospital's report as received on the typed day from the named contact. */
    public void recordReport(String receivedTyped, String contact, String role) {
        FollowUpList.Row row = selected.get();
        if (row == null) {
            return;
        }
        Optional<LocalDate> received = date(receivedTyped, "followup.field.receivedOn");
        if (received.isEmpty()) {
            return;
        }
        change(() -> context.workspace().followUp().recordReport(row.followed().inspectionId(), received.get(), contact,
                role, context.workspace().actor()), messages.get("followup.reportRecorded", row.followed().facilityName()));
    }

    /** Records what the hospital did for the chosen finding and the office's assessment. */
    public void assess(Assessment assessment, String action, String doneTyped, String newTargetTyped) {
        FollowUpList.Row row = selected.get();
        if (row == null || assessment == null) {
            error.set(messages.get("followup.chooseAssessment"));
            return;
        }
        Optional<Optional<LocalDate>> doneOn = optionalDate(doneTyped, "followup.field.doneOn");
        Optional<Optional<LocalDate>> newTarget = optionalDate(newTargetTyped, "followup.field.newTarget");
        if (doneOn.isEmpty() || newTarget.isEmpty()) {
            return;
        }
        change(() -> context.workspace().followUp().assess(row.followed().inspectionId(), row.finding().itemId(), action,
                doneOn.get(), assessment, newTarget.get(), context.workspace().actor()),
                messages.get("followup.assessed", row.finding().title().in(messages.language()),
                        messages.get(assessment.messageKey())));
    }

    /** Keeps the files the hospital sent for the chosen finding. */
    public void addEvidence(List<Path> files) {
        FollowUpList.Row row = selected.get();
        if (row == null || files.isEmpty()) {
            return;
        }
        change(() -> context.workspace().followUp().addEvidence(row.followed().inspectionId(), row.finding().itemId(),
                files, null, context.workspace().actor()),
                messages.get("followup.evidenceAdded", files.size()));
    }

    /**
     * Writes the reminder letter (督促) to the chosen finding's hospital, dated today, in the user's language, into
     * printouts/, and hands it to {@code open}; a hospital that cannot be sent one is told why.
     */
    public void writeReminderLetter(Consumer<Path> open) {
        FollowUpList.Row row = selected.get();
        if (row == null) {
            return;
        }
        error.set("");
        FollowUpService followUp = context.workspace().followUp();
        String inspectionId = row.followed().inspectionId();
        context.background().submit(() -> {
            Path file = followUp.reminderLetterFile(inspectionId, followUp.today(), messages.language());
            followUp.writeReminderLetter(inspectionId, followUp.today(), messages.language(), file, context.workspace().actor());
            return file;
        }, file -> {
            status.set(messages.get("followup.letterWritten", file));
            open.accept(file);
        }, failure -> error.set(context.describe(failure)));
    }

    /** Hands the stored bytes of a piece of evidence, checked against their hash, to {@code open}. */
    public void openEvidence(FollowUpEvidence kept, Consumer<Path> open) {
        error.set("");
        context.background().submit(() -> context.workspace().followUp().file(kept), open, this::failed);
    }

    /** Reads the inspection's follow-up trail and verifies its chain, then hands both to {@code show}. */
    public void history(String inspectionId, Consumer<ChainVerifier.Trail> show) {
        context.background().submit(() -> context.workspace().followUp().verifiedTrail(inspectionId), show, this::failed);
    }

    /** The list as shown, as CSV in the data folder's reports/. */
    public void writeCsv() {
        if (today == null) {
            return;
        }
        FollowUpList list = FollowUpList.of(cases, today, filter());
        Path file = context.workspace().folder().resolve("reports").resolve("followup_" + today + ".csv");
        context.background().submit(() -> list.writeCsv(file, messages),
                written -> status.set(messages.get("followup.csvWritten", written - 1, file)), this::failed);
    }

    private void change(Runnable work, String done) {
        error.set("");
        context.background().submit(() -> {
            work.run();
            return done;
        }, message -> {
            status.set(message);
            load();
        }, failure -> {
            error.set(context.describe(failure));
            load();
        });
    }

    /** A required date as typed; empty after saying why when it is none. */
    private Optional<LocalDate> date(String typed, String fieldKey) {
        Optional<Optional<LocalDate>> read = optionalDate(typed, fieldKey);
        if (read.isPresent() && read.get().isEmpty()) {
            error.set(messages.get("followup.dateRequired", messages.get(fieldKey)));
            return Optional.empty();
        }
        return read.flatMap(date -> date);
    }

    /** A date that may be left empty: empty when the text is no date (the reason is shown), else the date or none. */
    private Optional<Optional<LocalDate>> optionalDate(String typed, String fieldKey) {
        try {
            return Optional.of(DateText.parse(typed == null ? "" : typed, fieldKey));
        } catch (DateText.UnreadableDate unreadable) {
            error.set(messages.describe(unreadable));
            return Optional.empty();
        }
    }

    private void failed(RuntimeException failure) {
        error.set(context.describe(failure));
    }

    public ObjectProperty<FollowUpList.Show> showProperty() {
        return show;
    }

    public BooleanProperty withReferenceProperty() {
        return withReference;
    }

    public ObjectProperty<Checkpoint> checkpointProperty() {
        return checkpoint;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<FollowUpList.Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<FollowUpList.Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ObjectProperty<FollowUpList.Row> selectedProperty() {
        return selected;
    }

    /** Why the last change was refused; empty while nothing is wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last change did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
