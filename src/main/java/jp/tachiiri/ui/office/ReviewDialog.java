package jp.tachiiri.ui.office;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
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
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Finding;
import jp.tachiiri.review.Decision;
import jp.tachiiri.ui.common.ChangesTable;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.DialogButtons;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.WrappingLabel;
import jp.tachiiri.ui.inspection.InspectionViewModel;

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
    private final InspectionViewModel.Loaded data;
    /** The title cell of each item's row, by item id: where a 変更あり mark goes. */
    private final Map<String, VBox> titles = new LinkedHashMap<>();

    public ReviewDialog(UiContext context, InspectionViewModel.Loaded data) {
        this.context = context;
        this.messages = context.messages();
        this.data = data;
    }

    public void show() {
        String inspectionId = data.inspection().id();
        int revision = data.inspection().revision();
        String actor = context.workspace().actor();
        context.background().submit(() -> {
            context.workspace().review().startReview(inspectionId, revision, actor);
            return true;
        }, started -> { }, failure -> { });

        TextArea comment = new TextArea();
        comment.setId("review-comment");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.setPromptText(messages.get("review.commentPrompt"));
        Map<String, TextField> itemComments = new LinkedHashMap<>();
        GridPane items = itemRows(itemComments);
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(data.earlierReturn().isPresent() ? 200 : 320);
        Label error = new Label();
        error.setId("review-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setResizable(true);
        dialog.setTitle(messages.get("review.title"));
        dialog.setHeaderText(messages.get("review.header", data.facility().name(), revision));
        VBox content = new VBox(8);
        data.earlierReturn().ifPresent(earlier -> content.getChildren().addAll(sinceReturn(earlier)));
        content.getChildren().addAll(new Label(messages.get("review.comment")), comment,
                new Label(messages.get(data.earlierReturn().isPresent() ? "review.itemsAfterReturn" : "review.items")), scroll, error);
        content.setPrefWidth(860);
        dialog.getDialogPane().setContent(content);
        ButtonType approve = new ButtonType(messages.get("review.approve"), ButtonBar.ButtonData.OTHER);
        ButtonType giveBack = new ButtonType(messages.get("review.return"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(approve, giveBack, cancel);
        DialogButtons.withoutDefault(dialog.getDialogPane(), approve, "review-approve");
        DialogButtons.withoutDefault(dialog.getDialogPane(), giveBack, "review-return");
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
                context.background().submit(() -> {
                    context.workspace().review().decide(decision, actor);
                    return decision;
                }, stored -> {
                    dialog.close();
                    context.navigator().home(confirmation(stored));
                }, failure -> error.setText(context.describe(failure)));
            });
        }
        // The comment first: the focus would otherwise land on 承認する, which Enter would then press.
        dialog.setOnShown(event -> Platform.runLater(comment::requestFocus));
        dialog.show();
    }

    /** The rows of answered items: title (with the earlier return's comment under it), answer, comment field. */
    private GridPane itemRows(Map<String, TextField> itemComments) {
        GridPane items = new GridPane();
        items.setId("review-items");
        items.setHgap(12);
        items.setVgap(6);
        int row = 0;
        for (CatalogItem item : data.catalog().items().stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList()) {
            Finding finding = data.findings().get(item.id());
            if (finding == null || finding.answer().isEmpty()) {
                continue;
            }
            VBox title = new VBox(2, new WrappingLabel(item.title().in(messages.language()), 420));
            titles.put(item.id(), title);
            data.earlierReturn().flatMap(earlier -> earlier.comment(item.id())).ifPresent(earlier -> {
                Label said = new WrappingLabel(messages.get("review.earlierItemComment", earlier), 420);
                said.getStyleClass().add("earlier-comment");
                title.getChildren().add(said);
            });
            Label answer = new Label(messages.get("answer." + finding.answer().get().name()));
            answer.getStyleClass().addAll("answer-chip", "answer-" + finding.answer().get().name().toLowerCase(Locale.ROOT));
            answer.setMinWidth(Region.USE_PREF_SIZE);
            TextField field = new TextField();
            field.setId("review-item-" + item.id().replace(".", "__")); // a dot would read as a CSS class
            field.setPromptText(messages.get("review.itemPrompt"));
            GridPane.setHgrow(field, Priority.ALWAYS);
            items.addRow(row++, title, answer, field);
            itemComments.put(item.id(), field);
        }
        return items;
    }

    /**
     * What the supervisor needs before deciding on an amended revision: the earlier return's comment, and the
     * changes from the returned revision to this one (read in the background, then filled in). Items that changed
     * are marked once the changes are known.
     */
    private List<Node> sinceReturn(BundleRecords.Review earlier) {
        Label heading = new Label(messages.get("review.earlierReturn", earlier.revision(), Dates.dayOf(earlier.decidedAt(), messages),
                earlier.decidedBy()));
        heading.getStyleClass().add("section-title");
        Label said = new WrappingLabel(earlier.comment(), 820);
        said.setId("review-earlier-comment");
        said.getStyleClass().add("earlier-comment");
        Label changesTitle = new Label(messages.get("review.changesSince", earlier.revision(), data.inspection().revision()));
        changesTitle.setId("review-changes-title");
        changesTitle.getStyleClass().add("section-title");
        TableView<RevisionDiff.Change> changes = ChangesTable.of(messages, data.catalog(), List.of(),
                "review.changes.returned", "review.changes.now");
        changes.setId("review-changes");
        changes.setPrefHeight(180);
        // The columns share the dialog's width rather than keep their own (which would need a scroll sideways).
        changes.getColumns().forEach(column -> column.setMinWidth(80));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        String inspectionId = data.inspection().id();
        context.background().submit(() -> RevisionDiff.between(
                context.workspace().inspections().findings(inspectionId, earlier.revision()), data.findings()), found -> {
                    changes.getItems().setAll(found);
                    changesTitle.setText(messages.get("review.changesSinceCount", earlier.revision(),
                            data.inspection().revision(), found.size()));
                    markChanged(found.stream().map(RevisionDiff.Change::itemId).collect(Collectors.toSet()));
                }, failure -> changesTitle.setText(context.describe(failure)));
        return List.of(heading, said, changesTitle, changes);
    }

    /** Adds a 変更あり mark under the title of every item row whose finding changed since the return. */
    private void markChanged(Set<String> changedItems) {
        changedItems.stream().map(titles::get).filter(Objects::nonNull).forEach(title -> {
            Label changed = new Label(messages.get("review.changedMark"));
            changed.getStyleClass().add("changed-mark");
            title.getChildren().add(changed);
        });
    }

    /** The message that stays on the list after the dialog closes: what was decided, and how it reaches the tablet. */
    private String confirmation(Decision decision) {
        String export = messages.get("sync.exportAssignments");
        return decision.approved()
                ? messages.get("review.done.approved", data.facility().name(), decision.revision(), export)
                : messages.get("review.done.returned", data.facility().name(), decision.revision(),
                        decision.itemComments().size(), export);
    }

    /**
     * The items the earlier return commented on first (whether they were answered is the question now), then
     * 不適合, then 代替措置, then the rest, in catalog order within each.
     */
    private int rank(CatalogItem item) {
        if (data.earlierReturn().flatMap(earlier -> earlier.comment(item.id())).isPresent()) {
            return 0;
        }
        Finding finding = data.findings().get(item.id());
        Answer answer = finding == null ? null : finding.answer().orElse(null);
        return answer == Answer.NON_COMPLIANT ? 1 : answer == Answer.ALTERNATIVE ? 2 : 3;
    }
}
