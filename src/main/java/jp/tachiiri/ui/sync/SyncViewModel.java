package jp.tachiiri.ui.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.DeviceTrust;
import jp.tachiiri.sync.FingerprintCheck;
import jp.tachiiri.sync.ImportBatch;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.sync.SyncStatus;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The transfer screen's state: the chosen folders, where each finalized inspection stands (waiting, sent,
 * received by the office), what the office sent back (planned inspections, returned reviews), and the
 * outcome of the last export or import. All disk work runs in the background.
 */
final class SyncViewModel {

    /** What the screen shows of this device, the status and the office's answers, read in one go. */
    record Snapshot(String fingerprint, Settings.TransferFolders folders, SyncStatus status, List<String> assignments,
                    List<Returned> returned, List<KnownDevice> devices, Optional<KnownDevice> office, List<String> inspectorIds) {
    }

    private final ViewModelContext context;
    private final Messages messages;
    private final StringProperty outbox = new SimpleStringProperty("");
    private final StringProperty inbox = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<SyncStatus.Entry> waiting = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Entry> waitingShown = FXCollections.unmodifiableObservableList(waiting);
    private final ObservableList<SyncStatus.Entry> sent = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Entry> sentShown = FXCollections.unmodifiableObservableList(sent);
    private final ObservableList<SyncStatus.Entry> received = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Entry> receivedShown = FXCollections.unmodifiableObservableList(received);
    private final ObservableList<String> assignments = FXCollections.observableArrayList();
    private final ObservableList<String> assignmentsShown = FXCollections.unmodifiableObservableList(assignments);
    private final ObservableList<Returned> returned = FXCollections.observableArrayList();
    private final ObservableList<Returned> returnedShown = FXCollections.unmodifiableObservableList(returned);
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObservableList<String> outcomesShown = FXCollections.unmodifiableObservableList(outcomes);
    private final ObservableList<KnownDevice> devices = FXCollections.observableArrayList();
    private final ObservableList<KnownDevice> devicesShown = FXCollections.unmodifiableObservableList(devices);
    private final ObservableList<String> inspectorIds = FXCollections.observableArrayList();
    private final ObservableList<String> inspectorIdsShown = FXCollections.unmodifiableObservableList(inspectorIds);
    /** At a tablet, the office it takes assignments from; null until it has enrolled one. */
    private final ReadOnlyObjectWrapper<KnownDevice> office = new ReadOnlyObjectWrapper<>();
    /** Whose assignments the office writes; null for every inspector's. */
    private final ObjectProperty<String> assignmentsFor = new SimpleObjectProperty<>();
    /** The enrolled tablets assignments can be sealed to, and those chosen: all for every inspector's plans, none for one's. */
    private final ObservableList<KnownDevice> tablets = FXCollections.observableArrayList();
    private final ObservableList<String> chosenTablets = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelled = new AtomicBoolean();

    SyncViewModel(ViewModelContext context) {
        this.context = context;
        this.messages = context.messages();
        // Every inspector's plans go to every tablet unless unticked; one inspector's only to the tablets ticked for them.
        assignmentsFor.addListener((observable, before, inspector) -> chosenTablets.setAll(inspector == null
                ? tablets.stream().map(KnownDevice::deviceId).toList() : List.of()));
    }

    StringProperty outboxProperty() {
        return outbox;
    }

    StringProperty inboxProperty() {
        return inbox;
    }

    ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ObservableList<SyncStatus.Entry> waiting() {
        return waitingShown;
    }

    ObservableList<SyncStatus.Entry> sent() {
        return sentShown;
    }

    ObservableList<SyncStatus.Entry> received() {
        return receivedShown;
    }

    ObservableList<String> assignments() {
        return assignmentsShown;
    }

    /** An inspection the office returned, as the list shows it; tapping it opens the inspection. */
    record Returned(String inspectionId, String text) {
    }

    ObservableList<Returned> returned() {
        return returnedShown;
    }

    ObservableList<String> outcomes() {
        return outcomesShown;
    }

    ObservableList<KnownDevice> devices() {
        return devicesShown;
    }

    ObservableList<String> inspectorIds() {
        return inspectorIdsShown;
    }

