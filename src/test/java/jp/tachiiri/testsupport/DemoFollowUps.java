package jp.tachiiri.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpCase;

/**
 * The demo's last year at 青葉台 followed up at the office, for the next inspection there: an office that imported the
 * demo tablet's findings ({@link Offices#withDemoFindings}, the clock on 2026-11-30) records the hospital's improvement
 * report on the inspection of 2025-07-31 and assesses two of its three findings, plans 青葉台 and sends the demo tablet
 * its assignments, sealed to it.
 */
public final class DemoFollowUps {

    /** The facility, by the same id at the office and on the demo tablet. */
    public static final String FACILITY = "demo-aobadai";
    public static final String INSPECTOR = "demo-inspector";
    public static final LocalDate REPORT_RECEIVED = LocalDate.of(2025, 9, 10);
    /** 改善済: logs protected from deletion. */
    public static final String CLOSED_ITEM = "vulnerability.access-logs";
    public static final String CLOSED_ACTION = "システム管理者もログを削除できない設定に変更した";
    public static final LocalDate CLOSED_ON = LocalDate.of(2025, 8, 20);
    /** 対応中, with a new target date. */
    public static final String IN_PROGRESS_ITEM = "vulnerability.password-policy";
    public static final String IN_PROGRESS_ACTION = "電子カルテの更新に合わせてパスワードの設定を変える";
    public static final LocalDate NEW_TARGET = LocalDate.of(2027, 3, 31);
    /** Not assessed yet. */
    public static final String UNASSESSED_ITEM = "backup.restore-test";
    private static final String ACTOR = "supervisor";

    private DemoFollowUps() {
    }

    /**
     * The whole office side, for a screen test: the office of {@code folder}/office follows up and plans 青葉台, and its
     * assignments for the demo tablet of {@code folder}/tablet wait, sealed, in the returned folder; both closed.
     */
    public static Path assignmentsWaiting(Path folder, Clock clock) {
        Path inbox = folder.resolve("from-office");
        try (Workspace office = Offices.withDemoFindings(folder, clock);
             Workspace tablet = Workspace.open(folder.resolve("tablet"), clock)) {
            reportAndAssess(office);
            plan(office, tablet, LocalDate.of(2026, 12, 10));
            send(office, tablet, inbox);
        }
        return inbox;
    }

    /** The office's follow-up of 青葉台's inspection of 2025-07-31; returns that inspection's id. */
    public static String reportAndAssess(Workspace office) {
        String inspectionId = lastYearAtAobadai(office).inspectionId();
        office.followUp().recordReport(inspectionId, REPORT_RECEIVED, "青葉台 情報 花子", "情報システム課", ACTOR);
        office.followUp().assess(inspectionId, CLOSED_ITEM, CLOSED_ACTION, Optional.of(CLOSED_ON), Assessment.CLOSED,
                Optional.empty(), ACTOR);
        office.followUp().assess(inspectionId, IN_PROGRESS_ITEM, IN_PROGRESS_ACTION, Optional.empty(),
                Assessment.IN_PROGRESS, Optional.of(NEW_TARGET), ACTOR);
        return inspectionId;
    }

    public static FollowUpCase lastYearAtAobadai(Workspace office) {
        return office.followUp().cases().stream().filter(followed -> followed.facilityId().equals(FACILITY))
                .findFirst().orElseThrow();
    }

    /** Plans the next inspection of 青葉台 for {@link #INSPECTOR}, and has the office enrol the tablet to seal to it. */
    public static void plan(Workspace office, Workspace tablet, LocalDate day) {
        office.sync().plan(FACILITY, INSPECTOR, "デモ 検査員", day);
        Enrolments.enrol(office, tablet);
    }

    /** The office's next assignments bundle for {@link #INSPECTOR}, sealed to the tablet, written into {@code folder}. */
    public static Path send(Workspace office, Workspace tablet, Path folder) {
        return office.sync().exportAssignments(folder, Optional.of(INSPECTOR), List.of(tablet.sync().identity().deviceId()));
    }
}
