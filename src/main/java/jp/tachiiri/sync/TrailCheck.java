package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.bundle.BundleException;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;

/**
 * The audit trail of an inspection in a findings bundle, checked before anything of the bundle is stored: a
 * whole chain from the first event (each event's previous hash is the hash of the one before, and its own hash
 * is what {@link AuditChain#hashOf} computes), every finalized revision finalized in it, in order, and the
 * trail ending with the finalization of the newest. What the office stores then verifies with
 * {@code audit verify}, as the tablet's own copy does.
 */
final class TrailCheck {

    private final Path file;

    TrailCheck(Path file) {
        this.file = file;
    }

    void check(BundleRecords.Inspection inspection) {
        List<BundleRecords.AuditEvent> trail = inspection.audit();
        if (trail.isEmpty()) {
            throw new BundleException(file, "bundle.error.auditMissing", inspection.id(), inspection.latest().revision());
        }
        List<BundleRecords.Revision> revisions = inspection.revisions();
        String previousHash = AuditChain.GENESIS;
        int finalized = 0; // revisions finalized so far in the trail; the events that follow record the next one
        for (BundleRecords.AuditEvent event : trail) {
            int revision = revisions.get(Math.min(finalized, revisions.size() - 1)).revision();
            Instant at = instant(event.at());
            String problem = null;
            if (at == null) {
                problem = "bundle.audit.time";
            } else if (!event.previousHash().equals(previousHash)) {
                problem = "audit.problem.link";
            } else if (!AuditChain.hashOf(model(inspection.id(), event, at)).equals(event.hash())) {
                problem = "audit.problem.altered";
            } else if (AuditChain.REVISION_FINALIZED.equals(event.action())) {
                boolean next = finalized < revisions.size() && AuditChain.revisionSubject(revision).equals(event.subject());
                problem = next ? null : "bundle.audit.finalizedOther";
                finalized++;
            }
            if (problem != null) {
                throw broken(inspection, revision, event, problem);
            }
            previousHash = event.hash();
        }
        BundleRecords.AuditEvent last = trail.get(trail.size() - 1);
        if (finalized < revisions.size() || !AuditChain.REVISION_FINALIZED.equals(last.action())) {
            throw broken(inspection, inspection.latest().revision(), last, "bundle.audit.notFinalized");
        }
    }

    private BundleException broken(BundleRecords.Inspection inspection, int revision, BundleRecords.AuditEvent event,
                                   String problem) {
        return new BundleException(file, "bundle.error.auditBroken", inspection.id(), revision, event.sequence(),
                event.id(), new UserFacingException(problem));
    }

    /**
     * The event's time, which the hash covers as Java's {@code Instant.toString} writes it; any other spelling of
     * the same instant would be hashed differently from the stored one, so it is refused (null).
     */
    private static Instant instant(String text) {
        try {
            Instant at = Instant.parse(text);
            return at.toString().equals(text) ? at : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static AuditEvent model(String inspectionId, BundleRecords.AuditEvent event, Instant at) {
        return new AuditEvent(event.id(), inspectionId, event.sequence(), at, event.actor(), event.action(), event.subject(),
                event.oldValue(), event.newValue(), event.reason(), event.previousHash(), event.hash());
    }
}
