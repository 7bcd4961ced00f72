package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Map;

/** The findings of a facility's previous finalized inspection, shown beside today's answers. */
public record PreviousFindings(String inspectionId, int revision, LocalDate date, Map<String, Finding> findings) {

    public PreviousFindings {
        findings = Map.copyOf(findings);
    }
}
