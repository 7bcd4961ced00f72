package jp.tachiiri.advice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.LocalizedText;

/**
 * What the advice printout says, decided from the record before any layout: the facility and inspection, the
 * checklist followed, the counts per checkpoint and the result of each ministry item, what must improve (the
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
}
