package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Backups;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.testsupport.Enrolments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving the office to a new PC: its data folder backed up and restored elsewhere keeps the office's identity, so a
 * tablet that enrolled the old office takes the new PC's bundles without enrolling again; a new office set up from
 * scratch instead is refused by the same tablet, as another office.
 */
class RestoredOfficeTest {

    private static final char[] PASSPHRASE = "事務所の引っ越し 2026年".toCharArray();

    @TempDir
    Path folder;

    @Test
    void aTabletThatEnrolledTheOldOfficeAcceptsTheRestoredOnesBundles() throws Exception {
        Path backup;
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("old-pc"))) {
            Enrolments.enrol(tablet, office);
            Path findings = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            assertThat(office.sync().importFile(findings, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            Path first = office.sync().exportAssignments(folder.resolve("usb"), Optional.empty(), List.of());
            assertThat(tablet.sync().importFile(first, true).result()).as("the tablet enrols the old office")
                    .isEqualTo(ImportOutcome.Result.IMPORTED);

            backup = office.backups().backUp(folder.resolve("usb"), PASSPHRASE);
        }

        Path newPc = folder.resolve("new-pc/Tachiiri");
        Backups.restorer(java.time.Clock.systemUTC()).restore(backup, PASSPHRASE, newPc, false);

        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), java.time.Clock.systemUTC());
             Workspace restored = Workspace.open(newPc, java.time.Clock.systemUTC());
             Workspace stranger = SyncFixture.office(folder.resolve("another-office"))) {
            assertThat(restored.inspections().list()).as("the inspections came along").hasSize(2);
            String facility = restored.facilities().all().get(0).id();
            restored.sync().plan(facility, "hanako", "デモ 立入花子", LocalDate.parse("2027-01-20"));
            Path fromNewPc = restored.sync().exportAssignments(folder.resolve("usb-new"), Optional.empty(), List.of());

            ImportOutcome accepted = tablet.sync().importFile(fromNewPc, false);

            assertThat(accepted.result()).as(accepted.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(tablet.sync().plans()).extracting(plan -> plan.date()).contains(LocalDate.parse("2027-01-20"));

            Enrolments.enrol(stranger, tablet);
            Path fromStranger = stranger.sync().exportAssignments(folder.resolve("usb-stranger"), Optional.empty(), List.of());
            ImportOutcome refused = tablet.sync().importFile(fromStranger, false);
            assertThat(refused.result()).isEqualTo(ImportOutcome.Result.REJECTED);
            assertThat(refused.fromAnotherOffice()).isTrue();
        }
    }
}
