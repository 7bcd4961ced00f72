package jp.tachiiri.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.LocalizedText;

/**
 * A finding that needed improvement (不適合 in the inspection's newest finalized revision), with what the hospital
 * reported and the office assessed. {@code reference}: a 参考 item, not the ministry's; the report may leave it out.
 */
public record FindingToFollow(String itemId, LocalizedText title, Checkpoint checkpoint, boolean reference,
                              Optional<LocalDate> targetDate, String advice, Optional<ItemFollowUp> followUp,
                              List<FollowUpEvidence> evidence) {

    public FindingToFollow {
        evidence = List.copyOf(evidence);
    }

    public boolean closed() {
        return followUp.map(item -> item.assessment() == Assessment.CLOSED).orElse(false);
    }

    /** The date it is to be improved by: the new date agreed for a finding 対応中, else the inspection's. */
    public Optional<LocalDate> effectiveTarget() {
        return followUp.filter(item -> item.assessment() == Assessment.IN_PROGRESS)
                .flatMap(ItemFollowUp::newTargetDate).or(() -> targetDate);
    }

    /** Open on {@code today} with its date passed (the day itself is not past). */
    public boolean pastTarget(LocalDate today) {
        return !closed() && effectiveTarget().filter(target -> target.isBefore(today)).isPresent();
    }

    /** Closed on or before the target date the inspection gave it. */
    public boolean closedInTime() {
        return closed() && targetDate.map(target -> !followUp.orElseThrow().doneOn().orElseThrow().isAfter(target))
                .orElse(true);
    }
}
