package jp.tachiiri.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import jp.tachiiri.app.Workspace;
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
}
