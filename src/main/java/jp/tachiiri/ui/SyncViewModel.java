package jp.tachiiri.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.sync.SyncStatus;

/**
 * The transfer screen's state: the chosen folders, where each finalized inspection stands (waiting, sent,
 * received by the office), what the office sent back (planned inspections, returned reviews), and the
 * outcome of the last export or import. All disk work runs on the store executor.
 */
final class SyncViewModel {

    /** What the screen shows of this device, the status and the office's answers, read in one go. */
    record Snapshot(DeviceIdentity device, Workspace.TransferFolders folders, SyncStatus status, List<String> assignments,
                    List<String> returned, List<KnownDevice> devices, List<String> inspectorIds) {
    }

    private final UiContext context;
    private final Messages messages;
    private final StringProperty outbox = new SimpleStringProperty("");
    private final StringProperty inbox = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<SyncStatus.Entry> waiting = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Entry> sent = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Entry> received = FXCollections.observableArrayList();
    private final ObservableList<String> assignments = FXCollections.observableArrayList();
    private final ObservableList<String> returned = FXCollections.observableArrayList();
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObservableList<KnownDevice> devices = FXCollections.observableArrayList();
    private final ObservableList<String> inspectorIds = FXCollections.observableArrayList();
    /** Whose assignments the office writes; null for every inspector's. */
    private final ObjectProperty<String> assignmentsFor = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();

