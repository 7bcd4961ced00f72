package jp.tachiiri.ui.office;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.review.Conflict;
import jp.tachiiri.ui.common.ChangesTable;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.Tables;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;

/**
 * Another version of a received inspection, side by side with the stored one: for each of its revisions,
 * every field it records differently. The supervisor keeps the stored version or takes the arriving one (the
 * replaced version stays kept); either choice is audited.
 */
public final class ConflictDialog {

    private final UiContext context;
    private final Messages messages;
    private final Catalog catalog;
    private final ConflictViewModel model;

    /** {@code catalog}: the inspection's, naming the items whose answers differ. */
    public ConflictDialog(UiContext context, String inspectionId, Catalog catalog) {
        this.context = context;
        this.messages = context.messages();
        this.catalog = catalog;
        this.model = new ConflictViewModel(context.models(), inspectionId);
    }

    public void show() {
        model.loadedProperty().addListener((observable, was, loaded) -> show(model.conflicts()));
        model.loadErrorProperty().addListener((observable, was, error) ->
                Dialogs.show(context, messages.get("conflict.title"), new Label(error)));
        model.load();
    }

    private void show(List<Conflict> conflicts) {
        VBox content = new VBox(12);
        content.setPrefWidth(940);
        Label hint = new Label(messages.get("conflict.hint"));
        hint.setWrapText(true);
        content.getChildren().add(hint);
        for (Conflict conflict : conflicts) {
            Label from = new Label(messages.get("conflict.from", conflict.deviceId(), Dates.moment(conflict.receivedAt(), context.workspace().clock()),
                    conflict.bundleId()));
            from.getStyleClass().add("section-title");
            from.setWrapText(true);
            content.getChildren().add(from);
            for (Conflict.RevisionComparison revision : conflict.revisions()) {
                content.getChildren().add(new Label(messages.get(revision.stored() ? "conflict.revision" : "conflict.revisionNew",
                        revision.revision(), revision.size())));
                if (!revision.changes().isEmpty()) {
                    content.getChildren().add(changes(revision.changes()));
                }
                List<ConflictViewModel.FormChange> forms = model.formChanges(revision);
                if (!forms.isEmpty()) {
                    content.getChildren().add(formChanges(forms));
                }
            }
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(model.errorOf(conflict));
            Button keep = ScreenParts.headerButton(messages, "conflict.keepStored", "conflict-keep",
                    () -> model.keepStored(conflict));
            keep.getStyleClass().add("primary");
            Button take = ScreenParts.headerButton(messages, "conflict.takeArriving", "conflict-take",
                    () -> model.takeArriving(conflict));
            content.getChildren().addAll(new HBox(12, keep, take), error);
        }
        ScrollPane scroll = ViewportCache.off(new ScrollPane(content));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, 120 + 260.0 * conflicts.size()));
        // Shown once its content is complete, so that it opens at the size of all of it.
        Dialog<Void> dialog = Dialogs.show(context, messages.get("conflict.title"), scroll);
        // Settled: the inspection's content may have changed, so the screen leaves it.
        model.settledProperty().addListener((observable, was, settled) -> {
            dialog.close();
            context.navigator().home();
        });
    }

    /** The forms' fields that differ, as the findings' are: what, which field, the stored and the arriving value. */
    private TableView<ConflictViewModel.FormChange> formChanges(List<ConflictViewModel.FormChange> changes) {
        TableView<ConflictViewModel.FormChange> table = new TableView<>();
        table.setId("conflict-form-changes");
        TableColumn<ConflictViewModel.FormChange, String> subject = Tables.nameColumn(messages, "conflict.forms.subject",
                ConflictViewModel.FormChange::subject);
        subject.setPrefWidth(300);
        table.getColumns().add(subject);
        table.getColumns().add(Tables.column(messages, "conflict.forms.field", 150, ConflictViewModel.FormChange::field));
        table.getColumns().add(Tables.column(messages, "conflict.stored", 200, ConflictViewModel.FormChange::stored));
        table.getColumns().add(Tables.column(messages, "conflict.arriving", 200, ConflictViewModel.FormChange::arriving));
        table.getItems().setAll(changes);
        table.setPrefHeight(Math.min(60 + 60.0 * changes.size(), 300));
        return table;
    }

    private TableView<RevisionDiff.Change> changes(List<RevisionDiff.Change> changes) {
        TableView<RevisionDiff.Change> table = ChangesTable.of(messages, catalog, changes, "conflict.stored",
                "conflict.arriving");
        table.setId("conflict-changes");
        table.setPrefHeight(Math.min(60 + 60.0 * changes.size(), 300));
        return table;
    }
}
