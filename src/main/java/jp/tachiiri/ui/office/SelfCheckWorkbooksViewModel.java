package jp.tachiiri.ui.office;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.selfcheck.intake.FileOutcome;
import jp.tachiiri.selfcheck.intake.Imported;
import jp.tachiiri.selfcheck.intake.PlanWorkbooks;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ViewModelContext;
import jp.tachiiri.workbook.WorkbookRequest;

/**
 * The self-check workbooks at the office: written for every plan of a period into a folder (one folder per plan), and
 * filled ones taken back in, file by file on the background executor, each file's outcome listed as it comes.
 */
public final class SelfCheckWorkbooksViewModel {

    /** One file's outcome as the list shows it. */
    public record Line(String file, boolean accepted, String text) {
    }

    private final ViewModelContext context;
    private final Messages messages;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty outFolder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper("");
    private final ObservableList<Line> results = FXCollections.observableArrayList();
    private final ObservableList<Line> resultsShown = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public SelfCheckWorkbooksViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
        LocalDate today = LocalDate.now(context.workspace().clock());
        from.set(today);
        to.set(today.plusMonths(3));
    }

    /** Writes the workbooks of every plan of the period into the folder; says how many, or why not. */
    public void write() {
        LocalDate start = from.get();
        LocalDate end = to.get();
        String folder = outFolder.get().strip();
        if (start == null || end == null || folder.isEmpty()) {
            written.set(messages.get("selfCheckWorkbooks.incomplete"));
            return;
        }
        busy.set(true);
        written.set("");
        context.background().submit(() -> context.workspace().planWorkbooks().writePeriod(start, end, Path.of(folder)),
                files -> {
                    busy.set(false);
                    written.set(files.isEmpty()
                            ? messages.get("selfCheckWorkbooks.noPlans", Dates.format(start, messages), Dates.format(end, messages))
                            : messages.get("selfCheckWorkbooks.written", files.size(),
                                    files.values().stream().mapToInt(List::size).sum(), folder));
                }, failure -> {
                    busy.set(false);
                    written.set(context.describe(failure));
                });
    }

    /**
     * Imports the filled workbooks of the chosen files and folders, one file at a time in the background, each outcome
     * added to {@link #results()} as it comes; a refused file stops no other.
     */
    public void importFrom(List<Path> chosen) {
        if (chosen.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        results.clear();
        context.background().submit(() -> chosen.stream().flatMap(path -> PlanWorkbooks.filesOf(path).stream()).toList(),
                files -> {
                    if (files.isEmpty()) {
                        progress.set(messages.get("selfCheckWorkbooks.noFiles"));
                        busy.set(false);
                        return;
                    }
                    next(new ArrayDeque<>(files), files.size());
                }, failure -> {
                    progress.set(context.describe(failure));
                    busy.set(false);
                });
    }

    private void next(Deque<Path> waiting, int total) {
        if (waiting.isEmpty()) {
            long refused = results.stream().filter(line -> !line.accepted()).count();
            progress.set(messages.get("selfCheckWorkbooks.done", total, total - refused, refused));
            busy.set(false);
            return;
        }
        Path file = waiting.removeFirst();
        progress.set(messages.get("selfCheckWorkbooks.progress", total - waiting.size(), total, file.getFileName()));
        context.background().submit(() -> context.workspace().planWorkbooks().importFile(file, context.workspace().actor()),
                outcome -> {
                    results.add(line(outcome));
                    next(waiting, total);
                }, failure -> {
                    results.add(new Line(file.getFileName().toString(), false, context.describe(failure)));
                    next(waiting, total);
                });
    }

    private Line line(FileOutcome outcome) {
        String name = outcome.file().getFileName().toString();
        if (outcome.accepted()) {
            Imported imported = outcome.imported().orElseThrow();
            WorkbookRequest request = imported.request();
            return new Line(name, true, messages.get("selfCheckWorkbooks.accepted." + imported.outcome().name(),
                    request.facility().name(), Dates.format(request.plan().date(), messages), imported.changedFields()));
        }
        return new Line(name, false, outcome.refusal().orElseThrow().localizedMessage(messages.language()));
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty outFolderProperty() {
        return outFolder;
    }

    /** What the last writing did, or why it did not. */
    public ReadOnlyStringProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Each imported file's outcome, in the order they were read. */
    public ObservableList<Line> results() {
        return resultsShown;
    }

    /** Which file is being read ("2 / 5"), then how many were imported and refused. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
