package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.StoreDump;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a tablet does (amend, export, amend again, export again) and however its files travel (late,
 * twice, in any order, some lost), the office ends with every revision of every inspection, the newest as
 * the latest, and the same data whatever the order it imported in. Real tablets, real files, real stores.
 * Each case is drawn from its seed (shown in the test name), so a failing case is rerun exactly.
 */
class SyncConvergenceProperties {

    private static final int AMEND_FIRST = 0;
    private static final int AMEND_SECOND = 1;
    private static final int EXPORT = 2;
    /** What may differ between two offices that imported the same files in different orders. */
    private static final Set<String> ORDER_DEPENDENT = Set.of("received_bundles.received_at", "received_bundles.file_name",
            "revision_origin.bundle_id", "known_devices.first_seen_at", "known_devices.decided_at",
            "known_devices.first_file", "device.id", "device.created_at", "device_key.private_key",
            "device_key.public_key", "device_key.created_at", "conflicts.received_at");

    private static Path template;

    private static final int CASES = 30;
    private static final int LONGEST_HISTORY = 6;

    static LongStream seeds() {
        return new Random(20261130L).longs(CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theOfficeConvergesOnTheNewestRevisions(long seed) throws IOException {
        Path folder = Files.createTempDirectory("convergence");
        try {
            Random random = new Random(seed);
            List<Integer> history = history(random);
            SyncFixture.copyFolder(template(), folder.resolve("tablet"));
            List<Path> bundles = new ArrayList<>();
            try (Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
                List<String> ids = SyncFixture.finalizedIds(tablet);
                int step = 0;
                for (int action : history) {
                    step++;
                    if (action == EXPORT) {
                        tablet.sync().exportFindings(folder.resolve("outbox")).ifPresent(written -> bundles.add(written.file()));
                    } else {
                        SyncFixture.amendAndFinalize(tablet, ids.get(action == AMEND_FIRST ? 0 : 1), "訂正 " + step, null);
                    }
                }
                // The tablet sends until the office confirms, so its newest export is the one that must arrive.
                tablet.sync().exportFindings(folder.resolve("outbox")).ifPresent(written -> bundles.add(written.file()));

                String first = importInto(folder.resolve("office-a"), delivery(bundles, random), tablet, ids);
                String second = importInto(folder.resolve("office-b"), delivery(bundles, random), tablet, ids);
                assertThat(second).as("the same data whatever the order").isEqualTo(first);
            }
        } finally {
            ForkedTablets.deleteFolder(folder);
        }
    }

    /** What the tablet does before its last export: up to six amendments and exports, in any order. */
    private static List<Integer> history(Random random) {
        List<Integer> history = new ArrayList<>();
        int length = random.nextInt(LONGEST_HISTORY + 1);
        for (int i = 0; i < length; i++) {
            history.add(AMEND_FIRST + random.nextInt(EXPORT - AMEND_FIRST + 1));
        }
        return history;
    }

    /** The files as they reach the office: shuffled, some twice, some lost, but the newest always there. */
    private static List<Path> delivery(List<Path> bundles, Random random) {
        List<Path> delivered = new ArrayList<>();
        Path newest = bundles.get(bundles.size() - 1);
        for (Path bundle : bundles) {
            int copies = bundle.equals(newest) ? 1 + random.nextInt(2) : random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                delivered.add(bundle);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    private static String importInto(Path officeFolder, List<Path> delivered, Workspace tablet, List<String> ids) {
        try (Workspace office = Workspace.open(officeFolder, Clock.systemUTC())) {
            for (Path bundle : delivered) {
                ImportOutcome outcome = office.sync().importFile(bundle, true);
                assertThat(outcome.result()).as(outcome.toString())
                        .isIn(ImportOutcome.Result.IMPORTED, ImportOutcome.Result.ALREADY_IMPORTED);
                assertThat(outcome.counts().conflicts()).isZero();
            }
            for (String id : ids) {
                List<RevisionInfo> finalized = tablet.inspections().revisions(id).stream()
                        .filter(revision -> revision.status() == InspectionStatus.FINALIZED).toList();
                assertThat(office.inspections().revisions(id)).as("every revision, nothing lost").isEqualTo(finalized);
                for (RevisionInfo revision : finalized) {
                    assertThat(office.inspections().findings(id, revision.revision()))
                            .isEqualTo(tablet.inspections().findings(id, revision.revision()));
                }
            }
            // Which files arrived differs with the losses; what they hold must not.
            return StoreDump.of(office.databaseFile(), ORDER_DEPENDENT)
                    .replaceAll("## received_bundles \\(\\d+\\)\\n(bundle_id=.*\\n)*", "");
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            template = Files.createTempDirectory("convergence-template");
            SyncFixture.demoTablet(template).close();
        }
        return template;
    }

    @AfterAll
    static void deleteTemplate() throws IOException {
        if (template != null) {
            ForkedTablets.deleteFolder(template);
        }
    }
}
