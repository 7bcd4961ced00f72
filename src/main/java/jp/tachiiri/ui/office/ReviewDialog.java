package jp.tachiiri.ui.office;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.ui.common.ChangesTable;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.DialogButtons;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * The supervisor's decision on a received revision: approve it, or return it with a comment, and a comment
 * on any item (不適合 and 代替措置 first, where questions usually are). When an earlier revision was returned,
 * the dialog shows that return and what changed since, so that the supervisor can see whether it was answered.
 * Opening it marks the revision as in review; a return without a comment is explained, not stored. Neither
 * decision is the default button: both are final, so Enter must not take one.
 */
public final class ReviewDialog {

    private final UiContext context;
    private final Messages messages;
    private final ReviewViewModel model;
    /** The title cell of each item's row, by item id: where a 変更あり mark goes. */
    private final Map<String, VBox> titles = new LinkedHashMap<>();

    public ReviewDialog(UiContext context, ReviewViewModel.Subject subject) {
        this.context = context;
        this.messages = context.messages();
        this.model = new ReviewViewModel(context.models(), subject);
    }

    public void show() {
        ReviewViewModel.Subject subject = model.subject();
        TextArea comment = new TextArea();
        comment.setId("review-comment");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.setPromptText(messages.get("review.commentPrompt"));
        comment.textProperty().bindBidirectional(model.commentProperty());
        ScrollPane scroll = new ScrollPane(itemRows());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(subject.earlierReturn().isPresent() ? 200 : 320);
        Label error = Dialogs.errorLine("review-error", model.errorProperty());

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setResizable(true);
        dialog.setTitle(messages.get("review.title"));
        dialog.setHeaderText(messages.get("review.header", subject.facilityName(), subject.revision()));
        VBox content = new VBox(8);
        subject.earlierReturn().ifPresent(earlier -> content.getChildren().addAll(sinceReturn(earlier)));
        content.getChildren().addAll(new Label(messages.get("review.comment")), comment,
                new Label(messages.get(subject.earlierReturn().isPresent() ? "review.itemsAfterReturn" : "review.items")),
                scroll, error);
        content.setPrefWidth(860);
        dialog.getDialogPane().setContent(content);
        ButtonType approve = new ButtonType(messages.get("review.approve"), ButtonBar.ButtonData.OTHER);
        ButtonType giveBack = new ButtonType(messages.get("review.return"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(approve, giveBack, cancel);
        DialogButtons.withoutDefault(dialog.getDialogPane(), approve, "review-approve");
        DialogButtons.withoutDefault(dialog.getDialogPane(), giveBack, "review-return");
        dialog.getDialogPane().lookupButton(cancel).setId("review-cancel");
        // The dialog stays open until the decision is stored; a refusal is shown in it.
        decideOn(dialog, approve, model::approve);
        decideOn(dialog, giveBack, model::giveBack);
        model.decidedProperty().addListener((observable, was, confirmation) -> {
            dialog.close();
            context.navigator().home(confirmation);
        });
        model.changedItems().addListener((SetChangeListener<String>) change -> {
            if (change.wasAdded()) {
                markChanged(change.getElementAdded());
            }
        });
        // The comment first: the focus would otherwise land on 承認する, which Enter would then press.
        dialog.setOnShown(event -> Platform.runLater(comment::requestFocus));
        dialog.show();
        model.start();
    }

    private static void decideOn(Dialog<ButtonType> dialog, ButtonType button, Runnable decide) {
        dialog.getDialogPane().lookupButton(button).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            decide.run();
        });
    }

    /** The rows of answered items: title (with the earlier return's comment under it), answer, comment field. */
    private GridPane itemRows() {
        GridPane items = new GridPane();
        items.setId("review-items");
        items.setHgap(12);
        items.setVgap(6);
        int row = 0;
        for (ReviewViewModel.ItemRow item : model.items()) {
            String itemId = item.item().id();
            VBox title = new VBox(2, new WrappingLabel(item.item().title().in(messages.language()), 420));
            titles.put(itemId, title);
            item.earlierComment().ifPresent(earlier -> {
                Label said = new WrappingLabel(messages.get("review.earlierItemComment", earlier), 420);
                said.getStyleClass().add("earlier-comment");
                title.getChildren().add(said);
            });
            Label answer = new Label(messages.get("answer." + item.answer().name()));
            answer.getStyleClass().addAll("answer-chip", "answer-" + item.answer().name().toLowerCase(Locale.ROOT));
            answer.setMinWidth(Region.USE_PREF_SIZE);
            TextField field = new TextField();
            field.setId("review-item-" + itemId.replace(".", "__")); // a dot would read as a CSS class
            field.setPromptText(messages.get("review.itemPrompt"));
            field.textProperty().bindBidirectional(model.itemCommentProperty(itemId));
            GridPane.setHgrow(field, Priority.ALWAYS);
            items.addRow(row++, title, answer, field);
        }
        return items;
    }

    /**
     * What the supervisor needs before deciding on an amended revision: the earlier return's comment, and the
     * changes from the returned revision to this one (filled in once read).
     */
    private List<Node> sinceReturn(ReviewResult earlier) {
        Label heading = new Label(messages.get("review.earlierReturn", earlier.revision(), Dates.dayOf(earlier.decidedAt(), context.workspace().clock(), messages),
                earlier.decidedBy()));
        heading.getStyleClass().add("section-title");
        Label said = new WrappingLabel(earlier.comment(), 820);
        said.setId("review-earlier-comment");
        said.getStyleClass().add("earlier-comment");
        Label changesTitle = new Label();
        changesTitle.setId("review-changes-title");
        changesTitle.getStyleClass().add("section-title");
        changesTitle.textProperty().bind(model.changesTitleProperty());
        TableView<RevisionDiff.Change> changes = ChangesTable.of(messages, model.subject().catalog(), List.of(),
                "review.changes.returned", "review.changes.now");
        changes.setId("review-changes");
        changes.setPrefHeight(180);
        changes.setItems(model.changes());
        // The columns share the dialog's width rather than keep their own (which would need a scroll sideways).
        changes.getColumns().forEach(column -> column.setMinWidth(80));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return List.of(heading, said, changesTitle, changes);
    }

    /** Adds a 変更あり mark under the title of an item row whose finding changed since the return. */
    private void markChanged(String itemId) {
        VBox title = titles.get(itemId);
        if (title != null) {
            Label changed = new Label(messages.get("review.changedMark"));
            changed.getStyleClass().add("changed-mark");
            title.getChildren().add(changed);
        }
    }
}
