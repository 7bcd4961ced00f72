package jp.tachiiri.dashboard;

import jp.tachiiri.model.LocalizedText;

/**
 * A national survey figure drawn as a reference line beside an item's share: {@code ratio} of the surveyed
 * hospitals did what the item asks. See {@link Dashboard#NATIONAL_FIGURES} for the survey and the mapping.
 */
public record NationalFigure(String itemId, double ratio, LocalizedText description, String source) {

    public NationalFigure {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("a ratio is between 0 and 1: " + ratio);
        }
    }
}
