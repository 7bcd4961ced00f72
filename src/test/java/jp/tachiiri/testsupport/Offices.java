package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Role;

/** Opens a data folder set up as the office, as its first start (or {@code tachiiri role office}) would. */
public final class Offices {

    private Offices() {
    }

    public static Workspace open(Path folder, Clock clock) {
        Workspace office = Workspace.open(folder, clock);
        if (office.settings().role().isEmpty()) {
            office.settings().setRole(Role.OFFICE);
        }
        return office;
    }

    /**
     * What the office sends to every tablet now, read back by {@code tablet} (enrolled at the office) from a real
     * assignments bundle sealed to it in a folder of its own (which numbers the office's next bundle one higher, as
     * any export does).
     */
    public static BundleRecords.AssignmentsPayload assignments(Workspace office, Workspace tablet) {
        try {
            Path bundle = office.sync().exportAssignments(Files.createTempDirectory("tachiiri-assignments"), Optional.empty(),
                    List.of(tablet.sync().identity().deviceId()));
            try (BundleReader reader = BundleReader.open(bundle, tablet.sync().identity())) {
                return reader.payload(BundleRecords.AssignmentsPayload.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
