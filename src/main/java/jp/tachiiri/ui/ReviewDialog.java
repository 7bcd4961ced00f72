package jp.tachiiri.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Finding;
import jp.tachiiri.review.Decision;

/**
 * The supervisor's decision on a received revision: approve it, or return it with a comment, and a comment
 * on any item (不適合 and 代替措置 first, where questions usually are). Opening it marks the revision as in
 * review; a return without a comment is explained, not stored.
 */
final class ReviewDialog {

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel.Loaded data;

    ReviewDialog(UiContext context, InspectionViewModel.Loaded data) {
        this.context = context;
        this.messages = context.messages();
        this.data = data;
    }

    void show() {
        String inspectionId = data.inspection().id();
        int revision = data.inspection().revision();
        String actor = context.workspace().actor();
        context.executor().submit(() -> {
            context.workspace().review().startReview(inspectionId, revision, actor);
            return true;
        }, started -> { }, failure -> { });

        TextArea comment = new TextArea();
        comment.setId("review-comment");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.setPromptText(messages.get("review.commentPrompt"));
        Map<String, TextField> itemComments = new LinkedHashMap<>();
        GridPane items = new GridPane();
        items.setHgap(12);
        items.setVgap(6);
        int row = 0;
        for (CatalogItem item : data.catalog().items().stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList()) {
            Finding finding = data.findings().get(item.id());
            if (finding == null || finding.answer().isEmpty()) {
                continue;
            }
            Label title = new Label(item.title().in(messages.language()));
            title.setWrapText(true);
            title.setMaxWidth(420);
            Label answer = new Label(messages.get("answer." + finding.answer().get().name()));
            answer.getStyleClass().addAll("answer-chip", "answer-" + finding.answer().get().name().toLowerCase(java.util.Locale.ROOT));
            TextField field = new TextField();
            field.setId("review-item-" + item.id().replace(".", "__")); // a dot would read as a CSS class
            field.setPromptText(messages.get("review.itemPrompt"));
            GridPane.setHgrow(field, Priority.ALWAYS);
            items.addRow(row++, title, answer, field);
            itemComments.put(item.id(), field);
        }
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        Label error = new Label();
        error.setId("review-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("review.title"));
        dialog.setHeaderText(messages.get("review.header", data.facility().name(), revision));
        VBox content = new VBox(10, new Label(messages.get("review.comment")), comment,
                new Label(messages.get("review.items")), scroll, error);
        content.setPrefWidth(820);
        dialog.getDialogPane().setContent(content);
        ButtonType approve = new ButtonType(messages.get("review.approve"), ButtonBar.ButtonData.YES);
        ButtonType giveBack = new ButtonType(messages.get("review.return"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(approve, giveBack, cancel);
        dialog.getDialogPane().lookupButton(approve).setId("review-approve");
        dialog.getDialogPane().lookupButton(giveBack).setId("review-return");
        dialog.getDialogPane().lookupButton(cancel).setId("review-cancel");
        for (ButtonType choice : new ButtonType[] {approve, giveBack}) {
            dialog.getDialogPane().lookupButton(choice).addEventFilter(ActionEvent.ACTION, event -> {
                // The dialog stays open until the decision is stored; a refusal is shown in it.
                event.consume();
                Map<String, String> comments = new LinkedHashMap<>();
                itemComments.forEach((itemId, field) -> {
                    if (!field.getText().isBlank()) {
                        comments.put(itemId, field.getText().strip());
                    }
                });
                boolean approved = choice == approve;
                Decision decision = new Decision(inspectionId, revision, approved, approved ? "" : comment.getText(),
                        approved ? Map.of() : comments);
                context.executor().submit(() -> {
                    context.workspace().review().decide(decision, actor);
                    return decision;
                }, stored -> {
                    dialog.close();
                    context.navigator().home();
                }, failure -> error.setText(context.describe(failure)));
            });
        }
        dialog.show();
    }

    /** 不適合 first, then 代替措置, then the rest, in catalog order within each. */
    private int rank(CatalogItem item) {
        Finding finding = data.findings().get(item.id());
        Answer answer = finding == null ? null : finding.answer().orElse(null);
        return answer == Answer.NON_COMPLIANT ? 0 : answer == Answer.ALTERNATIVE ? 1 : 2;
    }
}
