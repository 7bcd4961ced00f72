package jp.tachiiri.ui.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.UiContext;

/**
 * The vendors' own checklists (事業者確認用): one block per vendor contract of the facility, 受領 or 未提出. A
 * missing form asks the reason; a received one the day the vendor filled it in and its はい / いいえ for the items
 * the vendors' form carries. Without a contract no vendor form is needed, and the panel says so.
 */
final class VendorFormsPanel {

    private final UiContext context;
    private final Messages messages;
    private final SelfCheckViewModel forms;
    private final PendingTexts texts;
    private final boolean readOnly;
    private final VBox content = new VBox(16);
    private final ScrollPane scroll;
    private final List<Block> blocks = new ArrayList<>();
    private final GapOutline outline = new GapOutline();

    VendorFormsPanel(UiContext context, SelfCheckViewModel forms, PendingTexts texts, boolean readOnly) {
        this.context = context;
        this.messages = context.messages();
        this.forms = forms;
        this.texts = texts;
        this.readOnly = readOnly;
        this.scroll = FormSheets.sheet(content, "vendor-forms", readOnly);
    }

    Node build() {
        content.getChildren().addAll(FormSheets.title(messages, "forms.vendor.title"),
                FormSheets.refusalLine(context, forms, "vendor-forms-error"));
        List<VendorContract> contracts = forms.contracts();
        if (contracts.isEmpty()) {
            Label none = new Label(messages.get("forms.vendor.none"));
            none.setId("vendor-none");
            none.getStyleClass().add("info-box");
            none.setWrapText(true);
            content.getChildren().add(none);
        } else {
            Label explanation = new Label(messages.get("forms.vendor.explanation"));
            explanation.setWrapText(true);
            content.getChildren().add(explanation);
        }
        for (int i = 0; i < contracts.size(); i++) {
            Block block = new Block(contracts.get(i), i);
            blocks.add(block);
            content.getChildren().add(block.node);
        }
        forms.selfCheckProperty().addListener((observable, old, stored) -> refresh());
        refresh();
        return scroll;
    }

    /** Shows the block of {@code gap}'s contract with the field in view, focused and outlined. */
    void showGap(Gap gap) {
        blocks.stream().filter(block -> block.contract.key().equals(gap.subject())).findFirst()
                .ifPresent(block -> outline.show(gap, block.node, scroll));
    }

    private void refresh() {
        blocks.forEach(Block::update);
        outline.keepOnly(forms.gaps());
    }

    /** One vendor contract's form. */
    private final class Block {
        private final VendorContract contract;
        private final int index;
        private final VBox node = new VBox(10);
        private final VBox body = new VBox(10);
        private final ToggleButton received;
        private final ToggleButton missing;
        private final List<AnswerToggles> answers = new ArrayList<>();
        private Optional<VendorForm.Status> shownStatus;
        private DateInput filledOn;

        Block(VendorContract contract, int index) {
            this.contract = contract;
            this.index = index;
            node.setId("vendor-block-" + index);
            node.getStyleClass().addAll("card", "vendor-block");
            Label name = new Label(contract.key());
            name.getStyleClass().add("section-title");
            name.setWrapText(true);
            ToggleGroup group = new ToggleGroup();
            received = statusButton(group, VendorForm.Status.RECEIVED, "forms.vendor.received");
            missing = statusButton(group, VendorForm.Status.MISSING, "forms.vendor.missing");
            FlowPane status = new FlowPane(10, 10, received, missing);
            status.getStyleClass().add("vendor-status");
            node.getChildren().addAll(name, status, body);
            shownStatus = forms.vendorForm(contract).map(VendorForm::status);
            buildBody();
        }

