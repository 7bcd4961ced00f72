package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * The findings of a facility's previous finalized inspection, and the hospital's form then with the inspector's
 * confirmations (by ministry number), shown beside today's.
 */
public record PreviousFindings(String inspectionId, int revision, LocalDate date, Map<String, Finding> findings,
                               Map<String, HospitalFormEntry> hospitalForm) {

    public PreviousFindings {
        findings = Map.copyOf(findings);
        hospitalForm = Map.copyOf(hospitalForm);
    }
}
