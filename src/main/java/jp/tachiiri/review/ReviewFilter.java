package jp.tachiiri.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.tachiiri.i18n.SearchText;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;

/**
 * What a supervisor narrows the review list to; an empty criterion lets every row through. {@code nonCompliantIn}
 * asks for a 不適合 of the ministry's items in that checkpoint (参考 items are not among a row's 不適合). Free text
 * matches the facility's name, reading, code, the inspectors and the inspection id as every search of the app
 * compares ({@link SearchText}): width, case, spaces and hiragana against katakana are ignored (ＡＢＣ matches
 * abc, アオバ matches あおば).
 */
public record ReviewFilter(Optional<FiscalYear> fiscalYear, Optional<ReviewStatus> status,
                           Optional<Checkpoint> nonCompliantIn, Optional<BedBand> band, String inspector, String text) {

    public static final ReviewFilter ALL = new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), "", "");

    /** The rows to show; {@code catalogs} tells which checkpoint an item belongs to. */
    public Predicate<ReviewRow> matcher(Function<String, Optional<Catalog>> catalogs) {
        SearchText inspectorWanted = SearchText.of(inspector);
        SearchText textWanted = SearchText.of(text);
        // Item → checkpoint per catalog version, built once per filter: tens of thousands of rows ask it.
        Map<String, Map<String, Checkpoint>> checkpoints = new HashMap<>();
        Function<String, Map<String, Checkpoint>> checkpointsOf = version -> checkpoints.computeIfAbsent(version,
                key -> catalogs.apply(key).map(catalog -> catalog.items().stream()
                        .collect(Collectors.toMap(CatalogItem::id, CatalogItem::checkpoint))).orElse(Map.of()));
        return row -> fiscalYear.map(year -> year.contains(row.date())).orElse(true)
                && status.map(wanted -> row.status() == wanted).orElse(true)
                && band.map(wanted -> row.band() == wanted).orElse(true)
                && nonCompliantIn.map(checkpoint -> row.nonCompliantItems().stream()
                        .anyMatch(itemId -> checkpoint == checkpointsOf.apply(row.catalogVersion()).get(itemId))).orElse(true)
                && inspectorWanted.foundIn(row.inspectors())
                && textWanted.foundIn(row.facilityName(), row.facilityKana(), row.facilityCode(), row.inspectors(),
                        row.inspectionId());
    }
}
