package jp.tachiiri.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.app.Backups;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.backup.BackupException;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Commands;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of the office's follow-up: each test proves one finding of the review and fails on the code reviewed. The
 * store is the office's after importing the demo tablet's findings, as in {@link FollowUpServiceTest}: the clock on
 * 2026-11-30, 桜川 inspected 2026-07-31 with backup.offline-copy and vulnerability.two-factor-auth 不適合.
 */
class FollowUpReviewFindingsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final String ACTOR = "supervisor";
    private static final char[] PASSPHRASE = "デモ県 医務課のバックアップ".toCharArray();

    @TempDir
    Path folder;

    /**
     * A backup of an office whose follow-up trail was changed is refused by the restore's checks, as it should be;
     * but the refusal cannot be told: there is no text for the follow-up trail (backup.trail.FOLLOW_UP), so
     * describing it throws instead of naming the trail.
     */
    @Test
    void aRestoreRefusedForAChangedFollowUpTrailCanBeToldToTheUser() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        Path data = folder.resolve("office");
        withAClosedFinding(clock).close();
        changeFollowUpTrail(data);
        Path backup;
        try (Workspace office = Workspace.open(data, clock)) {
            backup = office.backups().backUp(folder.resolve("usb"), PASSPHRASE);
        }

        BackupException refused = catchThrowableOfType(BackupException.class, () -> Backups.restorer(clock)
                .restore(backup, PASSPHRASE, folder.resolve("restored"), false));

        assertThat(refused.key()).isEqualTo("backup.error.checksFailed");
        assertThat(Messages.of(Language.JA).describe(refused)).contains("改ざん");
        assertThat(Messages.of(Language.EN).describe(refused)).contains("follow-up");
    }

    /**
     * The follow-up trail is kept but never checked where the office checks its trails: {@code tachiiri audit
     * verify} passes an office whose follow-up trail was changed (an assessment's recorded value rewritten).
     */
    @Test
    void auditVerifyFindsAChangedFollowUpTrail() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        Path data = folder.resolve("office");
        withAClosedFinding(clock).close();
        changeFollowUpTrail(data);

        Commands.Run verified = Commands.run("audit", "verify", "--data", data.toString());

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
    }

    /**
     * {@code followup assess … --evidence FILE} that fails on its evidence file (here one that does not exist) exits
     * 1 with a message, but has already recorded the assessment (改善済) in the store and its trail: the office is told
     * the command failed while the finding now counts as closed.
     */
    @Test
    void anAssessCommandRefusedForItsEvidenceFileChangesNothing() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        Path data = folder.resolve("office");
        String sakuragawa;
        String code;
        try (Workspace office = Offices.withDemoFindings(folder, clock)) {
            sakuragawa = sakuragawa(office);
            office.followUp().recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "", ACTOR);
            code = office.followUp().find(sakuragawa).facilityCode();
        }

        Commands.Run assessed = Commands.run("followup", "assess", "--data", data.toString(), "--facility", code,
                "--item", "backup.offline-copy", "--assessment", "closed", "--done-on", "2026-11-20",
                "--evidence", folder.resolve("改善報告書（スキャン）.pdf").toString());

        assertThat(assessed.exitCode()).isEqualTo(1);
        assertThat(assessed.err()).contains("改善報告書（スキャン）.pdf");
        try (Workspace office = Workspace.open(data, clock)) {
            assertThat(office.followUp().find(sakuragawa).finding("backup.offline-copy").orElseThrow().followUp())
                    .as("a refused command records no assessment").isEmpty();
            assertThat(office.followUp().trail(sakuragawa)).extracting(event -> event.action())
                    .containsExactly("REPORT_RECORDED");
        }
    }

    /**
     * After an amendment finalized later (the demo finalized 2026-11-30, the correction 2027-01-15), the advice
     * printout of the newest revision — the one the follow-up reads its findings from — gives the hospital until
     * 2027-02-15, but the follow-up counts from the first finalization and finds the report overdue since 2027-01-05.
     */
    @Test
    void theReportIsDueWhenTheNewestRevisionsPrintoutSaysIt() {
        SettableClock clock = new SettableClock(NOW);
        try (Workspace office = Offices.withDemoFindings(folder, clock, tablet -> {
            String id = tablet.inspections().list().stream()
                    .filter(summary -> summary.facilityName().contains("桜川") && summary.status() == InspectionStatus.FINALIZED)
                    .findFirst().orElseThrow().id();
            clock.set(Instant.parse("2027-01-15T01:00:00Z"));
            tablet.inspections().amend(id, "施設の病床数の誤記を訂正", "inspector");
            tablet.inspections().finalizeInspection(id, "inspector");
        })) {
            String sakuragawa = sakuragawa(office);
            FollowUpCase followed = office.followUp().find(sakuragawa);
            assertThat(followed.revision()).isEqualTo(2);
            LocalDate printed = office.advice().content(sakuragawa, Optional.empty(), office.settings().advice()).reportDue();

            assertThat(followed.reportDue()).as("the due date the amended printout states").isEqualTo(printed);
        }
    }

    /**
     * The due date the hospital was given is not kept but recomputed from today's settings: when the office later
     * changes the days it gives (here from 30 to 60, for the inspections to come), a report that the printout of
     * 2026-11-30 asked for by 2027-01-04 is no longer overdue on 2027-01-05, and a letter would quote a date the
     * hospital never saw.
     */
    @Test
    void theDueDateHandedToTheHospitalStaysWhenTheSettingChangesLater() {
        SettableClock clock = new SettableClock(NOW);
        try (Workspace office = Offices.withDemoFindings(folder, clock)) {
            String sakuragawa = sakuragawa(office);
            assertThat(office.followUp().find(sakuragawa).reportDue()).isEqualTo(LocalDate.of(2027, 1, 4));

            office.settings().setAdvice(new AdviceSettings(office.settings().advice().issuingAuthority(), 60));

            assertThat(office.followUp().find(sakuragawa).reportDue()).as("the date the printout gave")
                    .isEqualTo(LocalDate.of(2027, 1, 4));
        }
    }

    /**
     * A backup does not check that the follow-up evidence it promises is there: with the bytes of a hospital's
     * evidence gone from evidence/ (a lost or swept file), the backup is written and restored without a word, and
     * the restored office cannot give the file back. (The same holds for the tablets' evidence: the restore's checks
     * compare no evidence row with its file.)
     */
    @Test
    void aBackupMissingTheBytesOfFollowUpEvidenceIsNotTakenForAGoodOne() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        Path data = folder.resolve("office");
        FollowUpEvidence kept;
        Path backup;
        try (Workspace office = withAClosedFinding(clock)) {
            kept = office.followUp().addEvidence(sakuragawa(office), "backup.offline-copy",
                    Files.writeString(folder.resolve("改善報告書.pdf"), "%PDF-1.7 改善報告書"), "application/pdf", ACTOR);
            Files.delete(office.followUp().file(kept));
            try {
                backup = office.backups().backUp(folder.resolve("usb"), PASSPHRASE);
            } catch (UserFacingException refused) {
                return; // told when backing up: what the finding asks for
            }
        }

        Path restored = folder.resolve("restored");
        try {
            Backups.restorer(clock).restore(backup, PASSPHRASE, restored, false);
        } catch (BackupException refused) {
            return; // told when restoring
        }
        try (Workspace office = Workspace.open(restored, clock)) {
            assertThat(catchThrowableOfType(UserFacingException.class, () -> office.followUp().file(kept)))
                    .as("the backup said nothing, and the restored office has lost the hospital's evidence").isNull();
        }
    }

    /** The office with 桜川's report recorded and its backup.offline-copy assessed 改善済. */
    private Workspace withAClosedFinding(SettableClock clock) {
        Workspace office = Offices.withDemoFindings(folder, clock);
        String sakuragawa = sakuragawa(office);
        office.followUp().recordReport(sakuragawa, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "", ACTOR);
        office.followUp().assess(sakuragawa, "backup.offline-copy", "テープに複製", Optional.of(LocalDate.of(2026, 11, 20)),
                Assessment.CLOSED, Optional.empty(), ACTOR);
        return office;
    }

    private static String sakuragawa(Workspace office) {
        return office.followUp().cases().stream().filter(found -> found.facilityName().contains("桜川")).findFirst()
                .orElseThrow().inspectionId();
    }

    /** As someone with the file in hand would: the append-only trigger dropped, an assessment's value rewritten. */
    private static void changeFollowUpTrail(Path office) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + office.resolve(Workspace.DATABASE_FILE));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TRIGGER follow_up_events_no_update");
            assertThat(statement.executeUpdate("UPDATE follow_up_events SET new_value = 'NOT_DONE' WHERE sequence = 2"))
                    .isEqualTo(1);
        }
    }
}
