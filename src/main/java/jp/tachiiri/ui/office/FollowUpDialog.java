package jp.tachiiri.ui.office;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FindingToFollow;
import jp.tachiiri.followup.FollowUpEvidence;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpList;
import jp.tachiiri.followup.ItemFollowUp;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.Tables;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;
import jp.tachiiri.ui.common.WrappingLabel;

/**
 * Follow-up at the office: every finding that needed improvement and is still open (or as chosen), with the counts
 * of overdue reports and findings past their date; below, the chosen finding with its hospital's report and the
 * office's assessment, recorded here with the hospital's evidence files.
 */
final class FollowUpDialog {

    private final UiContext context;
    private final Messages messages;
    private final FollowUpViewModel model;

    FollowUpDialog(UiContext context) {
        this.context = context;
        this.messages = context.messages();
        this.model = new FollowUpViewModel(context.models());
    }

    void show() {
        VBox content = new VBox(10, filters(), counts(), table(), detail(), footer());
        content.setPrefWidth(1160);
        Dialog<Void> dialog = Dialogs.closable(context, messages.get("followup.title"), content);
        dialog.getDialogPane().setId("followup-dialog");
        model.load();
        dialog.show();
    }

    private Node filters() {
        ComboBox<FollowUpList.Show> show = new ComboBox<>(FXCollections.observableArrayList(FollowUpList.Show.values()));
        show.setId("followup-show");
        show.valueProperty().bindBidirectional(model.showProperty());
        show.setConverter(labels(value -> messages.get("followup.show." + value.name())));
        CheckBox reference = new CheckBox(messages.get("followup.withReference"));
        reference.setId("followup-reference");
        reference.selectedProperty().bindBidirectional(model.withReferenceProperty());
        ComboBox<Checkpoint> checkpoint = Tables.anyChoice(messages, "followup-checkpoint",
                FXCollections.observableArrayList(Checkpoint.values()), model.checkpointProperty(),
                value -> OfficeHomeView.checkpointTitle(context, value), "office.anyCheckpoint");
        TextField text = new TextField();
        text.setId("followup-text");
        text.setPromptText(messages.get("followup.textPrompt"));
        text.textProperty().bindBidirectional(model.textProperty());
        FlowPane filters = new FlowPane(8, 8, show, checkpoint, reference, text);
        filters.setAlignment(Pos.CENTER_LEFT);
        return filters;
    }

