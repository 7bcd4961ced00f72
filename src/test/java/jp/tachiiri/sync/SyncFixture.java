package jp.tachiiri.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.testsupport.Offices;

/** Opens real data folders as a tablet or an office, and does what their users do, for the sync tests. */
final class SyncFixture {

    static final String ACTOR = "test-inspector";

    private SyncFixture() {
    }

    /** A tablet with the demo prefecture: two finalized inspections, one in progress. */
    static Workspace demoTablet(Path folder) {
        Workspace tablet = Workspace.open(folder, Clock.systemUTC());
        tablet.demo().seed();
        return tablet;
    }

    /** An empty data folder set up as the office. */
    static Workspace office(Path folder) {
        return Offices.open(folder, Clock.systemUTC());
    }

    /** Opens a new revision of a finalized inspection, changes one note, attaches a file, and finalizes it. */
    static Inspection amendAndFinalize(Workspace workspace, String inspectionId, String note, Path attachment) {
        Inspection amended = workspace.inspections().amend(inspectionId, "訂正: " + note, ACTOR);
        String gate = workspace.inspections().catalogOf(amended).gate().id();
        jp.tachiiri.model.Finding finding = workspace.inspections().findings(inspectionId, amended.revision()).values().stream()
                .filter(candidate -> !candidate.itemId().equals(gate)).findFirst().orElseThrow();
        String itemId = finding.itemId();
        workspace.inspections().record(inspectionId, finding.withNote(note), ACTOR);
        if (attachment != null) {
            workspace.evidence().add(inspectionId, amended.revision(), itemId, attachment, "image/png", ACTOR);
        }
        workspace.inspections().finalizeInspection(inspectionId, ACTOR);
        return workspace.inspections().find(inspectionId).orElseThrow();
    }

    static List<String> finalizedIds(Workspace workspace) {
        return workspace.inspections().list().stream()
                .filter(summary -> summary.status() == jp.tachiiri.model.InspectionStatus.FINALIZED)
                .map(summary -> summary.id())
                .toList();
    }

    /** Copies a closed data folder, as a backup restored on another device would be. */
    static void copyFolder(Path from, Path to) throws IOException {
        jp.tachiiri.testsupport.ForkedTablets.copyFolder(from, to);
    }

    static Path photo(Path folder, String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + name.hashCode());
        }
        return Files.write(folder.resolve(name), bytes);
    }
}
