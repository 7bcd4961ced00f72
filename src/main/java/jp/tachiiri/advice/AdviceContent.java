package jp.tachiiri.advice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.LocalizedText;

/**
 * What the advice printout says, decided from the record before any layout: the facility and inspection,
 * the counts per checkpoint, what must improve, the alternative measures accepted, what is worth keeping up, where to get help, and by when to
 * report. Dates are derived from the record, never from the clock.
 */
public record AdviceContent(
        Inspection inspection,
        Facility facility,
        AdviceSettings settings,
        boolean draft,
        LocalDate documentDate,
        List<CheckpointSummary> summaries,
        List<Improvement> improvements,
        List<Alternative> alternatives,
        List<GoodPractice> goodPractices,
        List<Resource> resources,
        LocalDate reportDue,
        String fingerprint) {

    public AdviceContent {
        summaries = List.copyOf(summaries);
        improvements = List.copyOf(improvements);
        alternatives = List.copyOf(alternatives);
        goodPractices = List.copyOf(goodPractices);
        resources = List.copyOf(resources);
    }

    /**
     * The counts of one checkpoint, which add up by construction: each of its items is either not asked of this
     * hospital (excluded by its beds or systems, or by the gate question answered いいえ) or asked, and an asked
     * item is 適合, 不適合, 代替措置, 該当なし (found not to apply, with a reason) or, in a draft, not answered yet.
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

    /** A 不適合 item: what was found (the inspector's note), the advice and the target date. */
    public record Improvement(CatalogItem item, String found, String advice, Optional<LocalDate> targetDate) {
    }

    /** A 代替措置 item: the measure the hospital takes instead, as the inspector recorded and accepted it. */
    public record Alternative(CatalogItem item, String measure) {
    }

    /** A 適合 item the inspector noted as good practice (a compliant item with a note). */
    public record GoodPractice(CatalogItem item, String note) {
    }
}
