package jp.tachiiri.model;

import java.time.Instant;

/**
 * One entry of an inspection's audit trail: who changed what, when, from what to what. Events of an
 * inspection are numbered from 1 and hash-chained: {@code previousHash} is the hash of event
 * {@code sequence - 1}, {@code hash} covers every other field.
 */
public record AuditEvent(
        String id,
        String inspectionId,
        long sequence,
        Instant at,
        String actor,
        String action,
        String subject,
        String oldValue,
        String newValue,
        String reason,
        String previousHash,
        String hash) {
}
