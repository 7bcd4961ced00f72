package jp.tachiiri.ui.office;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.ui.common.ChangesTable;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.DialogButtons;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * The supervisor's decision on a received revision: approve it, or return it with a comment, and a comment
 * on any item (不適合 and 代替措置 first, where questions usually are). When an earlier revision was returned,
 * the dialog shows that return and what changed since, so that the supervisor can see whether it was answered.
 * A line above says how many of the hospital's answers the inspector found to differ; tabs beside the comments
 * show the hospital's form per ministry item with the inspector's confirmation (相違 marked) and the vendors'
 * forms. Opening it marks the revision as in review; a return without a comment is explained, not stored. Neither
 * decision is the default button: both are final, so Enter must not take one.
 */
public final class ReviewDialog {

    /** The summary line while some of the hospital's answers differ. */
    private static final PseudoClass DIFFERING = PseudoClass.getPseudoClass("differing");
    private static final double TOUCH_TARGET = 44;

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
        TextArea comment = ViewportCache.off(new TextArea());
        comment.setId("review-comment");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.setPromptText(messages.get("review.commentPrompt"));
        comment.textProperty().bindBidirectional(model.commentProperty());
        ScrollPane scroll = scrolled(itemRows());
        Label error = Dialogs.errorLine("review-error", model.errorProperty());
        Label forms = new WrappingLabel("", 820);
        forms.setId("review-forms-summary");
        forms.getStyleClass().add("section-title");
        forms.textProperty().bind(model.formsSummaryProperty());
        model.differencesProperty().addListener((observable, was, count) ->
                forms.pseudoClassStateChanged(DIFFERING, count.intValue() > 0));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setResizable(true);
        dialog.setTitle(messages.get("review.title"));
        dialog.setHeaderText(messages.get("review.header", subject.facilityName(), subject.revision()));
        VBox content = new VBox(8);
        subject.earlierReturn().ifPresent(earlier -> content.getChildren().addAll(sinceReturn(earlier)));
        Tab comments = new Tab(messages.get("review.tab.comments"), new VBox(6,
                new Label(messages.get(subject.earlierReturn().isPresent() ? "review.itemsAfterReturn" : "review.items")),
                scroll));
        Tab hospital = new Tab(messages.get("review.tab.hospitalForm"), scrolled(hospitalRows()));
        hospital.setId("review-tab-hospital-form");
        model.differencesProperty().addListener((observable, was, count) -> hospital.setText(count.intValue() == 0
                ? messages.get("review.tab.hospitalForm") : messages.get("review.tab.hospitalFormDiffering", count)));
        Tab vendors = new Tab(messages.get("review.tab.vendorForms"), scrolled(vendorRows()));
        vendors.setId("review-tab-vendor-forms");
        TabPane tabs = new TabPane(comments, hospital, vendors);
        tabs.setId("review-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setTabMinHeight(TOUCH_TARGET); // tapped as any button is
        content.getChildren().addAll(forms, new Label(messages.get("review.comment")), comment, tabs, error);
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

    private ScrollPane scrolled(Node rows) {
        ScrollPane scroll = ViewportCache.off(new ScrollPane(rows));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(model.subject().earlierReturn().isPresent() ? 200 : 320);
        return scroll;
    }

    /**
     * The hospital's form, a row per ministry item once read: the item, the hospital's answer with its dates, the
     * inspector's confirmation with the inspector's own result, and the reason; a 相違 row is marked.
     */
    private VBox hospitalRows() {
        VBox rows = new VBox(4);
        rows.setId("review-hospital-form");
        model.hospitalForm().addListener((ListChangeListener<ReviewViewModel.FormRow>) change -> {
            rows.getChildren().setAll(formRow(columnHeads()));
            List<ReviewViewModel.FormRow> all = model.hospitalForm();
            for (int i = 0; i < all.size(); i++) {
                rows.getChildren().add(hospitalRow(all.get(i), i));
            }
        });
        return rows;
    }

    private List<Region> columnHeads() {
        return List.of(head("review.forms.column.item"), head("review.forms.column.hospital"),
                head("review.forms.column.inspector"), head("review.forms.column.reason"));
    }

    private Label head(String key) {
        Label head = new WrappingLabel(messages.get(key));
        head.getStyleClass().add("review-form-head");
        return head;
    }

    private HBox hospitalRow(ReviewViewModel.FormRow row, int index) {
        HospitalFormEntry entry = row.entry();
        Language language = messages.language();
        VBox item = new VBox(2, new Label(row.item().label()), new WrappingLabel(row.item().wording().in(language)));
        Label answer = chip(entry.answer().map(value -> messages.get("answer." + value.name()))
                .orElse(messages.get("review.forms.blank")), "answer-" + entry.answer().map(Enum::name).orElse("none"));
        VBox hospital = new VBox(2, answer);
        entry.checkedOn().ifPresent(day -> hospital.getChildren().add(new WrappingLabel(messages.get(
                "review.forms.checkedOn", Dates.format(day, messages)))));
        entry.targetDate().ifPresent(day -> hospital.getChildren().add(new WrappingLabel(messages.get(
                "review.forms.targetDate", Dates.format(day, messages)))));
        String confirmation = entry.confirmation().map(Enum::name).orElse("none");
        Label confirmed = chip(messages.get("review.forms.confirmation." + confirmation),
                "review-confirmation-" + confirmation.toLowerCase(Locale.ROOT));
        Label inspector = new WrappingLabel(messages.get("review.forms.inspectorAnswer", row.inspectorAnswer()
                .map(value -> messages.get("answer." + value.name())).orElse(messages.get("answer.none"))));
        HBox line = formRow(List.of(item, hospital, new VBox(2, confirmed, inspector),
                new WrappingLabel(entry.confirmationReason())));
        line.setId("review-form-" + index);
        line.getStyleClass().add("review-form-item");
        if (row.differs()) {
            line.getStyleClass().add("review-differs");
        }
        return line;
    }

    /** The four columns of the hospital's form: the first three as wide as their heads, the reason the rest. */
    private static HBox formRow(List<? extends Region> cells) {
        double[] widths = {250, 190, 180};
        HBox row = new HBox(12);
        for (int i = 0; i < cells.size(); i++) {
            Region cell = cells.get(i);
            if (i < widths.length) {
                cell.setPrefWidth(widths[i]);
                cell.setMinWidth(widths[i]);
                cell.setMaxWidth(widths[i]);
            } else {
                cell.setMinWidth(0);
                cell.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(cell, Priority.ALWAYS);
            }
            row.getChildren().add(cell);
        }
        row.getStyleClass().add("review-form-row");
        return row;
    }

    private static Label chip(String text, String style) {
        Label chip = new Label(text);
        chip.getStyleClass().addAll("answer-chip", style.toLowerCase(Locale.ROOT));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    /** The vendors' forms once read: per contract, received with its day and answers, missing with the reason. */
    private VBox vendorRows() {
        VBox rows = new VBox(10);
        rows.setId("review-vendor-forms");
        // Drawn once the forms are read: an empty list fires no change, and then says there is no contract.
        model.formsReadProperty().addListener((observable, wasRead, read) -> {
            rows.getChildren().clear();
            if (model.vendorForms().isEmpty()) {
                rows.getChildren().add(new Label(messages.get("review.forms.noContracts")));
            }
            for (ReviewViewModel.VendorRow row : model.vendorForms()) {
                rows.getChildren().add(vendorRow(row));
            }
        });
        return rows;
    }

    private VBox vendorRow(ReviewViewModel.VendorRow row) {
        Label contract = new Label(row.contract().key());
        contract.getStyleClass().add("review-form-head");
        String status = row.form().map(form -> form.status() == VendorForm.Status.MISSING
                ? messages.get("review.forms.vendor.missing", form.missingReason())
                : form.filledOn().map(day -> messages.get("review.forms.vendor.received", Dates.format(day, messages)))
                        .orElse(messages.get("review.forms.vendor.receivedUndated")))
                .orElse(messages.get("review.forms.vendor.notRecorded"));
        Label state = new WrappingLabel(status, 800);
        state.getStyleClass().add("review-vendor-" + row.form().map(form -> form.status().name()).orElse("none")
                .toLowerCase(Locale.ROOT));
        VBox box = new VBox(2, contract, state);
        if (row.form().filter(form -> form.status() == VendorForm.Status.RECEIVED).isPresent()) {
            VendorForm form = row.form().get();
            box.getChildren().add(new WrappingLabel(row.answered().isEmpty() ? messages.get("review.forms.vendor.noAnswers")
                    : String.join(messages.get("review.forms.vendor.answerSeparator"), row.answered().stream().map(number -> messages.get("review.forms.vendor.answer",
                            number, messages.get("answer." + form.answer(number).orElseThrow().name()))).toList()), 800));
        }
        box.getStyleClass().add("review-vendor-form");
        return box;
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
