package jp.tachiiri.ui.sync;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.sync.KnownDevice;
import jp.tachiiri.ui.common.DialogButtons;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * The two questions about another device's key. Accepting a key is never the default: the fingerprint is
 * shown with three groups hidden ({@link jp.tachiiri.sync.FingerprintCheck}), which the person types from the
 * other device's screen, and the accepting button stays disabled until they match; refusing is a button beside it, as easy to reach. Enter
 * accepts nothing. Changing a tablet's office asks the same of the new office's key, and a reason.
 */
final class DeviceTrustDialogs {

    private final UiContext context;
    private final Messages messages;

    DeviceTrustDialogs(UiContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    /** Enrol, refuse or decide later about {@code device}, whose bundle arrived or which is in the list. */
    void askToEnrol(SyncViewModel.DeviceToDecide device, Consumer<SyncViewModel.Answer> answer) {
        // OTHER, not YES: a dialog makes a YES button its default, and Enter would then accept the key.
        ButtonType enrol = new ButtonType(messages.get("sync.enrol"), ButtonBar.ButtonData.OTHER);
        ButtonType refuse = new ButtonType(messages.get("sync.refuse"), ButtonBar.ButtonData.OTHER);
        ButtonType later = new ButtonType(messages.get("sync.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", enrol, refuse, later);
        String role = device.role().name();
        Label question = new WrappingLabel(messages.get("sync.enrolQuestion." + role, device.deviceId()));
        TextField code = codeField();
        Label check = feedback(code, device::matches, "sync.codeMatches");
        VBox content = new VBox(12, question, fingerprintWithCode(device.shownFingerprint(), code),
                new WrappingLabel(messages.get("sync.enrolAdvice")), check);
        if (device.demo()) {
            Label demo = new WrappingLabel(messages.get("sync.enrolDemo", device.fingerprint()));
            demo.setId("sync-enrol-demo");
            demo.getStyleClass().add("hint");
            content.getChildren().add(2, demo);
        }
        show(alert, "sync.enrolTitle." + role, content);
        Button enrolButton = DialogButtons.withoutDefault(alert.getDialogPane(), enrol, "sync-enrol");
        enrolButton.disableProperty().bind(matching(code, device::matches).not());
        DialogButtons.withoutDefault(alert.getDialogPane(), refuse, "sync-refuse");
        DialogButtons.withoutDefault(alert.getDialogPane(), later, "sync-later");
        code.requestFocus();
        ButtonType chosen = alert.showAndWait().orElse(later);
        answer.accept(new SyncViewModel.Answer(chosen == enrol ? SyncViewModel.Decision.ENROL
                : chosen == refuse ? SyncViewModel.Decision.REFUSE : SyncViewModel.Decision.LATER, code.getText()));
    }

    /**
     * At a tablet, a bundle from an office other than its own: change to it (the new office's code and a
     * reason), or keep the current office.
     */
    void askToChangeOffice(KnownDevice current, SyncViewModel.DeviceToDecide office,
                           Consumer<Optional<SyncViewModel.OfficeChange>> answer) {
        ButtonType change = new ButtonType(messages.get("sync.changeOffice"), ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(messages.get("sync.keepOffice"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", change, keep);
        TextField code = codeField();
        TextArea reason = ViewportCache.off(new TextArea());
        reason.setId("sync-change-reason");
        reason.setPromptText(messages.get("sync.changeOfficeReason"));
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        VBox content = new VBox(12,
                new WrappingLabel(messages.get("sync.changeOfficeQuestion", current.deviceId(), current.fingerprint(), office.deviceId())),
                fingerprintWithCode(office.shownFingerprint(), code), feedback(code, office::matches, "sync.codeMatchesChange"),
                new WrappingLabel(messages.get("sync.changeOfficeAdvice")), reason);
        show(alert, "sync.changeOfficeTitle", content);
        Button changeButton = DialogButtons.withoutDefault(alert.getDialogPane(), change, "sync-change-office");
        changeButton.disableProperty().bind(matching(code, office::matches).not()
                .or(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty())));
        DialogButtons.withoutDefault(alert.getDialogPane(), keep, "sync-keep-office");
        code.requestFocus();
        answer.accept(alert.showAndWait().filter(chosen -> chosen == change)
                .map(chosen -> new SyncViewModel.OfficeChange(code.getText(), reason.getText())));
    }

    private TextField codeField() {
        TextField code = new TextField();
        code.setId("sync-fingerprint-code");
        code.setPromptText(messages.get("sync.codePrompt"));
        code.getStyleClass().addAll("fingerprint", "fingerprint-code");
        code.setMinWidth(Region.USE_PREF_SIZE);
        return code;
    }

    /** The fingerprint as far as it is shown, and below it where the person types its last group. */
    private VBox fingerprintWithCode(String shown, TextField code) {
        Label fingerprint = new Label(shown);
        fingerprint.setId("sync-device-fingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.setMinWidth(Region.USE_PREF_SIZE);
        Label codeLabel = new Label(messages.get("sync.codeLabel"));
        codeLabel.setLabelFor(code);
        codeLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(12, codeLabel, code);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, fingerprint, line);
    }

    /** What the typed code means: nothing yet, a match, or a mismatch that says to refuse or check again. */
    private Label feedback(TextField code, Predicate<String> matches, String matchedKey) {
        Label check = new WrappingLabel("");
        check.setId("sync-code-check");
        code.textProperty().addListener((observable, before, typed) -> {
            boolean complete = typed.strip().length() >= 4;
            boolean matched = matches.test(typed);
            check.setText(!complete ? "" : messages.get(matched ? matchedKey : "sync.codeDiffers"));
            check.getStyleClass().removeAll("field-error", "save-status");
            check.getStyleClass().add(matched ? "save-status" : "field-error");
        });
        return check;
    }

    private static BooleanBinding matching(TextField code, Predicate<String> matches) {
        return Bindings.createBooleanBinding(() -> matches.test(code.getText()), code.textProperty());
    }

    private void show(Alert alert, String titleKey, VBox content) {
        content.setPrefWidth(560);
        alert.getDialogPane().setContent(content);
        alert.initOwner(context.window());
        alert.setTitle(messages.get(titleKey));
        alert.setHeaderText(messages.get(titleKey));
    }

}