    ReadOnlyObjectProperty<KnownDevice> officeProperty() {
        return office.getReadOnlyProperty();
    }

    ObjectProperty<String> assignmentsForProperty() {
        return assignmentsFor;
    }

    /** The tablets the office's assignments can be sealed to. */
    ObservableList<KnownDevice> tablets() {
        return tablets;
    }

    /** The ids of the tablets the next assignments bundle is sealed to. */
    ObservableList<String> chosenTablets() {
        return chosenTablets;
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
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
        if (chosenTablets.isEmpty()) {
            message.set(messages.get(tablets.isEmpty() ? "sync.error.noTabletCanReceive" : "sync.chooseTablets"));
            return;
        }
        List<String> recipients = List.copyOf(chosenTablets);
        exportThenShow(() -> messages.get("sync.exportedTo", context.workspace().sync()
                .exportAssignments(folder.get(), Optional.ofNullable(inspector), recipients).toAbsolutePath(), recipients.size()));
    }

    /** Writes this installation's enrolment file into the outbox folder, for the other side to enrol it. */
    void exportEnrolment() {
        Optional<Path> folder = folder(outbox.get(), "sync.error.noOutbox");
        if (folder.isEmpty()) {
            return;
        }
        exportThenShow(() -> messages.get("sync.enrolmentWritten",
                context.workspace().sync().exportEnrolment(folder.get()).toAbsolutePath(),
                context.workspace().sync().fingerprint()));
    }

    /**
     * Accepts a device from the list after the person compared its fingerprint (asked by {@code askToEnrol}), or
     * refuses it; its waiting files are imported with the next import.
     */
    void decide(KnownDevice device, boolean accept, EnrolmentQuestion askToEnrol) {
        run(() -> toDecide(device.deviceId(), device.fingerprint(), device.role()), shown -> {
            if (accept) {
                askToEnrol.ask(shown, answer -> settle(shown, answer, () -> run(this::snapshot, this::show)));
            } else {
                settle(shown, new Answer(Decision.REFUSE, ""), () -> run(this::snapshot, this::show));
            }
        });
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
        exportThenShow(() -> context.workspace().sync().exportFindings(folder.get())
                .map(written -> messages.get("sync.exported", written.toAbsolutePath()))
                .orElseGet(() -> messages.get("sync.nothingToSend")));
    }

    /**
     * Imports every bundle of the inbox folder. A bundle from a device not yet enrolled is offered to
     * {@code askToEnrol}; at a tablet, a bundle from another office than its own to {@code askToChangeOffice}.
     */
    void importInbox(EnrolmentQuestion askToEnrol, OfficeChangeQuestion askToChangeOffice) {
        Optional<Path> folder = folder(inbox.get(), "sync.error.noInbox");
        if (folder.isEmpty()) {
            return;
        }
        cancelled.set(false);
        run(() -> {
            saveFolders();
            List<ImportOutcome> results = importFiles(SyncService.filesOf(folder.get()));
            Optional<DeviceToDecide> pending = results.stream()
                    .filter(outcome -> outcome.result() == ImportOutcome.Result.PENDING_ENROLMENT)
                    .map(outcome -> outcome.sender().orElseThrow()).findFirst()
                    .map(sender -> toDecide(sender.deviceId(), sender.fingerprint(),
                            DeviceTrust.senders(context.workspace().settings().role().orElseThrow())));
            Optional<OtherOffice> otherOffice = results.stream().filter(ImportOutcome::fromAnotherOffice).findFirst()
                    .map(outcome -> {
                        ImportOutcome.Sender sender = outcome.sender().orElseThrow();
                        return new OtherOffice(outcome.file(), toDecide(sender.deviceId(), sender.fingerprint(), Role.OFFICE));
                    });
            return new Imported(results, pending, otherOffice);
        }, imported -> {
            List<ImportOutcome> results = imported.outcomes();
            outcomes.setAll(results.stream().map(outcome -> outcome.describe(messages)).toList());
            if (cancelled.get()) {
                outcomes.add(messages.get("sync.cancelled"));
            }
            Runnable again = () -> importInbox(askToEnrol, askToChangeOffice);
            if (imported.toEnrol().isPresent()) {
                DeviceToDecide device = imported.toEnrol().get();
                askToEnrol.ask(device, answer -> settle(device, answer, again));
            } else if (imported.otherOffice().isPresent()) {
                OtherOffice other = imported.otherOffice().get();
                askToChangeOffice.ask(other.office(), change -> change.ifPresentOrElse(
                        chosen -> changeOffice(other.file(), other.office(), chosen, again), () -> run(this::snapshot, this::show)));
            } else {
                run(this::snapshot, this::show);
            }
        });
    }

