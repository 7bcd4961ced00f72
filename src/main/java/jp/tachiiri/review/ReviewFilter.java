package jp.tachiiri.review;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Checkpoint;

/**
 * What a supervisor narrows the review list to; an empty criterion lets every row through. Free text
 * matches the facility's name, reading, code, the inspectors and the inspection id, ignoring width and case
 * (ＡＢＣ matches abc).
 */
public record ReviewFilter(Optional<Integer> fiscalYear, Optional<ReviewStatus> status,
                           Optional<Checkpoint> nonCompliantIn, Optional<BedBand> band, String inspector, String text) {

    public static final ReviewFilter ALL = new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), "", "");

    /** The rows to show; {@code catalogs} tells which checkpoint an item belongs to. */
    public Predicate<ReviewRow> matcher(Function<String, Optional<Catalog>> catalogs) {
        String inspectorNeedle = normalized(inspector);
        String textNeedle = normalized(text);
        return row -> fiscalYear.map(year -> inFiscalYear(row, year)).orElse(true)
                && status.map(wanted -> row.status() == wanted).orElse(true)
                && band.map(wanted -> row.band() == wanted).orElse(true)
                && nonCompliantIn.map(checkpoint -> nonCompliantIn(row, checkpoint, catalogs)).orElse(true)
                && (inspectorNeedle.isEmpty() || normalized(row.inspectors()).contains(inspectorNeedle))
                && (textNeedle.isEmpty() || normalized(String.join(" ", row.facilityName(), row.facilityKana(),
                        row.facilityCode(), row.inspectors(), row.inspectionId())).contains(textNeedle));
    }

    /** The fiscal year that starts on 1 April of {@code year}. */
    static boolean inFiscalYear(ReviewRow row, int year) {
        return row.date().getYear() == (row.date().getMonthValue() >= 4 ? year : year + 1);
    }

    private static boolean nonCompliantIn(ReviewRow row, Checkpoint checkpoint,
                                          Function<String, Optional<Catalog>> catalogs) {
        Optional<Catalog> catalog = catalogs.apply(row.catalogVersion());
        return row.nonCompliantItems().stream()
                .anyMatch(itemId -> catalog.flatMap(found -> found.item(itemId))
                        .map(item -> item.checkpoint() == checkpoint).orElse(false));
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
