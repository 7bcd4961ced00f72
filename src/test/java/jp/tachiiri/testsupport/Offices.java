package jp.tachiiri.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;

/** Opens a data folder set up as the office, as its first start (or {@code tachiiri role office}) would. */
public final class Offices {

    private Offices() {
    }

    /**
     * The office of {@code folder}/office after importing what the demo tablet of {@code folder}/tablet finalized
     * (桜川 this fiscal year, 青葉台 the year before), both opened with {@code clock}.
     */
    public static Workspace withDemoFindings(Path folder, Clock clock) {
        return withDemoFindings(folder, clock, tablet -> { });
    }

    /** As {@link #withDemoFindings(Path, Clock)}, with what {@code alsoOnTheTablet} finalizes there after the demo. */
    public static Workspace withDemoFindings(Path folder, Clock clock, Consumer<Workspace> alsoOnTheTablet) {
        Path bundle;
        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), clock)) {
            tablet.demo().seed();
            alsoOnTheTablet.accept(tablet);
            Enrolments.officeKnownTo(tablet, folder.resolve("office"));
            bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
        }
        Workspace office = open(folder.resolve("office"), clock);
        ImportOutcome outcome = office.sync().importFile(bundle, true);
        assertThat(outcome.result()).as("%s", outcome.problem()).isEqualTo(ImportOutcome.Result.IMPORTED);
        return office;
    }

    public static Workspace open(Path folder, Clock clock) {
        Workspace office = Workspace.open(folder, clock);
        if (office.settings().role().isEmpty()) {
            office.settings().setRole(Role.OFFICE);
        }
        return office;
    }
}
