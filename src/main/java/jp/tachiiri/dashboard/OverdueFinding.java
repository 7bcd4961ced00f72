package jp.tachiiri.dashboard;

import java.time.LocalDate;
import jp.tachiiri.model.LocalizedText;

/**
 * A 不適合 finding whose target date (目標日) has passed: {@code daysOverdue} days from the target date to the
 * "today" the dashboard was asked about (at least 1). The facility is as recorded with the finalized revision.
 * {@code reference}: the item is 参考, not the ministry's, so its follow-up is advice only.
 */
public record OverdueFinding(String inspectionId, int revision, String facilityCode, String facilityName,
                             LocalDate inspectionDate, String itemId, LocalizedText itemTitle, boolean reference,
                             LocalDate targetDate, long daysOverdue) {
}
