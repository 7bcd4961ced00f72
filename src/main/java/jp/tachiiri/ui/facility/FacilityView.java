package jp.tachiiri.ui.facility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.Scrolling;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;
import jp.tachiiri.ui.facility.FacilityViewModel.ClaimRow;
import jp.tachiiri.ui.facility.FacilityViewModel.SaveState;
import jp.tachiiri.ui.facility.FacilityViewModel.VendorRow;
import jp.tachiiri.ui.facility.StartInspectionViewModel.PersonRow;

/**
 * One facility: who it is, the attributes that decide which checklist items apply (stored on every change),
 * its inspections (to resume or open one) and the start of a new inspection. Two columns in landscape, one in
 * portrait; the page scrolls vertically only.
 */
public final class FacilityView {

    /** From this width on, the form and the inspections stand side by side. */
    private static final double TWO_COLUMNS_FROM = 1000;
    /** Marks the field of a row that gets the cursor when the row is added. */
    private static final String ROW_FIRST_FIELD = "row-first-field";

    private final UiContext context;
    private final Messages messages;
    private final FacilityViewModel model;
    private final StartInspectionViewModel start;

    public FacilityView(UiContext context, String facilityId) {
        this.context = context;
        this.messages = context.messages();
        this.model = new FacilityViewModel(context.models(), facilityId);
        this.start = new StartInspectionViewModel(context.models(), facilityId);
    }

    /** Builds the screen and starts reading the facility in the background. */
    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("facility-screen");
        root.setTop(header());

        Node attributes = attributesCard();
        Node inspections = inspectionsCard();
        Node startCard = startCard();
        VBox single = new VBox();
        single.getStyleClass().add("facility-column");
        VBox left = new VBox();
        VBox right = new VBox();
        left.getStyleClass().add("facility-column");
        right.getStyleClass().add("facility-column");
        for (VBox column : List.of(left, right)) {
            column.setMinWidth(0);
            column.setPrefWidth(0);
            HBox.setHgrow(column, Priority.ALWAYS);
        }
        HBox twoColumns = new HBox(left, right);
        twoColumns.getStyleClass().add("facility-columns");

        Label loadError = messageLabel(model.loadErrorProperty(), "facility-load-error", "error");
        VBox content = new VBox(loadError);
        content.getStyleClass().add("body");
        Consumer<Double> arrange = width -> {
            boolean wide = width >= TWO_COLUMNS_FROM;
            Pane wanted = wide ? twoColumns : single;
            if (content.getChildren().contains(wanted)) {
                return;
            }
            content.getChildren().removeAll(twoColumns, single);
            single.getChildren().clear();
            left.getChildren().clear();
            right.getChildren().clear();
            if (wide) {
                left.getChildren().add(attributes);
                right.getChildren().addAll(inspections, startCard);
            } else {
                single.getChildren().addAll(attributes, inspections, startCard);
            }
            content.getChildren().add(wanted);
        };
        arrange.accept(0.0);
        root.widthProperty().addListener((observable, old, now) -> arrange.accept(now.doubleValue()));

