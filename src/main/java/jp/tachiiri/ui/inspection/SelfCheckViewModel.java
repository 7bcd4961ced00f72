package jp.tachiiri.ui.inspection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckGaps;
import jp.tachiiri.selfcheck.intake.Filled;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The state and rules of the hospital's and the vendors' own forms on the inspection screen (医療機関確認用,
 * 事業者確認用) and of the inspector's confirmation of each ministry item. As with the inspector's findings, every
 * change shows at once and is stored in the background in the order made, audited by the store; a change the
 * store refuses (a day checked in the future, a target date before it) is reported with its reason, and what is
 * really stored is read back and shown.
 */
final class SelfCheckViewModel {

    /** One vendor's answer to a ministry item: its form's status (empty: nothing recorded yet) and its answer. */
    record VendorAnswer(VendorContract contract, Optional<VendorForm.Status> status, Optional<SelfCheckAnswer> answer) {
    }

    /** What reading one chosen filled workbook did, as the screen says it; {@code refused}: nothing of it stored. */
    record WorkbookOutcome(String line, boolean refused) {
    }

    /** One chosen file read: what it filled, or why it was refused. */
    private record WorkbookRead(Path file, Filled filled, RuntimeException refusal) {
    }

    private record WorkbooksRead(List<WorkbookRead> files, SelfCheck stored) {
    }

    private final ViewModelContext context;
    private final Workspace workspace;
    private final InspectionViewModel inspection;
    private final ReadOnlyObjectWrapper<SelfCheck> selfCheck = new ReadOnlyObjectWrapper<>(SelfCheck.EMPTY);
    private final ReadOnlyObjectWrapper<RuntimeException> refusal = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<String> selectedRows = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<List<WorkbookOutcome>> workbookOutcomes = new ReadOnlyObjectWrapper<>(List.of());

    SelfCheckViewModel(ViewModelContext context, InspectionViewModel inspection) {
        this.context = context;
        this.workspace = context.workspace();
        this.inspection = inspection;
    }

    /** What the store holds, read with the inspection (or read back after a refusal). */
    void apply(SelfCheck stored) {
        selfCheck.set(stored);
    }

    // --- what the screen shows ---------------------------------------------------------------------

    ReadOnlyObjectProperty<SelfCheck> selfCheckProperty() {
        return selfCheck.getReadOnlyProperty();
    }

    /** The latest change the store refused, until the next one it takes. */
    ReadOnlyObjectProperty<RuntimeException> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** The items of the ministry's checklist, the rows of the hospital's form, in the ministry's order. */
    List<MinistryItem> ministryItems() {
        return inspection.loadedProperty().get().catalog().ministryItems();
    }

    /** The items the vendors' form carries. */
    List<MinistryItem> vendorItems() {
        return ministryItems().stream().filter(MinistryItem::onVendorForm).toList();
    }

    /** The facility's vendor contracts: one vendor form is expected of each. */
    List<VendorContract> contracts() {
        return inspection.loadedProperty().get().facility().vendors();
    }

    HospitalFormEntry entry(String number) {
        return selfCheck.get().entry(number);
    }

    Optional<VendorForm> vendorForm(VendorContract contract) {
        return selfCheck.get().vendorForm(contract);
    }

    /** The rows ticked for a date applied to several at once. */
    ObservableSet<String> selectedRows() {
        return selectedRows;
    }

    /** The rows of the hospital's form without a date checked, in the ministry's order. */
    List<String> rowsWithoutDate() {
        return ministryItems().stream().map(MinistryItem::number).filter(number -> entry(number).checkedOn().isEmpty())
                .toList();
    }

    /** Rows with the answer and the date the form asks for (and, for いいえ, a target date) of all rows. */
    int filledRows() {
        return (int) ministryItems().stream().map(item -> entry(item.number()))
                .filter(entry -> entry.answer().isPresent() && entry.checkedOn().isPresent()
                        && (entry.answer().get() == SelfCheckAnswer.YES || entry.targetDate().isPresent()))
                .count();
    }

    /** Vendor contracts whose form is received, or missing with the reason. */
    int settledVendorForms() {
        return (int) contracts().stream().map(this::vendorForm).flatMap(Optional::stream)
                .filter(form -> form.status() == VendorForm.Status.RECEIVED || !form.missingReason().isBlank())
                .count();
    }

    /** The ministry item with the inspector's one result made from its parts. */
    MinistryResult result(String number) {
        return inspection.checklistProperty().get().ministryResults().stream()
                .filter(result -> result.item().number().equals(number)).findFirst().orElseThrow();
    }

    /**
     * The last day the form expects the target date of a row by, when its recorded one lies after it: a warning,
     * since the form asks for a date within the fiscal year.
     */
    Optional<LocalDate> targetAfterYear(String number) {
        HospitalFormEntry entry = entry(number);
        if (!entry.answer().equals(Optional.of(SelfCheckAnswer.NO)) || entry.targetDate().isEmpty()) {
            return Optional.empty();
        }
        LocalDate yearEnd = SelfCheckGaps.targetYearEnd(inspection.checklistProperty().get(), result(number));
        return entry.targetDate().get().isAfter(yearEnd) ? Optional.of(yearEnd) : Optional.empty();
    }

