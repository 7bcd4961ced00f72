package jp.tachiiri.dashboard;

import java.util.List;
import jp.tachiiri.model.FiscalYear;

/** The per-checkpoint figures of one fiscal year, for comparing years. */
public record YearCheckpoints(FiscalYear fiscalYear, int inspections, List<CheckpointFigure> checkpoints) {

    public YearCheckpoints {
        checkpoints = List.copyOf(checkpoints);
    }
}
