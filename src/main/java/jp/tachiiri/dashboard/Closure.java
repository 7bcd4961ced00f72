package jp.tachiiri.dashboard;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.dashboard.DashboardRepository.ClosureTally;

/**
 * How the findings that needed improvement (不適合) of one group — an item, or the ministry's items of a checkpoint —
 * were followed up to closure, as the store stands on the dashboard's "today": {@code needed} findings, of which
 * closed (the office assessed them 改善済) on or before the target date the inspection gave them ({@code closedInTime};
 * one without a target date is in time), closed after it ({@code closedLate}), and not closed ({@code open}), of which
 * {@code pastTarget} with their target date (the new one agreed for a finding 対応中) before today. The median of the
 * days from the inspection to the day the hospital did it, over the closed findings: the middle one, or for an even
 * count the mean of the two middle ones (so it may end in .5); none when nothing is closed.
 */
public record Closure(int needed, int closedInTime, int closedLate, int open, int pastTarget,
                      Optional<Double> medianDays) {

    public static final Closure NONE = new Closure(0, 0, 0, 0, 0, Optional.empty());

    public int closed() {
        return closedInTime + closedLate;
    }

    /** The figures of the findings the store tallied, of one group. */
    static Closure of(Collection<ClosureTally> tallies) {
        int inTime = count(tallies, ClosureTally.State.IN_TIME);
        int late = count(tallies, ClosureTally.State.LATE);
        int open = count(tallies, ClosureTally.State.OPEN);
        int pastTarget = count(tallies, ClosureTally.State.PAST_TARGET);
        List<ClosureTally> closed = tallies.stream().filter(ClosureTally::closed)
                .sorted(Comparator.comparingInt(ClosureTally::daysToClosure)).toList();
        return new Closure(inTime + late + open + pastTarget, inTime, late, open + pastTarget, pastTarget,
                median(closed, inTime + late));
    }

    private static int count(Collection<ClosureTally> tallies, ClosureTally.State state) {
        return tallies.stream().filter(tally -> tally.state() == state).mapToInt(ClosureTally::findings).sum();
    }

    /** The median of {@code count} findings tallied in order of their days to closure. */
    private static Optional<Double> median(List<ClosureTally> byDays, int count) {
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of((daysOf(byDays, (count - 1) / 2) + daysOf(byDays, count / 2)) / 2.0);
    }

    /** The days to closure of the {@code index}-th finding (from 0) in order of its days. */
    private static int daysOf(List<ClosureTally> byDays, int index) {
        int before = 0;
        for (ClosureTally tally : byDays) {
            before += tally.findings();
            if (index < before) {
                return tally.daysToClosure();
            }
        }
        throw new IndexOutOfBoundsException(index);
    }
}
