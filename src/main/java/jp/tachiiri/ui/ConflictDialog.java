package jp.tachiiri.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.review.Conflict;

/**
 * Another version of a received inspection, side by side with the stored one: for each of its revisions,
 * every field it records differently. The supervisor keeps the stored version (audited); the arriving one is
 * taken by having the recording tablet amend the inspection, so that its new revision supersedes both.
 */
final class ConflictDialog {

    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel.Loaded data;

    ConflictDialog(UiContext context, InspectionViewModel.Loaded data) {
        this.context = context;
        this.messages = context.messages();
        this.data = data;
    }

    void show() {
        String inspectionId = data.inspection().id();
        context.executor().submit(() -> context.workspace().review().conflicts(inspectionId), this::show,
                failure -> InspectionDialogs.show(context, messages.get("conflict.title"), new Label(context.describe(failure))));
    }

    private void show(List<Conflict> conflicts) {
        VBox content = new VBox(12);
        content.setPrefWidth(940);
        Label hint = new Label(messages.get("conflict.hint"));
        hint.setWrapText(true);
        content.getChildren().add(hint);
        // The dialog is shown once its content is complete, so that it opens at the size of all of it.
        List<Dialog<Void>> shown = new ArrayList<>(1);
        for (Conflict conflict : conflicts) {
            Label from = new Label(messages.get("conflict.from", conflict.deviceId(), RECEIVED.format(conflict.receivedAt()),
                    conflict.bundleId()));
            from.getStyleClass().add("section-title");
            from.setWrapText(true);
            content.getChildren().add(from);
            for (Conflict.RevisionComparison revision : conflict.revisions()) {
                content.getChildren().add(new Label(messages.get(revision.stored() ? "conflict.revision" : "conflict.revisionNew",
                        revision.revision(), revision.changes().size())));
                if (!revision.changes().isEmpty()) {
                    content.getChildren().add(changes(revision.changes()));
                }
            }
            Button keep = new Button(messages.get("conflict.keepStored"));
            keep.setId("conflict-keep");
            keep.getStyleClass().addAll("header-button", "primary");
            Label error = new Label();
            error.getStyleClass().add("field-error");
            keep.setOnAction(event -> context.executor().submit(() -> {
                context.workspace().review().keepStored(conflict.inspectionId(), conflict.contentHash(),
                        context.workspace().actor());
                return true;
            }, kept -> {
                shown.forEach(Dialog::close);
                context.navigator().home();
            }, failure -> error.setText(context.describe(failure))));
            content.getChildren().addAll(keep, error);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, 120 + 260.0 * conflicts.size()));
        shown.add(InspectionDialogs.show(context, messages.get("conflict.title"), scroll));
    }

    private TableView<RevisionDiff.Change> changes(List<RevisionDiff.Change> changes) {
        TableView<RevisionDiff.Change> table = new TableView<>();
        table.setId("conflict-changes");
        table.getItems().setAll(changes);
        table.getColumns().add(Tables.column(messages, "inspection.diff.item", 300, change -> data.catalog().item(change.itemId())
                .map(item -> item.title().in(messages.language())).orElse(change.itemId())));
        table.getColumns().add(Tables.column(messages, "inspection.diff.field", 120,
                change -> messages.get("inspection.field." + change.field())));
        table.getColumns().add(Tables.column(messages, "conflict.stored", 240, change -> orDash(change.before())));
        table.getColumns().add(Tables.column(messages, "conflict.arriving", 240, change -> orDash(change.after())));
        table.setPrefHeight(Math.min(60 + 36.0 * changes.size(), 260));
        return table;
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "—" : value;
    }
}
