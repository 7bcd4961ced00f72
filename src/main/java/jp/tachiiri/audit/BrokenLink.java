package jp.tachiiri.audit;

/**
 * The first place where an inspection's audit chain does not verify. {@code sequence} is the stored
 * sequence number of the offending event (or the expected one where an event is missing); {@code
 * problemKey} names the reason as a message key.
 */
public record BrokenLink(String inspectionId, long sequence, String eventId, String problemKey) {
}
