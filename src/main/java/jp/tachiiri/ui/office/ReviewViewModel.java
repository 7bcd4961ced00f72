package jp.tachiiri.ui.office;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.review.Decision;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The supervisor's decision on a received revision: approve it, or return it with a comment, and a comment
 * on any item (不適合 and 代替措置 first, where questions usually are). When an earlier revision was returned,
 * that return and what changed since are shown, so that the supervisor can see whether it was answered.
 * Beside them, the hospital's own form per ministry item with the inspector's confirmation (相違 counted and
 * marked) and the vendors' forms, as the revision recorded them.
 * Starting marks the revision as in review; a return without a comment is explained, not stored.
 */
public final class ReviewViewModel {

    /** The revision decided on, as the inspection screen has read it. */
    public record Subject(String inspectionId, int revision, String facilityName, Catalog catalog,
            Map<String, Finding> findings, Optional<ReviewResult> earlierReturn) {
    }

    /** An answered item: its answer and the earlier return's comment on it, if any. */
    public record ItemRow(CatalogItem item, Answer answer, Optional<String> earlierComment) {
    }

    /**
     * A ministry item as the hospital's form answered it and the inspector confirmed it, beside the inspector's own
     * result for it (rolled up from its parts; empty while unanswered).
     */
    public record FormRow(MinistryItem item, HospitalFormEntry entry, Optional<Answer> inspectorAnswer) {

        /** 相違: the inspector found otherwise than the hospital said. */
        public boolean differs() {
            return entry.confirmation().equals(Optional.of(Confirmation.DIFFERS));
        }
    }

    /**
     * One of the facility's vendor contracts (as the revision was finalized) and its form, if one was recorded, with
     * the ministry numbers it answers in the checklist's order.
     */
    public record VendorRow(VendorContract contract, Optional<VendorForm> form, List<String> answered) {
    }

    /** Both forms of the revision, as read. */
    private record Forms(List<FormRow> hospital, List<VendorRow> vendors) {
    }

    private final ViewModelContext context;
    private final Messages messages;
    private final Subject subject;
    private final List<ItemRow> items;
    private final StringProperty comment = new SimpleStringProperty("");
    private final Map<String, StringProperty> itemComments = new LinkedHashMap<>();
    private final ObservableList<RevisionDiff.Change> changes = FXCollections.observableArrayList();
    private final ObservableList<RevisionDiff.Change> changesShown = FXCollections.unmodifiableObservableList(changes);
    private final ObservableSet<String> changedItems = FXCollections.observableSet();
    // Made once: an unmodifiable view listens weakly to its list, so a view made per call and held by nobody
    // but a listener would be collected, and the listener would stop hearing changes.
    private final ObservableSet<String> changedItemsShown = FXCollections.unmodifiableObservableSet(changedItems);
    private final ReadOnlyStringWrapper changesTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<FormRow> hospitalForm = FXCollections.observableArrayList();
    private final ObservableList<FormRow> hospitalFormShown = FXCollections.unmodifiableObservableList(hospitalForm);
    private final ObservableList<VendorRow> vendorForms = FXCollections.observableArrayList();
    private final ObservableList<VendorRow> vendorFormsShown = FXCollections.unmodifiableObservableList(vendorForms);
    private final ReadOnlyIntegerWrapper differences = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper formsSummary = new ReadOnlyStringWrapper("");
    /** The forms have been read (an empty list of vendor forms then means the facility has no contract). */
    private final ReadOnlyBooleanWrapper formsRead = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<String> decided = new ReadOnlyObjectWrapper<>();

    public ReviewViewModel(ViewModelContext context, Subject subject) {
        this.context = context;
        this.messages = context.messages();
        this.subject = subject;
        this.items = subject.catalog().items().stream()
                .filter(item -> answer(item).isPresent())
                .sorted(Comparator.comparingInt(this::rank))
                .map(item -> new ItemRow(item, answer(item).orElseThrow(),
                        subject.earlierReturn().flatMap(earlier -> earlier.comment(item.id()))))
                .toList();
        items.forEach(row -> itemComments.put(row.item().id(), new SimpleStringProperty("")));
        subject.earlierReturn().ifPresent(earlier -> changesTitle.set(
                messages.get("review.changesSince", earlier.revision(), subject.revision())));
    }

    /** Marks the revision as in review, reads its forms and, after a return, what changed since. */
    public void start() {
        String actor = context.workspace().actor();
        context.background().submit(() -> {
            context.workspace().review().startReview(subject.inspectionId(), subject.revision(), actor);
            return true;
        }, started -> { }, failure -> {
            // Only the list's 審査中 depends on it; the decision reports its own failure.
        });
        context.background().submit(this::readForms, forms -> {
            differences.set((int) forms.hospital().stream().filter(FormRow::differs).count());
            formsSummary.set(summary(forms));
            hospitalForm.setAll(forms.hospital());
            vendorForms.setAll(forms.vendors());
            formsRead.set(true);
        }, failure -> formsSummary.set(context.describe(failure)));
        subject.earlierReturn().ifPresent(earlier -> context.background().submit(() -> RevisionDiff.between(
                context.workspace().inspections().findings(subject.inspectionId(), earlier.revision()), subject.findings()),
                found -> {
                    // The marks and the title first: a screen showing the changes shows all of it.
                    changedItems.addAll(found.stream().map(RevisionDiff.Change::itemId).collect(Collectors.toSet()));
                    changesTitle.set(messages.get("review.changesSinceCount", earlier.revision(), subject.revision(),
                            found.size()));
                    changes.setAll(found);
                }, failure -> changesTitle.set(context.describe(failure))));
    }

