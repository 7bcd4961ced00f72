package jp.tachiiri.ui.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.LocalizedText;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.Scrolling;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.inspection.InspectionViewModel.DateField;

/**
 * The editor of one question: title and guidance, the answer buttons and everything recorded with the
 * answer. Built anew when the question or its answer changes (the fields shown depend on the answer);
 * texts are stored when the field loses focus or after a short pause in typing.
 */
final class ItemEditor {

    private static final Duration TYPING_PAUSE = Duration.millis(800);

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel model;
    private final VBox content = new VBox();
    private final ScrollPane scroll = new ScrollPane(content);
    private final Label gaps = new Label();
    private final List<Runnable> pendingTexts = new ArrayList<>();
    private static final String GAP_TARGET = "gap-target";

    /** The field outlined by {@link #showGap} and the gap it stands for. */
    private record Outlined(Node field, Gap.Kind kind) {
    }

    private String shownItemId;
    private Optional<Outlined> outlined = Optional.empty();
    private Optional<Answer> shownAnswer = Optional.empty();
    private List<Answer> shownAnswers = List.of();

    ItemEditor(UiContext context, InspectionViewModel model) {
        this.context = context;
        this.messages = context.messages();
        this.model = model;
        gaps.setId("item-gaps");
        gaps.getStyleClass().add("gap-hint");
        gaps.setWrapText(true);
        model.checklistProperty().addListener((observable, old, checklist) -> afterChange());
        model.evidence().addListener((ListChangeListener<Evidence>) change -> {
            if (shownItemId != null) {
                rebuild();
            }
        });
    }

    Node build() {
        content.getStyleClass().add("item-editor");
        content.setFillWidth(true);
        scroll.setId("item-editor");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(0);
        return scroll;
    }

    void show(String itemId) {
        if (itemId.equals(shownItemId)) {
            return;
        }
        commitText();
        shownItemId = itemId;
        rebuild();
        scroll.setVvalue(0);
    }

    /**
     * Shows the item of {@code gap} with the field it is about in view, focused and outlined in red: the outline
     * stays until the gap is filled or another item is shown.
     */
    void showGap(Gap gap) {
        show(gap.subject());
        String fieldId = switch (gap.kind()) {
            case GATE_UNANSWERED, UNANSWERED -> "answers";
            case ADVICE_MISSING -> "advice";
            case TARGET_DATE_MISSING, TARGET_DATE_BEFORE_INSPECTION -> "target-date";
            case JUSTIFICATION_MISSING, REASON_MISSING -> "reason";
            default -> throw new IllegalArgumentException("not a gap of an item's finding: " + gap);
        };
        outlined.ifPresent(earlier -> earlier.field().getStyleClass().remove(GAP_TARGET));
        outlined = Optional.empty();
        Node field = content.lookup("#" + fieldId);
        if (field == null) {
            return;
        }
        field.getStyleClass().add(GAP_TARGET);
        outlined = Optional.of(new Outlined(field, gap.kind()));
        reveal(field);
        Node focus = field instanceof FlowPane answers && !answers.getChildren().isEmpty() ? answers.getChildren().get(0)
                : field instanceof DatePicker picker ? picker.getEditor() : field;
        focus.requestFocus();
    }

    /** Scrolls the editor so that {@code field}, just built, is in view. */
    private void reveal(Node field) {
        // Laid out now, not at the next pulse: the field's place is known only then.
        scroll.applyCss();
        scroll.layout();
        Scrolling.intoView(scroll, field);
    }

    /** Stores what was typed but not yet stored: before switching items, finalizing or leaving. */
    void commitText() {
        List<Runnable> pending = List.copyOf(pendingTexts);
        pendingTexts.clear();
        pending.forEach(Runnable::run);
    }

    /** Keys 1–4 choose the answers in the order shown. */
    void answerByShortcut(int index) {
        if (!model.readOnly() && index >= 0 && index < shownAnswers.size() && applicable()) {
            model.answer(shownAnswers.get(index));
        }
    }

