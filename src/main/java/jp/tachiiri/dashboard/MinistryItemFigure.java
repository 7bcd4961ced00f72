package jp.tachiiri.dashboard;

import java.util.Map;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.LocalizedText;

/**
 * One item of the ministry's checklist in one fiscal year, with the one answer its parts make: of the counted
 * inspections that answered any of its {@code parts} catalog items with anything but 該当なし, how many answered none
 * of them 不適合; overall and per bed band ({@code byBand} has every band). {@code disagreement}: how inspectors
 * confirmed the hospitals' own answers to it.
 */
public record MinistryItemFigure(String label, LocalizedText wording, int parts, Share share, Map<BedBand, Share> byBand,
                                 Disagreement disagreement) {

    public MinistryItemFigure {
        byBand = Dashboard.everyBand(byBand, Share.NONE);
    }

    public Share in(BedBand band) {
        return byBand.get(band);
    }
}
