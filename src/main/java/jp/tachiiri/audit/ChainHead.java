package jp.tachiiri.audit;

/**
 * What an inspection records about the end of its audit chain, written in the same transaction as each
 * event: it lets a verifier notice that the newest events were cut off.
 */
public record ChainHead(String inspectionId, long lastSequence, String lastHash) {
}
