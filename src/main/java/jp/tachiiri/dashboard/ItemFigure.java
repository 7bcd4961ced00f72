package jp.tachiiri.dashboard;

import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.LocalizedText;

/**
 * One catalog item in one fiscal year: of the counted inspections that answered it with anything but 該当なし,
 * how many answered 適合 or 代替措置; overall and per bed band ({@code byBand} has every band). {@code
 * nonCompliant} counts the 不適合 answers.
 */
public record ItemFigure(String itemId, Checkpoint checkpoint, LocalizedText title, Optional<String> checklistNumber,
                         Share share, Map<BedBand, Share> byBand, int nonCompliant) {

    public ItemFigure {
        byBand = Dashboard.everyBand(byBand, Share.NONE);
    }

    public Share in(BedBand band) {
        return byBand.get(band);
    }

    /** 参考: not an item of the ministry's checklist (it has no checklist number), kept apart from the ministry's. */
    public boolean reference() {
        return checklistNumber.isEmpty();
    }

    /** 不適合 / applicable; empty when nothing applied. */
    public Optional<Double> nonCompliantRatio() {
        return share.applicable() == 0 ? Optional.empty() : Optional.of((double) nonCompliant / share.applicable());
    }
}
