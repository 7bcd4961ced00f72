package jp.tachiiri.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.review.Conflict;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One revision amended on a tablet and on its restored copy, both imported at a real office store: the conflict
 * as the supervisor settles it, without a screen.
 */
class ConflictViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path devices;

    private Workspace office;
    private String inspectionId;

    @BeforeEach
    void twoVersionsArrive() throws Exception {
        try (Workspace tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC())) {
            tablet.demo().seed();
            Enrolments.officeKnownTo(tablet, data);
            tablet.sync().exportFindings(devices.resolve("usb"));
        }
        ForkedTablets.copyFolder(devices.resolve("tablet"), devices.resolve("restored"));
        Path first = ForkedTablets.amendAndExport(devices.resolve("tablet"), devices.resolve("usb-1"), Clock.systemUTC(), "こちらの訂正");
        Path second = ForkedTablets.amendAndExport(devices.resolve("restored"), devices.resolve("usb-2"), Clock.systemUTC(), "別の訂正");
        office = Offices.open(data, Clock.systemUTC());
        office.settings().setRole(Role.OFFICE);
        for (Path bundle : List.of(SyncService.filesOf(devices.resolve("usb")).get(0), first, second)) {
            assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
        inspectionId = office.review().rows().stream().filter(row -> row.facilityName().contains(ForkedTablets.FACILITY))
                .findFirst().orElseThrow().inspectionId();
    }

    @AfterEach
    void close() {
        office.close();
    }

    private ConflictViewModel loaded() {
        ConflictViewModel model = new ConflictViewModel(new ViewModelContext(office, new SameThread(), Messages.of(Language.JA)),
                inspectionId);
        model.load();
        assertThat(model.loadedProperty().get()).isTrue();
        return model;
    }

    private String storedNote() {
        return office.inspections().findings(inspectionId, 2).get(ForkedTablets.ITEM).note();
    }

    @Test
    void theArrivingVersionIsComparedFieldByFieldAndTakenWhenChosen() {
        ConflictViewModel model = loaded();
        assertThat(model.conflicts()).hasSize(1);
        Conflict conflict = model.conflicts().get(0);
        assertThat(conflict.revisions()).flatExtracting(Conflict.RevisionComparison::changes)
                .anySatisfy(change -> assertThat(change.after()).isEqualTo("別の訂正"));

        model.takeArriving(conflict);

        assertThat(model.settledProperty().get()).isTrue();
        assertThat(storedNote()).isEqualTo("別の訂正");
        assertThat(office.review().conflicts(inspectionId)).isEmpty();
    }

    @Test
    void keepingTheStoredVersionLeavesItAsItWas() {
        ConflictViewModel model = loaded();

        model.keepStored(model.conflicts().get(0));

        assertThat(model.settledProperty().get()).isTrue();
        assertThat(storedNote()).isEqualTo("こちらの訂正");
        assertThat(office.review().reviewTrail(inspectionId)).extracting(event -> event.action())
                .containsExactly("CONFLICT_KEPT_STORED");
    }

    @Test
    void aConflictSettledMeanwhileElsewhereIsSaidAndChangesNothing() {
        ConflictViewModel stale = loaded();
        Conflict conflict = stale.conflicts().get(0);
        loaded().keepStored(conflict);

        stale.takeArriving(conflict);

        assertThat(stale.settledProperty().get()).isFalse();
        assertThat(stale.errorOf(conflict).get()).isNotEmpty();
        assertThat(storedNote()).isEqualTo("こちらの訂正");
    }
}