    /** A new answer changes which fields are shown; other changes only the gap hint. */
    private void afterChange() {
        if (shownItemId == null) {
            return;
        }
        Optional<Answer> answer = model.finding(shownItemId).answer();
        if (!answer.equals(shownAnswer)) {
            commitText();
            rebuild();
        } else {
            updateGaps();
        }
    }

    private boolean applicable() {
        return model.isGate(shownItemId) || model.state(shownItemId).map(ItemState::applicable).orElse(false);
    }

    private void rebuild() {
        String itemId = shownItemId;
        Finding finding = model.finding(itemId);
        shownAnswer = finding.answer();
        shownAnswers = model.answers(itemId);
        outlined = Optional.empty();
        content.getChildren().clear();
        // Read-only fields are disabled so that nothing changes them, but drawn readable (see the style sheet).
        content.getStyleClass().remove("read-only");
        if (model.readOnly()) {
            content.getStyleClass().add("read-only");
        }
        boolean gate = model.isGate(itemId);
        if (gate) {
            LocalizedText title = model.loadedProperty().get().catalog().gate().title();
            content.getChildren().add(title(title, Optional.empty()));
            content.getChildren().add(guidance(model.loadedProperty().get().catalog().gate().guidance()));
        } else {
            CatalogItem item = model.catalogItem(itemId);
            content.getChildren().add(title(item.title(), Optional.of(item)));
            content.getChildren().add(guidance(item.guidance()));
        }
        model.loadedProperty().get().officeComment(itemId).ifPresent(comment -> {
            Label office = new Label(messages.get("inspection.officeComment", comment));
            office.setId("office-comment");
            office.getStyleClass().addAll("info-box", "office-comment");
            office.setWrapText(true);
            content.getChildren().add(office);
        });
        Optional<ItemState> state = model.state(itemId);
        if (!gate && state.isPresent() && !state.get().applicable()) {
            Label exempt = new Label(messages.get("inspection.notApplicable", exemption(state.get())));
            exempt.setId("not-applicable-reason");
            exempt.getStyleClass().add("info-box");
            exempt.setWrapText(true);
            content.getChildren().add(exempt);
            return;
        }
        content.getChildren().add(previous(itemId));
        content.getChildren().add(labelled("inspection.answer", answerButtons(finding)));
        finding.answer().filter(answer -> answer == Answer.ALTERNATIVE || answer == Answer.NOT_APPLICABLE)
                .ifPresent(answer -> content.getChildren().add(labelled("inspection.reason." + answer.name(),
                        textArea("reason", finding.reason(), model::setReason, 3))));
        content.getChildren().add(labelled("inspection.confirmedBy", methodButtons(finding)));
        content.getChildren().add(labelled(DateField.CHECKED_ON.labelKey(), datePicker("checked-on", DateField.CHECKED_ON)));
        content.getChildren().add(labelled("inspection.note", textArea("note", finding.note(), model::setNote, 3)));
        if (finding.answer().equals(Optional.of(Answer.NON_COMPLIANT))) {
            content.getChildren().add(labelled("inspection.advice", adviceEditor(itemId, finding)));
            content.getChildren().add(labelled(DateField.TARGET_DATE.labelKey(), datePicker("target-date", DateField.TARGET_DATE)));
            model.targetAfterYear(itemId).ifPresent(yearEnd -> {
                Label late = new Label(messages.get("inspection.targetAfterYear", Dates.format(yearEnd, messages)));
                late.setId("target-after-year");
                late.getStyleClass().add("info-box");
                late.setWrapText(true);
                content.getChildren().add(late);
            });
        }
        if (!gate) {
            CheckBox followUp = new CheckBox(messages.get("inspection.followUp"));
            followUp.setId("follow-up");
            followUp.setSelected(finding.followUp());
            followUp.setDisable(model.readOnly());
            followUp.selectedProperty().addListener((observable, old, on) -> model.setFollowUp(on));
            content.getChildren().add(followUp);
            content.getChildren().add(labelled("inspection.evidence",
                    new EvidencePanel(context, model, itemId).build()));
        }
        content.getChildren().add(gaps);
        updateGaps();
    }

