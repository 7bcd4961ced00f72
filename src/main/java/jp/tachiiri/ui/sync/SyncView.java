package jp.tachiiri.ui.sync;

import java.io.File;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.FingerprintCheck;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.sync.SyncStatus;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.Tables;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;

/**
 * Sending and receiving (送受信): the folders bundles go to and come from, the inspections waiting, sent and
 * received by the office, one button each way, the outcome per file, and what the office sent back.
 */
public final class SyncView {

    private final UiContext context;
    private final Messages messages;
    private final SyncViewModel model;
    private final Role role;
    private final DeviceTrustDialogs questions;

    public SyncView(UiContext context, Role role) {
        this.context = context;
        this.messages = context.messages();
        this.model = new SyncViewModel(context.models());
        this.role = role;
        this.questions = new DeviceTrustDialogs(context);
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("sync-screen");
        root.setTop(header());
        VBox body = role == Role.OFFICE ? new VBox(actions(), devices(), folders())
                : new VBox(actions(), status(), fromOffice(), devices(), folders());
        body.getStyleClass().add("body");
        ScrollPane scroll = ViewportCache.off(new ScrollPane(body));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page");
        root.setCenter(scroll);
        model.load();
        return root;
    }

    private Node header() {
        Button back = new Button(messages.get("sync.back"));
        back.setId("back");
        back.getStyleClass().add("back-button");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(event -> context.navigator().home());
        Label title = new Label(messages.get("sync.title"));
        title.getStyleClass().add("facility-name");
        Label fingerprint = new Label();
        fingerprint.setId("sync-fingerprint");
        fingerprint.getStyleClass().add("facility-meta");
        fingerprint.setWrapText(true);
        fingerprint.textProperty().bind(model.fingerprintProperty());
        VBox titles = new VBox(title, fingerprint);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox header = new HBox(back, titles);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("header", "facility-header");
        return header;
    }

