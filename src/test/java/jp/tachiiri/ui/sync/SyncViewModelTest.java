package jp.tachiiri.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.UiTestSupport;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending and receiving without a screen, between two real data folders through a folder as the USB stick: the
 * tablet's findings go out, and the office enrols the tablet only after the fingerprint is compared.
 */
class SyncViewModelTest {

    @TempDir
    Path folders;

    private static SyncViewModel loaded(Workspace workspace) {
        SyncViewModel model = new SyncViewModel(new ViewModelContext(workspace, new SameThread(), Messages.of(Language.EN)));
        model.load();
        return model;
    }

    @Test
    void theFindingsGoOutAndTheOfficeEnrolsTheTabletAfterComparingItsFingerprint() {
        Path usb = folders.resolve("usb");
        String tabletFingerprint;
        try (Workspace tablet = Workspace.open(folders.resolve("tablet"), Clock.systemUTC())) {
            tablet.demo().seed();
            tablet.settings().setRole(Role.INSPECTOR);
            Enrolments.officeKnownTo(tablet, folders.resolve("office"));
            tabletFingerprint = tablet.sync().fingerprint();
            SyncViewModel sending = loaded(tablet);
            assertThat(sending.fingerprintProperty().get()).contains(tabletFingerprint);
            assertThat(sending.waiting()).as("the demo's finalized inspections wait to be sent").isNotEmpty();
            int waiting = sending.waiting().size();

            sending.outboxProperty().set(usb.toString());
            sending.export();

            assertThat(sending.messageProperty().get()).isEmpty();
            assertThat(sending.outcomes()).singleElement().asString().contains(usb.toString());
            assertThat(sending.waiting()).isEmpty();
            assertThat(sending.sent()).hasSize(waiting);
            assertThat(tablet.settings().transferFolders().outbox()).as("the folder is remembered").isEqualTo(usb.toString());
        }

        try (Workspace office = Offices.open(folders.resolve("office"), Clock.systemUTC())) {
            SyncViewModel receiving = loaded(office);
            receiving.inboxProperty().set(usb.toString());
            List<SyncViewModel.DeviceToDecide> asked = new ArrayList<>();
            receiving.importInbox((device, answer) -> {
                asked.add(device);
                String hidden = UiTestSupport.hiddenGroups(device.shownFingerprint(), tabletFingerprint);
                assertThat(device.matches("0000-0000-0000")).as("a wrong code matches nothing").isFalse();
                answer.accept(new SyncViewModel.Answer(SyncViewModel.Decision.ENROL, hidden));
            }, (arriving, answer) -> {
                throw new AssertionError("an office is never asked to change offices");
            });

            assertThat(asked).singleElement().satisfies(device -> {
                assertThat(device.role()).isEqualTo(Role.INSPECTOR);
                assertThat(device.fingerprint()).isEqualTo(tabletFingerprint);
                assertThat(device.shownFingerprint()).as("the question hides part of it").isNotEqualTo(tabletFingerprint);
            });
            assertThat(receiving.devices()).singleElement().satisfies(device -> assertThat(device.fingerprint())
                    .isEqualTo(tabletFingerprint));
            assertThat(office.inspections().list()).as("imported once enrolled").isNotEmpty();
            assertThat(receiving.busyProperty().get()).isFalse();
        }
    }

    @Test
    void withoutAFolderNothingIsSentAndTheScreenSaysWhy() {
        try (Workspace tablet = Workspace.open(folders.resolve("tablet"), Clock.systemUTC())) {
            tablet.demo().seed();
            SyncViewModel model = loaded(tablet);
            int waiting = model.waiting().size();

            model.outboxProperty().set("  ");
            model.export();

            assertThat(model.messageProperty().get()).isNotEmpty();
            assertThat(model.waiting()).hasSize(waiting);
            assertThat(tablet.sync().status().sent()).isEmpty();
        }
    }
}
