package jp.tachiiri.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.MinistryItem;

/**
 * An inspection's catalog applied to its facility and its findings: which items are asked, how far each
 * checkpoint has come and what is still missing before finalizing. Built anew after every change; it
 * holds no state of its own.
 *
 * <p>The gate question decides first: answered NO, every other item is 該当なし for that reason (and
 * back again when the answer changes, since nothing is written for them). Unanswered or YES, each item
 * applies when the facility meets its conditions.
 */
public final class Checklist {

    private final Catalog catalog;
    private final LocalDate inspectionDate;
    private final Finding gate;
    private final List<ItemState> items;

    private Checklist(Catalog catalog, LocalDate inspectionDate, Finding gate, List<ItemState> items) {
        this.catalog = catalog;
        this.inspectionDate = inspectionDate;
        this.gate = gate;
        this.items = items;
    }

    public static Checklist of(Catalog catalog, FacilityProfile facility, LocalDate inspectionDate,
            Map<String, Finding> findings) {
        Finding gate = findings.getOrDefault(catalog.gate().id(), Finding.empty(catalog.gate().id()));
        boolean gateSaysNo = gate.answer().equals(Optional.of(Answer.NO));
        // Until the gate is answered NO, the items are shown as for a facility that has a system.
        FacilityProfile profile = facility.withMedicalInformationSystem();
        List<ItemState> items = new ArrayList<>();
        for (CatalogItem item : catalog.items()) {
            items.add(new ItemState(item, item.firstUnmetCondition(profile), gateSaysNo,
                    findings.getOrDefault(item.id(), Finding.empty(item.id()))));
        }
        return new Checklist(catalog, inspectionDate, gate, List.copyOf(items));
    }

    public Catalog catalog() {
        return catalog;
    }

    public Finding gate() {
        return gate;
    }

    /** Every item of the catalog in order, applicable or not. */
    public List<ItemState> items() {
        return items;
    }

    public List<ItemState> items(Checkpoint checkpoint) {
        return items.stream().filter(state -> state.item().checkpoint() == checkpoint).toList();
    }

    public Optional<ItemState> item(String itemId) {
        return items.stream().filter(state -> state.item().id().equals(itemId)).findFirst();
    }

    /** Answered and applicable items of one checkpoint. */
    public Progress progress(Checkpoint checkpoint) {
        return progressOf(items(checkpoint));
    }

    /** The whole inspection: the gate question and every applicable item. */
    public Progress total() {
        Progress items = progressOf(this.items);
        return new Progress(items.answered() + (gate.answer().isPresent() ? 1 : 0), items.applicable() + 1);
    }

    private static Progress progressOf(List<ItemState> states) {
        List<ItemState> applicable = states.stream().filter(ItemState::applicable).toList();
        return new Progress((int) applicable.stream().filter(ItemState::answered).count(), applicable.size());
    }

    /**
     * The ministry checklist's items with their one answer each, made from the catalog items that answer them
     * (several where the catalog breaks an item down, by the item's roll-up rule); in the ministry's order.
     */
    public List<MinistryResult> ministryResults() {
        List<MinistryResult> results = new ArrayList<>();
        for (MinistryItem ministryItem : catalog.ministryItems()) {
            List<ItemState> parts = items.stream()
                    .filter(state -> state.item().ministryItem().equals(Optional.of(ministryItem))).toList();
            List<Optional<Answer>> answers = parts.stream().map(ItemState::effectiveAnswer).toList();
            Optional<Answer> answer = ministryItem.rollUp().map(rule -> rule.combine(answers)).orElse(answers.get(0));
            results.add(new MinistryResult(ministryItem, parts, answer));
        }
        return results;
    }

    /**
     * The last day a target date is expected by: the end of the inspection's fiscal year, as the ministry's form
     * asks, or of the later year an item sets (two-factor authentication).
     */
    public LocalDate targetYearEnd(CatalogItem item) {
        return item.targetYear(FiscalYear.of(inspectionDate)).end().minusDays(1);
    }

    /** The 不適合 items whose target date lies after {@link #targetYearEnd}: warned about, not refused. */
    public List<ItemState> targetsAfterYear() {
        return items.stream().filter(ItemState::applicable)
                .filter(state -> state.finding().answer().equals(Optional.of(Answer.NON_COMPLIANT)))
                .filter(state -> state.finding().targetDate().filter(date -> date.isAfter(targetYearEnd(state.item())))
                        .isPresent())
                .toList();
    }

    /** Everything that stops finalizing, in catalog order (the gate first). */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        if (gate.answer().isEmpty()) {
            gaps.add(new Gap(catalog.gate().id(), Gap.Kind.GATE_UNANSWERED));
        }
        for (ItemState state : items) {
            if (state.applicable()) {
                gapsOf(state).forEach(kind -> gaps.add(new Gap(state.item().id(), kind)));
            }
        }
        return gaps;
    }

    /** What one applicable item still lacks (empty when it is complete). */
    public List<Gap.Kind> gapsOf(ItemState state) {
        Finding finding = state.finding();
        if (finding.answer().isEmpty()) {
            return List.of(Gap.Kind.UNANSWERED);
        }
        List<Gap.Kind> kinds = new ArrayList<>();
        switch (finding.answer().get()) {
            case NON_COMPLIANT -> {
                if (finding.advice().isBlank()) {
                    kinds.add(Gap.Kind.ADVICE_MISSING);
                }
                if (state.item().targetDateRequired() && finding.targetDate().isEmpty()) {
                    kinds.add(Gap.Kind.TARGET_DATE_MISSING);
                }
                if (finding.targetDate().filter(date -> date.isBefore(inspectionDate)).isPresent()) {
                    kinds.add(Gap.Kind.TARGET_DATE_BEFORE_INSPECTION);
                }
            }
            case ALTERNATIVE -> {
                if (finding.reason().isBlank()) {
                    kinds.add(Gap.Kind.JUSTIFICATION_MISSING);
                }
            }
            case NOT_APPLICABLE -> {
                if (finding.reason().isBlank()) {
                    kinds.add(Gap.Kind.REASON_MISSING);
                }
            }
            default -> {
                // COMPLIANT needs nothing more; YES/NO belong to the gate.
            }
        }
        return kinds;
    }

    /** How many of the applicable questions have an answer. */
    public record Progress(int answered, int applicable) {
        public boolean complete() {
            return answered == applicable;
        }
    }
}