    /**
     * The forms as the revision recorded them: a row for every ministry item of its checklist (blank where the form
     * has none), and one for every vendor contract of the facility as it was finalized.
     */
    private Forms readForms() {
        Workspace workspace = context.workspace();
        Inspection inspection = workspace.inspections().find(subject.inspectionId(), subject.revision())
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", subject.inspectionId()));
        Facility facility = workspace.selfCheck().facilityOf(inspection);
        SelfCheck forms = workspace.selfCheck().selfCheck(subject.inspectionId(), subject.revision());
        Checklist checklist = Checklist.of(subject.catalog(), facility.profileOn(inspection.date()), inspection.date(),
                subject.findings());
        List<FormRow> hospital = checklist.ministryResults().stream()
                .map(result -> new FormRow(result.item(), forms.entry(result.item().number()), result.answer())).toList();
        List<VendorRow> vendors = facility.vendors().stream().map(contract -> {
            Optional<VendorForm> form = forms.vendorForm(contract);
            List<String> answered = subject.catalog().ministryItems().stream().map(MinistryItem::number)
                    .filter(number -> form.flatMap(recorded -> recorded.answer(number)).isPresent()).toList();
            return new VendorRow(contract, form, answered);
        }).toList();
        return new Forms(hospital, vendors);
    }

    /** The line above the forms: how many of the hospital's answers differ and are not confirmed, and the vendors'. */
    private String summary(Forms forms) {
        if (forms.hospital().stream().noneMatch(row -> row.entry().hasHospitalAnswer() || row.entry().confirmation().isPresent())
                && forms.vendors().stream().allMatch(row -> row.form().isEmpty())) {
            return messages.get("review.forms.nothingRecorded");
        }
        long notConfirmed = forms.hospital().stream()
                .filter(row -> row.entry().confirmation().equals(Optional.of(Confirmation.NOT_CONFIRMED))).count();
        long received = forms.vendors().stream().filter(row -> row.form().map(VendorForm::status)
                .equals(Optional.of(VendorForm.Status.RECEIVED))).count();
        // Not received: missing with a reason or nothing recorded, as the report CSV counts them.
        long missing = forms.vendors().size() - received;
        return messages.get("review.forms.summary", forms.hospital().stream().filter(FormRow::differs).count(),
                notConfirmed, forms.vendors().size(), received, missing);
    }

    public void approve() {
        decide(new Decision(subject.inspectionId(), subject.revision(), true, "", Map.of()));
    }

    /** Returns the revision with the comment and the items' comments that are not blank. */
    public void giveBack() {
        Map<String, String> written = new LinkedHashMap<>();
        itemComments.forEach((itemId, text) -> {
            if (!text.get().isBlank()) {
                written.put(itemId, text.get().strip());
            }
        });
        decide(new Decision(subject.inspectionId(), subject.revision(), false, comment.get(), written));
    }

    private void decide(Decision decision) {
        String actor = context.workspace().actor();
        error.set("");
        context.background().submit(() -> {
            context.workspace().review().decide(decision, actor);
            return decision;
        }, stored -> decided.set(confirmation(stored)), failure -> error.set(context.describe(failure)));
    }

    /** What was decided, and how it reaches the tablet: the message the list keeps after the dialog closes. */
    private String confirmation(Decision decision) {
        String export = messages.get("sync.exportAssignments");
        return decision.approved()
                ? messages.get("review.done.approved", subject.facilityName(), decision.revision(), export)
                : messages.get("review.done.returned", subject.facilityName(), decision.revision(),
                        decision.itemComments().size(), export);
    }

    private Optional<Answer> answer(CatalogItem item) {
        return Optional.ofNullable(subject.findings().get(item.id())).flatMap(Finding::answer);
    }

    /**
     * The items the earlier return commented on first (whether they were answered is the question now), then
     * 不適合, then 代替措置, then the rest, in catalog order within each (the sort is stable).
     */
    private int rank(CatalogItem item) {
        if (subject.earlierReturn().flatMap(earlier -> earlier.comment(item.id())).isPresent()) {
            return 0;
        }
        Answer answer = answer(item).orElse(null);
        return answer == Answer.NON_COMPLIANT ? 1 : answer == Answer.ALTERNATIVE ? 2 : 3;
    }

    public Subject subject() {
        return subject;
    }

    /** The answered items, in the order to go through them. */
    public List<ItemRow> items() {
        return items;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty itemCommentProperty(String itemId) {
        return itemComments.get(itemId);
    }

    /** Every ministry item with the hospital's answer and the inspector's confirmation, once read. */
    public ObservableList<FormRow> hospitalForm() {
        return hospitalFormShown;
    }

    /** Every vendor contract of the facility with its form, once read. */
    public ObservableList<VendorRow> vendorForms() {
        return vendorFormsShown;
    }

    /** How many of the hospital's answers the inspector found to differ (相違). */
    public ReadOnlyIntegerProperty differencesProperty() {
        return differences.getReadOnlyProperty();
    }

    /** The forms in one line: 相違 and 未確認 counted, the vendors' forms received and missing; empty until read. */
    public ReadOnlyBooleanProperty formsReadProperty() {
        return formsRead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formsSummaryProperty() {
        return formsSummary.getReadOnlyProperty();
    }

    /** What changed since the earlier return; empty without one. */
    public ObservableList<RevisionDiff.Change> changes() {
        return changesShown;
    }

    /** The items whose finding changed since the earlier return. */
    public ObservableSet<String> changedItems() {
        return changedItemsShown;
    }

    public ReadOnlyStringProperty changesTitleProperty() {
        return changesTitle.getReadOnlyProperty();
    }

    /** Why the decision (or marking the review) failed; empty while nothing is wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The confirmation, once the decision is stored; null until then. */
    public ReadOnlyObjectProperty<String> decidedProperty() {
        return decided.getReadOnlyProperty();
    }
}
