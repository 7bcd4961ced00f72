package jp.tachiiri.audit;

import java.util.List;
import jp.tachiiri.model.AuditEvent;

/** Read access to the stored audit trail; events are appended only by the store's own transactions. */
public interface AuditLog {

    /** The recorded head of every inspection's chain. */
    List<ChainHead> heads();

    /** The events of one inspection in the order of their sequence numbers as stored. */
    List<AuditEvent> events(String inspectionId);

    /** Every chain of every trail, each with its head (a trail without a head starts from the genesis hash). */
    List<StoredChain> everyChain();
}