    /**
     * Whether the inspector's own result for the item says the opposite of the hospital's answer: then the
     * confirmation should be 相違.
     */
    boolean contradicts(String number) {
        return entry(number).answer().filter(answer -> SelfCheckGaps.contradicts(answer, result(number).answer()))
                .isPresent();
    }

    /** Each vendor's answer to an item of the vendors' form, contract by contract; none for other items. */
    List<VendorAnswer> vendorAnswers(MinistryItem item) {
        if (!item.onVendorForm()) {
            return List.of();
        }
        return contracts().stream().map(contract -> {
            Optional<VendorForm> form = vendorForm(contract);
            return new VendorAnswer(contract, form.map(VendorForm::status), form.flatMap(f -> f.answer(item.number())));
        }).toList();
    }

    /** Last inspection's row of the hospital's form for the item, with the inspector's confirmation then. */
    Optional<HospitalFormEntry> previousEntry(String number) {
        return inspection.loadedProperty().get().previous()
                .flatMap(previous -> Optional.ofNullable(previous.hospitalForm().get(number)));
    }

    /** The day of the last inspection, whose rows {@link #previousEntry} gives. */
    Optional<LocalDate> previousDate() {
        return inspection.loadedProperty().get().previous().map(PreviousFindings::date);
    }

    /**
     * What the ministry asks of both forms and of the confirmations, in the ministry's order: the hospital's form,
     * then vendors, then confirmations.
     */
    List<Gap> gaps() {
        Checklist checklist = inspection.checklistProperty().get();
        return SelfCheckGaps.of(checklist, selfCheck.get(), contracts());
    }

    // --- the hospital's form -------------------------------------------------------------------------

    /** The hospital's はい or いいえ (empty clears it; a target date goes with いいえ only). */
    void setAnswer(String number, Optional<SelfCheckAnswer> answer) {
        changeEntry(number, entry -> entry.withAnswer(answer));
    }

    void setCheckedOn(String number, Optional<LocalDate> day) {
        changeEntry(number, entry -> entry.withCheckedOn(day));
    }

    void setTargetDate(String number, Optional<LocalDate> day) {
        changeEntry(number, entry -> entry.withTargetDate(day));
    }

    /** The form's "all checked on 2026-06-01": one day as the date checked of many rows, in one step. */
    void applyCheckedOn(LocalDate day, Collection<String> numbers) {
        List<String> changed = numbers.stream().filter(number -> !entry(number).checkedOn().equals(Optional.of(day)))
                .toList();
        if (inspection.readOnly() || changed.isEmpty()) {
            return;
        }
        Map<String, HospitalFormEntry> form = new HashMap<>(selfCheck.get().hospitalForm());
        changed.forEach(number -> form.put(number, entry(number).withCheckedOn(Optional.of(day))));
        selfCheck.set(new SelfCheck(form, selfCheck.get().vendorForms()));
        selectedRows.clear();
        String inspectionId = inspectionId();
        store(() -> workspace.selfCheck().setCheckedOn(inspectionId, changed, day, workspace.actor()));
    }

    /** はい for every row the hospital left without an answer, in one step; いいえ already given stay. */
    void answerBlankRowsYes() {
        List<HospitalFormEntry> changed = ministryItems().stream().map(item -> entry(item.number()))
                .filter(entry -> entry.answer().isEmpty())
                .map(entry -> entry.withAnswer(Optional.of(SelfCheckAnswer.YES))).toList();
        storeEntries(changed);
    }

    // --- the inspector's confirmation ----------------------------------------------------------------

    /** 確認, 相違 or 未確認 (empty clears it); the reason stays. */
    void setConfirmation(String number, Optional<Confirmation> confirmation) {
        changeEntry(number, entry -> entry.withConfirmation(confirmation, entry.confirmationReason()));
    }

    void setConfirmationReason(String number, String reason) {
        changeEntry(number, entry -> entry.withConfirmation(entry.confirmation(), reason));
    }

    // --- the vendors' forms --------------------------------------------------------------------------

    /** 受領 or 未提出; a form not recorded yet starts empty. */
    void setVendorStatus(VendorContract contract, VendorForm.Status status) {
        changeVendorForm(contract, form -> form.withStatus(status, form.missingReason()));
    }

    void setMissingReason(VendorContract contract, String reason) {
        changeVendorForm(contract, form -> form.withStatus(form.status(), reason));
    }

    void setFilledOn(VendorContract contract, Optional<LocalDate> day) {
        changeVendorForm(contract, form -> form.withFilledOn(day));
    }

    void setVendorAnswer(VendorContract contract, String number, Optional<SelfCheckAnswer> answer) {
        changeVendorForm(contract, form -> form.withAnswer(number, answer));
    }

    /** はい for every item of a vendor's form left blank; いいえ already given stay. */
    void answerBlankVendorItemsYes(VendorContract contract) {
        changeVendorForm(contract, form -> {
            VendorForm answered = form;
            for (MinistryItem item : vendorItems()) {
                if (answered.answer(item.number()).isEmpty()) {
                    answered = answered.withAnswer(item.number(), Optional.of(SelfCheckAnswer.YES));
                }
            }
            return answered;
        });
    }

