package jp.tachiiri.ui.home;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Role;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.UiContext;

/**
 * The first start's one question: is this installation an inspector's tablet or the office? The answer
 * decides the home screen for good, so each choice says what it is for. Below it, the other way to begin: restoring
 * a backup of an installation that this one replaces.
 */
public final class RoleView {

    private final UiContext context;
    private final Messages messages;
    private final Consumer<Role> chosen;
    private final Runnable restore;

    /** {@code restore} offers the other way to start: taking over an installation from its backup (a new PC). */
    public RoleView(UiContext context, Consumer<Role> chosen, Runnable restore) {
        this.context = context;
        this.messages = context.messages();
        this.chosen = chosen;
        this.restore = restore;
    }

    public Parent build() {
        Label title = new Label(messages.get("role.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(messages.get("role.hint"));
        hint.setWrapText(true);
        HBox choices = new HBox(24, choice(Role.INSPECTOR), choice(Role.OFFICE));
        choices.setAlignment(Pos.CENTER);
        Label restoreHint = new Label(messages.get("role.restoreHint"));
        restoreHint.setWrapText(true);
        Button fromBackup = new Button(messages.get("role.restore"));
        fromBackup.setId("role-restore");
        fromBackup.setOnAction(event -> restore.run());
        VBox card = new VBox(20, title, hint, choices, restoreHint, fromBackup);
        card.getStyleClass().add("card");
        card.setMaxWidth(760);
        VBox body = new VBox(card);
        body.setAlignment(Pos.CENTER);
        body.getStyleClass().add("body");
        return new BorderPane(body, header(), null, null, null);
    }

    /** The language switch of every screen: the choice below is for good, so it must be read in one's language. */
    private Node header() {
        HBox header = new HBox(ScreenParts.titles(messages, "app.subtitle"), ScreenParts.languageSwitch(context));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private Button choice(Role role) {
        Button button = new Button(messages.get("role." + role.code()) + "\n" + messages.get("role." + role.code() + ".what"));
        button.setId("role-" + role.code());
        button.getStyleClass().add("role-choice");
        button.setWrapText(true);
        button.setOnAction(event -> {
            button.getParent().setDisable(true);
            chosen.accept(role);
        });
        return button;
    }
}