        ScrollPane scroll = ViewportCache.off(new ScrollPane(content));
        scroll.setId("facility-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("page");
        root.setCenter(scroll);
        // The field being typed into or chosen from stays in sight (on a tablet the on-screen keyboard takes the
        // lower half).
        ChangeListener<Node> keepFocusInView = (focus, old, now) -> {
            if ((now instanceof TextField || now instanceof ComboBox) && isInside(now, content)) {
                Scrolling.intoView(scroll, now);
            }
        };
        root.sceneProperty().addListener((observable, oldScene, scene) -> {
            if (oldScene != null) {
                oldScene.focusOwnerProperty().removeListener(keepFocusInView);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(keepFocusInView);
            }
        });

        model.load();
        start.load();
        return root;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ---- header

    private Node header() {
        Button back = new Button(messages.get("facility.back"));
        back.setId("back");
        back.getStyleClass().add("back-button");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(event -> context.navigator().home());

        Label kana = boundLabel("facility-kana", "facility-kana", Facility::kana);
        Label name = new Label();
        name.setId("facility-name");
        name.getStyleClass().add("facility-name");
        name.setWrapText(true);
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.storedProperty().get() != null) {
                return model.storedProperty().get().name();
            }
            return model.loadErrorProperty().get().isEmpty() ? messages.get("facility.loading") : "";
        }, model.storedProperty(), model.loadErrorProperty()));
        Label code = boundLabel("facility-code", "facility-meta", facility -> messages.get("facility.code", facility.code()));
        Label address = boundLabel("facility-address", "facility-meta", Facility::address);
        FlowPane meta = new FlowPane(code, address);
        meta.getStyleClass().add("facility-meta-line");
        VBox titles = new VBox(kana, name, meta);
        titles.getStyleClass().add("facility-titles");
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Label demo = new Label(messages.get("home.demoBadge"));
        demo.getStyleClass().add("demo-badge");
        demo.setMinWidth(Region.USE_PREF_SIZE);
        demo.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.storedProperty().get() != null && model.storedProperty().get().demo(), model.storedProperty()));
        demo.managedProperty().bind(demo.visibleProperty());

        HBox header = new HBox(back, titles, demo);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("header", "facility-header");
        return header;
    }

    private Label boundLabel(String id, String styleClass, Function<Facility, String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> model.storedProperty().get() == null ? "" : text.apply(model.storedProperty().get()),
                model.storedProperty()));
        return label;
    }

    // ---- attributes

    private Node attributesCard() {
        Label status = new Label();
        status.setId("facility-save-status");
        status.getStyleClass().add("save-status");
        status.setWrapText(true);
        status.textProperty().bind(model.saveMessageProperty());
        model.saveStateProperty().addListener((observable, old, now) -> {
            status.getStyleClass().removeAll("error", "saved", "saving");
            status.getStyleClass().add(now == SaveState.FAILED ? "error" : now == SaveState.SAVED ? "saved" : "saving");
        });
        VBox card = card("facility.attributes", status);
        card.setId("facility-attributes");

        Label hint = new Label(messages.get("facility.attributes.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        Node typeField = typeField();

        TextField beds = new TextField();
        beds.setId("facility-beds");
        beds.getStyleClass().add("beds-field");
        beds.setPrefColumnCount(5);
        beds.setMaxWidth(Region.USE_PREF_SIZE);
        beds.textProperty().bindBidirectional(model.bedsTextProperty());
        Label unit = new Label(messages.get("facility.beds.unit"));
        HBox bedsRow = new HBox(beds, unit);
        bedsRow.getStyleClass().add("field-row");
        bedsRow.setAlignment(Pos.CENTER_LEFT);
        Label bedsError = messageLabel(model.bedsErrorProperty(), "facility-beds-error", "field-error");
        // Names the type and the beds together: it stands under both.
        Label typeError = messageLabel(model.typeErrorProperty(), "facility-type-error", "field-error");
        Node bedsField = field("facility.beds", beds, bedsRow, bedsError, typeError);
        InvalidationListener markBeds = observable -> {
            beds.getStyleClass().remove("invalid");
            if (!model.bedsErrorProperty().get().isEmpty() || !model.typeErrorProperty().get().isEmpty()) {
                beds.getStyleClass().add("invalid");
            }
        };
        model.bedsErrorProperty().addListener(markBeds);
        model.typeErrorProperty().addListener(markBeds);

        CheckBox system = new CheckBox(messages.get("facility.system"));
        system.setId("facility-system");
        system.setWrapText(true);
        system.selectedProperty().bindBidirectional(model.medicalInformationSystemProperty());
        CheckBox emr = new CheckBox(messages.get("facility.emr"));
        emr.setId("facility-emr");
        emr.setWrapText(true);
        emr.selectedProperty().bindBidirectional(model.emrProperty());

        Label noVendors = placeholder("facility.vendors.none");
        Node vendors = field("facility.vendors", null, textRows("facility-vendors", new Rows<>(model.vendors(), "vendor",
                VendorRow::errorProperty, model::removeVendor, "facility.vendor.remove", "facility.vendor.add",
                model::addVendor), new String[] {"facility.vendor.name", "facility.vendor.system"},
                row -> new StringProperty[] {row.vendorNameProperty(), row.systemProperty()}, noVendors));

        Label claimsHint = new Label(messages.get("facility.claims.hint"));
        claimsHint.getStyleClass().add("hint");
        claimsHint.setWrapText(true);
        claimsHint.setMinHeight(Region.USE_PREF_SIZE);
        VBox claimPane = new VBox();
        claimPane.setId("facility-claims");
        claimPane.getStyleClass().add("claim-rows");
        Rows<ClaimRow> claimRows = new Rows<>(model.claims(), "claim", ClaimRow::errorProperty, model::removeClaim,
                "facility.claim.remove", "facility.claim.add", model::addClaim);
        Node claims = field("facility.claims", null, claimsHint, rowList(claimPane, claimRows,
                () -> fillClaims(claimPane, claimRows), placeholder("facility.claims.none")));

        Label applicable = new Label();
        applicable.setId("facility-applicable");
        applicable.getStyleClass().add("applicable");
        applicable.setWrapText(true);
        applicable.setMaxWidth(Double.MAX_VALUE);
        applicable.textProperty().bind(model.applicableTextProperty());

        VBox flags = new VBox(system, emr);
        flags.getStyleClass().add("flags");
        VBox form = new VBox(hint, typeField, bedsField, flags, vendors, claims, applicable);
        form.getStyleClass().add("form");
        form.disableProperty().bind(model.loadedProperty().not());
        card.getChildren().add(form);
        return card;
    }

    /** 病院 / 有床診療所 / 無床診療所 as three buttons, one always chosen, with the note on pharmacies. */
    private Node typeField() {
        ToggleGroup group = new ToggleGroup();
        FlowPane choices = new FlowPane();
        choices.setId("facility-type");
        choices.getStyleClass().add("choice-row");
        for (FacilityType type : FacilityType.values()) {
            ToggleButton button = new ToggleButton(messages.get("facilityType." + type.id()));
            button.setId("facility-type-" + type.id());
            button.getStyleClass().add("type-button");
            button.setToggleGroup(group);
            // A tap on the chosen type keeps it chosen: a facility always has a type.
            button.setOnAction(event -> {
                button.setSelected(true);
                model.typeProperty().set(type);
            });
            model.typeProperty().addListener((observable, old, now) -> button.setSelected(now == type));
            choices.getChildren().add(button);
        }
        Label note = new Label(messages.get("facility.type.pharmacyNote"));
        note.setId("facility-type-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        return field("facility.type", choices, choices, note);
    }

    /**
     * One block per claim, the add-on's name and period taking the whole width (the names are long): the add-on
     * and the remove button, the first day claimed with its label, the row's message.
     */
    private void fillClaims(VBox pane, Rows<ClaimRow> list) {
        pane.getChildren().clear();
        for (int index = 0; index < list.rows().size(); index++) {
            ClaimRow row = list.rows().get(index);
            ComboBox<String> addOn = addOnChoice(row);
            addOn.setId("claim-addOn-" + index);
            addOn.setAccessibleText(messages.get("facility.claim.addOn") + " " + (index + 1));
            // Takes the width the remove button leaves, whatever its names' length (a row shrinks all its parts
            // alike, and the style sheet lets the button shrink to 44 px): a long name is cut at its end.
            addOn.setMinWidth(0);
            addOn.setPrefWidth(0);
            addOn.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(addOn, Priority.ALWAYS);
            HBox first = new HBox(addOn, removeButton(list, row, index));
            first.getStyleClass().add("field-row");
            first.setAlignment(Pos.CENTER_LEFT);

            DatePicker date = claimDate(row);
            date.setId("claim-from-" + index);
            Label dateLabel = new Label(messages.get("facility.claim.from"));
            dateLabel.setLabelFor(date);
            dateLabel.setMinWidth(Region.USE_PREF_SIZE);
            HBox second = new HBox(dateLabel, date);
            second.getStyleClass().add("field-row");
            second.setAlignment(Pos.CENTER_LEFT);

            VBox block = new VBox(first, second, rowMessage(list, row, index));
            block.getStyleClass().add("claim-row");
            pane.getChildren().add(block);
        }
    }

    /** The add-on of a claim, chosen from the latest catalog's: each with its name and the days it is in force. */
    private ComboBox<String> addOnChoice(ClaimRow row) {
        List<String> ids = new ArrayList<>(model.feeAddOnIds());
        // A claim of an add-on the catalog no longer has stays as it is, and shows as chosen.
        if (row.addOnIdProperty().get() != null && !ids.contains(row.addOnIdProperty().get())) {
            ids.add(row.addOnIdProperty().get());
        }
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(ids));
        choice.getStyleClass().addAll("add-on-choice", ROW_FIRST_FIELD);
        choice.setPromptText(messages.get("facility.claim.addOnPrompt"));
        choice.setCellFactory(list -> new AddOnCell(false));
        choice.setButtonCell(new AddOnCell(true));
        choice.valueProperty().bindBidirectional(row.addOnIdProperty());
        return choice;
    }

    /** An add-on in the list: its name, and below it the days it is in force. */
    private final class AddOnCell extends ListCell<String> {
        private final boolean button;

        AddOnCell(boolean button) {
            this.button = button;
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            if (empty || id == null) {
                // The chosen-value cell says what to do while nothing is chosen.
                setText(button ? messages.get("facility.claim.addOnPrompt") : null);
                return;
            }
            String period = model.addOnPeriod(id);
            setText(period.isEmpty() ? model.addOnName(id) : model.addOnName(id) + "\n" + period);
        }
    }

    /** The first day of a claim: typed in the app's date forms (full-width digits too) or picked. */
    private DatePicker claimDate(ClaimRow row) {
        DatePicker date = new DatePicker(DateText.read(row.fromTextProperty().get()).orElse(null));
        date.setEditable(true);
        date.setShowWeekNumbers(false);
        date.setPromptText(messages.get("facility.claim.fromPrompt"));
        date.setConverter(Dates.requiredField(messages));
        // The text is what counts, checked as it is typed; a day picked from the calendar becomes the text.
        date.getEditor().textProperty().bindBidirectional(row.fromTextProperty());
        return date;
    }

    // ---- the facility's inspections

    private Node inspectionsCard() {
        Label count = new Label();
        count.getStyleClass().add("section-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("home.count", model.inspections().size()), model.inspections()));
        VBox card = card("facility.inspections", count);
        card.setId("facility-inspections-card");

        VBox list = new VBox();
        list.setId("facility-inspections");
        list.getStyleClass().add("inspection-list");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (model.inspections().isEmpty()) {
                Label none = new Label(messages.get("facility.inspections.none"));
                none.getStyleClass().add("placeholder");
                none.setWrapText(true);
                list.getChildren().add(none);
            }
            for (InspectionSummary summary : model.inspections()) {
                list.getChildren().add(inspectionRow(summary));
            }
        };
        model.inspections().addListener((ListChangeListener<InspectionSummary>) change -> fill.run());
        fill.run();
        card.getChildren().add(list);
        return card;
    }

    private Node inspectionRow(InspectionSummary summary) {
        Label date = new Label(Dates.format(summary.date(), messages));
        date.getStyleClass().add("inspection-date");
        Label status = new Label(messages.get("status." + summary.status().name()));
        status.getStyleClass().addAll("status-pill", summary.status() == InspectionStatus.IN_PROGRESS ? "in-progress" : "finalized");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label revision = new Label(messages.get("facility.inspection.revision", summary.revision()));
        revision.getStyleClass().add("inspection-revision");
        revision.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        boolean inProgress = summary.status() == InspectionStatus.IN_PROGRESS;
        Button open = new Button(messages.get(inProgress ? "facility.inspection.resume" : "facility.inspection.open"));
        open.getStyleClass().add("open-inspection");
        if (inProgress) {
            open.getStyleClass().add("primary");
        }
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(event -> context.navigator().inspection(summary.id(), Optional.empty(), Optional.empty()));
        HBox row = new HBox(date, status, revision, spacer, open);
        row.getStyleClass().add("inspection-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    // ---- start an inspection

    private Node startCard() {
        VBox card = card("start.title", null);
        card.setId("start-card");
        Label hint = new Label(messages.get("start.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        DatePicker date = new DatePicker();
        date.setId("start-date");
        date.setEditable(true);
        date.setShowWeekNumbers(false);
        date.setPromptText(messages.get("start.date.prompt"));
        date.setConverter(Dates.requiredField(messages));
        date.setDayCellFactory(picker -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item == null || item.isAfter(start.latestDate()));
            }
        });
        date.valueProperty().bindBidirectional(start.dateProperty());
        Label dateError = messageLabel(start.dateErrorProperty(), "start-date-error", "field-error");
        Node dateField = field("start.date", date, date, dateError);

        TextField lead = new TextField();
        lead.setId("start-lead");
        lead.setPromptText(messages.get("start.lead.prompt"));
        lead.textProperty().bindBidirectional(start.leadInspectorProperty());
        BooleanProperty leadTouched = new SimpleBooleanProperty();
        lead.textProperty().addListener((observable, old, now) -> leadTouched.set(true));
        lead.focusedProperty().addListener((observable, old, now) -> {
            if (!now) {
                leadTouched.set(true);
            }
        });
        Label leadError = messageLabel(start.leadErrorProperty(), "start-lead-error", "field-error");
        leadError.visibleProperty().unbind();
        leadError.visibleProperty().bind(leadTouched.and(start.leadErrorProperty().isNotEmpty()));
        Button useLast = new Button();
        useLast.setId("start-use-last");
        useLast.getStyleClass().add("suggestion");
        useLast.setWrapText(true);
        useLast.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("start.lead.useLast", start.lastLeadInspectorProperty().get()),
                start.lastLeadInspectorProperty()));
        useLast.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !start.lastLeadInspectorProperty().get().isBlank() && start.leadInspectorProperty().get().isBlank(),
                start.lastLeadInspectorProperty(), start.leadInspectorProperty()));
        useLast.managedProperty().bind(useLast.visibleProperty());
        useLast.setOnAction(event -> start.useLastLeadInspector());
        Node leadField = field("start.lead", lead, lead, useLast, leadError);

        Node inspectors = field("start.inspectors", null, textRows("start-inspectors", new Rows<>(start.otherInspectors(),
                "inspector", PersonRow::errorProperty, start::removeInspector, "start.remove", "start.inspector.add",
                start::addInspector), new String[] {"start.inspector.name"},
                row -> new StringProperty[] {row.nameProperty()}, null));
        Node attendees = field("start.attendees", null, textRows("start-attendees", new Rows<>(start.attendees(),
                "attendee", PersonRow::errorProperty, start::removeAttendee, "start.remove", "start.attendee.add",
                start::addAttendee), new String[] {"start.attendee.name", "start.attendee.role"},
                row -> new StringProperty[] {row.nameProperty(), row.roleProperty()}, null));

        Button startButton = new Button(messages.get("start.button"));
        startButton.setId("start-inspection");
        startButton.getStyleClass().add("primary");
        startButton.setMinWidth(Region.USE_PREF_SIZE);
        startButton.disableProperty().bind(start.validProperty().not().or(start.startingProperty())
                .or(model.loadedProperty().not()));
        startButton.setOnAction(event -> start.start(
                id -> context.navigator().inspection(id, Optional.empty(), Optional.empty())));
        // Shown over the inspection screen the start went on to: the inspection is started all the same.
        start.fillErrorProperty().addListener((observable, old, reason) -> {
            if (!reason.isEmpty()) {
                Label text = new Label(reason);
                text.setId("start-fill-failed");
                text.setWrapText(true);
                text.setMaxWidth(560);
                Dialogs.show(context, messages.get("start.fillFailed.title"), text);
            }
        });
        Label message = new Label();
        message.setId("start-message");
        message.setWrapText(true);
        message.setMinWidth(0);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!start.startErrorProperty().get().isEmpty()) {
                return start.startErrorProperty().get();
            }
            if (start.startingProperty().get()) {
                return messages.get("start.starting");
            }
            return start.problemProperty().get();
        }, start.startErrorProperty(), start.startingProperty(), start.problemProperty()));
        start.startErrorProperty().addListener((observable, old, now) -> {
            message.getStyleClass().remove("error");
            if (!now.isEmpty()) {
                message.getStyleClass().add("error");
            }
        });
        message.getStyleClass().add("hint");
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(startButton, message);
        actions.getStyleClass().add("start-actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(hint, dateField, leadField, inspectors, attendees, actions);
        form.getStyleClass().add("form");
        card.getChildren().add(form);
        return card;
    }

    // ---- building blocks

    private VBox card(String titleKey, Node aside) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        HBox heading = new HBox(title);
        heading.setAlignment(Pos.BASELINE_LEFT);
        heading.getStyleClass().add("section-heading");
        if (aside != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            heading.getChildren().addAll(spacer, aside);
        }
        VBox card = new VBox(heading);
        card.getStyleClass().add("card");
        return card;
    }

    /** A labelled part of a form: its label above {@code parts}; the label names {@code labelFor} when given. */
    private Node field(String labelKey, Node labelFor, Node... parts) {
        Label label = new Label(messages.get(labelKey));
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        if (labelFor != null) {
            label.setLabelFor(labelFor);
        }
        VBox box = new VBox(label);
        box.getChildren().addAll(parts);
        box.getStyleClass().add("field");
        return box;
    }

    /** A message that takes room only while it has something to say. */
    private static Label messageLabel(ObservableStringValue text, String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Rebuilds a list of rows when rows come or go (not on every keystroke, so the field keeps its focus). */
    private static <T> void onRowsAddedOrRemoved(ObservableList<T> rows, Runnable rebuild) {
        rows.addListener((ListChangeListener<T>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                    rebuild.run();
                    return;
                }
            }
        });
    }

    /** A text shown in a list while it has no rows. */
    private Label placeholder(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("placeholder");
        label.setWrapText(true);
        return label;
    }

    /** A list of rows the user edits: each row's message, and how a row is removed or added. */
    private record Rows<T>(ObservableList<T> rows, String prefix, Function<T, ObservableStringValue> error,
                           Consumer<T> remove, String removeKey, String addKey, Runnable add) {
    }

    /**
     * An editable list: the placeholder while it has no rows (when given), {@code pane} with the rows
     * ({@code fill} puts them in anew as rows come and go) and the button that adds a row ({@code prefix-add})
     * and puts the cursor into its first field.
     */
    private <T> Node rowList(Pane pane, Rows<T> list, Runnable fill, Label placeholder) {
        Runnable refill = () -> {
            fill.run();
            pane.setVisible(!list.rows().isEmpty());
            pane.setManaged(!list.rows().isEmpty());
            if (placeholder != null) {
                placeholder.setVisible(list.rows().isEmpty());
                placeholder.setManaged(list.rows().isEmpty());
            }
        };
        onRowsAddedOrRemoved(list.rows(), refill);
        refill.run();
        Button add = new Button(messages.get(list.addKey()));
        add.setId(list.prefix() + "-add");
        add.getStyleClass().add("add-button");
        add.setOnAction(event -> {
            list.add().run();
            // The last row's first field: the rows are in the pane's order.
            List<Node> firsts = List.copyOf(pane.lookupAll("." + ROW_FIRST_FIELD));
            if (!firsts.isEmpty()) {
                firsts.get(firsts.size() - 1).requestFocus();
            }
        });
        VBox box = placeholder == null ? new VBox(pane, add) : new VBox(placeholder, pane, add);
        box.getStyleClass().add("row-list");
        return box;
    }

    /** A list of rows of text fields, a column each, under a line of column headers (grid {@code gridId}). */
    private <T> Node textRows(String gridId, Rows<T> list, String[] headerKeys, Function<T, StringProperty[]> fields,
            Label placeholder) {
        GridPane grid = new GridPane();
        grid.setId(gridId);
        grid.getStyleClass().add("row-grid");
        return rowList(grid, list, () -> fillRows(grid, list, headerKeys, fields), placeholder);
    }

    /**
     * Fills {@code grid} with one line per row: a column header line, then per row its text fields (ids
     * {@code prefix-name-N}, {@code prefix-system-N} …, from the keys' last part), a remove button and the
     * row's message. The text columns share the width; the button keeps its size.
     */
    private <T> void fillRows(GridPane grid, Rows<T> list, String[] headerKeys, Function<T, StringProperty[]> fields) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int column = 0; column < headerKeys.length; column++) {
            ColumnConstraints text = new ColumnConstraints();
            text.setHgrow(Priority.ALWAYS);
            text.setPercentWidth(-1);
            text.setMinWidth(0);
            text.setPrefWidth(100);
            grid.getColumnConstraints().add(text);
        }
        ColumnConstraints button = new ColumnConstraints();
        button.setHgrow(Priority.NEVER);
        button.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(button);
        if (list.rows().isEmpty()) {
            return;
        }
        for (int column = 0; column < headerKeys.length; column++) {
            Label header = new Label(messages.get(headerKeys[column]));
            header.getStyleClass().add("column-label");
            grid.add(header, column, 0);
        }
        for (int index = 0; index < list.rows().size(); index++) {
            T row = list.rows().get(index);
            int line = 1 + index * 2;
            StringProperty[] properties = fields.apply(row);
            for (int column = 0; column < properties.length; column++) {
                TextField field = new TextField();
                String part = headerKeys[column].substring(headerKeys[column].lastIndexOf('.') + 1);
                field.setId(list.prefix() + "-" + part + "-" + index);
                field.setPromptText(messages.get(headerKeys[column]));
                field.setAccessibleText(messages.get(headerKeys[column]) + " " + (index + 1));
                field.setMinWidth(0);
                field.setMaxWidth(Double.MAX_VALUE);
                if (column == 0) {
                    field.getStyleClass().add(ROW_FIRST_FIELD);
                }
                field.textProperty().bindBidirectional(properties[column]);
                grid.add(field, column, line);
            }
            grid.add(removeButton(list, row, index), properties.length, line);
            grid.add(rowMessage(list, row, index), 0, line + 1, properties.length + 1, 1);
        }
    }

    /** The button that removes a row ({@code prefix-remove-N}). */
    private <T> Button removeButton(Rows<T> list, T row, int index) {
        Button remove = new Button(messages.get(list.removeKey()));
        remove.setId(list.prefix() + "-remove-" + index);
        remove.getStyleClass().add("remove-button");
        remove.setAccessibleText(messages.get(list.removeKey()) + " " + (index + 1));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(event -> list.remove().accept(row));
        return remove;
    }

    /** Why a row is not stored ({@code prefix-error-N}), shown only while there is a reason. */
    private <T> Label rowMessage(Rows<T> list, T row, int index) {
        return messageLabel(list.error().apply(row), list.prefix() + "-error-" + index, "field-error");
    }
}
