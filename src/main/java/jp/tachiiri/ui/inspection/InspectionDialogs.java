package jp.tachiiri.ui.inspection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.audit.BrokenLink;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.selfcheck.FormEvents;
import jp.tachiiri.ui.common.ChangesTable;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.DialogButtons;
import jp.tachiiri.ui.common.Dialogs;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewportCache;

/** The inspection screen's dialogs: what is missing, amend, revisions and the audit trail. */
public final class InspectionDialogs {

    private final UiContext context;
    private final Messages messages;
    private final InspectionViewModel model;

    InspectionDialogs(UiContext context, InspectionViewModel model) {
        this.context = context;
        this.messages = context.messages();
        this.model = model;
    }

    /**
     * What is missing, each with a jump to its field: first what must be done before finalizing, then the hospital's
     * and vendors' omissions, which are listed but go on the printout. With only those left, {@code finalizeAnyway}
     * is offered.
     */
    void showGaps(List<Gap> gaps, Consumer<Gap> jump, Optional<Runnable> finalizeAnyway) {
        VBox rows = new VBox(8);
        rows.setId("gap-list");
        rows.setPadding(new Insets(0, 12, 0, 0));
        ScrollPane scroll = ViewportCache.off(new ScrollPane(rows));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(Math.min(640, context.window().getWidth() * 0.85));
        scroll.setPrefViewportHeight(Math.min(gaps.size() * 64 + 80, context.window().getHeight() * 0.55));
        long blocking = gaps.stream().filter(Gap::blocking).count();
        VBox content = new VBox(12, scroll);
        Dialog<Void> dialog = dialog(blocking > 0 ? messages.get("inspection.gapsTitle", blocking)
                : messages.get("inspection.gapsListedTitle", gaps.size()), content);
        boolean listedHeading = false;
        if (blocking > 0) {
            rows.getChildren().add(groupHeading("gap-blocking", messages.get("inspection.gapsBlocking")));
        }
        for (Gap gap : gaps) {
            if (!gap.blocking() && !listedHeading) {
                rows.getChildren().add(groupHeading("gap-listed", messages.get("inspection.gapsListed")));
                listedHeading = true;
            }
            Label what = new Label(subjectOf(gap) + "\n" + messages.get("gap." + gap.kind().name()));
            what.setWrapText(true);
            HBox.setHgrow(what, Priority.ALWAYS);
            what.setMaxWidth(Double.MAX_VALUE);
            Button go = new Button(messages.get("inspection.gapsJump"));
            go.getStyleClass().add("gap-jump");
            go.setMinWidth(Region.USE_PREF_SIZE);
            go.setOnAction(event -> {
                dialog.close();
                jump.accept(gap);
            });
            HBox row = new HBox(10, what, go);
            row.getStyleClass().addAll("gap-row", gap.blocking() ? "gap-blocking" : "gap-listed");
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
        finalizeAnyway.ifPresent(finalize -> {
            Button anyway = new Button(messages.get("inspection.finalizeAnyway"));
            anyway.setId("finalize-anyway");
            anyway.getStyleClass().add("primary-action");
            anyway.setOnAction(event -> {
                dialog.close();
                finalize.run();
            });
            content.getChildren().add(anyway);
        });
        dialog.show();
    }

    private static Label groupHeading(String id, String text) {
        Label heading = new Label(text);
        heading.setId(id);
        heading.getStyleClass().add("gap-group");
        heading.setWrapText(true);
        return heading;
    }

    /** Where a gap is: the item's title, the row of the hospital's form, the vendor's form, the item confirmed. */
    private String subjectOf(Gap gap) {
        return switch (gap.kind().place()) {
            case ITEM -> questionTitle(gap.subject());
            case HOSPITAL_FORM -> messages.get("inspection.gapHospitalRow", gap.subject(), ministryWording(gap.subject()));
            case VENDOR_FORM -> messages.get("inspection.gapVendorForm", gap.subject());
            case CONFIRMATION -> messages.get("inspection.gapConfirmation", gap.subject(), ministryWording(gap.subject()));
        };
    }

    private String ministryWording(String number) {
        return model.loadedProperty().get().catalog().ministryItems().stream()
                .filter(item -> item.number().equals(number)).findFirst()
                .map(item -> item.wording().in(messages.language())).orElse("");
    }

    void confirmFinalize(Runnable finalize) {
        Dialogs.confirm(context, messages.get("inspection.finalizeConfirm"), finalize);
    }

    /** Asks why the inspection is amended; OK only with a reason. */
    void askAmendReason(Consumer<String> amend) {
        TextArea reason = ViewportCache.off(new TextArea());
        reason.setId("amend-reason");
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        Label prompt = new Label(messages.get("inspection.amendPrompt"));
        prompt.setWrapText(true);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(messages.get("inspection.amendTitle"));
        dialog.getDialogPane().setContent(new VBox(10, prompt, reason));
        ButtonType ok = new ButtonType(messages.get("common.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel());
        Node okButton = DialogButtons.withoutDefault(dialog.getDialogPane(), ok, "amend-ok");
        okButton.disableProperty().bind(reason.textProperty().isEmpty());
        dialog.setResultConverter(button -> button);
        dialog.showAndWait().filter(ok::equals).ifPresent(pressed -> amend.accept(reason.getText().strip()));
    }

    void showRevisions() {
        InspectionViewModel.Loaded data = model.loadedProperty().get();
        VBox rows = new VBox(8);
        rows.setId("revision-list");
        Dialog<Void> dialog = dialog(messages.get("inspection.revisionsTitle"), rows);
        for (RevisionInfo revision : data.revisions()) {
            Label text = new Label(messages.get("inspection.revisionRow", revision.revision(),
                    messages.get("status." + revision.status().name()),
                    revision.amendReason().orElse(Dates.moment(revision.createdAt(), context.workspace().clock()))));
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button open = new Button(messages.get("inspection.revisionOpen"));
            open.setId("open-revision-" + revision.revision());
            open.setDisable(revision.revision() == data.inspection().revision());
            open.setOnAction(event -> {
                dialog.close();
                context.navigator().inspection(data.inspection().id(), Optional.of(revision.revision()), Optional.empty());
            });
            Button compare = new Button(messages.get("inspection.revisionCompare"));
            compare.setId("compare-revision-" + revision.revision());
            compare.setDisable(revision.revision() == 1);
            compare.setOnAction(event -> showChanges(data, revision.revision() - 1, revision.revision()));
            rows.getChildren().add(new HBox(10, text, compare, open));
        }
        if (data.revisions().size() > 2) {
            rows.getChildren().add(anyTwo(data));
        }
        dialog.show();
    }

    /** Compares any two revisions, not only neighbours: e.g. the first with the newest. */
    private Node anyTwo(InspectionViewModel.Loaded data) {
        List<Integer> numbers = data.revisions().stream().map(RevisionInfo::revision).toList();
        ComboBox<Integer> from = new ComboBox<>(FXCollections.observableArrayList(numbers));
        from.setId("compare-from");
        from.setValue(numbers.get(0));
        ComboBox<Integer> to = new ComboBox<>(FXCollections.observableArrayList(numbers));
        to.setId("compare-to");
        to.setValue(numbers.get(numbers.size() - 1));
        Button compare = new Button(messages.get("inspection.revisionCompareAny"));
        compare.setId("compare-any");
        compare.disableProperty().bind(from.valueProperty().isEqualTo(to.valueProperty()));
        compare.setOnAction(event -> showChanges(data, Math.min(from.getValue(), to.getValue()),
                Math.max(from.getValue(), to.getValue())));
        HBox line = new HBox(8, new Label(messages.get("inspection.revisionCompareLabel")), from, new Label("→"), to, compare);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** What changed from one revision to the next, item by item and field by field. */
    private void showChanges(InspectionViewModel.Loaded data, int from, int to) {
        model.compareRevisions(from, to, changes -> {
                    TableView<RevisionDiff.Change> table = ChangesTable.of(messages, data.catalog(), changes,
                            "inspection.diff.before", "inspection.diff.after");
                    table.setId("revision-changes");
                    table.setPrefSize(900, 420);
                    Dialogs.show(context, messages.get("inspection.diff.title", from, to), table);
                }, failure -> Dialogs.show(context, messages.get("inspection.revisionsTitle"), new Label(context.describe(failure))));
    }

    /** Every change with who, when and old → new, and whether the chain verifies. */
    void showAuditTrail() {
        model.readTrails(trails -> {
            Node findings = trailPane(trails.findings(), "audit", false);
            VBox content = new VBox(8, findings);
            VBox.setVgrow(findings, Priority.ALWAYS);
            trails.reviews().ifPresent(reviewTrail -> {
                Label title = new Label(messages.get("inspection.reviewTrail"));
                title.getStyleClass().add("section-title");
                Node reviews = trailPane(reviewTrail, "review-audit", true);
                VBox.setVgrow(reviews, Priority.ALWAYS);
                content.getChildren().addAll(title, reviews);
            });
            content.setPrefSize(Math.min(1100, context.window().getWidth() * 0.9), context.window().getHeight() * 0.7);
            dialog(messages.get("inspection.auditTitle"), content).show();
        }, error -> Dialogs.show(context, messages.get("inspection.auditTitle"), new Label(context.describe(error))));
    }

    /** A trail's events with who, when and old → new, under the line that says whether its chain verifies. */
    private Node trailPane(ChainVerifier.Trail trail, String id, boolean review) {
        TableView<AuditEvent> table = new TableView<>();
        table.setId(id + "-table");
        table.setPlaceholder(new Label(messages.get("inspection.audit.none")));
        table.getItems().setAll(trail.events());
        table.getColumns().add(column("inspection.audit.at", 215, event -> Dates.moment(event.at(), context.workspace().clock())));
        table.getColumns().add(column("inspection.audit.actor", 100, AuditEvent::actor));
        if (review) {
            table.getColumns().add(column("inspection.audit.action", 160, event -> messages.get("review.action." + event.action())));
        }
        table.getColumns().add(column("inspection.audit.subject", 290, this::describeSubject));
        table.getColumns().add(column("inspection.audit.change", 320, event -> describeValue(event, event.oldValue())
                + " → " + describeValue(event, event.newValue())));
        table.getColumns().add(column("inspection.audit.reason", 150, event -> Optional.ofNullable(event.reason()).orElse("")));
        Optional<BrokenLink> broken = trail.broken();
        Label status = new Label(broken
                .map(link -> messages.get("inspection.auditBroken", link.sequence(), messages.get(link.problemKey())))
                .orElse(messages.get("inspection.auditVerified", trail.events().size())));
        status.setId(id + "-status");
        status.getStyleClass().add(broken.isPresent() ? "error" : "verified");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, status, table);
    }

    /**
     * A changed field of one of the hospital's or vendors' forms: the row or vendor it belongs to, the field's name
     * as stored ("answer", "confirmation" …) and, for a vendor's answer, the ministry item answered.
     */
    private record FormField(String owner, String field, String ministryNumber) {

        private static final Pattern VENDOR_FIELD =
                Pattern.compile("(.*)/(status|filledOn|missingReason|answer/(.+))");

        /** The field of a form's audit event (subject "2-⑦/answer" or "vendor / system/answer/2-⑦"), if it is one. */
        static Optional<FormField> of(AuditEvent event) {
            String subject = Optional.ofNullable(event.subject()).orElse("");
            if (FormEvents.HOSPITAL_FORM_CHANGED.equals(event.action()) && subject.contains("/")) {
                int slash = subject.indexOf('/');
                return Optional.of(new FormField(subject.substring(0, slash), subject.substring(slash + 1), ""));
            }
            Matcher vendor = VENDOR_FIELD.matcher(subject);
            if (FormEvents.VENDOR_FORM_CHANGED.equals(event.action()) && vendor.matches()) {
                boolean answer = vendor.group(3) != null;
                return Optional.of(new FormField(vendor.group(1), answer ? "answer" : vendor.group(2),
                        answer ? vendor.group(3) : ""));
            }
            return Optional.empty();
        }
    }

    /**
     * "回答: <item title>" for a finding's field, "医療機関確認用 2-⑦: 照合" or "事業者確認用（vendor）: 回答 2-⑦" for a
     * field of the forms; the subject as stored for anything else.
     */
    private String describeSubject(AuditEvent event) {
        Optional<FormField> form = FormField.of(event);
        if (form.isPresent()) {
            FormField field = form.get();
            String name = (fieldName(field.field()) + " " + field.ministryNumber()).strip();
            return FormEvents.HOSPITAL_FORM_CHANGED.equals(event.action())
                    ? messages.get("inspection.auditHospitalForm", field.owner(), name)
                    : messages.get("inspection.auditVendorForm", field.owner(), name);
        }
        String subject = Optional.ofNullable(event.subject()).orElse("");
        if (FormEvents.VENDOR_FORM_DROPPED.equals(event.action())) {
            return messages.get("inspection.auditVendorForm", subject, messages.get("inspection.auditVendorFormDropped"));
        }
        int slash = subject.indexOf('/');
        if (slash < 0) {
            return subject;
        }
        return fieldName(subject.substring(slash + 1)) + ": " + questionTitleOrId(subject.substring(0, slash));
    }

    private String fieldName(String field) {
        String key = "field." + field;
        return messages.bundle().containsKey(key) ? messages.get(key) : field;
    }

    /** Answers, confirmation methods, confirmations and a vendor form's status in words; other values as stored, shortened to one line. */
    private String describeValue(AuditEvent event, String value) {
        String subject = Optional.ofNullable(event.subject()).orElse("");
        String field = FormField.of(event).map(FormField::field).orElse(subject.substring(subject.lastIndexOf('/') + 1));
        String shown = value == null || value.isEmpty() ? ChangesTable.shown(messages, field, value) : switch (field) {
            case "confirmation" -> messages.get("confirmation." + value);
            case "status" -> messages.get(value.equals("MISSING") ? "forms.vendor.missing" : "forms.vendor.received");
            default -> ChangesTable.shown(messages, field, value);
        };
        String oneLine = shown.replace('\n', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine;
    }

    private String questionTitle(String itemId) {
        InspectionViewModel.Loaded data = model.loadedProperty().get();
        if (model.isGate(itemId)) {
            return data.catalog().gate().title().in(messages.language());
        }
        return model.catalogItem(itemId).title().in(messages.language());
    }

    private String questionTitleOrId(String itemId) {
        InspectionViewModel.Loaded data = model.loadedProperty().get();
        boolean question = model.isGate(itemId) || data.catalog().item(itemId).isPresent();
        return question ? questionTitle(itemId) : itemId;
    }

    private <T> TableColumn<T, String> column(String key, double width, java.util.function.Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }

    private Dialog<Void> dialog(String title, Node content) {
        return Dialogs.closable(context, title, content);
    }

    private ButtonType cancel() {
        return new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