        /** 受領 / 未提出: one of them is always chosen once a form is recorded (a recorded form is not taken back). */
        private ToggleButton statusButton(ToggleGroup group, VendorForm.Status status, String key) {
            ToggleButton button = new ToggleButton(messages.get(key));
            button.setId((status == VendorForm.Status.RECEIVED ? "vendor-received-" : "vendor-missing-") + index);
            button.getStyleClass().add("method-button");
            button.setToggleGroup(group);
            button.setDisable(readOnly);
            button.setOnAction(event -> {
                button.setSelected(true);
                forms.setVendorStatus(contract, status);
            });
            return button;
        }

        /** What the status asks: the reason for a missing form; the day and the answers of a received one. */
        private void buildBody() {
            body.getChildren().clear();
            answers.clear();
            filledOn = null;
            if (shownStatus.isEmpty()) {
                Label hint = new Label(messages.get("forms.vendor.chooseStatus"));
                hint.getStyleClass().add("previous-answer");
                body.getChildren().add(hint);
            } else if (shownStatus.get() == VendorForm.Status.MISSING) {
                Label label = new Label(messages.get("forms.vendor.missingReason"));
                label.getStyleClass().add("field-label");
                String reason = forms.vendorForm(contract).map(VendorForm::missingReason).orElse("");
                TextArea area = texts.area("vendor-reason-" + index, reason, readOnly,
                        text -> forms.setMissingReason(contract, text), 2);
                area.getStyleClass().add("vendor-reason");
                body.getChildren().addAll(label, area);
            } else {
                receivedBody();
            }
        }

        private void receivedBody() {
            Label dayLabel = new Label(messages.get("forms.vendor.filledOn"));
            dayLabel.getStyleClass().add("field-label");
            filledOn = new DateInput(messages, "vendor-filled-" + index, readOnly,
                    () -> forms.vendorForm(contract).flatMap(VendorForm::filledOn),
                    text -> Dates.typed(text, "forms.vendor.filledOn", messages, day -> forms.setFilledOn(contract, day)),
                    day -> forms.setFilledOn(contract, day));
            filledOn.picker().getStyleClass().add("vendor-filled-on");
            HBox day = new HBox(10, dayLabel, filledOn.node());
            day.setAlignment(Pos.CENTER_LEFT);
            body.getChildren().add(day);

            VBox rows = new VBox(6);
            rows.getStyleClass().add("vendor-answers");
            List<MinistryItem> items = forms.vendorItems();
            for (int j = 0; j < items.size(); j++) {
                MinistryItem item = items.get(j);
                AnswerToggles toggles = new AnswerToggles(messages, "vendor-" + index, j, readOnly,
                        answer -> forms.setVendorAnswer(contract, item.number(), answer));
                answers.add(toggles);
                HBox row = new HBox(10, FormSheets.number(item.number()),
                        FormSheets.wording(item.wording().in(messages.language())), toggles.node());
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("form-row");
                rows.getChildren().add(row);
            }
            if (!readOnly) {
                Button allYes = new Button(messages.get("forms.blankYes"));
                allYes.setId("vendor-all-yes-" + index);
                allYes.setOnAction(event -> forms.answerBlankVendorItemsYes(contract));
                body.getChildren().add(allYes);
            }
            body.getChildren().add(rows);
        }

        /** Shows what is stored; the body is built anew only when the status changes, so typing goes on undisturbed. */
        void update() {
            Optional<VendorForm> form = forms.vendorForm(contract);
            Optional<VendorForm.Status> status = form.map(VendorForm::status);
            received.setSelected(status.equals(Optional.of(VendorForm.Status.RECEIVED)));
            missing.setSelected(status.equals(Optional.of(VendorForm.Status.MISSING)));
            if (!status.equals(shownStatus)) {
                shownStatus = status;
                outline.forget();
                buildBody();
            }
            if (filledOn != null) {
                filledOn.refresh();
            }
            List<MinistryItem> items = forms.vendorItems();
            for (int j = 0; j < answers.size(); j++) {
                String number = items.get(j).number();
                answers.get(j).show(form.flatMap(recorded -> recorded.answer(number)));
            }
        }
    }
}
