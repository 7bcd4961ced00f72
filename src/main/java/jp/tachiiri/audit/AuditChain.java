package jp.tachiiri.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import jp.tachiiri.model.AuditEvent;

/**
 * How audit events are chained. Each event's hash is SHA-256 over a length-prefixed encoding of all its
 * other fields, the previous event's hash among them, so altering, removing or reordering an event breaks
 * the chain from that point on.
 */
public final class AuditChain {

    /** The "previous hash" of an inspection's first event. */
    public static final String GENESIS = "0".repeat(64);
    /** The action of the event that finalizes a revision; its subject is {@link #revisionSubject}. */
    public static final String REVISION_FINALIZED = "REVISION_FINALIZED";

    private AuditChain() {
    }

    /** The hash {@code event} must carry, computed from everything but its own hash field. */
    public static String hashOf(AuditEvent event) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, event.id());
        append(canonical, event.inspectionId());
        append(canonical, Long.toString(event.sequence()));
        append(canonical, event.at().toString());
        append(canonical, event.actor());
        append(canonical, event.action());
        append(canonical, event.subject());
        append(canonical, event.oldValue());
        append(canonical, event.newValue());
        append(canonical, event.reason());
        append(canonical, event.previousHash());
        return sha256(canonical.toString());
    }

    /** How events about one revision name it: "revision 2". */
    public static String revisionSubject(int revision) {
        return "revision " + revision;
    }

    /** Completes a new event with its place in the chain: sequence, previous hash and own hash. */
    public static AuditEvent seal(AuditEvent draft, long sequence, String previousHash) {
        AuditEvent placed = new AuditEvent(draft.id(), draft.inspectionId(), sequence, draft.at(), draft.actor(),
                draft.action(), draft.subject(), draft.oldValue(), draft.newValue(), draft.reason(), previousHash, null);
        return new AuditEvent(placed.id(), placed.inspectionId(), sequence, placed.at(), placed.actor(), placed.action(),
                placed.subject(), placed.oldValue(), placed.newValue(), placed.reason(), previousHash, hashOf(placed));
    }

    /** Null and "" differ: a null field is written as "-", a string as its length, ':' and itself. */
    private static void append(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append('-');
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
        canonical.append('\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
