package jp.tachiiri.ui.inspection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.followup.PreviousFollowUp;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The state and rules of the inspection screen. Every change the inspector makes is applied here at once
 * (so the screen answers immediately) and written in the background in the order it was made; a write that
 * fails is reported and the stored state is read back, so the screen never shows as saved what is not.
 *
 * <p>Questions are the gate question followed by the catalog items; the selected one is identified by its
 * item id.
 */
final class InspectionViewModel {

    /**
     * Everything read from the store for one inspection revision, with the office's decisions on the inspection
     * (every revision's, oldest first), the office's follow-up of the previous inspection's findings and the items
     * whose follow-up the inspector confirmed on site.
     */
    record Loaded(Inspection inspection, boolean latest, Facility facility, Catalog catalog, Map<String, Finding> findings,
            List<Evidence> evidence, Optional<PreviousFindings> previous, List<RevisionInfo> revisions, boolean madeHere,
            int openConflicts, List<ReviewResult> decisions, SelfCheck selfCheck, Optional<PreviousFollowUp> previousFollowUp,
            Set<String> confirmedOnSite) {

        /**
         * The office's return that concerns this revision: the newest decision on it or an earlier one, when
         * that decision returned it (an approval after a return ends it).
         */
        Optional<ReviewResult> officeReturn() {
            return newestReturn(decisions.stream().filter(review -> review.revision() <= inspection.revision()).toList());
        }

        /** The return this revision answers: the newest decision on an earlier revision, when it returned it. */
        Optional<ReviewResult> earlierReturn() {
            return newestReturn(decisions.stream().filter(review -> review.revision() < inspection.revision()).toList());
        }

        /** The office's comment on an item, if the return concerning this revision has one. */
        Optional<String> officeComment(String itemId) {
            return officeReturn().flatMap(review -> review.comment(itemId));
        }

        private static Optional<ReviewResult> newestReturn(List<ReviewResult> reviews) {
            return reviews.stream().max(Comparator.comparingInt(ReviewResult::revision))
                    .filter(ReviewResult::returned);
        }
    }

    /**
     * The parts of the screen that show no item: the hospital's form and the vendors' forms, each remembered as the
     * position by its own key.
     */
    enum Form {
        HOSPITAL("form:hospital"),
        VENDORS("form:vendors");

        private final String position;

        Form(String position) {
            this.position = position;
        }

        static Optional<Form> at(String position) {
            return Arrays.stream(values()).filter(form -> form.position.equals(position)).findFirst();
        }
    }

    /** The two date fields of an item, with the message key of the label that names each. */
    enum DateField {
        CHECKED_ON("inspection.checkedOn", Finding::checkedOn, Finding::withCheckedOn),
        TARGET_DATE("inspection.targetDate", Finding::targetDate, Finding::withTargetDate);

        private final String labelKey;
        private final Function<Finding, Optional<LocalDate>> value;
        private final BiFunction<Finding, LocalDate, Finding> change;

        DateField(String labelKey, Function<Finding, Optional<LocalDate>> value, BiFunction<Finding, LocalDate, Finding> change) {
            this.labelKey = labelKey;
            this.value = value;
            this.change = change;
        }

        String labelKey() {
            return labelKey;
        }
    }

    private final ViewModelContext context;
    private final Workspace workspace;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Checklist> checklist = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> selectedItemId = new SimpleObjectProperty<>();
    /** The form shown instead of the selected item; null while the item is shown. */
    private final ObjectProperty<Form> shownForm = new SimpleObjectProperty<>();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<Evidence> evidenceShown = FXCollections.unmodifiableObservableList(evidence);
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RuntimeException> failure = new ReadOnlyObjectWrapper<>();
    private final Map<String, Finding> findings = new HashMap<>();
    /** The items whose earlier finding the inspector confirmed on site, as the screen shows them now. */
    private final Set<String> confirmedOnSite = new HashSet<>();
    private final SelfCheckViewModel forms;

    InspectionViewModel(ViewModelContext context) {
        this.context = context;
        this.workspace = context.workspace();
        this.forms = new SelfCheckViewModel(context, this);
        selectedItemId.addListener((observable, old, itemId) -> rememberPosition());
        shownForm.addListener((observable, old, form) -> rememberPosition());
    }

