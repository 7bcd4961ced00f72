package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.bundle.TestDevices;
import jp.tachiiri.crypto.SealingKeys;
import jp.tachiiri.testsupport.Enrolments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of the sealed-bundle work (format 3.0): what a file, or an enrolled device, can still do to the trust rules.
 * Each test states the behaviour the product should have; a failing one shows a defect.
 */
class SealingReviewTest {

    /** A low-order X25519 point (order 8): 64 lowercase hex digits, so the enrolment's schema lets it through. */
    private static final String LOW_ORDER_POINT = "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800";

    @TempDir
    Path folder;

    /**
     * An enrolled tablet (one malicious insider, or a tablet trusted since 2.x whose key arrives with no comparison)
     * brings a "sealing key" that is a low-order point. Nothing checks it beyond its hex spelling, so it is stored;
     * every later assignments export to "every enrolled tablet" (the UI's only way, and the CLI's default) then dies
     * in HPKE with an IllegalArgumentException: one tablet stops the office sending assignments to every other.
     */
    @Test
    void aLowOrderSealingKeyInAnEnrolmentDoesNotStopTheOfficeSendingAssignments() throws Exception {
        try (Workspace honest = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(office, honest);
            DeviceIdentity keys = TestDevices.fresh("malicious-tablet");
            DeviceIdentity malicious = new DeviceIdentity(keys.deviceId(), keys.publicKeyHex(), keys.privateKey(),
                    new SealingKeys.Pair(LOW_ORDER_POINT, new byte[SealingKeys.KEY_BYTES]));
            Path enrolment = BundleWriter.write(folder.resolve("usb"), malicious, BundleKind.ENROLMENT, Instant.now(),
                    BundleRecords.tree(new BundleRecords.EnrolmentPayload("INSPECTOR")), List.of(), List.of()).file();

            ImportOutcome outcome = office.sync().importFile(enrolment, true);

            // Either refused at the door (the better fix) ...
            if (outcome.result() == ImportOutcome.Result.REJECTED) {
                return;
            }
            // ... or at least the honest tablet still gets its assignments.
            assertThatCode(() -> office.sync().exportAssignments(folder.resolve("out"), Optional.empty(), List.of()))
                    .as("the office's assignments export, with a low-order sealing key enrolled")
                    .doesNotThrowAnyException();
        }
    }

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
