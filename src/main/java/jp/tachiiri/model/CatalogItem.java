package jp.tachiiri.model;

import java.util.List;
import java.util.Optional;

/** One inspection item of a catalog version. */
public record CatalogItem(
        String id,
        Checkpoint checkpoint,
        LocalizedText title,
        LocalizedText guidance,
        Optional<ChecklistRef> checklistRef,
        Optional<String> guidelineRef,
        Optional<Integer> addedInFiscalYear,
        List<Condition> appliesWhen,
        List<Answer> answers,
        boolean targetDateRequired,
        List<AdviceVariant> advice) {

    public CatalogItem {
        appliesWhen = List.copyOf(appliesWhen);
        answers = List.copyOf(answers);
        advice = List.copyOf(advice);
    }

    public boolean appliesTo(FacilityProfile profile) {
        return firstUnmetCondition(profile).isEmpty();
    }

    /** The condition that makes this item not apply to the facility, for the "対象外" reason shown to users. */
    public Optional<Condition> firstUnmetCondition(FacilityProfile profile) {
        return appliesWhen.stream().filter(condition -> !condition.holdsFor(profile)).findFirst();
    }

    /** The advice template that fits the facility; the catalog loader guarantees a default variant. */
    public Optional<LocalizedText> adviceFor(FacilityProfile profile) {
        return advice.stream().filter(variant -> variant.fits(profile)).map(AdviceVariant::text).findFirst();
    }
}