    private Node folders() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("row-grid");
        grid.addRow(0, label("sync.outbox"), folderField("sync-outbox", model.outboxProperty()),
                chooseButton("sync-outbox-choose", model.outboxProperty()));
        grid.addRow(1, label("sync.inbox"), folderField("sync-inbox", model.inboxProperty()),
                chooseButton("sync-inbox-choose", model.inboxProperty()));
        Label hint = new Label(messages.get("sync.foldersHint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return ScreenParts.card(messages, "sync.folders", grid, hint);
    }

    private TextField folderField(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private Button chooseButton(String id, StringProperty property) {
        Button choose = new Button(messages.get("sync.choose"));
        choose.setId(id);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("sync.choose"));
            File chosen = chooser.showDialog(context.window());
            if (chosen != null) {
                property.set(chosen.getAbsolutePath());
            }
        });
        return choose;
    }

    private Node actions() {
        Button export = new Button(messages.get(role == Role.OFFICE ? "sync.exportAssignments" : "sync.export"));
        export.setId("sync-export");
        export.getStyleClass().addAll("header-button", "primary");
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(event -> {
            if (role == Role.OFFICE) {
                model.exportAssignments();
            } else {
                model.export();
            }
        });
        Button importInbox = new Button(messages.get("sync.import"));
        importInbox.setId("sync-import");
        importInbox.getStyleClass().addAll("header-button", "primary");
        importInbox.disableProperty().bind(model.busyProperty());
        importInbox.setOnAction(event -> model.importInbox(questions::askToEnrol, this::askToChangeOffice));
        Button enrolment = new Button(messages.get("sync.exportEnrolment"));
        enrolment.setId("sync-enrolment");
        enrolment.getStyleClass().add("header-button");
        enrolment.disableProperty().bind(model.busyProperty());
        enrolment.setOnAction(event -> model.exportEnrolment());
        Button cancel = new Button(messages.get("sync.cancel"));
        cancel.setId("sync-cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(event -> model.cancel());
        // A flow, not a row: on a portrait tablet the buttons go onto a second line instead of being cut short.
        FlowPane buttons = role == Role.OFFICE ? new FlowPane(12, 8, importInbox, export, inspectorChoice(), enrolment, cancel)
                : new FlowPane(12, 8, export, importInbox, enrolment, cancel);
        Node recipients = role == Role.OFFICE ? tabletChoice() : new VBox();
        ProgressBar progress = new ProgressBar();
        progress.setId("sync-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label();
        progressText.setId("sync-progress-text");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.visibleProperty().bind(model.busyProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        Label error = new Label();
        error.setId("sync-message");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.messageProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        ListView<String> outcomes = textList("sync-outcomes", model.outcomes(), messages.get("sync.noOutcome"));
        outcomes.setPrefHeight(150);
        return ScreenParts.card(messages, "sync.actions", buttons, recipients, progress, progressText, error, outcomes);
    }

    private Node status() {
        HBox columns = new HBox(12, statusColumn("sync.waiting", "sync-waiting", model.waiting()),
                statusColumn("sync.sent", "sync-sent", model.sent()),
                statusColumn("sync.received", "sync-received", model.received()));
        return ScreenParts.card(messages, "sync.status", columns);
    }

    private Node statusColumn(String key, String id, ObservableList<SyncStatus.Entry> entries) {
        Label heading = new Label();
        heading.getStyleClass().add("field-label");
        heading.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get(key, entries.size()), entries));
        ListView<SyncStatus.Entry> list = new ListView<>(entries);
        list.setId(id);
        list.setPrefHeight(140);
        list.setPlaceholder(new Label(messages.get("sync.none")));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(SyncStatus.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null
                        : messages.get("sync.entry", entry.facilityName(),
                                Dates.format(LocalDate.parse(entry.inspectionDate()), messages), entry.revision()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.setOnMouseClicked(event -> {
            SyncStatus.Entry chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getClickCount() == 2) {
                context.navigator().inspection(chosen.inspectionId(), Optional.empty(), Optional.empty());
            }
        });
        VBox column = new VBox(6, heading, list);
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setMinWidth(0);
        column.setPrefWidth(0);
        return column;
    }

    /** Whose plans the assignments bundle carries: every inspector's, or one inspector's for their tablet. */
    /**
     * The tablets the assignments are sealed to, one box each (all ticked for every inspector's plans, none when one
     * inspector is chosen): a tablet not ticked cannot read the file.
     */
    private Node tabletChoice() {
        Label heading = new Label(messages.get("sync.sealedTo"));
        heading.getStyleClass().add("field-label");
        FlowPane boxes = new FlowPane(12, 4);
        boxes.setId("sync-tablets");
        Runnable fill = () -> boxes.getChildren().setAll(model.tablets().stream().map(tablet -> {
            CheckBox box = new CheckBox(messages.get("sync.tablet", tablet.deviceId(), tablet.fingerprint()));
            box.setId("sync-tablet-" + tablet.deviceId());
            box.setSelected(model.chosenTablets().contains(tablet.deviceId()));
            box.selectedProperty().addListener((observable, was, chosen) -> {
                if (chosen && !model.chosenTablets().contains(tablet.deviceId())) {
                    model.chosenTablets().add(tablet.deviceId());
                } else if (!chosen) {
                    model.chosenTablets().remove(tablet.deviceId());
                }
            });
            return box;
        }).toList());
        model.tablets().addListener((ListChangeListener<KnownDevice>) change -> fill.run());
        model.chosenTablets().addListener((ListChangeListener<String>) change -> boxes.getChildren().forEach(node ->
                ((CheckBox) node).setSelected(model.chosenTablets().contains(node.getId().substring("sync-tablet-".length())))));
        Label none = new Label(messages.get("sync.noTablets"));
        none.getStyleClass().add("hint");
        none.visibleProperty().bind(Bindings.isEmpty(model.tablets()));
        none.managedProperty().bind(none.visibleProperty());
        fill.run();
        return new VBox(4, heading, boxes, none);
    }

    private Node inspectorChoice() {
        return Tables.anyChoice(messages, "sync-assignments-for", model.inspectorIds(), model.assignmentsForProperty(),
                inspector -> messages.get("sync.forInspector", inspector), "sync.allInspectors");
    }

    /**
     * The devices whose bundles arrived here, with their fingerprints and roles; each can be accepted (after
     * comparing its fingerprint) or refused. A tablet shows its office above them.
     */
    private Node devices() {
        ListView<KnownDevice> list = new ListView<>(model.devices());
        list.setId("sync-devices");
        list.setPrefHeight(200);
        list.setPlaceholder(new Label(messages.get("sync.noDevices")));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(KnownDevice device, boolean empty) {
                super.updateItem(device, empty);
                if (empty || device == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                String fingerprint = device.status() == DeviceStatus.TRUSTED ? device.fingerprint()
                        : FingerprintCheck.masked(device.fingerprint());
                Label who = new Label(messages.get("sync.device", fingerprint,
                        messages.get("device.status." + device.status().name()),
                        messages.get("device.role." + device.role().name()),
                        messages.get("device.sealing." + (device.sealingKeyHex() != null))));
                who.setWrapText(true);
                who.setMinHeight(Region.USE_PREF_SIZE);
                Label where = new Label(messages.get("sync.deviceOrigin", device.deviceId(), device.firstFile()));
                where.getStyleClass().add("device-origin");
                where.setWrapText(true);
                where.setMinHeight(Region.USE_PREF_SIZE);
                VBox text = new VBox(2, who, where);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                text.setMinWidth(0);
                Button accept = new Button(messages.get("sync.enrol"));
                accept.setId("sync-accept-" + device.deviceId());
                accept.setDisable(device.status() == DeviceStatus.TRUSTED);
                accept.setOnAction(event -> model.decide(device, true, questions::askToEnrol));
                Button refuse = new Button(messages.get("sync.refuse"));
                refuse.setId("sync-refuse-" + device.deviceId());
                refuse.setDisable(device.status() == DeviceStatus.REFUSED);
                refuse.setOnAction(event -> model.decide(device, false, questions::askToEnrol));
                HBox line = new HBox(8, text, accept, refuse);
                line.setAlignment(Pos.CENTER_LEFT);
                accept.setMinWidth(Region.USE_PREF_SIZE);
                refuse.setMinWidth(Region.USE_PREF_SIZE);
                setText(null);
                setGraphic(line);
                // The cell takes the list's width, so that the text wraps and the buttons stay in sight.
                setPrefWidth(0);
            }
        });
        if (role == Role.OFFICE) {
            return ScreenParts.card(messages, "sync.devices", list);
        }
        Label office = new Label();
        office.setId("sync-office");
        office.setWrapText(true);
        office.textProperty().bind(Bindings.createStringBinding(() -> model.officeProperty().get() == null
                ? messages.get("sync.noOffice")
                : messages.get("sync.office", model.officeProperty().get().fingerprint(), model.officeProperty().get().deviceId()),
                model.officeProperty()));
        list.setPrefHeight(120);
        return ScreenParts.card(messages, "sync.officeTitle", office, list);
    }

    private Node fromOffice() {
        ListView<String> assignments = textList("sync-assignments", model.assignments(), messages.get("sync.noAssignments"));
        assignments.setPrefHeight(120);
        ListView<SyncViewModel.Returned> returned = textList("sync-returned", model.returned(),
                messages.get("sync.noReturned"), SyncViewModel.Returned::text);
        // A tap on a row (not a swipe, not the scroll bar) or Enter opens the returned inspection, where the
        // comments are shown on its items.
        Consumer<SyncViewModel.Returned> open = chosen ->
                context.navigator().inspection(chosen.inspectionId(), Optional.empty(), Optional.empty());
        returned.setOnMouseClicked(event -> {
            ListCell<?> row = tappedRow(event.getPickResult().getIntersectedNode());
            if (event.isStillSincePress() && row != null && row.getItem() instanceof SyncViewModel.Returned chosen) {
                open.accept(chosen);
            }
        });
        returned.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && returned.getSelectionModel().getSelectedItem() != null) {
                open.accept(returned.getSelectionModel().getSelectedItem());
            }
        });
        returned.setPrefHeight(160);
        return ScreenParts.card(messages, "sync.fromOffice", label("sync.assignments"), assignments, label("sync.returnedTitle"), returned);
    }

    private ListView<String> textList(String id, ObservableList<String> items, String placeholder) {
        return textList(id, items, placeholder, Function.identity());
    }

    /** A list whose lines wrap to its width, each the {@code text} of its entry. */
    private <T> ListView<T> textList(String id, ObservableList<T> items, String placeholder, Function<T, String> text) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPlaceholder(new Label(placeholder));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(T entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : text.apply(entry));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        return list;
    }

    private void askToChangeOffice(SyncViewModel.DeviceToDecide arriving, Consumer<Optional<SyncViewModel.OfficeChange>> answer) {
        questions.askToChangeOffice(model.officeProperty().get(), arriving, answer);
    }

    private Label label(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** The list row that holds {@code tapped}, or null where the tap fell outside every row. */
    private static ListCell<?> tappedRow(Node tapped) {
        for (Node at = tapped; at != null; at = at.getParent()) {
            if (at instanceof ListCell<?> row) {
                return row;
            }
        }
        return null;
    }
}
