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
 * The follow-up kept whole: a changed follow-up trail found by {@code audit verify} and by a restore (and told), an
 * assessment refused for its evidence file storing nothing, the report due as the newest printout says, a backup
 * without the bytes of a hospital's evidence refused on restore. (Each was a finding of a review, proved by this test
 * failing first.) The store is the office's after importing the demo tablet's findings, as in {@link
 * FollowUpServiceTest}: the clock on 2026-11-30, 桜川 inspected 2026-07-31 with backup.offline-copy and
 * vulnerability.two-factor-auth 不適合.
 */
class FollowUpIntegrityTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final String ACTOR = "supervisor";
    private static final char[] PASSPHRASE = "デモ県 医務課のバックアップ".toCharArray();

    @TempDir
    Path folder;

    /** A backup of an office whose follow-up trail was changed is refused on restore, naming the follow-up trail. */
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

    /** {@code tachiiri audit verify} finds a follow-up trail whose assessment's recorded value was rewritten. */
    @Test
    void auditVerifyFindsAChangedFollowUpTrail() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        Path data = folder.resolve("office");
        withAClosedFinding(clock).close();
        changeFollowUpTrail(data);

        Commands.Run verified = Commands.run("audit", "verify", "--data", data.toString());

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
        assertThat(verified.err()).contains("フォローアップ", "記録 2", "改ざん");
    }

    /**
     * {@code followup assess … --evidence FILE} refused for its evidence file (one that does not exist) exits 1 naming
     * it and records nothing: no assessment, no event.
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
     * After an amendment finalized later (the demo finalized 2026-11-30, the correction 2027-01-15), the report is
     * due as the advice printout of the newest revision — the one the follow-up reads its findings from — says:
     * 2027-02-15.
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
     * With the bytes of a hospital's evidence gone from evidence/ (a lost or swept file), the backup holds what is
     * there, and its restore is refused naming the missing file, nothing written. (The tablets' evidence alike.)
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
            backup = office.backups().backUp(folder.resolve("usb"), PASSPHRASE);
        }

        Path restored = folder.resolve("restored");
        BackupException refused = catchThrowableOfType(BackupException.class,
                () -> Backups.restorer(clock).restore(backup, PASSPHRASE, restored, false));

        assertThat(refused.key()).isEqualTo("backup.error.checksFailed");
        assertThat(Messages.of(Language.JA).describe(refused)).contains("改善報告書.pdf", kept.sha256());
        assertThat(restored).doesNotExist();
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
