package jp.tachiiri.dashboard;

import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.model.FiscalYear;

/**
 * How the findings that needed improvement in a fiscal year's counted inspections were followed up to closure, on
 * {@code today}: per checkpoint (every checkpoint, the ministry's items only) and per item with any such finding (the
 * ministry's items in catalog order, then the 参考 items).
 */
public record YearClosures(FiscalYear fiscalYear, LocalDate today, List<CheckpointClosure> checkpoints,
                           List<ItemClosure> items) {

    public YearClosures {
        checkpoints = List.copyOf(checkpoints);
        items = List.copyOf(items);
    }
}