    // --- storing -------------------------------------------------------------------------------------

    private void changeEntry(String number, UnaryOperator<HospitalFormEntry> change) {
        storeEntries(List.of(change.apply(entry(number))));
    }

    /** Shows the rows at once and stores those that changed, in one transaction. */
    private void storeEntries(List<HospitalFormEntry> entries) {
        List<HospitalFormEntry> changed = entries.stream()
                .filter(entry -> !entry.equals(entry(entry.ministryNumber()))).toList();
        if (inspection.readOnly() || changed.isEmpty()) {
            return;
        }
        Map<String, HospitalFormEntry> form = new HashMap<>(selfCheck.get().hospitalForm());
        changed.forEach(entry -> form.put(entry.ministryNumber(), entry));
        selfCheck.set(new SelfCheck(form, selfCheck.get().vendorForms()));
        String inspectionId = inspectionId();
        store(() -> workspace.selfCheck().recordHospitalForm(inspectionId, changed, workspace.actor()));
    }

    private void changeVendorForm(VendorContract contract, UnaryOperator<VendorForm> change) {
        Optional<VendorForm> before = vendorForm(contract);
        VendorForm after = change.apply(before.orElse(VendorForm.received(contract)));
        if (inspection.readOnly() || before.equals(Optional.of(after))) {
            return;
        }
        List<VendorForm> forms = new ArrayList<>(selfCheck.get().vendorForms());
        forms.removeIf(form -> form.contract().equals(contract));
        forms.add(after);
        selfCheck.set(new SelfCheck(selfCheck.get().hospitalForm(), forms));
        String inspectionId = inspectionId();
        store(() -> workspace.selfCheck().recordVendorForm(inspectionId, after, workspace.actor()));
    }

    /**
     * Filled workbooks the hospital hands over (on a USB stick) read into the forms, file by file in one piece of
     * background work: in each, the rows the inspector has not confirmed take the hospital's or vendor's answers; a
     * refused file is said with its reason (the sheet and cell where the reader names them), nothing of it stored, and
     * the other files still have their turn. {@link #workbookOutcomesProperty()} then says what each file did.
     */
    void readFilledWorkbooks(List<Path> files) {
        if (inspection.readOnly() || files.isEmpty()) {
            return;
        }
        String inspectionId = inspectionId();
        int revision = inspection.loadedProperty().get().inspection().revision();
        inspection.saving();
        workbookOutcomes.set(List.of());
        context.background().submit(() -> {
            List<WorkbookRead> reads = new ArrayList<>();
            for (Path file : files) {
                try {
                    reads.add(new WorkbookRead(file, workspace.planWorkbooks().fillInspection(inspectionId, file,
                            workspace.actor()), null));
                } catch (RuntimeException e) {
                    reads.add(new WorkbookRead(file, null, e));
                }
            }
            return new WorkbooksRead(reads, workspace.selfCheck().selfCheck(inspectionId, revision));
        }, read -> {
            selfCheck.set(read.stored());
            refusal.set(null);
            workbookOutcomes.set(read.files().stream().map(this::outcome).toList());
            read.files().stream().map(WorkbookRead::refusal).filter(Objects::nonNull).findFirst()
                    .ifPresentOrElse(inspection::refused, inspection::saved);
        }, this::refused);
    }

    /** What reading the chosen workbooks did, one line per file in the order chosen; empty until some are read. */
    ReadOnlyObjectProperty<List<WorkbookOutcome>> workbookOutcomesProperty() {
        return workbookOutcomes.getReadOnlyProperty();
    }

    private WorkbookOutcome outcome(WorkbookRead read) {
        Messages messages = context.messages();
        String name = read.file().getFileName().toString();
        if (read.refusal() != null) {
            return new WorkbookOutcome(messages.get("forms.workbook.refused", name, context.describe(read.refusal())), true);
        }
        Filled filled = read.filled();
        return new WorkbookOutcome(filled.keptConfirmed().isEmpty()
                ? messages.get("forms.workbook.accepted", name, filled.changedFields())
                : messages.get("forms.workbook.acceptedKept", name, filled.changedFields(),
                        String.join(messages.get("forms.workbook.separator"), filled.keptConfirmed())), false);
    }

    private void store(Supplier<Integer> write) {
        inspection.saving();
        context.background().submit(write, changed -> {
            refusal.set(null);
            inspection.saved();
        }, this::refused);
    }

    /** The store refused a change: say why and show what is really stored. */
    private void refused(RuntimeException error) {
        refusal.set(error);
        inspection.refused(error);
        InspectionViewModel.Loaded data = inspection.loadedProperty().get();
        context.background().submit(() -> workspace.selfCheck().selfCheck(data.inspection().id(), data.inspection().revision()),
                selfCheck::set, inspection::refused);
    }

    private String inspectionId() {
        return inspection.loadedProperty().get().inspection().id();
    }
}
