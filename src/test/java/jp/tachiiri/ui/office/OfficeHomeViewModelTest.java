package jp.tachiiri.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.Language;
import jp.tachiiri.review.ReviewRow;
import jp.tachiiri.review.ReviewStatus;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office's list without a screen, on a real office store that imported the demo tablet's findings. */
class OfficeHomeViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path devices;

    @Test
    void theListIsFilteredAsTheSupervisorTypesAndCountedPerStatus() {
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            try (Workspace tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC())) {
                tablet.demo().seed();
                Enrolments.enrol(tablet, office);
                Path bundle = tablet.sync().exportFindings(devices.resolve("usb")).orElseThrow();
                assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            }
            OfficeHomeViewModel model = new OfficeHomeViewModel(new ViewModelContext(office, new SameThread(),
                    Messages.of(Language.JA)));
            model.load();

            int received = model.all().size();
            assertThat(received).isPositive();
            assertThat(model.shown()).hasSize(received);
            assertThat(model.fiscalYears()).isNotEmpty();
            assertThat(model.countsProperty().get().get(ReviewStatus.RECEIVED)).isEqualTo(received);
            assertThat(model.failureProperty().get()).isNull();

            model.textProperty().set("桜川");
            assertThat(model.shown()).extracting(ReviewRow::facilityName).containsExactly("デモ 桜川記念病院");
            assertThat(model.countsProperty().get().get(ReviewStatus.RECEIVED)).as("counted within the other filters")
                    .isEqualTo(1);

            // 桜川's 不適合 are counted and filtered by the ministry's items: its 参考 items answered 不適合
            // (vulnerability.vpn-firmware, recovery.drills) are left out.
            assertThat(model.shown().get(0).nonCompliantItems()).containsExactly("backup.offline-copy",
                    "vulnerability.two-factor-auth");
            model.nonCompliantInProperty().set(Checkpoint.VULNERABILITY);
            assertThat(model.shown()).hasSize(1);
            model.nonCompliantInProperty().set(Checkpoint.RECOVERY);
            assertThat(model.shown()).isEmpty();
            model.nonCompliantInProperty().set(null);

            model.textProperty().set("");
            model.statusProperty().set(ReviewStatus.APPROVED);
            assertThat(model.shown()).isEmpty();
            assertThat(model.countsProperty().get().get(ReviewStatus.RECEIVED)).isEqualTo(received);
        }
    }
}
