package jp.tachiiri.ui.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.office.ConflictDialog;
import jp.tachiiri.ui.office.ReviewDialog;
import jp.tachiiri.ui.office.ReviewViewModel;

/**
 * The inspection screen: a header with the inspection's actions, the sections (gate question and the four
 * checkpoints) with their progress, the list of the section's items and the editor of the selected one.
 * Side by side in landscape, one above the other in portrait.
 */
public final class InspectionView {

    /** Below this width the list goes above the editor instead of beside it. */
    private static final double PORTRAIT_WIDTH = 1000;

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel model;
    private final EventHandler<KeyEvent> shortcuts = this::shortcut;
    private final String inspectionId;
    private final Optional<Integer> revision;
    private final Optional<String> itemId;

    private final BorderPane root = new BorderPane();
    private final ListView<ItemState> itemList = new ListView<>();
    private final FlowPane sectionBar = new FlowPane();
    private final PendingTexts texts = new PendingTexts();
    private final ItemEditor editor;
    private final InspectionDialogs dialogs;
    private final List<String> sectionItemIds = new ArrayList<>();
    private final VBox center = new VBox();
    private SplitPane split;
    private HospitalFormGrid hospitalForm;
    private VendorFormsPanel vendorForms;
    private Node hospitalFormNode;
    private Node vendorFormsNode;

    public InspectionView(UiContext context, String inspectionId, Optional<Integer> revision, Optional<String> itemId) {
        this.context = context;
        this.messages = context.messages();
        this.model = new InspectionViewModel(context.models());
        this.inspectionId = inspectionId;
        this.revision = revision;
        this.itemId = itemId;
        this.editor = new ItemEditor(context, model, texts);
        this.dialogs = new InspectionDialogs(context, model);
    }

    public Parent build() {
        root.getStyleClass().add("inspection");
        Label loading = new Label(messages.get("inspection.loading"));
        loading.setId("inspection-loading");
        root.setCenter(new StackPane(loading));
        model.failureProperty().addListener((observable, old, error) -> {
            if (error != null && model.loadedProperty().get() == null) {
                Label message = new Label(context.describe(error));
                message.getStyleClass().add("error");
                message.setWrapText(true);
                root.setCenter(new StackPane(message));
            }
        });
        model.load(inspectionId, revision, itemId, this::showInspection);
        return root;
    }

    private void showInspection() {
        context.navigator().beforeLeaving(texts::commit);
        root.setTop(header());
        split = new SplitPane(itemListPane(), editor.build());
        split.setId("inspection-split");
        hospitalForm = new HospitalFormGrid(context, model.forms(), model.readOnly());
        hospitalFormNode = hospitalForm.build();
        vendorForms = new VendorFormsPanel(context, model.forms(), texts, model.readOnly());
        vendorFormsNode = vendorForms.build();
        center.getChildren().setAll(sectionBar, split);
        root.setCenter(center);
        sectionBar.getStyleClass().add("section-bar");
        root.setBottom(navigationBar());

        model.checklistProperty().addListener((observable, old, checklist) -> refreshSections());
        model.forms().selfCheckProperty().addListener((observable, old, stored) -> {
            refreshSections();
            itemList.refresh();
        });
        model.selectedItemIdProperty().addListener((observable, old, selected) -> showSelected(selected));
        model.shownFormProperty().addListener((observable, old, form) -> showForm(form));
        refreshSections();
        showSelected(model.selectedItemIdProperty().get());
        showForm(model.shownFormProperty().get());
        ChangeListener<Number> turned = (observable, old, width) -> orient(split, width.doubleValue());
        root.sceneProperty().addListener((observable, old, scene) -> {
            detach(old, turned);
            attach(scene, turned);
        });
        attach(root.getScene(), turned);
    }

    /**
     * Keyboard shortcuts and the portrait/landscape switch need the scene. Every screen shares the window's one
     * scene, so they are taken off it again when another screen replaces this one ({@link #detach}): else the
     * keys would still answer questions of an inspection no longer shown.
     */
    private void attach(Scene scene, ChangeListener<Number> turned) {
        if (scene == null) {
            return;
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
        scene.widthProperty().addListener(turned);
        turned.changed(scene.widthProperty(), null, scene.getWidth());
    }

    private void detach(Scene scene, ChangeListener<Number> turned) {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
            scene.widthProperty().removeListener(turned);
        }
    }

