package jp.tachiiri.ui.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.PreviousFollowUp;
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
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;
import jp.tachiiri.ui.inspection.InspectionViewModel.DateField;

/**
 * The editor of one question: title and guidance, the answer buttons and everything recorded with the
 * answer. Built anew when the question or its answer changes (the fields shown depend on the answer);
 * texts are stored when the field loses focus or after a short pause in typing.
 */
final class ItemEditor {

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel model;
    private final PendingTexts texts;
    private final VBox content = new VBox();
    private final ScrollPane scroll = ViewportCache.off(new ScrollPane(content));
    private final Label gaps = new Label();
    private final GapOutline outline = new GapOutline();

    private String shownItemId;
    private Optional<Answer> shownAnswer = Optional.empty();
    private List<Answer> shownAnswers = List.of();
    private Optional<ConfirmationPanel> confirmation = Optional.empty();
    /** The check box 「現地で確認した」 of the item shown, when the office sent a follow-up of its earlier finding. */
    private Optional<CheckBox> onSite = Optional.empty();

    ItemEditor(UiContext context, InspectionViewModel model, PendingTexts texts) {
        this.context = context;
        this.messages = context.messages();
        this.model = model;
        this.texts = texts;
        gaps.setId("item-gaps");
        gaps.getStyleClass().add("gap-hint");
        gaps.setWrapText(true);
        model.checklistProperty().addListener((observable, old, checklist) -> afterChange());
        model.forms().selfCheckProperty().addListener((observable, old, stored) -> {
            confirmation.ifPresent(ConfirmationPanel::update);
            updateGaps();
        });
        // A confirmation the store refused: the screen shows again what is stored.
        model.loadedProperty().addListener((observable, old, loaded) -> onSite.ifPresent(box -> {
            if (shownItemId != null) {
                box.setSelected(model.confirmedOnSite(shownItemId));
            }
        }));
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
     * Shows the item {@code itemId} with the field of {@code gap} (an item's finding or the confirmation of its
     * ministry item) in view, focused and outlined in red: the outline stays until the gap is filled or another
     * item is shown.
     */
    void showGap(String itemId, Gap gap) {
        show(itemId);
        outline.show(gap, content, scroll);
    }

    /** Stores what was typed but not yet stored: before switching items, finalizing or leaving. */
    void commitText() {
        texts.commit();
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
            confirmation.ifPresent(ConfirmationPanel::update);
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
        outline.forget();
        confirmation = Optional.empty();
        onSite = Optional.empty();
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
            confirmationPanel(state.get());
            content.getChildren().add(gaps);
            updateGaps();
            return;
        }
        content.getChildren().add(previous(itemId));
        model.previousFollowUp(itemId).ifPresent(item -> content.getChildren().add(lastFollowUp(item)));
        content.getChildren().add(labelled("inspection.answer", answerButtons(finding)));
        finding.answer().filter(answer -> answer == Answer.ALTERNATIVE || answer == Answer.NOT_APPLICABLE)
                .ifPresent(answer -> content.getChildren().add(labelled("inspection.reason." + answer.name(),
                        textArea("reason", finding.reason(), model::setReason, 3))));
        state.ifPresent(this::confirmationPanel);
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

    /**
     * What became of the item's finding last time, as the office last sent it: the finding with its target date, the
     * hospital's report, the office's assessment; and the inspector's word that it was confirmed on site.
     */
    private Node lastFollowUp(PreviousFollowUp.Item item) {
        PreviousFollowUp followUp = model.loadedProperty().get().previousFollowUp().orElseThrow();
        Label title = new Label(messages.get("inspection.lastFollowUp.title"));
        title.getStyleClass().add("field-label");
        Label finding = followUpLine("previous-follow-up-finding", item.targetDate()
                .map(target -> messages.get("inspection.lastFollowUp.finding", date(followUp.inspectionDate()), date(target)))
                .orElse(messages.get("inspection.lastFollowUp.findingWithoutTarget", date(followUp.inspectionDate()))));
        Label report = followUpLine("previous-follow-up-report", reportText(followUp, item));
        String assessment = item.assessment().map(assessed -> assessed == Assessment.IN_PROGRESS
                        ? messages.get("inspection.lastFollowUp.inProgress", date(item.newTargetDate().orElseThrow()))
                        : messages.get(assessed.messageKey()))
                .orElse(messages.get("inspection.lastFollowUp.unassessed"));
        Label office = followUpLine("previous-follow-up-assessment", messages.get("inspection.lastFollowUp.assessment",
                assessment));
        office.getStyleClass().add("follow-up-" + item.assessment().map(Enum::name).orElse("NONE")
                .toLowerCase(Locale.ROOT).replace('_', '-'));
        CheckBox confirmed = new CheckBox(messages.get("inspection.lastFollowUp.confirmedOnSite"));
        confirmed.setId("previous-follow-up-confirmed");
        confirmed.setSelected(model.confirmedOnSite(item.itemId()));
        confirmed.setDisable(model.readOnly());
        confirmed.selectedProperty().addListener((observable, old, on) -> model.confirmOnSite(item.itemId(), on));
        onSite = Optional.of(confirmed);
        VBox box = new VBox(6, title, finding, report, office, confirmed);
        box.setId("previous-follow-up");
        box.getStyleClass().add("previous-follow-up");
        return box;
    }

    /** The hospital's report on the item: none yet, not looked at by the office yet, or what was done and when. */
    private String reportText(PreviousFollowUp followUp, PreviousFollowUp.Item item) {
        if (followUp.reportReceivedOn().isEmpty()) {
            return messages.get("inspection.lastFollowUp.noReport");
        }
        if (item.assessment().isEmpty()) {
            return messages.get("inspection.lastFollowUp.reportNotAssessed", date(followUp.reportReceivedOn().get()));
        }
        if (item.action().isEmpty()) {
            return item.doneOn().map(done -> messages.get("inspection.lastFollowUp.doneOn", date(done)))
                    .orElse(messages.get("inspection.lastFollowUp.nothingReported"));
        }
        return item.doneOn().map(done -> messages.get("inspection.lastFollowUp.action", item.action(), date(done)))
                .orElse(messages.get("inspection.lastFollowUp.actionUndated", item.action()));
    }

    private Label followUpLine(String id, String text) {
        Label line = new Label(text);
        line.setId(id);
        line.setWrapText(true);
        return line;
    }

    private String date(LocalDate date) {
        return Dates.format(date, messages);
    }

    private Node answerButtons(Finding finding) {
        ToggleGroup group = new ToggleGroup();
        FlowPane buttons = new FlowPane(10, 10);
        buttons.setId("answers");
        for (int i = 0; i < shownAnswers.size(); i++) {
            Answer answer = shownAnswers.get(i);
            ToggleButton button = new ToggleButton((i + 1) + "  " + messages.get("answer." + answer.name()));
            button.setId("answer-" + answer.name());
            button.getStyleClass().addAll("answer-button", "answer-" + answer.name().toLowerCase(Locale.ROOT));
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

    /** A multi-line text of the item, stored when the field loses focus or typing pauses ({@link PendingTexts}). */
    private TextArea textArea(String id, String value, BiConsumer<String, String> store, int rows) {
        String itemId = shownItemId;
        return texts.area(id, value, model.readOnly(), text -> store.accept(itemId, text), rows);
    }

    /** A date of the item: picked on the calendar, or typed (2026/11/25). */
    private Node datePicker(String id, DateField field) {
        return new DateInput(messages, id, model.readOnly(), () -> model.date(field), text -> model.typeDate(field, text),
                date -> model.setDate(field, date.orElse(null))).node();
    }

    /**
     * The confirmation of the hospital's answer, on an item that answers a ministry item ({@link ConfirmationPanel});
     * none on 参考 items, nor when the gate question leaves the forms unasked.
     */
    private void confirmationPanel(ItemState state) {
        if (state.ruledOutByGate()) {
            return;
        }
        state.item().ministryItem().ifPresent(ministryItem -> {
            ConfirmationPanel panel = new ConfirmationPanel(messages, model.forms(), texts, model.readOnly(), ministryItem);
            confirmation = Optional.of(panel);
            content.getChildren().add(panel.build());
        });
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
        List<Gap.Kind> kinds = new ArrayList<>(model.isGate(shownItemId)
                ? (model.finding(shownItemId).answer().isEmpty() ? List.of(Gap.Kind.GATE_UNANSWERED) : List.of())
                : model.state(shownItemId).filter(ItemState::applicable)
                        .map(state -> model.checklistProperty().get().gapsOf(state)).orElse(List.<Gap.Kind>of()));
        List<Gap> open = model.gaps();
        // The confirmation of the item's ministry item, asked on each of its parts.
        if (confirmation.isPresent()) {
            String number = model.catalogItem(shownItemId).ministryItem().orElseThrow().number();
            open.stream().filter(gap -> gap.kind().place() == Gap.Place.CONFIRMATION && gap.subject().equals(number))
                    .forEach(gap -> kinds.add(gap.kind()));
        }
        gaps.setText(String.join("\n", kinds.stream().map(kind -> messages.get("gap." + kind.name())).toList()));
        outline.keepOnly(open);
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