    /** The item's title, and above it where it stands: its ministry number (and the one answer of its parts), or 参考. */
    private Node title(LocalizedText title, Optional<CatalogItem> item) {
        Label heading = new Label(title.in(messages.language()));
        heading.setId("item-title");
        heading.getStyleClass().add("item-title");
        heading.setWrapText(true);
        VBox box = new VBox(4);
        String reference = item.map(this::standing).orElse("")
                + item.flatMap(CatalogItem::addedInFiscalYear).map(year -> "　★FY" + year).orElse("");
        if (!reference.isBlank()) {
            Label refLabel = new Label(reference.strip());
            refLabel.getStyleClass().add("item-ref");
            box.getChildren().add(refLabel);
        }
        box.getChildren().add(heading);
        return box;
    }

    /** Guidance for the inspector: collapsed, one tap away. */
    private Node guidance(LocalizedText guidance) {
        Label text = new Label(guidance.in(messages.language()));
        text.setWrapText(true);
        TitledPane pane = new TitledPane(messages.get("inspection.guidance"), text);
        pane.setId("guidance");
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    private Node previous(String itemId) {
        Optional<Finding> previous = model.previousFinding(itemId);
        String text = previous.flatMap(Finding::answer)
                .map(answer -> messages.get("inspection.previous",
                        Dates.format(model.loadedProperty().get().previous().orElseThrow().date(), messages),
                        messages.get("answer." + answer.name())))
                .orElse(messages.get("inspection.previousNone"));
        Label label = new Label(text);
        label.setId("previous-answer");
        label.getStyleClass().add("previous-answer");
        return label;
    }

    private Node answerButtons(Finding finding) {
        ToggleGroup group = new ToggleGroup();
        FlowPane buttons = new FlowPane(10, 10);
        buttons.setId("answers");
        for (int i = 0; i < shownAnswers.size(); i++) {
            Answer answer = shownAnswers.get(i);
            ToggleButton button = new ToggleButton((i + 1) + "  " + messages.get("answer." + answer.name()));
            button.setId("answer-" + answer.name());
            button.getStyleClass().addAll("answer-button", "answer-" + answer.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(finding.answer().equals(Optional.of(answer)));
            button.setDisable(model.readOnly());
            button.setOnAction(event -> {
                button.setSelected(true);
                model.answer(answer);
            });
            buttons.getChildren().add(button);
        }
        return buttons;
    }

    private Node methodButtons(Finding finding) {
        FlowPane buttons = new FlowPane(10, 10);
        for (ConfirmationMethod method : ConfirmationMethod.values()) {
            ToggleButton button = new ToggleButton(messages.get("method." + method.name()));
            button.setId("method-" + method.name());
            button.getStyleClass().add("method-button");
            button.setSelected(finding.confirmedBy().contains(method));
            button.setDisable(model.readOnly());
            button.selectedProperty().addListener((observable, old, on) -> model.toggleMethod(method, on));
            buttons.getChildren().add(button);
        }
        return buttons;
    }

    private Node adviceEditor(String itemId, Finding finding) {
        TextArea advice = textArea("advice", finding.advice(), model::setAdvice, 4);
        if (model.readOnly()) {
            return advice;
        }
        Button template = new Button(messages.get("inspection.adviceTemplate"));
        template.setId("advice-template");
        template.setOnAction(event -> advice.setText(model.adviceTemplate(itemId)));
        return new VBox(6, advice, template);
    }

    /**
     * A multi-line text stored when the field loses focus or typing pauses; until then it is pending and
     * {@link #commitText()} stores it.
     */
    private TextArea textArea(String id, String value, BiConsumer<String, String> store, int rows) {
        String itemId = shownItemId;
        TextArea area = new TextArea(value);
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.setEditable(!model.readOnly());
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        Runnable commit = () -> {
            pause.stop();
            store.accept(itemId, area.getText());
        };
        pause.setOnFinished(event -> {
            pendingTexts.remove(commit);
            commit.run();
        });
        area.textProperty().addListener((observable, old, text) -> {
            if (!pendingTexts.contains(commit)) {
                pendingTexts.add(commit);
            }
            pause.playFromStart();
        });
        area.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused && pendingTexts.remove(commit)) {
                commit.run();
            }
        });
        return area;
    }

    /** A date picker that accepts typed dates (2026/11/25) and says so when a typed text is no date. */
    private Node datePicker(String id, DateField field) {
        DatePicker picker = new DatePicker(model.date(field).orElse(null));
        picker.setId(id);
        picker.setEditable(true);
        picker.setDisable(model.readOnly());
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setManaged(false);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : Dates.format(date, messages);
            }

            @Override
            public LocalDate fromString(String text) {
                Optional<String> problem = model.typeDate(field, text);
                error.setText(problem.orElse(""));
                error.setManaged(problem.isPresent());
                return model.date(field).orElse(null);
            }
        });
        picker.valueProperty().addListener((observable, old, date) -> model.setDate(field, date));
        HBox box = new HBox(10, picker, error);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node labelled(String key, Node field) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        return new VBox(6, label, field);
    }

    private void updateGaps() {
        if (shownItemId == null || model.readOnly()) {
            gaps.setText("");
            return;
        }
        List<Gap.Kind> kinds = model.isGate(shownItemId)
                ? (model.finding(shownItemId).answer().isEmpty() ? List.of(Gap.Kind.GATE_UNANSWERED) : List.of())
                : model.state(shownItemId).filter(ItemState::applicable)
                        .map(state -> model.checklistProperty().get().gapsOf(state)).orElse(List.of());
        gaps.setText(String.join("\n", kinds.stream().map(kind -> messages.get("gap." + kind.name())).toList()));
        outlined.filter(shown -> !kinds.contains(shown.kind())).ifPresent(filled -> {
            filled.field().getStyleClass().remove(GAP_TARGET);
            outlined = Optional.empty();
        });
    }

    private String standing(CatalogItem item) {
        if (item.isReference()) {
            return messages.get("inspection.reference");
        }
        String label = item.ministryItem().orElseThrow().label();
        return model.ministryResult(item.id()).filter(result -> result.parts().size() > 1)
                .map(result -> messages.get("inspection.ministryParts", label, result.parts().size(),
                        result.answer().map(answer -> messages.get("answer." + answer.name()))
                                .orElse(messages.get("answer.none"))))
                .orElse(label);
    }

    /** Why an item does not apply, in the user's words. */
    private String exemption(ItemState state) {
        if (state.ruledOutByGate()) {
            return messages.get("exempt.gate");
        }
        Condition unmet = state.unmetCondition().orElseThrow();
        if (unmet instanceof Condition.BedsAtLeast atLeast) {
            return messages.get("exempt.bedsAtLeast", atLeast.beds());
        }
        if (unmet instanceof Condition.BedsBelow below) {
            return messages.get("exempt.bedsBelow", below.beds());
        }
        if (unmet instanceof Condition.FacilityTypeIn) {
            return messages.get("exempt.facilityType",
                    messages.get("facilityType." + model.loadedProperty().get().facility().type().id()));
        }
        if (unmet instanceof Condition.ClaimsFeeAddOn claims) {
            return messages.get("exempt.claimsFeeAddOn", claims.addOns().stream()
                    .map(addOn -> addOn.name().in(messages.language())).collect(Collectors.joining(" / ")));
        }
        Condition.FlagEquals flag = (Condition.FlagEquals) unmet;
        return messages.get("exempt." + flag.attribute().id() + "." + flag.value());
    }
}