    /** A form in place of the list and the item editor, or (null) these again. */
    private void showForm(InspectionViewModel.Form form) {
        texts.commit();
        Node shown = form == null ? split : form == InspectionViewModel.Form.HOSPITAL ? hospitalFormNode : vendorFormsNode;
        center.getChildren().set(1, shown);
        VBox.setVgrow(shown, Priority.ALWAYS);
        refreshSections();
    }

    private static void orient(SplitPane split, double width) {
        boolean portrait = width < PORTRAIT_WIDTH;
        split.setOrientation(portrait ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        split.setDividerPositions(portrait ? 0.28 : 0.34);
    }

    /**
     * 1–4 answer, PageUp/PageDown move between items; none of them while something is being typed. The focus
     * owner decides, not the event's target: a date picker's field has only a "fake" focus, and its keys are
     * aimed at the picker itself.
     */
    private void shortcut(KeyEvent event) {
        if (event.getSource() instanceof Scene scene && typing(scene.getFocusOwner())) {
            return;
        }
        if (model.shownFormProperty().get() != null && event.getCode().isDigitKey()) {
            // The keys answer the item shown: none is while a form is.
            return;
        }
        if (event.getCode() == KeyCode.PAGE_DOWN) {
            model.next();
            event.consume();
        } else if (event.getCode() == KeyCode.PAGE_UP) {
            model.previous();
            event.consume();
        } else if (event.getCode().isDigitKey()) {
            int index = event.getCode().getCode() - KeyCode.DIGIT1.getCode();
            editor.answerByShortcut(index);
            event.consume();
        }
    }

    /** Whether {@code focused} (or what holds it) takes typed text: a text field, a text area, a date picker. */
    private static boolean typing(Node focused) {
        for (Node node = focused; node != null; node = node.getParent()) {
            if (node instanceof TextInputControl || node instanceof ComboBoxBase<?> || node instanceof Spinner<?>) {
                return true;
            }
        }
        return false;
    }

    private Node header() {
        InspectionViewModel.Loaded data = model.loadedProperty().get();
        Button back = new Button(messages.get("inspection.back"));
        back.setId("back");
        back.getStyleClass().add("header-button");
        back.setOnAction(event -> context.navigator().home());
        back.setMinWidth(Region.USE_PREF_SIZE);

        Label facility = new Label(data.facility().name());
        facility.getStyleClass().add("brand-small");
        Label details = new Label(messages.get("inspection.header", Dates.format(data.inspection().date(), messages),
                messages.get("status." + data.inspection().status().name()), data.inspection().revision()));
        details.setId("inspection-details");
        details.getStyleClass().add("subtitle");
        details.setWrapText(true);
        facility.setWrapText(true);
        VBox titles = new VBox(facility, details);
        data.inspection().amendReason().ifPresent(reason -> {
            Label amended = new Label(messages.get("inspection.amendedBecause", reason));
            amended.getStyleClass().add("subtitle");
            amended.setWrapText(true);
            titles.getChildren().add(amended);
        });
        HBox.setHgrow(titles, Priority.ALWAYS);
        titles.setMinWidth(0);

        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getChildren().addAll(
                headerButton("inspection.adviceButton", "advice-printout",
                        () -> {
                            editor.commitText();
                            new AdviceDialog(context, data.inspection().id(), data.inspection().revision()).show();
                        }),
                headerButton("inspection.auditTrail", "audit-trail", dialogs::showAuditTrail),
                headerButton("inspection.revisions", "revisions", dialogs::showRevisions));
        if (data.latest() && data.inspection().status() == InspectionStatus.IN_PROGRESS) {
            Button finalize = headerButton("inspection.finalize", "finalize", this::finalizeInspection);
            finalize.getStyleClass().add("primary");
            actions.getChildren().add(finalize);
        } else if (data.latest() && data.madeHere()) {
            actions.getChildren().add(headerButton("inspection.amend", "amend",
                    () -> dialogs.askAmendReason(reason -> model.amend(reason, this::reload))));
        } else if (data.latest() && data.inspection().status() == InspectionStatus.FINALIZED) {
            // Received from a tablet: the office reviews it; corrections are the tablet's to make.
            Button review = headerButton("review.button", "review", () -> new ReviewDialog(context, new ReviewViewModel.Subject(
                    data.inspection().id(), data.inspection().revision(), data.facility().name(), data.catalog(),
                    data.findings(), data.earlierReturn())).show());
            review.getStyleClass().add("primary");
            actions.getChildren().add(review);
            if (data.openConflicts() > 0) {
                Button conflict = headerButton("conflict.button", "conflict", () -> new ConflictDialog(context, data.inspection().id(), data.catalog()).show());
                conflict.getStyleClass().add("primary");
                actions.getChildren().add(conflict);
            }
        }
        HBox left = new HBox(16, back, titles);
        left.setAlignment(Pos.CENTER_LEFT);
        Node header = ScreenParts.header(left, actions,
                () -> back.prefWidth(-1) + left.getSpacing() + Math.max(facility.prefWidth(-1), details.prefWidth(-1)));
        // The checklist followed gets a line of the header's full width under it: beside the titles it would wrap
        // to three or four lines on a portrait tablet. A VBox wraps it to the window's width.
        Label catalog = new Label(model.catalogLine());
        catalog.setId("inspection-catalog");
        catalog.getStyleClass().addAll("subtitle", "header-line");
        catalog.setWrapText(true);
        catalog.setMaxWidth(Double.MAX_VALUE);

        VBox top = new VBox(header, catalog);
        data.officeReturn().ifPresent(review -> top.getChildren().add(returnBanner(review)));
        if (model.readOnly()) {
            Label banner = new Label(data.latest() ? messages.get("inspection.readOnly")
                    : messages.get("inspection.readOnlyOldRevision", data.inspection().revision()));
            banner.setId("read-only-banner");
            banner.getStyleClass().add("read-only-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(banner);
        }
        return top;
    }

    /** The office's return of this revision (or of the one this amends): its comment and how many items it names. */
    private Node returnBanner(ReviewResult review) {
        String when = Dates.dayOf(review.decidedAt(), context.workspace().clock(), messages);
        Label comment = new Label(messages.get("inspection.officeReturn", review.revision(), when, review.decidedBy(),
                review.comment()));
        comment.setWrapText(true);
        VBox banner = new VBox(4, comment);
        if (!review.itemComments().isEmpty()) {
            banner.getChildren().add(new Label(messages.get("inspection.officeReturnItems", review.itemComments().size(),
                    messages.get("inspection.commentMark"))));
        }
        banner.setId("return-banner");
        banner.getStyleClass().add("return-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }

    private Button headerButton(String key, String id, Runnable action) {
        return ScreenParts.headerButton(messages, key, id, action);
    }

    /**
     * Finalizes after the usual confirmation when nothing is missing; otherwise lists what is, blocking first, with
     * a jump to each, and offers to finalize anyway once only the hospital's and vendors' omissions are left.
     */
    private void finalizeInspection() {
        texts.commit();
        Runnable finalize = () -> dialogs.confirmFinalize(() -> model.finalizeInspection(this::reload));
        if (model.gaps().isEmpty()) {
            finalize.run();
        } else {
            dialogs.showGaps(model.gaps(), this::jumpTo, model.blockingGaps().isEmpty() ? Optional.of(finalize) : Optional.empty());
        }
    }

    /** Lands on the field of a gap: an item's, a row of the hospital's form, a vendor's block, a confirmation. */
    private void jumpTo(Gap gap) {
        switch (gap.kind().place()) {
            case ITEM -> {
                model.showItem(gap.subject());
                editor.showGap(gap.subject(), gap);
            }
            case CONFIRMATION -> {
                String itemId = model.confirmingItem(gap.subject());
                model.showItem(itemId);
                editor.showGap(itemId, gap);
            }
            case HOSPITAL_FORM -> {
                model.shownFormProperty().set(InspectionViewModel.Form.HOSPITAL);
                hospitalForm.showGap(gap);
            }
            case VENDOR_FORM -> {
                model.shownFormProperty().set(InspectionViewModel.Form.VENDORS);
                vendorForms.showGap(gap);
            }
        }
    }

    /** After finalizing or amending the status, actions and editability change: build the screen anew. */
    private void reload() {
        context.navigator().inspection(inspectionId, Optional.empty(), Optional.ofNullable(model.position()));
    }

    private void refreshSections() {
        Checklist checklist = model.checklistProperty().get();
        String selected = model.selectedItemIdProperty().get();
        ToggleGroup group = new ToggleGroup();
        sectionBar.getChildren().clear();
        InspectionViewModel.Form form = model.shownFormProperty().get();
        String gateId = checklist.catalog().gate().id();
        boolean gateAnswered = checklist.gate().answer().isPresent();
        sectionBar.getChildren().add(sectionButton(group, "section-gate", messages.get("inspection.section.gate"),
                messages.get("inspection.section.progress", gateAnswered ? 1 : 0, 1), form == null && gateId.equals(selected),
                gateId));
        SelfCheckViewModel forms = model.forms();
        sectionBar.getChildren().add(formButton(group, "section-hospital-form", "forms.hospital.section",
                forms.filledRows(), forms.ministryItems().size(), InspectionViewModel.Form.HOSPITAL));
        sectionBar.getChildren().add(formButton(group, "section-vendor-forms", "forms.vendor.section",
                forms.settledVendorForms(), forms.contracts().size(), InspectionViewModel.Form.VENDORS));
        for (CheckpointSection section : checklist.catalog().sections()) {
            Checklist.Progress progress = checklist.progress(section.checkpoint());
            boolean containsSelected = section.items().stream().anyMatch(item -> item.id().equals(selected));
            String first = checklist.items(section.checkpoint()).stream().filter(ItemState::applicable).findFirst()
                    .or(() -> checklist.items(section.checkpoint()).stream().findFirst())
                    .map(state -> state.item().id()).orElseThrow();
            ToggleButton button = sectionButton(group, "section-" + section.checkpoint().id(), section.title().in(messages.language()),
                    messages.get("inspection.section.progress", progress.answered(), progress.applicable()),
                    form == null && containsSelected, first);
            if (progress.complete()) {
                button.getStyleClass().add("complete");
            }
            sectionBar.getChildren().add(button);
        }
        refreshItemList(checklist, selected);
    }

    /**
     * A section's tab: its title, then its progress in a box wide enough for the largest count ("16/16"), so that
     * the tabs keep their widths while answers are given.
     */
    private ToggleButton sectionButton(ToggleGroup group, String id, String title, String progress, boolean selected,
                                       String firstItemId) {
        return tab(group, id, title, progress, selected, () -> {
            String current = model.selectedItemIdProperty().get();
            boolean within = sectionItemIds.contains(firstItemId) && sectionItemIds.contains(current);
            model.showItem(within ? current : firstItemId);
        });
    }

    /** The tab of one of the forms, with how many of its rows (or vendors) are settled. */
    private ToggleButton formButton(ToggleGroup group, String id, String titleKey, int settled, int all,
                                    InspectionViewModel.Form form) {
        ToggleButton button = tab(group, id, messages.get(titleKey), messages.get("inspection.section.progress", settled, all),
                model.shownFormProperty().get() == form, () -> model.shownFormProperty().set(form));
        if (settled == all) {
            button.getStyleClass().add("complete");
        }
        return button;
    }

    private ToggleButton tab(ToggleGroup group, String id, String title, String progress, boolean selected, Runnable show) {
        Label count = new Label(progress);
        count.getStyleClass().add("section-progress");
        ToggleButton button = new ToggleButton(title, count);
        button.setContentDisplay(ContentDisplay.RIGHT);
        button.setId(id);
        button.setToggleGroup(group);
        button.setSelected(selected);
        button.getStyleClass().add("section-button");
        button.setOnAction(event -> {
            button.setSelected(true);
            show.run();
        });
        return button;
    }

    /** The items of the section that holds the selected question (the gate alone forms its own section). */
    private void refreshItemList(Checklist checklist, String selected) {
        List<ItemState> states = sectionOf(checklist, selected)
                .map(checklist::items)
                .orElse(List.of());
        sectionItemIds.clear();
        states.forEach(state -> sectionItemIds.add(state.item().id()));
        itemList.getItems().setAll(states);
        states.stream().filter(state -> state.item().id().equals(selected)).findFirst()
                .ifPresentOrElse(state -> itemList.getSelectionModel().select(state),
                        () -> itemList.getSelectionModel().clearSelection());
    }

    private static Optional<Checkpoint> sectionOf(Checklist checklist, String itemId) {
        return checklist.catalog().item(itemId).map(item -> item.checkpoint());
    }

    private Node itemListPane() {
        itemList.setId("item-list");
        itemList.setCellFactory(list -> new ItemCell());
        itemList.getSelectionModel().selectedItemProperty().addListener((observable, old, state) -> {
            if (state != null && !state.item().id().equals(model.selectedItemIdProperty().get())) {
                model.showItem(state.item().id());
            }
        });
        // With the gate question selected the list of items is empty: it shows the gate as its one row instead.
        itemList.setPlaceholder(gateRow());
        itemList.setMinWidth(0);
        return itemList;
    }

    private void showSelected(String selected) {
        if (selected == null) {
            return;
        }
        refreshSections();
        editor.show(selected);
        itemList.getSelectionModel().getSelectedIndices().stream().findFirst().ifPresent(itemList::scrollTo);
    }

    private Node navigationBar() {
        Button previous = new Button(messages.get("inspection.previousItem"));
        previous.setId("previous-item");
        previous.setOnAction(event -> model.previous());
        Button next = new Button(messages.get("inspection.nextItem"));
        next.setId("next-item");
        next.setOnAction(event -> model.next());
        Label position = new Label();
        position.setId("item-position");
        Label saveStatus = new Label();
        saveStatus.setId("save-status");
        saveStatus.textProperty().bind(model.saveStatusProperty());
        saveStatus.getStyleClass().add("save-status");
        Runnable updatePosition = () -> {
            List<String> order = model.questionOrder();
            int at = order.indexOf(model.selectedItemIdProperty().get());
            position.setText(at < 0 ? "" : messages.get("inspection.position", at + 1, order.size()));
            previous.setDisable(!model.canStep(-1));
            next.setDisable(!model.canStep(1));
        };
        model.selectedItemIdProperty().addListener((observable, old, selected) -> updatePosition.run());
        model.checklistProperty().addListener((observable, old, checklist) -> updatePosition.run());
        updatePosition.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, previous, position, next, spacer, saveStatus);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The gate question as a selected row of the list, with its answer, kept up to date as it is answered. */
    private Node gateRow() {
        Label answer = new Label();
        Label title = new Label(model.loadedProperty().get().catalog().gate().title().in(messages.language()));
        title.setWrapText(true);
        title.setMinWidth(0);
        HBox line = new HBox(10, answer, title);
        line.setId("gate-row");
        line.getStyleClass().add("gate-row");
        line.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> {
            Optional<Answer> given = model.checklistProperty().get().gate().answer();
            answer.setText(given.map(a -> messages.get("answer." + a.name())).orElse(messages.get("answer.none")));
            answer.getStyleClass().setAll("label", "answer-chip",
                    "answer-" + given.map(Answer::name).orElse("none").toLowerCase(Locale.ROOT));
        };
        update.run();
        model.checklistProperty().addListener((observable, old, checklist) -> update.run());
        VBox top = new VBox(line);
        top.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return top;
    }

    /** A line of the item list: the answer (or why it does not apply) and the title. */
    private final class ItemCell extends ListCell<ItemState> {
        @Override
        protected void updateItem(ItemState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll("not-applicable", "answered", "has-gaps");
            if (empty || state == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label answer = new Label(state.effectiveAnswer().map(a -> messages.get("answer." + a.name()))
                    .orElse(messages.get("answer.none")));
            answer.getStyleClass().addAll("answer-chip",
                    "answer-" + state.effectiveAnswer().map(Answer::name).orElse("none").toLowerCase(Locale.ROOT));
            answer.setMinWidth(Region.USE_PREF_SIZE);
            Label title = new Label(state.item().title().in(messages.language()));
            title.setWrapText(true);
            title.setMinWidth(0);
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            HBox line = new HBox(10, answer, title);
            // 参考 items are asked and advised on like the others, but are not the ministry's: the list says so.
            if (state.item().isReference()) {
                Label reference = new Label(messages.get("inspection.referenceMark"));
                reference.getStyleClass().add("reference-mark");
                reference.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(reference);
            }
            // A 相違 between the hospital's answer and the inspector's finding stands out in the list too.
            state.item().ministryItem()
                    .filter(ministryItem -> model.forms().entry(ministryItem.number()).confirmation()
                            .equals(Optional.of(Confirmation.DIFFERS)))
                    .ifPresent(differs -> {
                        Label mark = new Label(messages.get("confirmation.DIFFERS"));
                        mark.getStyleClass().add("differs-mark");
                        mark.setMinWidth(Region.USE_PREF_SIZE);
                        line.getChildren().add(mark);
                    });
            model.loadedProperty().get().officeComment(state.item().id()).ifPresent(comment -> {
                Label mark = new Label(messages.get("inspection.commentMark"));
                mark.getStyleClass().add("comment-mark");
                mark.setMinWidth(Region.USE_PREF_SIZE);
                mark.setTooltip(new Tooltip(comment));
                line.getChildren().add(mark);
            });
            line.setAlignment(Pos.CENTER_LEFT);
            line.setMaxWidth(Double.MAX_VALUE);
            line.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            setText(null);
            setGraphic(line);
            if (!state.applicable()) {
                getStyleClass().add("not-applicable");
            } else if (state.answered()) {
                getStyleClass().add("answered");
            }
        }
    }
}
