package jp.tachiiri.ui.office;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.review.Decision;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The supervisor's decision on a received revision: approve it, or return it with a comment, and a comment
 * on any item (不適合 and 代替措置 first, where questions usually are). When an earlier revision was returned,
 * that return and what changed since are shown, so that the supervisor can see whether it was answered.
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

    /** Marks the revision as in review and, after a return, reads what changed since. */
    public void start() {
        String actor = context.workspace().actor();
        context.background().submit(() -> {
            context.workspace().review().startReview(subject.inspectionId(), subject.revision(), actor);
            return true;
        }, started -> { }, failure -> {
            // Only the list's 審査中 depends on it; the decision reports its own failure.
        });
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
