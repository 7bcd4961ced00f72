package jp.tachiiri.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.FiscalYear;

/**
 * The compliance figures of one fiscal year: how many inspections count, per band, and how many of them hold the
 * hospital's own form; per checkpoint, per item of the ministry's checklist (its parts rolled up, with how the
 * hospitals' answers to it were confirmed) and per catalog item (catalog order), each overall and per band.
 */
public record YearFigures(FiscalYear fiscalYear, Map<BedBand, Integer> inspectionsByBand,
                          int inspectionsWithHospitalForm, List<CheckpointFigure> checkpoints,
                          List<MinistryItemFigure> ministryItems, List<ItemFigure> items) {

    public YearFigures {
        inspectionsByBand = Dashboard.everyBand(inspectionsByBand, 0);
        checkpoints = List.copyOf(checkpoints);
        ministryItems = List.copyOf(ministryItems);
        items = List.copyOf(items);
    }

    /** The counted inspections of the year, all bands. */
    public int inspections() {
        return inspectionsByBand.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Optional<ItemFigure> item(String itemId) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
    }

    /** The items {@code survey} asked about, in its order, with our share of each beside its figure. */
    public List<NationalComparison> against(NationalSurvey survey) {
        return survey.figures().stream().map(national -> {
            Optional<ItemFigure> item = item(national.itemId());
            return new NationalComparison(national.itemId(), item.map(ItemFigure::title).orElse(national.label()),
                    item.map(ItemFigure::share).orElse(Share.NONE), national);
        }).toList();
    }
}
