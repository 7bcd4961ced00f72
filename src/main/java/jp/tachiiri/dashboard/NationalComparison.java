package jp.tachiiri.dashboard;

import jp.tachiiri.model.LocalizedText;

/**
 * A catalog item that a national survey asked about: our share of the year ({@link Share#NONE} where the item was
 * not answered) and the survey's figure. {@code title} is the item's, or the survey's label where no catalog knows
 * the item.
 */
public record NationalComparison(String itemId, LocalizedText title, Share ours, NationalFigure national) {
}
