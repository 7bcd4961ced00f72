package jp.tachiiri.dashboard;

import java.util.Optional;
import jp.tachiiri.model.LocalizedText;

/**
 * One figure of a national survey, drawn as a reference line beside the catalog item {@code itemId}: {@code ratio}
 * of the survey's base (see {@link NationalSurvey#base()}) answered yes to the question {@code label} names. Where
 * the question only approximates what the item asks, {@code approximation} says how they differ.
 */
public record NationalFigure(String itemId, double ratio, LocalizedText label, Optional<LocalizedText> approximation) {

    public NationalFigure {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("a ratio is between 0 and 1: " + ratio);
        }
    }
}
