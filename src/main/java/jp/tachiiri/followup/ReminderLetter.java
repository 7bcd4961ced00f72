package jp.tachiiri.followup;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import jp.tachiiri.advice.ReportDeadline;
import jp.tachiiri.i18n.UserFacingException;

/**
 * A reminder letter (督促状, 「改善報告の提出について（お願い）」) to a hospital, as of its date: why it is sent, the
 * hospital's open findings (the ministry's items first, then the 参考 items, each in the inspection's order) and the
 * new date to report by, {@link #DAYS_GIVEN} days after the letter or the office's next open day.
 *
 * <p>A letter is written only when there is something to remind of: either the improvement report has not arrived and
 * its due date has passed ({@link Reason#REPORT_OVERDUE}), or the report has arrived and a finding of the ministry's
 * items is still open past its (new) target date ({@link Reason#PAST_TARGET}). Before the report is due the hospital
 * still has time to report on every finding, so no letter is written then, even for a finding past its date. 参考
 * items are listed, marked, but never decide whether a letter is written: they are not part of the report.
 */
public record ReminderLetter(FollowUpCase followed, LocalDate letterDate, LocalDate newDue, String issuingAuthority,
                             Reason reason, List<FindingToFollow> open) {

    /** The days the letter gives the hospital, as 督促状 commonly do: two weeks. */
    public static final int DAYS_GIVEN = 14;

    /** What the letter reminds of. */
    public enum Reason {
        REPORT_OVERDUE,
        PAST_TARGET
    }

    public ReminderLetter {
        open = List.copyOf(open);
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority.strip();
    }

    /**
     * The letter for {@code followed} dated {@code letterDate}; refused, naming the hospital, when every finding of
     * the ministry's items is closed, when the report is not due yet, or when the report has arrived and no open
     * finding is past its date.
     */
    public static ReminderLetter of(FollowUpCase followed, LocalDate letterDate, String issuingAuthority) {
        if (followed.closed()) {
            throw new UserFacingException("followup.error.nothingOpen", followed.facilityName(),
                    followed.inspectionDate());
        }
        Reason reason;
        if (followed.report().isEmpty()) {
            if (!followed.reportOverdue(letterDate)) {
                throw new UserFacingException("followup.error.reportNotYetDue", followed.facilityName(),
                        followed.inspectionDate(), followed.reportDue());
            }
            reason = Reason.REPORT_OVERDUE;
        } else {
            if (followed.open().stream().noneMatch(finding -> !finding.reference() && finding.pastTarget(letterDate))) {
                throw new UserFacingException("followup.error.nothingPastTarget", followed.facilityName(),
                        followed.inspectionDate(), followed.report().get().receivedOn());
            }
            reason = Reason.PAST_TARGET;
        }
        LocalDate newDue;
        try {
            newDue = ReportDeadline.due(letterDate, DAYS_GIVEN);
        } catch (UserFacingException e) {
            // The holiday data ends before the new date: the letter's date is the one to check, not the inspection's.
            throw new UserFacingException(e, "followup.error.letterDateUnknownYear", letterDate);
        }
        List<FindingToFollow> open = followed.open().stream()
                .sorted(Comparator.comparing(FindingToFollow::reference)).toList();
        return new ReminderLetter(followed, letterDate, newDue, issuingAuthority, reason, open);
    }
}
