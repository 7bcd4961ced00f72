package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.DeviceKeys;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.crypto.SealingKeys;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pair enrolled before sealing existed: the office trusts the tablet by the signing key of a signed-only 2.x
 * bundle. The tablet's enrolment file, signed with that key, brings its sealing key without a new comparison, once;
 * another sealing key under the same signing key is then an impostor's.
 */
class SealingKeyUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void aTabletTrustedFromASignedOnlyBundleGetsItsSealingKeyFromItsEnrolmentFileOnce() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            DeviceIdentity keys = tablet.sync().identity();
            Path sealed = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            Path signedOnly = RewrittenBundles.rewrite(sealed, office.sync().identity(), folder.resolve("usb-2-3"), keys, "2.3",
                    payload -> { });

            ImportOutcome older = office.sync().importFile(signedOnly, true);
            assertThat(older.result()).as(older.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(older.describe(Messages.of(Language.EN))).contains("unencrypted file of the earlier format 2.x");
            assertThat(office.deviceTrust().devices()).singleElement().satisfies(device -> {
                assertThat(device.sealingKeyHex()).isNull();
                assertThat(device.fingerprint()).as("by the signing key alone").isEqualTo(DeviceKeys.fingerprint(keys.publicKeyHex(), null))
                        .isNotEqualTo(keys.fingerprint());
            });
            assertThatThrownBy(() -> office.sync().exportAssignments(folder.resolve("nowhere"), Optional.empty(), List.of()))
                    .isInstanceOfSatisfying(UserFacingException.class,
                            refused -> assertThat(refused.key()).isEqualTo("sync.error.noTabletCanReceive"));
            assertThat(folder.resolve("nowhere")).doesNotExist();

            ImportOutcome enrolled = office.sync().importFile(tablet.sync().exportEnrolment(folder.resolve("card")), false);

            assertThat(enrolled.result()).as(enrolled.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(enrolled.describe(Messages.of(Language.JA))).contains("鍵を記録しました", keys.fingerprint());
            assertThat(office.deviceTrust().devices()).singleElement().satisfies(device -> {
                assertThat(device.sealingKeyHex()).isEqualTo(keys.sealing().publicKeyHex());
                assertThat(device.fingerprint()).isEqualTo(keys.fingerprint());
            });
            assertThat(office.deviceTrust().trail().events()).last().satisfies(event -> {
                assertThat(event.action()).isEqualTo("SEALING_KEY_LEARNED");
                assertThat(event.newValue()).contains(keys.fingerprint());
            });
            assertThat(office.deviceTrust().trail().broken()).isEmpty();
            assertThat(office.sync().importFile(tablet.sync().exportEnrolment(folder.resolve("card-again")), false).result())
                    .as("the same keys again change nothing").isEqualTo(ImportOutcome.Result.ALREADY_IMPORTED);

            Path assignments = office.sync().exportAssignments(folder.resolve("usb-back"), Optional.empty(), List.of());
            ImportOutcome arrived = tablet.sync().importFile(assignments, false);
            assertThat(arrived.result()).as(arrived.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);

            // Whoever holds the signing key cannot replace the sealing key once it is known.
            DeviceIdentity otherSealing = new DeviceIdentity(keys.deviceId(), keys.publicKeyHex(), keys.privateKey(),
                    SealingKeys.generate());
            Path impostor = BundleWriter.write(Files.createDirectories(folder.resolve("impostor")), otherSealing,
                    BundleKind.ENROLMENT, Instant.now(), BundleRecords.tree(new BundleRecords.EnrolmentPayload("INSPECTOR")),
                    List.of(), List.of()).file();
            String before = StoreDump.withFiles(office);
            ImportOutcome refused = office.sync().importFile(impostor, true);
            assertThat(refused.problem().orElseThrow().key()).isEqualTo("sync.error.keyChanged");
            assertThat(StoreDump.withFiles(office)).isEqualTo(before);
        }
    }
}
