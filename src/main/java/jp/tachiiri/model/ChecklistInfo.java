package jp.tachiiri.model;

import java.time.LocalDate;

/**
 * The ministry checklist a catalog follows: its name as screens and printouts state it, the short label put
 * before item numbers ("R7" in "R7 2-⑦") and the day the ministry published it.
 */
public record ChecklistInfo(LocalizedText name, String label, LocalDate published) {
}
