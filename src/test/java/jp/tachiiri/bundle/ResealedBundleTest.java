package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tablet's signed findings sealed again to the office under another sender's envelope are refused
 * (bundle.error.envelopeSender), and the message shows the signer's fingerprint in part only, as every message does
 * for a device not trusted yet: the person types the hidden groups off the other device's own screen.
 */
class ResealedBundleTest {

    @TempDir
    Path folder;

    @Test
    void aRefusedEnvelopeSenderShowsAnUntrustedSignersFingerprintInPartOnly() throws Exception {
        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC());
             Workspace office = Offices.open(folder.resolve("office"), Clock.systemUTC())) {
            tablet.demo().seed();
            Enrolments.enrol(tablet, office);
            Path sealed = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            byte[] signed = RewrittenBundles.signedBundle(sealed, office.sync().identity());
            DeviceIdentity other = TestDevices.fresh("someone-else");
            Path resealed = folder.resolve("resealed.tachiiri");
            Files.write(resealed, TestDevices.seal(signed, other, List.of(office.sync().identity().asRecipient())));

            ImportOutcome outcome = office.sync().importFile(resealed, false);

            assertThat(outcome.result()).isEqualTo(ImportOutcome.Result.REJECTED);
            assertThat(outcome.problem().orElseThrow().key()).isEqualTo("bundle.error.envelopeSender");
            for (Language language : Language.values()) {
                assertThat(outcome.describe(Messages.of(language))).as("the rejection, in %s", language)
                        .doesNotContain(tablet.sync().fingerprint());
            }
        }
    }
}