    private Node counts() {
        Label counts = new Label();
        counts.setId("followup-counts");
        counts.getStyleClass().add("section-title");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            FollowUpList.Counts shown = model.countsProperty().get();
            return messages.get("followup.counts", shown.reportsOverdue(), shown.pastTarget(), shown.open(), shown.closed());
        }, model.countsProperty()));
        return counts;
    }

    private Node table() {
        TableView<FollowUpList.Row> table = new TableView<>(model.rows());
        table.setId("followup-table");
        table.setPrefHeight(300);
        table.getColumns().add(Tables.column(messages, "followup.column.facility", 200, row -> row.followed().facilityName()));
        table.getColumns().add(Tables.column(messages, "followup.column.inspectionDate", 150,
                row -> Dates.format(row.followed().inspectionDate(), messages)));
        table.getColumns().add(Tables.wrapping(Tables.column(messages, "followup.column.item", 260, this::itemText)));
        table.getColumns().add(Tables.column(messages, "followup.column.assessment", 100, row -> assessment(row.finding())));
        table.getColumns().add(Tables.column(messages, "followup.column.target", 150,
                row -> row.finding().effectiveTarget().map(date -> Dates.format(date, messages)).orElse("—")));
        table.getColumns().add(Tables.wrapping(Tables.column(messages, "followup.column.state", 130, this::state)));
        table.setPlaceholder(new Label(messages.get("followup.none")));
        Tables.giveRestOfWidthTo(table, 2);
        model.selectedProperty().addListener((observable, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        return table;
    }

    private String itemText(FollowUpList.Row row) {
        String title = row.finding().title().in(messages.language());
        return row.finding().reference() ? messages.get("followup.referenceItem", title) : title;
    }

    private String assessment(FindingToFollow finding) {
        return finding.followUp().map(item -> messages.get(item.assessment().messageKey()))
                .orElse(messages.get("followup.assessment.none"));
    }

    private String state(FollowUpList.Row row) {
        StringBuilder state = new StringBuilder();
        if (row.reportOverdue()) {
            state.append(messages.get("followup.state.reportOverdue", Dates.format(row.followed().reportDue(), messages)));
        }
        if (row.pastTarget()) {
            state.append(state.isEmpty() ? "" : "\n").append(messages.get("followup.state.pastTarget", row.daysPastTarget()));
        }
        return state.toString();
    }

    /** The chosen finding, its report and its assessment, with the fields to record them. */
    private Node detail() {
        Label heading = new WrappingLabel("");
        heading.setId("followup-chosen");
        heading.getStyleClass().add("section-title");
        Label summary = new WrappingLabel("");
        summary.setId("followup-chosen-summary");

        DatePicker received = datePicker("followup-received");
        TextField contact = new TextField();
        contact.setId("followup-contact");
        contact.setPromptText(messages.get("followup.contactPrompt"));
        TextField role = new TextField();
        role.setId("followup-contact-role");
        role.setPromptText(messages.get("followup.contactRolePrompt"));
        Button record = new Button(messages.get("followup.recordReport"));
        record.setId("followup-record-report");
        record.setOnAction(event -> model.recordReport(received.getEditor().getText(), contact.getText(), role.getText()));

        ComboBox<Assessment> assessment = new ComboBox<>(FXCollections.observableArrayList(Assessment.values()));
        assessment.setId("followup-assessment");
        assessment.setConverter(labels(value -> messages.get(value.messageKey())));
        DatePicker doneOn = datePicker("followup-done-on");
        DatePicker newTarget = datePicker("followup-new-target");
        TextArea action = ViewportCache.off(new TextArea());
        action.setId("followup-action");
        action.setPromptText(messages.get("followup.actionPrompt"));
        action.setPrefRowCount(2);
        action.setWrapText(true);
        Button assess = new Button(messages.get("followup.assess"));
        assess.setId("followup-assess");
        assess.setOnAction(event -> model.assess(assessment.getValue(), action.getText(), doneOn.getEditor().getText(),
                newTarget.getEditor().getText()));
        Button evidence = new Button(messages.get("followup.addEvidence"));
        evidence.setId("followup-add-evidence");
        evidence.setOnAction(event -> model.addEvidence(context.filePicker().choose(context.window(),
                messages.get("followup.addEvidence"))));

        contact.setPrefWidth(180);
        role.setPrefWidth(160);
        assessment.setPrefWidth(140);
        HBox reportRow = row(label("followup.field.receivedOn"), received, label("followup.contact.label"), contact, role, record);
        HBox assessmentRow = row(label("followup.assessment.label"), assessment, label("followup.field.doneOn"), doneOn,
                label("followup.field.newTarget"), newTarget);
        Button letter = new Button(messages.get("followup.writeLetter"));
        letter.setId("followup-letter");
        letter.setOnAction(event -> model.writeReminderLetter(context.navigator()::openDocument));
        Button history = new Button(messages.get("followup.history"));
        history.setId("followup-history");
        history.setOnAction(event -> showHistory());
        VBox form = new VBox(8, reportRow, assessmentRow, action, row(assess, evidence, letter, history));
        Label error = Dialogs.errorLine("followup-error", model.errorProperty());
        FlowPane evidenceLinks = new FlowPane(8, 4);
        evidenceLinks.setId("followup-evidence");

        VBox detail = new VBox(6, heading, summary, evidenceLinks, form, error);
        detail.getStyleClass().add("card");
        detail.disableProperty().bind(model.selectedProperty().isNull());
        model.selectedProperty().addListener((observable, was, row) -> {
            heading.setText(row == null ? "" : messages.get("followup.chosen", row.followed().facilityName(), itemText(row)));
            summary.setText(row == null ? "" : summary(row));
            evidenceLinks.getChildren().setAll(row == null || row.finding().evidence().isEmpty() ? List.of()
                    : evidenceLinks(row.finding()));
            FollowUpCase followed = row == null ? null : row.followed();
            received.setValue(followed == null ? null : followed.report().map(report -> report.receivedOn()).orElse(null));
            contact.setText(followed == null ? "" : followed.report().map(report -> report.contactName()).orElse(""));
            role.setText(followed == null ? "" : followed.report().map(report -> report.contactRole()).orElse(""));
            Optional<ItemFollowUp> item = row == null ? Optional.empty() : row.finding().followUp();
            assessment.setValue(item.map(ItemFollowUp::assessment).orElse(null));
            action.setText(item.map(ItemFollowUp::action).orElse(""));
            doneOn.setValue(item.flatMap(ItemFollowUp::doneOn).orElse(null));
            newTarget.setValue(item.flatMap(ItemFollowUp::newTargetDate).orElse(null));
        });
        return detail;
    }

    /** The inspection's advice and dates, the report's arrival, the evidence kept. */
    private String summary(FollowUpList.Row row) {
        FollowUpCase followed = row.followed();
        FindingToFollow finding = row.finding();
        String report = followed.report().map(found -> messages.get("followup.reportReceived",
                        Dates.format(found.receivedOn(), messages), found.contactName()))
                .orElse(messages.get("followup.reportAwaited", Dates.format(followed.reportDue(), messages)));
        String target = finding.targetDate().map(date -> Dates.format(date, messages)).orElse("—");
        return messages.get("followup.summary", Dates.format(followed.inspectionDate(), messages), target, report)
                + (finding.advice().isBlank() ? "" : "\n" + messages.get("followup.advice", finding.advice()));
    }

    /** The hospital's evidence files, each opened (checked against its hash first) when clicked. */
    private List<Node> evidenceLinks(FindingToFollow finding) {
        List<Node> links = new ArrayList<>();
        links.add(label("followup.evidenceKept"));
        for (FollowUpEvidence kept : finding.evidence()) {
            Hyperlink link = new Hyperlink(kept.fileName());
            link.setOnAction(event -> model.openEvidence(kept, context.navigator()::openDocument));
            links.add(link);
        }
        return links;
    }

    /** Every change to the chosen inspection's follow-up, oldest first, and whether its chain holds. */
    private void showHistory() {
        FollowUpList.Row row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        model.history(row.followed().inspectionId(), history -> {
            TableView<AuditEvent> table = new TableView<>(FXCollections.observableArrayList(history.events()));
            table.setId("followup-history-table");
            table.getColumns().add(Tables.column(messages, "followup.history.at", 230,
                    event -> Dates.moment(event.at(), context.workspace().clock())));
            table.getColumns().add(Tables.column(messages, "followup.history.actor", 110, AuditEvent::actor));
            table.getColumns().add(Tables.column(messages, "followup.history.action", 180,
                    event -> messages.get("followup.event." + event.action())));
            table.getColumns().add(Tables.column(messages, "followup.history.subject", 210,
                    event -> Objects.toString(event.subject(), "")));
            table.getColumns().add(Tables.wrapping(Tables.column(messages, "followup.history.change", 360,
                    event -> event.oldValue() == null ? Objects.toString(event.newValue(), "")
                            : messages.get("followup.history.fromTo", event.oldValue(), Objects.toString(event.newValue(), "")))));
            table.setPrefSize(1160, 360);
            Label status = new WrappingLabel(history.broken().map(link -> messages.get("followup.history.broken",
                    link.sequence(), messages.get(link.problemKey()))).orElse(messages.get("followup.history.intact")));
            status.setId("followup-history-status");
            Dialogs.show(context, messages.get("followup.history.title", row.followed().facilityName(),
                    Dates.format(row.followed().inspectionDate(), messages)), new VBox(8, status, table));
        });
    }

    private Node footer() {
        Button csv = new Button(messages.get("followup.writeCsv"));
        csv.setId("followup-csv");
        csv.setOnAction(event -> model.writeCsv());
        Label status = Dialogs.growingLine("followup-status", model.statusProperty());
        HBox footer = new HBox(12, csv, status);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    /** A field's label, never cut short. */
    private Label label(String key) {
        Label label = new Label(messages.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node instanceof Button button) {
                button.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

    private DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(Dates.requiredField(messages));
        picker.setPrefWidth(205);
        return picker;
    }

    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