    /**
     * The outcome per file, the first device waiting for enrolment, and at a tablet the first file from another
     * office: read in the background.
     */
    private record Imported(List<ImportOutcome> outcomes, Optional<DeviceToDecide> toEnrol, Optional<OtherOffice> otherOffice) {
    }

    /** A file from an office other than the tablet's, and that office as the question shows it. */
    private record OtherOffice(Path file, DeviceToDecide office) {
    }

    /**
     * A device to ask about, with the groups of its fingerprint this installation asks for; the office demo's own
     * tablet, which has no screen, is marked so.
     */
    private DeviceToDecide toDecide(String deviceId, String fingerprint, Role role) {
        boolean demo = context.workspace().settings().demoTablet().filter(deviceId::equals).isPresent();
        return new DeviceToDecide(deviceId, fingerprint, role, demo, context.workspace().deviceTrust().screenCheck(fingerprint));
    }

    /** Imports file by file, reporting progress on the JavaFX thread, until done or cancelled. */
    private List<ImportOutcome> importFiles(List<Path> files) {
        List<ImportOutcome> results = new ArrayList<>();
        try (ImportBatch batch = context.workspace().sync().importBatch(files, false)) {
            for (int i = 0; batch.hasNext() && !cancelled.get(); i++) {
                double done = (double) i / files.size();
                String text = messages.get("sync.progress", i + 1, files.size(), batch.nextFile().getFileName());
                context.background().toScreen(() -> {
                    progress.set(done);
                    progressText.set(text);
                });
                results.add(batch.next());
            }
        }
        context.background().toScreen(() -> {
            progress.set(1);
            progressText.set("");
        });
        return results;
    }

    /** What the user decided about a device's key: enrol it, refuse it, or decide later. */
    enum Decision {
        ENROL,
        REFUSE,
        LATER
    }

    /**
     * A device as the enrolment question shows it: its id, its fingerprint, the role it would have here, whether it
     * is the office demo's own tablet (whose fingerprint is then shown whole: it has no screen), and the groups of
     * the fingerprint the person is asked for.
     */
    record DeviceToDecide(String deviceId, String fingerprint, Role role, boolean demo, FingerprintCheck check) {

        /** The fingerprint with the asked-for groups hidden, to be read off the other device's screen. */
        String shownFingerprint() {
            return check.shown(fingerprint);
        }

        /** Whether what the person typed is the hidden groups. */
        boolean matches(String code) {
            return check.matches(fingerprint, code);
        }
    }

    /** The decision, with the last group of the fingerprint as the person typed it from the other screen. */
    record Answer(Decision decision, String code) {
    }

    @FunctionalInterface
    interface EnrolmentQuestion {
        void ask(DeviceToDecide device, Consumer<Answer> answer);
    }

    /** A change of office as the person confirmed it: the new office's hidden groups as typed, and why. */
    record OfficeChange(String code, String reason) {
    }

    @FunctionalInterface
    interface OfficeChangeQuestion {
        /** Empty: keep the current office. */
        void ask(DeviceToDecide arriving, Consumer<Optional<OfficeChange>> answer);
    }

    private void settle(DeviceToDecide device, Answer answer, Runnable afterEnrolling) {
        if (answer.decision() == Decision.LATER) {
            run(this::snapshot, this::show);
            return;
        }
        run(() -> answer.decision() == Decision.ENROL
                ? context.workspace().deviceTrust().accept(device.deviceId(), device.check(), answer.code())
                : context.workspace().deviceTrust().refuse(device.deviceId()), decided -> {
            if (answer.decision() == Decision.ENROL) {
                afterEnrolling.run();
            } else {
                outcomes.add(messages.get("sync.deviceRefused", device.deviceId(), device.fingerprint()));
                run(this::snapshot, this::show);
            }
        });
    }

