package jp.tachiiri.followup;

import java.time.Instant;

/** A file the hospital sent as evidence of what it did for one finding, kept under its SHA-256. */
public record FollowUpEvidence(String id, String inspectionId, String itemId, String fileName, String mediaType,
                               long size, String sha256, Instant addedAt) {
}
