package jp.tachiiri.advice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.LocalizedText;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheckGaps;

/**
 * What the advice printout says, decided from the record before any layout: the facility and inspection, the
 * checklist followed, the counts per checkpoint and the result of each ministry item (with the hospital's own answer
 * and the inspector's confirmation of it), what the hospital is asked of its and its vendors' forms, what must improve (the
 * ministry's items, and apart from them the 参考 items), the alternative measures accepted, what is worth keeping
 * up, the conditions of a fee add-on the facility claims, where to get help, and by when to report. Dates are
 * derived from the record, never from the clock.
 */
public record AdviceContent(
        Inspection inspection,
        Facility facility,
        Catalog catalog,
        AdviceSettings settings,
        boolean draft,
        LocalDate documentDate,
        List<CheckpointSummary> summaries,
        List<MinistryResult> ministryResults,
        Optional<Forms> forms,
        List<Improvement> improvements,
        List<Improvement> referenceImprovements,
        List<Alternative> alternatives,
        List<GoodPractice> goodPractices,
        List<AddOnConditions> addOnConditions,
        List<HelpResource> resources,
        LocalDate reportDue,
        String fingerprint) {

    public AdviceContent {
        summaries = List.copyOf(summaries);
        ministryResults = List.copyOf(ministryResults);
        improvements = List.copyOf(improvements);
        referenceImprovements = List.copyOf(referenceImprovements);
        alternatives = List.copyOf(alternatives);
        goodPractices = List.copyOf(goodPractices);
        addOnConditions = List.copyOf(addOnConditions);
        resources = List.copyOf(resources);
    }

    /**
     * The counts of one checkpoint's items of the ministry's checklist (参考 items are not counted), which add up by
     * construction: each item is either not asked of this facility (excluded by its type, beds or systems, or by the
     * gate question answered いいえ) or asked, and an asked item is 適合, 不適合, 代替措置, 該当なし (found not to
     * apply, with a reason) or, in a draft, not answered yet.
     */
    public record CheckpointSummary(LocalizedText title, int excluded, int compliant, int nonCompliant, int alternative,
            int notApplicable, int unanswered) {

        /** The items asked of this hospital. */
        public int applicable() {
            return compliant + nonCompliant + alternative + notApplicable + unanswered;
        }

        /** Every item of the checkpoint. */
        public int items() {
            return excluded + applicable();
        }
    }

    /**
     * A 不適合 item: what was found (the inspector's note), the advice and the target date, and the last day the
     * ministry's form expects a target date by ({@code targetYearEnd}): a later one is printed with a note.
     */
    public record Improvement(CatalogItem item, String found, String advice, Optional<LocalDate> targetDate,
            LocalDate targetYearEnd) {

        public boolean targetAfterYear() {
            return targetDate.filter(date -> date.isAfter(targetYearEnd)).isPresent();
        }
    }

    /** A 代替措置 item: the measure the hospital takes instead, as the inspector recorded and accepted it. */
    public record Alternative(CatalogItem item, String measure) {
    }

    /** A 適合 item the inspector noted as good practice (a compliant item with a note). */
    public record GoodPractice(CatalogItem item, String note) {
    }

    /** The conditions of a fee add-on the facility claims on the inspection day that fit it. */
    public record AddOnConditions(FeeAddOn addOn, List<FeeAddOn.Requirement> requirements) {

        public AddOnConditions {
            requirements = List.copyOf(requirements);
        }
    }

    /**
     * The hospital's own checklist (医療機関確認用) and its vendors' (事業者確認用) as the printout reports them: the
     * hospital's row of each ministry item, the 相違 and 未確認 with what the hospital is asked to do, what the
     * hospital's form lacks, and the form of each vendor contract. Absent from the content when the inspection
     * recorded neither form.
     */
    public record Forms(Map<String, HospitalFormEntry> hospitalForm, List<ConfirmationNote> differences,
            List<ConfirmationNote> unconfirmed, List<HospitalOmission> omissions, List<VendorFormReport> vendorForms) {

        public Forms {
            hospitalForm = Map.copyOf(hospitalForm);
            differences = List.copyOf(differences);
            unconfirmed = List.copyOf(unconfirmed);
            omissions = List.copyOf(omissions);
            vendorForms = List.copyOf(vendorForms);
        }

        /** The hospital's row of a ministry item; an empty row where nothing is recorded. */
        public HospitalFormEntry entry(String ministryNumber) {
            return hospitalForm.getOrDefault(ministryNumber, HospitalFormEntry.empty(ministryNumber));
        }

        /** Whether the hospital's form has no answer, date or target date at all: one request then, not a line per item. */
        public boolean hospitalFormBlank() {
            return hospitalForm.values().stream().noneMatch(HospitalFormEntry::hasHospitalAnswer);
        }

        /** Whether the inspector confirmed the hospital's answer to every one of the given ministry items. */
        public boolean allAgree(List<MinistryResult> results) {
            return results.stream().allMatch(result -> entry(result.item().number()).confirmation()
                    .equals(Optional.of(Confirmation.AGREES)));
        }
    }

    /** A ministry item whose hospital answer the inspector found to differ (相違) or could not confirm (未確認). */
    public record ConfirmationNote(MinistryResult result, HospitalFormEntry entry) {

        /** How the hospital's answer and the inspector's result relate, which decides what the hospital is asked. */
        public enum Kind {
            /** 相違: the hospital said はい, the inspector found 不適合: the form should say いいえ with a target date. */
            SAID_YES_NOT_MET,
            /** 相違: the hospital said いいえ, the inspector found the measure in place: the form should say はい. */
            SAID_NO_BUT_MET,
            /** 相違 of another kind (the reason says which): the form should be looked at again on that point. */
            OTHER_DIFFERENCE,
            /** 未確認: the answer could not be checked during the inspection. */
            NOT_CONFIRMED
        }

        public Kind kind() {
            if (entry.confirmation().equals(Optional.of(Confirmation.NOT_CONFIRMED))) {
                return Kind.NOT_CONFIRMED;
            }
            // The two kinds of difference the hospital's form can be put right on: the answer is the opposite of the result.
            Optional<SelfCheckAnswer> hospital = entry.answer()
                    .filter(answer -> SelfCheckGaps.contradicts(answer, result.answer()));
            if (hospital.isPresent()) {
                return hospital.get() == SelfCheckAnswer.YES ? Kind.SAID_YES_NOT_MET : Kind.SAID_NO_BUT_MET;
            }
            return Kind.OTHER_DIFFERENCE;
        }
    }

    /**
     * What the hospital's form lacks for one ministry item (the hospital's omissions among the completeness gaps), with
     * its target date and the last day one is expected by, which a late target date is measured against.
     */
    public record HospitalOmission(String ministryNumber, List<Gap.Kind> kinds, Optional<LocalDate> targetDate,
            LocalDate targetYearEnd) {

        public HospitalOmission {
            kinds = List.copyOf(kinds);
        }
    }

    /**
     * One vendor contract's form: received, missing with the reason, or not recorded yet (empty, in a draft); the
     * vendor's omissions (the contract's non-blocking gaps), the items the form carries that it leaves unanswered and
     * those it answers いいえ.
     */
    public record VendorFormReport(VendorContract contract, Optional<VendorForm> form, List<Gap.Kind> omissions,
            List<String> unanswered, List<String> answeredNo) {

        public VendorFormReport {
            omissions = List.copyOf(omissions);
            unanswered = List.copyOf(unanswered);
            answeredNo = List.copyOf(answeredNo);
        }
    }
}
