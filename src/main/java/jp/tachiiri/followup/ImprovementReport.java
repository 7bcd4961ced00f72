package jp.tachiiri.followup;

import java.time.LocalDate;

/** The hospital's improvement report (改善報告) on an inspection as the office received it, and who sent it. */
public record ImprovementReport(String inspectionId, LocalDate receivedOn, String contactName, String contactRole) {

    public ImprovementReport {
        contactName = contactName == null ? "" : contactName.strip();
        contactRole = contactRole == null ? "" : contactRole.strip();
    }
}
