package jp.tachiiri.model;

/**
 * A reference to the ministry's checklist, e.g. "R7 2-⑪". {@code confirmed} is false where the number has
 * not been checked against the ministry's PDF, so reports can flag it.
 */
public record ChecklistRef(String label, boolean confirmed) {
}
