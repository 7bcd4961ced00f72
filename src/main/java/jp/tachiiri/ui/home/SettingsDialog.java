package jp.tachiiri.ui.home;

import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;

/**
 * The installation's settings for the advice printouts: who issues them and the days given for the
 * improvement report. Read and stored in the background; a wrong number of days is explained, not stored.
 */
public final class SettingsDialog {

    private final UiContext context;
    private final Messages messages;

    public SettingsDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    public void show() {
        context.background().submit(() -> context.workspace().adviceSettings(), this::show,
                error -> Dialogs.show(context, messages.get("settings.title"), new Label(context.describe(error))));
    }

    private void show(AdviceSettings current) {
        TextField authority = new TextField(current.issuingAuthority());
        authority.setId("settings-authority");
        authority.setPromptText(messages.get("settings.authorityPrompt"));
        TextField days = new TextField(Integer.toString(current.reportDays()));
        days.setId("settings-report-days");
        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("settings.title"));
        dialog.setHeaderText(messages.get("settings.title"));
        dialog.getDialogPane().setContent(new VBox(8, label("settings.authority"), authority,
                label("settings.reportDays"), days, error));
        ButtonType ok = new ButtonType(messages.get("common.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("settings-ok");
        // A wrong value keeps the dialog open with the reason, instead of closing and losing what was typed.
        okButton.addEventFilter(ActionEvent.ACTION, event -> {
            Optional<AdviceSettings> settings = parse(authority.getText(), days.getText(), error);
            if (settings.isEmpty()) {
                event.consume();
                return;
            }
            context.background().submit(() -> {
                context.workspace().setAdviceSettings(settings.get());
                return settings.get();
            }, saved -> { }, failure -> error.setText(context.describe(failure)));
        });
        dialog.show();
    }

    private Optional<AdviceSettings> parse(String authority, String days, Label error) {
        try {
            return Optional.of(new AdviceSettings(authority, Integer.parseInt(days.strip())));
        } catch (NumberFormatException notANumber) {
            error.setText(messages.get("settings.notANumber", days));
        } catch (UserFacingException refused) {
            error.setText(messages.describe(refused));
        }
        return Optional.empty();
    }

    private Label label(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        return label;
    }
}