    /** Reads the inspection in the background; {@code onLoaded} runs on the JavaFX thread when it is shown. */
    void load(String inspectionId, Optional<Integer> revision, Optional<String> itemId, Runnable onLoaded) {
        context.background().submit(() -> read(inspectionId, revision), data -> {
            apply(data);
            Optional<String> position = itemId.or(() -> workspace.settings().lastPosition()
                    .filter(stored -> stored.inspectionId().equals(inspectionId))
                    .map(Settings.Position::itemId));
            selectedItemId.set(position.filter(this::isQuestion).orElse(data.catalog().gate().id()));
            shownForm.set(position.flatMap(Form::at).orElse(null));
            onLoaded.run();
        }, failure::set);
    }

    private Loaded read(String inspectionId, Optional<Integer> revision) {
        Inspection latest = workspace.inspections().find(inspectionId)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        Inspection shown = revision.filter(number -> number != latest.revision())
                .map(number -> workspace.inspections().find(inspectionId, number)
                        .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId)))
                .orElse(latest);
        Facility facility = workspace.inspections().facilityAsFinalized(inspectionId, shown.revision())
                .or(() -> workspace.facilities().byId(shown.facilityId()))
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        boolean madeHere = workspace.inspections().madeHere(inspectionId);
        Catalog catalog = workspace.catalogs().version(shown.catalogVersion())
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", shown.catalogVersion()));
        Optional<PreviousFindings> previous = workspace.inspections().previousFindings(facility.id(), inspectionId,
                shown.date());
        return new Loaded(shown, shown.revision() == latest.revision(), facility, catalog,
                workspace.inspections().findings(inspectionId, shown.revision()),
                workspace.evidence().list(inspectionId, shown.revision()), previous,
                workspace.inspections().revisions(inspectionId), madeHere,
                madeHere ? 0 : workspace.review().openConflicts(inspectionId), workspace.sync().reviews(inspectionId),
                workspace.selfCheck().selfCheck(inspectionId, shown.revision()),
                previous.flatMap(earlier -> workspace.onSiteFollowUp().of(facility.id(), earlier)),
                workspace.onSiteFollowUp().confirmed(inspectionId, shown.revision()));
    }

    private void apply(Loaded data) {
        findings.clear();
        findings.putAll(data.findings());
        confirmedOnSite.clear();
        confirmedOnSite.addAll(data.confirmedOnSite());
        evidence.setAll(data.evidence());
        loaded.set(data);
        recompute();
        forms.apply(data.selfCheck());
    }

    private void recompute() {
        Loaded data = loaded.get();
        checklist.set(Checklist.of(data.catalog(), profile(data), data.inspection().date(), findings));
    }

    /** The facility's attributes as they count on the inspection day. */
    private static FacilityProfile profile(Loaded data) {
        return data.facility().profileOn(data.inspection().date());
    }

    // --- what the screen shows ---------------------------------------------------------------------

    ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Checklist> checklistProperty() {
        return checklist.getReadOnlyProperty();
    }

    /**
     * Which checklist the inspection follows: its own catalog's title and version (an inspection keeps the catalog
     * it was made with, whatever is newer).
     */
    String catalogLine() {
        Catalog catalog = loaded.get().catalog();
        return context.messages().get("inspection.catalog", catalog.title().in(context.messages().language()),
                catalog.version());
    }

    ObjectProperty<String> selectedItemIdProperty() {
        return selectedItemId;
    }

    /** The form shown instead of an item (null while an item is shown). */
    ObjectProperty<Form> shownFormProperty() {
        return shownForm;
    }

    /** Shows an item, leaving a form shown instead. */
    void showItem(String itemId) {
        shownForm.set(null);
        selectedItemId.set(itemId);
    }

    /** The hospital's and vendors' forms and the confirmations. */
    SelfCheckViewModel forms() {
        return forms;
    }

    ObservableList<Evidence> evidence() {
        return evidenceShown;
    }

    ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RuntimeException> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Finalized revisions and earlier revisions are shown, never changed. */
    boolean readOnly() {
        Loaded data = loaded.get();
        return data == null || !data.latest() || data.inspection().status() != InspectionStatus.IN_PROGRESS;
    }

    boolean isGate(String itemId) {
        return loaded.get().catalog().gate().id().equals(itemId);
    }

    private boolean isQuestion(String itemId) {
        return isGate(itemId) || loaded.get().catalog().item(itemId).isPresent();
    }

    /** The finding of a question as it stands now (empty when nothing is recorded). */
    Finding finding(String itemId) {
        return findings.getOrDefault(itemId, Finding.empty(itemId));
    }

    Optional<ItemState> state(String itemId) {
        return checklist.get().item(itemId);
    }

    Optional<Finding> previousFinding(String itemId) {
        return loaded.get().previous().map(previous -> previous.findings().get(itemId));
    }

    /** What the office last sent of the previous inspection's finding on an item: the report and its assessment. */
    Optional<PreviousFollowUp.Item> previousFollowUp(String itemId) {
        return loaded.get().previousFollowUp().flatMap(followUp -> followUp.item(itemId));
    }

    boolean confirmedOnSite(String itemId) {
        return confirmedOnSite.contains(itemId);
    }

    /** The answers the inspector may choose for a question. */
    List<Answer> answers(String itemId) {
        return isGate(itemId) ? List.of(Answer.YES, Answer.NO) : catalogItem(itemId).answers();
    }

    CatalogItem catalogItem(String itemId) {
        return loaded.get().catalog().item(itemId).orElseThrow();
    }

    /** The gate question, then every applicable item, in catalog order: what next/previous walk through. */
    List<String> questionOrder() {
        List<String> order = new ArrayList<>();
        order.add(loaded.get().catalog().gate().id());
        checklist.get().items().stream().filter(ItemState::applicable).map(state -> state.item().id()).forEach(order::add);
        return order;
    }

    void next() {
        step(1);
    }

    void previous() {
        step(-1);
    }

    /** Whether there is a question that applies after the one shown ({@code direction} 1) or before it (-1). */
    boolean canStep(int direction) {
        return loaded.get() != null && neighbour(direction).isPresent();
    }

    private void step(int direction) {
        neighbour(direction).ifPresent(this::showItem);
    }

    /**
     * The next or previous question that applies. From an item that does not apply (it can be selected in the
     * list to read why), it is its nearest applicable neighbour in catalog order.
     */
    private Optional<String> neighbour(int direction) {
        List<String> applicable = questionOrder();
        List<String> all = new ArrayList<>();
        all.add(loaded.get().catalog().gate().id());
        loaded.get().catalog().items().forEach(item -> all.add(item.id()));
        int at = all.indexOf(selectedItemId.get());
        for (int index = at + direction; index >= 0 && index < all.size(); index += direction) {
            if (applicable.contains(all.get(index))) {
                return Optional.of(all.get(index));
            }
        }
        return Optional.empty();
    }

    /** The advice template that fits this facility, in the screen's language. */
    String adviceTemplate(String itemId) {
        return catalogItem(itemId).adviceFor(profile(loaded.get()))
                .map(text -> text.in(context.messages().language())).orElse("");
    }

    /**
     * Everything missing before finalizing: what blocks it first (the inspector's findings, then the vendor forms
     * and confirmations the ministry asks of the inspector), then the hospital's and vendors' own omissions, which
     * are listed and go on the printout but do not stop finalizing.
     */
    List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>(checklist.get().gaps());
        gaps.addAll(forms.gaps());
        gaps.sort(Comparator.comparing(gap -> !gap.blocking()));
        return gaps;
    }

    /** What stops finalizing. */
    List<Gap> blockingGaps() {
        return gaps().stream().filter(Gap::blocking).toList();
    }

    /**
     * The catalog item whose editor confirms a ministry item: its first part that applies, else its first part. The
     * confirmation is one per ministry item, shown on each of its parts.
     */
    String confirmingItem(String ministryNumber) {
        List<ItemState> parts = forms.result(ministryNumber).parts();
        return parts.stream().filter(ItemState::applicable).findFirst().orElse(parts.get(0)).item().id();
    }

    /**
     * The last day the ministry's form expects the item's target date by, when the recorded one lies after it: a
     * warning, not a gap, since a hospital may honestly need longer.
     */
    Optional<LocalDate> targetAfterYear(String itemId) {
        return checklist.get().targetsAfterYear().stream().filter(state -> state.item().id().equals(itemId)).findFirst()
                .map(state -> checklist.get().targetYearEnd(state.item()));
    }

    /** The ministry item an item answers, with its one result, where the catalog asks it in several parts. */
    Optional<MinistryResult> ministryResult(String itemId) {
        return checklist.get().ministryResults().stream()
                .filter(result -> result.parts().stream().anyMatch(part -> part.item().id().equals(itemId)))
                .findFirst();
    }

    // --- changes -----------------------------------------------------------------------------------

    /**
     * Records an answer. The first answer fills in the date checked with the inspection date; 不適合 fills in
     * the advice from the catalog when none has been written yet.
     */
    void answer(Answer answer) {
        String itemId = selectedItemId.get();
        update(itemId, finding -> {
            Finding answered = finding.withAnswer(answer);
            if (answered.checkedOn().isEmpty()) {
                answered = answered.withCheckedOn(loaded.get().inspection().date());
            }
            if (answer == Answer.NON_COMPLIANT && answered.advice().isBlank()) {
                answered = answered.withAdvice(adviceTemplate(itemId));
            }
            return answered;
        });
    }

    void toggleMethod(ConfirmationMethod method, boolean on) {
        update(selectedItemId.get(), finding -> {
            Set<ConfirmationMethod> methods = EnumSet.noneOf(ConfirmationMethod.class);
            methods.addAll(finding.confirmedBy());
            if (on) {
                methods.add(method);
            } else {
                methods.remove(method);
            }
            return finding.withConfirmedBy(methods);
        });
    }

    /** The date a date field of the selected item holds. */
    Optional<LocalDate> date(DateField field) {
        return field.value.apply(finding(selectedItemId.get()));
    }

    /** Sets a date field of the selected item (a day picked on the calendar); null clears it. */
    void setDate(DateField field, LocalDate date) {
        update(selectedItemId.get(), finding -> field.change.apply(finding, date));
    }

    /**
     * Stores the text typed into a date field of the selected item ({@link Dates#typed}); a text that is no date
     * changes nothing.
     *
     * @return why the text was not stored, naming the field; empty when it was
     */
    Optional<String> typeDate(DateField field, String typed) {
        return Dates.typed(typed, field.labelKey, context.messages(), date -> setDate(field, date.orElse(null)));
    }

    void setFollowUp(boolean followUp) {
        update(selectedItemId.get(), finding -> finding.withFollowUp(followUp));
    }

    /**
     * Records, or withdraws, that the inspector confirmed on site what became of the item's earlier finding: shown at
     * once, stored and audited in the background.
     */
    void confirmOnSite(String itemId, boolean confirmed) {
        if (readOnly() || confirmedOnSite(itemId) == confirmed) {
            return;
        }
        if (confirmed) {
            confirmedOnSite.add(itemId);
        } else {
            confirmedOnSite.remove(itemId);
        }
        saving();
        String inspectionId = loaded.get().inspection().id();
        context.background().submit(() -> {
            workspace.onSiteFollowUp().confirm(inspectionId, itemId, confirmed, workspace.actor());
            return itemId;
        }, stored -> saved(), this::saveFailed);
    }

    void setNote(String itemId, String note) {
        update(itemId, finding -> finding.withNote(note));
    }

    void setReason(String itemId, String reason) {
        update(itemId, finding -> finding.withReason(reason));
    }

    void setAdvice(String itemId, String advice) {
        update(itemId, finding -> finding.withAdvice(advice));
    }

    /** Applies a change at once and stores it in the background; nothing happens when nothing changed. */
    private void update(String itemId, UnaryOperator<Finding> change) {
        if (readOnly() || itemId == null) {
            return;
        }
        Finding before = finding(itemId);
        Finding after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        findings.put(itemId, after);
        recompute();
        saving();
        String inspectionId = loaded.get().inspection().id();
        context.background().submit(
                () -> workspace.inspections().record(inspectionId, after, workspace.actor()),
                changed -> saved(),
                this::saveFailed);
    }

    /** A change is on its way to the store. */
    void saving() {
        saveStatus.set(context.messages().get("inspection.saving"));
    }

    void saved() {
        failure.set(null);
        saveStatus.set(context.messages().get("inspection.saved", Dates.timeNow(workspace.clock())));
    }

    /** The store refused a change, or failed: the status line says why. */
    void refused(RuntimeException error) {
        failure.set(error);
        saveStatus.set(context.messages().get("inspection.saveFailed", context.describe(error)));
    }

    /** The store refused a change: say so and show what is really stored. */
    private void saveFailed(RuntimeException error) {
        refused(error);
        Loaded data = loaded.get();
        context.background().submit(() -> read(data.inspection().id(), Optional.of(data.inspection().revision())),
                this::apply, failure::set);
    }

    void addEvidence(Path file) {
        if (readOnly()) {
            return;
        }
        String itemId = selectedItemId.get();
        Inspection inspection = loaded.get().inspection();
        saving();
        context.background().submit(() -> workspace.evidence().add(inspection.id(), inspection.revision(), itemId, file,
                        mediaType(file), workspace.actor()),
                added -> {
                    evidence.add(added);
                    saved();
                }, this::saveFailed);
    }

    void removeEvidence(Evidence removed) {
        if (readOnly()) {
            return;
        }
        saving();
        context.background().submit(() -> {
            workspace.evidence().remove(removed.id(), workspace.actor());
            return removed;
        }, done -> {
            evidence.remove(done);
            saved();
        }, this::saveFailed);
    }

    /** The audit trail of the findings and, for an inspection received from a tablet, of the office's review. */
    record Trails(ChainVerifier.Trail findings, Optional<ChainVerifier.Trail> reviews) {
    }

    /** What changed from one revision of the inspection shown to another, item by item and field by field. */
    void compareRevisions(int from, int to, Consumer<List<RevisionDiff.Change>> show, Consumer<RuntimeException> failed) {
        String inspectionId = loaded.get().inspection().id();
        context.background().submit(() -> RevisionDiff.between(workspace.inspections().findings(inspectionId, from),
                workspace.inspections().findings(inspectionId, to)), show, failed);
    }

    /** Reads the trails of the inspection shown, each with whether its chain verifies. */
    void readTrails(Consumer<Trails> show, Consumer<RuntimeException> failed) {
        Loaded data = loaded.get();
        String inspectionId = data.inspection().id();
        boolean received = !data.madeHere();
        context.background().submit(() -> new Trails(workspace.chainVerifier().trail(inspectionId),
                received ? Optional.of(workspace.review().verifiedReviewTrail(inspectionId)) : Optional.empty()), show, failed);
    }

    /**
     * The stored file of a piece of evidence, checked against its hash, handed over in the background; or why
     * it cannot be (missing, unreadable, altered), for the screen to say.
     */
    void evidenceFile(Evidence item, Consumer<Path> use, Consumer<RuntimeException> unavailable) {
        context.background().submit(() -> workspace.evidence().file(item), use, unavailable);
    }

    List<Evidence> evidenceOf(String itemId) {
        return evidence.stream().filter(item -> item.itemId().equals(itemId)).toList();
    }

    /**
     * Finalizes when nothing blocks it (the hospital's and vendors' omissions do not); otherwise returns what
     * blocks it and changes nothing. Runs after every change already made, since writes go in order.
     */
    List<Gap> finalizeInspection(Runnable onFinalized) {
        List<Gap> gaps = blockingGaps();
        if (gaps.isEmpty() && !readOnly()) {
            String inspectionId = loaded.get().inspection().id();
            context.background().submit(() -> {
                workspace.inspections().finalizeInspection(inspectionId, workspace.actor());
                return read(inspectionId, Optional.empty());
            }, data -> {
                apply(data);
                saveStatus.set(context.messages().get("inspection.finalized"));
                onFinalized.run();
            }, this::saveFailed);
        }
        return gaps;
    }

    /** Opens a new revision of a finalized inspection, with the reason recorded. */
    void amend(String reason, Runnable onAmended) {
        String inspectionId = loaded.get().inspection().id();
        context.background().submit(() -> {
            workspace.inspections().amend(inspectionId, reason, workspace.actor());
            return read(inspectionId, Optional.empty());
        }, data -> {
            apply(data);
            saved();
            onAmended.run();
        }, failure::set);
    }

    /** Where the inspector is, for the app to reopen there: the selected item, or the form shown instead. */
    String position() {
        return shownForm.get() != null ? shownForm.get().position : selectedItemId.get();
    }

    private void rememberPosition() {
        Loaded data = loaded.get();
        if (position() == null || data == null) {
            return;
        }
        Settings.Position position = new Settings.Position(data.inspection().id(), position());
        context.background().submit(() -> {
            workspace.settings().savePosition(position);
            return position;
        }, stored -> { }, failure::set);
    }

    private static String mediaType(Path file) {
        try {
            String probed = Files.probeContentType(file);
            if (probed != null) {
                return probed;
            }
        } catch (java.io.IOException e) {
            // Fall back to the file name below.
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }
}
