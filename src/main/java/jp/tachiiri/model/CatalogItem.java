package jp.tachiiri.model;

import java.util.List;
import java.util.Optional;

/**
 * One inspection item of a catalog version. An item answers an item of the ministry's checklist (alone, or as one
 * part of it) or, without {@code ministryItem}, is 参考 (reference): recorded and advised on, but never counted as
 * the ministry's 不適合 nor part of the request for an improvement report.
 */
public record CatalogItem(
        String id,
        Checkpoint checkpoint,
        LocalizedText title,
        LocalizedText guidance,
        Optional<MinistryItem> ministryItem,
        Optional<String> guidelineRef,
        Optional<Integer> addedInFiscalYear,
        Optional<Integer> targetFiscalYear,
        List<Condition> appliesWhen,
        List<Answer> answers,
        boolean targetDateRequired,
        List<AdviceVariant> advice) {

    public CatalogItem {
        appliesWhen = List.copyOf(appliesWhen);
        answers = List.copyOf(answers);
        advice = List.copyOf(advice);
    }

    /** 参考: not an item of the ministry's checklist. */
    public boolean isReference() {
        return ministryItem.isEmpty();
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

    /**
     * The fiscal year by whose end a target date is expected: the ministry's form asks for one within the
     * inspection's fiscal year, except where an item sets its own horizon (two-factor authentication: FY2027).
     */
    public FiscalYear targetYear(FiscalYear inspectionYear) {
        return targetFiscalYear.filter(year -> year > inspectionYear.year()).map(FiscalYear::new)
                .orElse(inspectionYear);
    }
}
