package jp.tachiiri.dashboard;

import java.util.Map;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.LocalizedText;

/**
 * One checkpoint in one fiscal year: of the counted inspections to which the checkpoint applied (at least one
 * of its items answered 適合, 不適合 or 代替措置), how many complied with all of it (none of its items 不適合);
 * overall and per bed band ({@code byBand} has every band, {@link Share#NONE} where none applied).
 */
public record CheckpointFigure(Checkpoint checkpoint, LocalizedText title, Share share, Map<BedBand, Share> byBand) {

    public CheckpointFigure {
        byBand = Dashboard.everyBand(byBand, Share.NONE);
    }

    public Share in(BedBand band) {
        return byBand.get(band);
    }
}
