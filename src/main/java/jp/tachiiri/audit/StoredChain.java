package jp.tachiiri.audit;

import java.util.List;
import jp.tachiiri.model.AuditEvent;

/**
 * One hash chain as stored, whichever trail it belongs to ({@code trail}: an inspection's record, the office's
 * review of it, the decisions about devices, a plan's self-check), with its recorded head and its events in order.
 */
public record StoredChain(String trail, ChainHead head, List<AuditEvent> events) {
}