    private void changeOffice(Path bundle, DeviceToDecide office, OfficeChange change, Runnable afterChanging) {
        run(() -> context.workspace().deviceTrust().changeOffice(bundle, office.check(), change.code(), change.reason()),
                changed -> {
                    outcomes.add(messages.get("sync.officeChanged", changed.deviceId(), changed.fingerprint()));
                    afterChanging.run();
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
        context.workspace().settings().setTransferFolders(new Settings.TransferFolders(outbox.get(), inbox.get()));
    }

    /** What an export says, and the screen's figures after it. */
    private record Exported(String result, Snapshot snapshot) {
    }

    /** Remembers the folders, runs {@code export} (which says what it wrote) and shows the figures after it. */
    private void exportThenShow(Supplier<String> export) {
        run(() -> {
            saveFolders();
            return new Exported(export.get(), snapshot());
        }, done -> {
            outcomes.setAll(done.result());
            show(done.snapshot());
        });
    }

    private <T> void run(Supplier<T> work, Consumer<T> onSuccess) {
        busy.set(true);
        message.set("");
        context.background().submit(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            message.set(context.describe(failure));
        });
    }

    private void show(Snapshot snapshot) {
        fingerprint.set(messages.get("sync.thisDevice", snapshot.fingerprint()));
        devices.setAll(snapshot.devices());
        office.set(snapshot.office().orElse(null));
        inspectorIds.setAll(snapshot.inspectorIds());
        List<KnownDevice> sealable = snapshot.devices().stream().filter(KnownDevice::canReceiveAssignments).toList();
        boolean firstShown = tablets.isEmpty();
        tablets.setAll(sealable);
        chosenTablets.retainAll(sealable.stream().map(KnownDevice::deviceId).toList());
        if (firstShown && assignmentsFor.get() == null) {
            chosenTablets.setAll(sealable.stream().map(KnownDevice::deviceId).toList());
        }
        waiting.setAll(snapshot.status().waiting());
        sent.setAll(snapshot.status().sent());
        received.setAll(snapshot.status().received());
        assignments.setAll(snapshot.assignments());
        returned.setAll(snapshot.returned());
    }

    /** Reads everything the screen shows; runs in the background. */
    private Snapshot snapshot() {
        Workspace workspace = context.workspace();
        List<PlannedInspection> assignments = workspace.sync().plans();
        Map<String, String> names = workspace.facilities().namesById();
        List<String> planned = new ArrayList<>();
        for (PlannedInspection assignment : assignments) {
            planned.add(messages.get("sync.assignment", Dates.format(assignment.date(), messages), names.getOrDefault(assignment.facilityId(), assignment.facilityId()),
                    assignment.inspectorName()));
        }
        List<Returned> returnedItems = new ArrayList<>();
        for (ReviewResult review : workspace.sync().reviews()) {
            if (!review.returned()) {
                continue;
            }
            Optional<Inspection> inspection = workspace.inspections().find(review.inspectionId(), review.revision());
            String facility = inspection.map(found -> names.getOrDefault(found.facilityId(), found.facilityId())).orElse(review.inspectionId());
            StringBuilder text = new StringBuilder(messages.get("sync.returned", facility, review.revision(), review.comment()));
            for (ReviewResult.ItemComment item : review.itemComments()) {
                text.append('\n').append(messages.get("sync.returnedItem", itemTitle(inspection, item.itemId()), item.comment()));
            }
            returnedItems.add(new Returned(review.inspectionId(), text.toString()));
        }
        return new Snapshot(workspace.sync().fingerprint(), workspace.settings().transferFolders(), workspace.sync().status(),
                planned, returnedItems, workspace.deviceTrust().devices(), workspace.deviceTrust().office(),
                assignments.stream().map(PlannedInspection::inspectorId).distinct().sorted().toList());
    }

    private String itemTitle(Optional<Inspection> inspection, String itemId) {
        return inspection.flatMap(found -> context.workspace().catalogs().version(found.catalogVersion()))
                .flatMap(catalog -> catalog.item(itemId))
                .map(item -> item.title().in(messages.language()))
                .orElse(itemId);
    }
}
