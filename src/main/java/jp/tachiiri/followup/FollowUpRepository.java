package jp.tachiiri.followup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.AuditEvent;

/**
 * Where the office keeps follow-up: it reads the inspections whose newest finalized revision has findings that
 * needed improvement, and writes reports, assessments and evidence, each with its event in the inspection's
 * follow-up trail, in one transaction.
 */
public interface FollowUpRepository {

    /** A finding as the inspection recorded it. */
    record StoredFinding(String itemId, Optional<LocalDate> targetDate, String advice) {
    }

    /** An inspection to follow up, as stored; {@code firstFinalizedAt} is when its advice printout was handed over. */
    record StoredCase(String inspectionId, int revision, String catalogVersion, String facilityId, String facilityCode,
                      String facilityName, LocalDate inspectionDate, Instant firstFinalizedAt,
                      List<StoredFinding> findings, Optional<ImprovementReport> report, Map<String, ItemFollowUp> items,
                      Map<String, List<FollowUpEvidence>> evidence) {
    }

    /** Every inspection with a 不適合 finding in its newest finalized revision, by inspection date then id. */
    List<StoredCase> cases();

    Optional<StoredCase> find(String inspectionId);

    void saveReport(ImprovementReport report, String actor, Instant at);

    void saveItem(ItemFollowUp item, String actor, Instant at);

    /** Copies {@code source} in under its SHA-256 and records it for the item. */
    FollowUpEvidence addEvidence(String inspectionId, String itemId, Path source, String mediaType, String actor, Instant at);

    /** The stored file of a piece of evidence, checked against its SHA-256. */
    Path file(FollowUpEvidence evidence);

    /** The inspection's follow-up trail as stored, oldest first (verified with every other trail by the audit). */
    List<AuditEvent> trail(String inspectionId);
}
