package jp.tachiiri.dashboard;

/** An item among those most often answered 不適合 in a year; {@code rank} is its 1-based place in the list. */
public record NonCompliantItem(int rank, ItemFigure item) {
}
