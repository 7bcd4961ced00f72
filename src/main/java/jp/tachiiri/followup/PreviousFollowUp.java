package jp.tachiiri.followup;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The office's follow-up of a facility's earlier inspection as the tablet holds it, from the newest assignments bundle
 * that planned the facility: the day the hospital's improvement report arrived (empty: not yet) and, by item, each
 * finding that needed improvement with what the hospital reported and how the office assessed it.
 */
public record PreviousFollowUp(String inspectionId, LocalDate inspectionDate, Optional<LocalDate> reportReceivedOn,
                               Map<String, Item> items) {

    public PreviousFollowUp {
        items = Map.copyOf(items);
    }

    /**
     * One finding: the day it was to be improved by; what the hospital did and when; the office's assessment (empty
     * while it has none) and, 対応中, the new target date.
     */
    public record Item(String itemId, Optional<LocalDate> targetDate, String action, Optional<LocalDate> doneOn,
                       Optional<Assessment> assessment, Optional<LocalDate> newTargetDate) {
    }

    public Optional<Item> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }
}
