package jp.tachiiri.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The order of an office's assignments bundles on a tablet, so that a replayed or late bundle never takes a
 * tablet back. The office numbers every assignments bundle it writes and says whose plans it carries: one
 * inspector's, or every inspector's ({@value #EVERYONE}). A bundle is stale, and changes nothing, when the
 * tablet has applied one of the same office numbered at least as high for the same inspector or for every
 * inspector. A bundle that is not stale may still be older than another applied one (of another inspector), so
 * its content is applied record by record, the newest winning: a plan by the time it was last changed, a
 * review result by the time it was decided, the facility master only from a bundle newer than every one
 * applied; catalogs and receipts are only ever added.
 */
final class AssignmentsOrder {

    /** The audience of a bundle with every inspector's plans. */
    static final String EVERYONE = "*";

    private final Map<String, Long> applied;

    /** {@code applied}: the newest bundle number applied from the office, by audience. */
    AssignmentsOrder(Map<String, Long> applied) {
        this.applied = Map.copyOf(applied);
    }

    static String audience(String inspector) {
        return inspector == null ? EVERYONE : inspector;
    }

    /** The number of the applied bundle that makes bundle {@code sequence} for {@code audience} stale, if any. */
    OptionalLong staleAgainst(String audience, long sequence) {
        long newest = Math.max(applied.getOrDefault(EVERYONE, 0L),
                audience.equals(EVERYONE) ? 0L : applied.getOrDefault(audience, 0L));
        return sequence <= newest ? OptionalLong.of(newest) : OptionalLong.empty();
    }

    /** Whether bundle {@code sequence} is newer than every bundle applied from the office, whatever its audience. */
    boolean newestOfAll(long sequence) {
        return applied.values().stream().allMatch(number -> sequence > number);
    }

    /** Whether a record of time {@code arriving} replaces one stored with {@code stored}: only a strictly newer one does. */
    static boolean newer(String arriving, Optional<String> stored) {
        return stored.isEmpty() || stored.get().isEmpty() || Instant.parse(arriving).isAfter(Instant.parse(stored.get()));
    }
}
