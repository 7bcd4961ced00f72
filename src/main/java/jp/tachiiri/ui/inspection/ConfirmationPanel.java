package jp.tachiiri.ui.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.ui.common.Dates;

/**
 * The confirmation pass, beside the inspector's own controls on an item that answers a ministry item: what the
 * hospital's form says of it (answer, date checked, target date), each vendor's answer, last inspection's row, and
 * the inspector's confirmation — 確認, 相違 or 未確認, with the reason the last two need. A 相違 marks the panel;
 * an own result that says the opposite of the hospital's answer is pointed out, suggesting 相違.
 */
final class ConfirmationPanel {

    private final Messages messages;
    private final SelfCheckViewModel forms;
    private final PendingTexts texts;
    private final boolean readOnly;
    private final MinistryItem item;
    private final VBox panel = new VBox(10);
    private final Label hospitalAnswer = new Label();
    private final Label hospitalDates = new Label();
    private final List<Label> vendorLines = new ArrayList<>();
    private final Label contradiction = new Label();
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final VBox reason = new VBox(6);

    ConfirmationPanel(Messages messages, SelfCheckViewModel forms, PendingTexts texts, boolean readOnly, MinistryItem item) {
        this.messages = messages;
        this.forms = forms;
        this.texts = texts;
        this.readOnly = readOnly;
        this.item = item;
    }

    Node build() {
        panel.setId("confirmation-panel");
        panel.getStyleClass().add("confirmation-panel");
        Label title = new Label(messages.get("confirm.title", item.label()));
        title.getStyleClass().add("field-label");
        Label wording = new Label(item.wording().in(messages.language()));
        wording.setWrapText(true);
        wording.getStyleClass().add("confirm-wording");
        panel.getChildren().addAll(title, wording);

        hospitalAnswer.setId("confirm-hospital");
        hospitalAnswer.setMinWidth(Region.USE_PREF_SIZE);
        hospitalDates.setId("confirm-hospital-dates");
        hospitalDates.setWrapText(true);
        HBox hospital = new HBox(10, new Label(messages.get("confirm.hospital")), hospitalAnswer, hospitalDates);
        hospital.setAlignment(Pos.CENTER_LEFT);
        panel.getChildren().add(hospital);

        List<SelfCheckViewModel.VendorAnswer> vendors = forms.vendorAnswers(item);
        for (int i = 0; i < vendors.size(); i++) {
            Label line = new Label();
            line.setId("confirm-vendor-" + i);
            line.setWrapText(true);
            vendorLines.add(line);
            panel.getChildren().add(line);
        }
        forms.previousEntry(item.number()).ifPresent(previous -> panel.getChildren().add(previous(previous)));

        contradiction.setId("confirm-contradiction");
        contradiction.getStyleClass().add("contradiction");
        contradiction.setWrapText(true);
        panel.getChildren().add(contradiction);

        panel.getChildren().add(confirmationButtons());
        Label reasonLabel = new Label(messages.get("confirm.reason"));
        reasonLabel.getStyleClass().add("field-label");
        String number = item.number();
        TextArea reasonText = texts.area("confirmation-reason", forms.entry(number).confirmationReason(), readOnly,
                text -> forms.setConfirmationReason(number, text), 2);
        reason.getChildren().addAll(reasonLabel, reasonText);
        panel.getChildren().add(reason);
        update();
        return panel;
    }

    /** Shows the forms and the confirmation as they stand now. */
    void update() {
        HospitalFormEntry entry = forms.entry(item.number());
        hospitalAnswer.setText(answerText(entry.answer()));
        hospitalAnswer.getStyleClass().setAll("label", "answer-chip",
                "answer-" + entry.answer().map(answer -> answer.name().toLowerCase(Locale.ROOT)).orElse("none"));
        String dates = messages.get("confirm.checkedOn", day(entry.checkedOn()));
        if (entry.answer().equals(Optional.of(SelfCheckAnswer.NO))) {
            dates += "　" + messages.get("confirm.targetDate", day(entry.targetDate()));
        }
        hospitalDates.setText(dates);

        List<SelfCheckViewModel.VendorAnswer> vendors = forms.vendorAnswers(item);
        for (int i = 0; i < vendors.size() && i < vendorLines.size(); i++) {
            SelfCheckViewModel.VendorAnswer vendor = vendors.get(i);
            String said = vendor.status().filter(status -> status == VendorForm.Status.MISSING)
                    .map(missing -> messages.get("confirm.vendorMissing"))
                    .orElse(answerText(vendor.answer()));
            vendorLines.get(i).setText(messages.get("confirm.vendor", vendor.contract().key(), said));
        }

        boolean contradicts = forms.contradicts(item.number());
        contradiction.setText(contradicts ? messages.get("confirm.contradicts",
                messages.get("answer." + forms.result(item.number()).answer().orElseThrow().name()),
                answerText(entry.answer())) : "");
        contradiction.setManaged(contradicts);
        contradiction.setVisible(contradicts);

        Optional<Confirmation> confirmation = entry.confirmation();
        buttons.forEach(button -> button.setSelected(confirmation.map(Enum::name)
                .map(name -> button.getId().equals("confirm-" + name)).orElse(false)));
        boolean needsReason = confirmation.filter(given -> given != Confirmation.AGREES).isPresent();
        reason.setManaged(needsReason);
        reason.setVisible(needsReason);
        panel.getStyleClass().remove("differs");
        if (confirmation.equals(Optional.of(Confirmation.DIFFERS))) {
            panel.getStyleClass().add("differs");
        }
    }

    /** 確認 / 相違 / 未確認: tapping the one chosen again takes it back. */
    private Node confirmationButtons() {
        ToggleGroup group = new ToggleGroup();
        FlowPane row = new FlowPane(10, 10);
        row.setId("confirmation");
        for (Confirmation confirmation : Confirmation.values()) {
            ToggleButton button = new ToggleButton(messages.get("confirmation." + confirmation.name()));
            button.setId("confirm-" + confirmation.name());
            button.getStyleClass().addAll("confirm-button", "confirm-" + confirmation.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setDisable(readOnly);
            button.setOnAction(event -> forms.setConfirmation(item.number(),
                    button.isSelected() ? Optional.of(confirmation) : Optional.empty()));
            buttons.add(button);
            row.getChildren().add(button);
        }
        return row;
    }

    /** Last inspection's row: what the hospital said then and what the inspector made of it. */
    private Node previous(HospitalFormEntry previous) {
        String confirmed = previous.confirmation().map(given -> messages.get("confirmation." + given.name()))
                .orElse(messages.get("confirmation.none"));
        if (!previous.confirmationReason().isBlank()) {
            confirmed = messages.get("confirm.withReason", confirmed, previous.confirmationReason());
        }
        LocalDate when = forms.previousDate().orElseThrow();
        Label line = new Label(messages.get("confirm.previous", Dates.format(when, messages),
                answerText(previous.answer()), confirmed));
        line.setId("confirm-previous");
        line.getStyleClass().add("previous-answer");
        line.setWrapText(true);
        return line;
    }

    private String answerText(Optional<SelfCheckAnswer> answer) {
        return answer.map(given -> messages.get("answer." + given.name())).orElse(messages.get("confirm.blank"));
    }

    private String day(Optional<LocalDate> date) {
        return date.map(given -> Dates.format(given, messages)).orElse(messages.get("confirm.blank"));
    }
}
