package jp.tachiiri.followup;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the hospital reported for one finding — what it did ({@code action}) and when ({@code doneOn}) — and the
 * office's assessment; {@code newTargetDate} is the date agreed for a finding still 対応中.
 */
public record ItemFollowUp(String inspectionId, String itemId, String action, Optional<LocalDate> doneOn,
                           Assessment assessment, Optional<LocalDate> newTargetDate) {

    public ItemFollowUp {
        action = action == null ? "" : action.strip();
    }
}
