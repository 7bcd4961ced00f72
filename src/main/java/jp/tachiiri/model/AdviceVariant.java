package jp.tachiiri.model;

import java.util.List;

/** Advice for a non-compliant item, used when all of {@code when} hold (an empty list always holds). */
public record AdviceVariant(List<Condition> when, LocalizedText text) {

    public AdviceVariant {
        when = List.copyOf(when);
    }

    public boolean fits(FacilityProfile profile) {
        return Condition.allHold(when, profile);
    }
}
