package jp.tachiiri.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.FiscalYear;

/**
 * What the dashboard needs from the store: counts aggregated in the store (the office store holds tens of
 * thousands of inspections; nothing here returns one row per finding, except the overdue ones).
 *
 * <p>Every method looks only at the <em>counted</em> inspections of a fiscal year: each inspection (demo
 * inspections excepted) whose newest FINALIZED revision has its inspection date within the year; that revision's
 * findings count, and its licensed beds (revision_facility, the facility as it was when finalized) give the
 * {@link BedBand}. Newer revisions still in progress, and older finalized revisions, are ignored.
 */
public interface DashboardRepository {

    /** The dates of the inspections that count in some fiscal year (their newest finalized revisions), each once. */
    List<LocalDate> countedDates();

    /** How many inspections count in the year, per band; a band with none may be missing. */
    Map<BedBand, Integer> countedInspections(FiscalYear year);

    /**
     * Per item and band, how the counted inspections answered it (answers COMPLIANT, NON_COMPLIANT, ALTERNATIVE,
     * NOT_APPLICABLE only: the gate's YES/NO and unanswered items are not counted). Item/band pairs without any
     * such answer are missing.
     */
    List<ItemTally> itemTallies(FiscalYear year);

    /**
     * Per group of items and band: of the counted inspections with at least one item of the group answered
     * COMPLIANT, NON_COMPLIANT or ALTERNATIVE ({@code applicable}), those with none of them NON_COMPLIANT
     * ({@code complies}). A group is a checkpoint, or an item of the ministry's checklist answered by several
     * catalog items (3-②); which group an item is in is given by {@code groupOfItem}; findings of items not in it are
     * not counted. Pairs without any applicable inspection are missing.
     */
    List<GroupTally> groupTallies(FiscalYear year, Map<String, String> groupOfItem);

    /**
     * The NON_COMPLIANT findings of the counted inspections whose target date is before {@code today} (a finding
     * due today is not overdue yet; one without a target date is never overdue).
     */
    List<OverdueTarget> overdueTargets(FiscalYear year, LocalDate today);

    /**
     * Per ministry item (by its number, e.g. "2-⑦"), how the inspector confirmed the rows of the hospital's own form
     * (hospital_form) in the counted inspections. Items without any row are missing.
     */
    Map<String, Disagreement> disagreements(FiscalYear year);

    /** How many of the counted inspections have at least one row of the hospital's form. */
    int inspectionsWithHospitalForm(FiscalYear year);

    /**
     * Per item, the NON_COMPLIANT findings of the counted inspections by how their follow-up stands (the office's
     * assessment of each, as {@code jp.tachiiri.followup.FindingToFollow} defines closed, closed in time and past its
     * target on {@code today}), the closed ones by their days to closure. Items without such a finding are missing.
     */
    List<ClosureTally> closureTallies(FiscalYear year, LocalDate today);

    /** The answers to one item in one band; each counted inspection answers an item at most once. */
    record ItemTally(String itemId, BedBand band, int compliant, int nonCompliant, int alternative, int notApplicable) {

        /** Complies = COMPLIANT or ALTERNATIVE; applicable = any answer but NOT_APPLICABLE. */
        public Share share() {
            return new Share(compliant + alternative, compliant + nonCompliant + alternative);
        }
    }

    /** Facilities (counted inspections) applicable to and complying with a group of items, in one band. */
    record GroupTally(String group, BedBand band, int complies, int applicable) {

        public Share share() {
            return new Share(complies, applicable);
        }
    }

    /**
     * {@code findings} NON_COMPLIANT findings of one item that stand alike: closed in time or late, grouped by the days
     * from the inspection to the day the hospital did it ({@code daysToClosure}); or open, past the target date on the
     * day asked about or not ({@code daysToClosure} 0).
     */
    record ClosureTally(String itemId, State state, int daysToClosure, int findings) {

        public enum State {
            IN_TIME,
            LATE,
            OPEN,
            PAST_TARGET
        }

        public boolean closed() {
            return state == State.IN_TIME || state == State.LATE;
        }
    }

    /** One NON_COMPLIANT finding past its target date, with the facility as it was when the revision was finalized. */
    record OverdueTarget(String inspectionId, int revision, String facilityCode, String facilityName,
                         LocalDate inspectionDate, String itemId, LocalDate targetDate) {
    }
}