    SyncViewModel(UiContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    StringProperty outboxProperty() {
        return outbox;
    }

    StringProperty inboxProperty() {
        return inbox;
    }

    StringProperty fingerprintProperty() {
        return fingerprint;
    }

    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    ObservableList<SyncStatus.Entry> waiting() {
        return waiting;
    }

    ObservableList<SyncStatus.Entry> sent() {
        return sent;
    }

    ObservableList<SyncStatus.Entry> received() {
        return received;
    }

    ObservableList<String> assignments() {
        return assignments;
    }

    ObservableList<String> returned() {
        return returned;
    }

    ObservableList<String> outcomes() {
        return outcomes;
    }

    ObservableList<KnownDevice> devices() {
        return devices;
    }

    ObservableList<String> inspectorIds() {
        return inspectorIds;
    }

    ObjectProperty<String> assignmentsForProperty() {
        return assignmentsFor;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty progressTextProperty() {
        return progressText;
    }

    /** Stops an import after the file being imported: each file is imported whole or not at all. */
    void cancel() {
        cancelled.set(true);
    }

    /** The office writes the assignments bundle (plans, results, receipts) into the outbox folder. */
    void exportAssignments() {
        Optional<Path> folder = folder(outbox.get(), "sync.error.noOutbox");
        if (folder.isEmpty()) {
            return;
        }
        String inspector = assignmentsFor.get();
        run(() -> {
            saveFolders();
            String result = messages.get("sync.exported",
                    context.workspace().sync().exportAssignments(folder.get(), Optional.ofNullable(inspector)).file()
                            .toAbsolutePath());
            return new Object[] {result, snapshot()};
        }, done -> {
            outcomes.setAll((String) done[0]);
            show((Snapshot) done[1]);
        });
    }

    /** Accepts or refuses a device from the list; its waiting files are imported with the next import. */
    void decide(KnownDevice device, boolean accept) {
        run(() -> {
            context.workspace().syncRecords().decide(device.deviceId(), accept ? DeviceStatus.TRUSTED : DeviceStatus.REFUSED,
                    Instant.now());
            return snapshot();
        }, this::show);
    }

    void load() {
        run(this::snapshot, snapshot -> {
            outbox.set(snapshot.folders().outbox());
            inbox.set(snapshot.folders().inbox());
            show(snapshot);
        });
    }

    /** Writes the findings bundle into the outbox folder. */
    void export() {
        Optional<Path> folder = folder(outbox.get(), "sync.error.noOutbox");
        if (folder.isEmpty()) {
            return;
        }
        run(() -> {
            saveFolders();
            String result = context.workspace().sync().exportFindings(folder.get())
                    .map(written -> messages.get("sync.exported", written.file().toAbsolutePath()))
                    .orElseGet(() -> messages.get("sync.nothingToSend"));
            return new Object[] {result, snapshot()};
        }, done -> {
            outcomes.setAll((String) done[0]);
            show((Snapshot) done[1]);
        });
    }

    /**
     * Imports every bundle of the inbox folder; a bundle from an office not yet enrolled is offered to
     * {@code askToEnrol}, which answers with the user's decision.
     */
    void importInbox(EnrolmentQuestion askToEnrol) {
        Optional<Path> folder = folder(inbox.get(), "sync.error.noInbox");
        if (folder.isEmpty()) {
            return;
        }
        cancelled.set(false);
        run(() -> {
            saveFolders();
            return importFiles(SyncService.filesOf(folder.get()));
        }, results -> {
            outcomes.setAll(results.stream().map(outcome -> outcome.describe(messages)).toList());
            if (cancelled.get()) {
                outcomes.add(messages.get("sync.cancelled"));
            }
            results.stream()
                    .filter(outcome -> outcome.result() == ImportOutcome.Result.PENDING_ENROLMENT)
                    .map(outcome -> outcome.header().orElseThrow())
                    .findFirst()
                    .ifPresentOrElse(device -> askToEnrol.ask(device, decision -> enrol(device, decision, askToEnrol)),
                            () -> run(this::snapshot, this::show));
        });
    }

    /** Imports file by file, reporting progress on the JavaFX thread, until done or cancelled. */
    private List<ImportOutcome> importFiles(List<Path> files) {
        List<ImportOutcome> results = new ArrayList<>();
        for (int i = 0; i < files.size() && !cancelled.get(); i++) {
            Path file = files.get(i);
            double done = (double) i / files.size();
            String text = messages.get("sync.progress", i + 1, files.size(), file.getFileName());
            Platform.runLater(() -> {
                progress.set(done);
                progressText.set(text);
            });
            results.add(context.workspace().sync().importFile(file, false));
        }
        Platform.runLater(() -> {
            progress.set(1);
            progressText.set("");
        });
        return results;
    }

    /** What the user decided about an office's key: enrol it, refuse it, or decide later. */
    enum Decision {
        ENROL,
        REFUSE,
        LATER
    }

    @FunctionalInterface
    interface EnrolmentQuestion {
        void ask(BundleHeader office, Consumer<Decision> answer);
    }

    private void enrol(BundleHeader office, Decision decision, EnrolmentQuestion askToEnrol) {
        if (decision == Decision.LATER) {
            run(this::snapshot, this::show);
            return;
        }
        run(() -> context.workspace().syncRecords().decide(office.deviceId(),
                decision == Decision.ENROL ? DeviceStatus.TRUSTED : DeviceStatus.REFUSED, Instant.now()), decided -> {
            if (decision == Decision.ENROL) {
                importInbox(askToEnrol);
            } else {
                outcomes.add(messages.get("sync.deviceRefused", office.deviceId(), office.fingerprint()));
                run(this::snapshot, this::show);
            }
        });
    }

    private Optional<Path> folder(String text, String missingKey) {
        if (text == null || text.isBlank()) {
            message.set(messages.get(missingKey));
            return Optional.empty();
        }
        return Optional.of(Path.of(text.strip()));
    }

    private void saveFolders() {
        context.workspace().setTransferFolders(new Workspace.TransferFolders(outbox.get(), inbox.get()));
    }

    private <T> void run(Supplier<T> work, Consumer<T> onSuccess) {
        busy.set(true);
        message.set("");
        context.executor().submit(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            message.set(context.describe(failure));
        });
    }

    private void show(Snapshot snapshot) {
        fingerprint.set(messages.get("sync.thisDevice", snapshot.device().fingerprint()));
        devices.setAll(snapshot.devices());
        inspectorIds.setAll(snapshot.inspectorIds());
        waiting.setAll(snapshot.status().waiting());
        sent.setAll(snapshot.status().sent());
        received.setAll(snapshot.status().received());
        assignments.setAll(snapshot.assignments());
        returned.setAll(snapshot.returned());
    }

    /** Reads everything the screen shows; runs on the store executor. */
    private Snapshot snapshot() {
        Workspace workspace = context.workspace();
        List<String> planned = new ArrayList<>();
        for (BundleRecords.Assignment assignment : workspace.syncRecords().assignments()) {
            planned.add(messages.get("sync.assignment", Dates.format(LocalDate.parse(assignment.plannedDate()), messages), facilityName(assignment.facilityId()),
                    assignment.inspectorName()));
        }
        List<String> returnedItems = new ArrayList<>();
        for (BundleRecords.Review review : workspace.syncRecords().reviews()) {
            if (!review.decision().equals("RETURNED")) {
                continue;
            }
            Optional<Inspection> inspection = workspace.inspections().find(review.inspectionId(), review.revision());
            String facility = inspection.map(found -> facilityName(found.facilityId())).orElse(review.inspectionId());
            StringBuilder text = new StringBuilder(messages.get("sync.returned", facility, review.revision(), review.comment()));
            for (BundleRecords.ItemComment item : review.items()) {
                text.append('\n').append(messages.get("sync.returnedItem", itemTitle(inspection, item.itemId()), item.comment()));
            }
            returnedItems.add(text.toString());
        }
        return new Snapshot(workspace.sync().identity(), workspace.transferFolders(), workspace.syncRecords().status(),
                planned, returnedItems, workspace.syncRecords().knownDevices(),
                workspace.syncRecords().assignments().stream().map(BundleRecords.Assignment::inspectorId).distinct().sorted()
                        .toList());
    }

    private String facilityName(String facilityId) {
        return context.workspace().facilities().byId(facilityId).map(Facility::name).orElse(facilityId);
    }

    private String itemTitle(Optional<Inspection> inspection, String itemId) {
        return inspection.flatMap(found -> context.workspace().catalogs().version(found.catalogVersion()))
                .flatMap(catalog -> catalog.item(itemId))
                .map(item -> item.title().in(messages.language()))
                .orElse(itemId);
    }
}
