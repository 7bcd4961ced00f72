package jp.tachiiri.followup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.audit.StoredChain;

/**
 * Where the office keeps follow-up: it reads the inspections whose newest finalized revision has findings that
 * needed improvement, and writes reports, assessments and evidence, each with its event in the inspection's
 * follow-up trail, in one transaction.
 */
public interface FollowUpRepository {

    /** A finding as the inspection recorded it. */
    record StoredFinding(String itemId, Optional<LocalDate> targetDate, String advice) {
    }

    /**
     * An inspection to follow up, as stored, by its newest finalized revision; {@code finalizedAt} is when that
     * revision was finalized, the date of its advice printout.
     */
    record StoredCase(String inspectionId, int revision, String catalogVersion, String facilityId, String facilityCode,
                      String facilityName, LocalDate inspectionDate, Instant finalizedAt,
                      List<StoredFinding> findings, Optional<ImprovementReport> report, Map<String, ItemFollowUp> items,
                      Map<String, List<FollowUpEvidence>> evidence) {
    }

    /** Every inspection with a 不適合 finding in its newest finalized revision, by inspection date then id. */
    List<StoredCase> cases();

    Optional<StoredCase> find(String inspectionId);

    void saveReport(ImprovementReport report, String actor, Instant at);

    /** Records the assessment and keeps {@code evidence} for it, in one transaction. */
    void saveItem(ItemFollowUp item, List<Path> evidence, String actor, Instant at);

    /** Copies the files in under their SHA-256 and records them for the item, in one transaction. */
    List<FollowUpEvidence> addEvidence(String inspectionId, String itemId, List<Path> sources, String mediaType,
                                       String actor, Instant at);

    /** The stored file of a piece of evidence, checked against its SHA-256. */
    Path file(FollowUpEvidence evidence);

    /** Keeps in the trail that a reminder letter dated {@code letterDate}, asking for {@code newDue}, was written. */
    void recordLetter(String inspectionId, LocalDate letterDate, LocalDate newDue, String fileName, String actor,
                      Instant at);

    /** The inspection's follow-up trail as stored: its recorded head and its events, oldest first. */
    StoredChain trail(String inspectionId);
}
