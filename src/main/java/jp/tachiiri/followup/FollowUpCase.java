package jp.tachiiri.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One inspection to follow up: its findings that needed improvement, the date its improvement report is due (as the
 * advice printout gave it), and the report once received.
 */
public record FollowUpCase(String inspectionId, int revision, String facilityId, String facilityCode,
                           String facilityName, LocalDate inspectionDate, LocalDate reportDue,
                           Optional<ImprovementReport> report, List<FindingToFollow> findings) {

    public FollowUpCase {
        findings = List.copyOf(findings);
    }

    /** No report received and the day it was due has passed (on the due day itself it is not overdue). */
    public boolean reportOverdue(LocalDate today) {
        return report.isEmpty() && today.isAfter(reportDue);
    }

    /** Every finding of the ministry's items closed (参考 items are advice only and do not keep a case open). */
    public boolean closed() {
        return findings.stream().filter(finding -> !finding.reference()).allMatch(FindingToFollow::closed);
    }

    public List<FindingToFollow> open() {
        return findings.stream().filter(finding -> !finding.closed()).toList();
    }

    public Optional<FindingToFollow> finding(String itemId) {
        return findings.stream().filter(finding -> finding.itemId().equals(itemId)).findFirst();
    }
}
