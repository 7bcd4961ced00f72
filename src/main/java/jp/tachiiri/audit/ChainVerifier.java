package jp.tachiiri.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.AuditEvent;

/** Checks every audit chain and reports, per inspection, the first link that does not hold. */
public final class ChainVerifier {

    private final AuditLog log;

    public ChainVerifier(AuditLog log) {
        this.log = log;
    }

    /** The outcome for all inspections: how many chains and events were checked, and what is broken. */
    public record Report(int chains, long events, List<BrokenLink> broken) {
        public boolean ok() {
            return broken.isEmpty();
        }
    }

    public Report verifyAll() {
        List<BrokenLink> broken = new ArrayList<>();
        long events = 0;
        List<ChainHead> heads = log.heads();
        for (ChainHead head : heads) {
            List<AuditEvent> chain = log.events(head.inspectionId());
            events += chain.size();
            verify(head, chain).ifPresent(broken::add);
        }
        return new Report(heads.size(), events, List.copyOf(broken));
    }

    /** A chain that does not verify, and which trail it belongs to (see {@link StoredChain#trail()}). */
    public record BrokenChain(String trail, BrokenLink link) {
    }

    /**
     * Every chain of every trail (the inspections', the reviews', the devices', the plans' self-checks), with the
     * first broken link of each that does not verify: what a restored data folder must pass before it is used.
     */
    public List<BrokenChain> verifyEveryChain() {
        return verifyEverything().broken();
    }

    /** Every trail verified: its chains counted per trail (in the trails' order), all their events, the broken ones. */
    public record Everything(Map<String, Integer> chains, long events, List<BrokenChain> broken) {
        public boolean ok() {
            return broken.isEmpty();
        }
    }

    public Everything verifyEverything() {
        List<BrokenChain> broken = new ArrayList<>();
        Map<String, Integer> chains = new LinkedHashMap<>();
        long events = 0;
        for (StoredChain chain : log.everyChain()) {
            chains.merge(chain.trail(), 1, Integer::sum);
            events += chain.events().size();
            verify(chain.head(), chain.events()).ifPresent(link -> broken.add(new BrokenChain(chain.trail(), link)));
        }
        return new Everything(Map.copyOf(chains), events, List.copyOf(broken));
    }

    /** One inspection's events as stored, with the first broken link if the chain does not verify. */
    public record Trail(List<AuditEvent> events, Optional<BrokenLink> broken) {
    }

    public Trail trail(String inspectionId) {
        List<AuditEvent> events = log.events(inspectionId);
        Optional<BrokenLink> broken = log.heads().stream()
                .filter(head -> head.inspectionId().equals(inspectionId))
                .findFirst()
                .map(head -> verify(head, events))
                .orElseGet(() -> Optional.of(new BrokenLink(inspectionId, 1, null, "audit.problem.truncated")));
        return new Trail(events, broken);
    }

    /** The first broken link of one chain, if any. */
    public static Optional<BrokenLink> verify(ChainHead head, List<AuditEvent> chain) {
        String previousHash = AuditChain.GENESIS;
        long expected = 1;
        for (AuditEvent event : chain) {
            // Events arrive ordered by their unique sequence numbers, so a gap is the only possible mismatch.
            if (event.sequence() != expected) {
                return Optional.of(new BrokenLink(head.inspectionId(), expected, event.id(), "audit.problem.missing"));
            }
            if (!event.previousHash().equals(previousHash)) {
                return Optional.of(new BrokenLink(head.inspectionId(), expected, event.id(), "audit.problem.link"));
            }
            if (!AuditChain.hashOf(event).equals(event.hash())) {
                return Optional.of(new BrokenLink(head.inspectionId(), expected, event.id(), "audit.problem.altered"));
            }
            previousHash = event.hash();
            expected++;
        }
        if (expected - 1 != head.lastSequence() || !previousHash.equals(head.lastHash())) {
            return Optional.of(new BrokenLink(head.inspectionId(), expected, null, "audit.problem.truncated"));
        }
        return Optional.empty();
    }
}
