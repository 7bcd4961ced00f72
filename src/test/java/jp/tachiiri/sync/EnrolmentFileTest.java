package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.testsupport.Enrolments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolment files at their edges: one with bytes after its end is refused like any bundle, and a tablet first seen
 * in an old signed-only file (format 2.x) can still be enrolled with the fingerprint its own screen shows, once its
 * enrolment file brought its sealing key.
 */
class EnrolmentFileTest {

    @TempDir
    Path folder;

    /**
     * An enrolment file is never read to its end (the import takes its header and role and stops: no readAttachments,
     * so no check of the closing bytes), so bytes appended after it pass, where any other bundle refuses them
     * (bundle.error.trailing / the one spelling).
     */
    @Test
    void anEnrolmentFileWithBytesAppendedIsRefused() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Path enrolment = tablet.sync().exportEnrolment(folder.resolve("usb"));
            Files.write(enrolment, "{\"anything\":\"appended\"}".getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND);

            assertThat(office.sync().importFile(enrolment, true).result()).isEqualTo(ImportOutcome.Result.REJECTED);
        }
    }

    /**
     * A tablet's old signed-only file (format 2.x, from before its update) reaches an office that does not know it yet:
     * the tablet is pending with its signing key alone. Its enrolment file (3.0, both keys) then arrives and changes
     * nothing ("pending" already), so the office keeps comparing the signing-key-only fingerprint while the tablet's own
     * screen shows the fingerprint of both keys. The person can never type a matching code: the tablet cannot be enrolled.
     */
    @Test
    void aTabletFirstSeenInAnOldFileCanStillBeEnrolledWithTheFingerprintItsScreenShows() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace formerOffice = SyncFixture.office(folder.resolve("former-office"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, formerOffice);
            Path sealed = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            Path old = RewrittenBundles.rewrite(sealed, formerOffice.sync().identity(), folder.resolve("old-stick"),
                    tablet.sync().identity(), "2.3", payload -> { });
            assertThat(office.sync().importFile(old, false).result()).isEqualTo(ImportOutcome.Result.PENDING_ENROLMENT);
            Path enrolment = tablet.sync().exportEnrolment(folder.resolve("enrolment"));
            assertThat(office.sync().importFile(enrolment, false).result()).isEqualTo(ImportOutcome.Result.PENDING_ENROLMENT);

            String deviceId = tablet.sync().identity().deviceId();
            assertThat(office.deviceTrust().devices()).filteredOn(device -> device.deviceId().equals(deviceId))
                    .singleElement().extracting(KnownDevice::fingerprint)
                    .as("the fingerprint the office asks the person to compare with the tablet's screen")
                    .isEqualTo(tablet.sync().fingerprint());
            assertThatCode(() -> office.deviceTrust().accept(deviceId, FingerprintCheck.whole(), tablet.sync().fingerprint()))
                    .doesNotThrowAnyException();
            assertThat(office.deviceTrust().devices()).filteredOn(device -> device.deviceId().equals(deviceId))
                    .singleElement().matches(KnownDevice::canReceiveSealed, "can receive sealed assignments");
        }
    }
}
