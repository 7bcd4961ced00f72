package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.review.Decision;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both directions, with real tablets, real files and real stores. Whatever a tablet does (amend, export, amend
 * again, export again) and however its files travel (late, twice, in any order, some lost), the office ends with
 * every revision of every inspection, the newest as the latest, and the same data whatever the order it imported
 * in. Whatever the office does (return, approve, plan, move a plan, follow up findings, write bundles for everyone or
 * one inspector) and however those files travel, a tablet ends with exactly what the newest bundle says: an older one never takes
 * a review or a plan back. Each case is drawn from its seed (shown in the test name), so a failing case is rerun
 * exactly.
 */
class SyncConvergenceProperties {

    private static final int AMEND_FIRST = 0;
    private static final int AMEND_SECOND = 1;
    private static final int EXPORT = 2;
    /** What may differ between two offices that imported the same files in different orders. */
    private static final Set<String> ORDER_DEPENDENT = Set.of("received_bundles.received_at", "received_bundles.file_name",
            "revision_origin.bundle_id", "known_devices.first_seen_at", "known_devices.decided_at",
            "known_devices.first_file", "device.id", "device.created_at", "device_key.private_key",
            "device_key.public_key", "device_key.created_at", "conflicts.received_at",
            // The decision to trust the tablet: made once in either office, at its own time, under its own id.
            "trust_events.id", "trust_events.at", "trust_events.previous_hash", "trust_events.hash", "trust_heads.last_hash");

    private static Path template;
    /** The office the template tablet enrolled: every office of a case is a copy, so that it opens what is sealed to it. */
    private static Path emptyOffice;
    /** The office after importing the demo tablet's findings, and that tablet. */
    private static Path officeTemplate;
    private static Path tabletTemplate;
    /** What a tablet holds of the office's answers: what the property compares. */
    private static final List<String> ANSWERS = List.of("assignments", "facilities", "facility_vendors",
            "previous_follow_up_items", "previous_follow_ups", "receipts", "received_catalogs", "review_item_comments",
            "review_results");
    private static final Set<String> TABLET_ORDER_DEPENDENT = Set.of("assignments.created_at");

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
                        tablet.sync().exportFindings(folder.resolve("outbox")).ifPresent(bundles::add);
                    } else {
                        SyncFixture.amendAndFinalize(tablet, ids.get(action == AMEND_FIRST ? 0 : 1), "訂正 " + step, null);
                    }
                }
                // The tablet sends until the office confirms, so its newest export is the one that must arrive.
                tablet.sync().exportFindings(folder.resolve("outbox")).ifPresent(bundles::add);

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

    /** The files as they arrive: shuffled, some twice, some lost, but the newest always there. */
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
        try {
            SyncFixture.copyFolder(emptyOffice, officeFolder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTabletConvergesOnTheNewestAssignments(long seed) throws IOException {
        Path folder = Files.createTempDirectory("convergence-back");
        try {
            Random random = new Random(seed);
            answeringTemplates();
            SyncFixture.copyFolder(officeTemplate, folder.resolve("office"));
            List<Path> bundles = new ArrayList<>();
            try (Workspace office = Offices.open(folder.resolve("office"), Clock.systemUTC())) {
                List<String> inspections = SyncFixture.finalizedIds(office);
                List<String> plans = new ArrayList<>();
                int length = 4 + random.nextInt(2 * LONGEST_HISTORY);
                for (int step = 0; step < length; step++) {
                    officeStep(office, random, step, inspections, plans, folder.resolve("outbox"), bundles);
                }
                // The newest bundle always arrives; it may carry one inspector's plans only.
                boolean oneInspector = random.nextBoolean();
                bundles.add(office.sync().exportAssignments(folder.resolve("outbox"),
                        oneInspector ? Optional.of("hanako") : Optional.empty(), oneInspector ? tablets(office) : List.of()));
            }
            List<Path> delivered = delivery(bundles, random);
            List<Path> inTheOrderWritten = delivered.stream().sorted(Comparator.comparingInt(bundles::indexOf)).toList();
            String inOrder = answers(folder.resolve("in-order"), inTheOrderWritten);
            String first = answers(folder.resolve("tablet-a"), delivered);
            Collections.shuffle(delivered, random);
            String second = answers(folder.resolve("tablet-b"), delivered);
            assertThat(first).as("whatever the order, what the bundles say in the order they were written").isEqualTo(inOrder);
            assertThat(second).isEqualTo(inOrder);
        } finally {
            ForkedTablets.deleteFolder(folder);
        }
    }

    /** The tablets one inspector's assignments are sealed to: here the one tablet, which every copy answers as. */
    private static List<String> tablets(Workspace office) {
        return office.sync().sealableTablets().stream().map(KnownDevice::deviceId).toList();
    }

    /**
     * One thing the office does: decide on an inspection, plan or move a plan, follow up last year's findings at 青葉台,
     * or write a bundle.
     */
    private static void officeStep(Workspace office, Random random, int step, List<String> inspections, List<String> plans,
                                   Path outbox, List<Path> bundles) {
        String inspection = inspections.get(random.nextInt(inspections.size()));
        int revision = office.inspections().find(inspection).orElseThrow().revision();
        String inspector = random.nextBoolean() ? "hanako" : "taro";
        switch (random.nextInt(7)) {
            case 0 -> office.review().decide(new Decision(inspection, revision, false, "差戻し " + step,
                    Map.of("vulnerability.device-ledger", "指摘 " + step)), "supervisor");
            case 1 -> office.review().decide(new Decision(inspection, revision, true, "承認 " + step, Map.of()), "supervisor");
            case 2 -> plans.add(office.sync().plan("demo-aobadai", inspector, "検査員 " + inspector,
                    LocalDate.of(2027, 1, 1).plusDays(step)).id());
            case 3 -> plans.stream().skip(plans.isEmpty() ? 0 : random.nextInt(plans.size())).findFirst().ifPresent(id -> {
                PlannedInspection plan = office.sync().plans().stream()
                        .filter(each -> each.id().equals(id)).findFirst().orElseThrow();
                office.sync().replan(id, plan.date().plusDays(7));
            });
            case 4 -> bundles.add(office.sync().exportAssignments(outbox, Optional.of(inspector), tablets(office)));
            case 5 -> followUp(office, random, step);
            default -> bundles.add(office.sync().exportAssignments(outbox, Optional.empty(), List.of()));
        }
    }

    /** The report on 青葉台's inspection of last year recorded, and one of its findings assessed anew. */
    private static void followUp(Workspace office, Random random, int step) {
        FollowUpCase followed = office.followUp().cases().stream()
                .filter(each -> each.facilityId().equals("demo-aobadai")).findFirst().orElseThrow();
        LocalDate today = office.followUp().today();
        if (followed.report().isEmpty()) {
            office.followUp().recordReport(followed.inspectionId(), today, "担当 " + step, "", "supervisor");
        }
        String itemId = followed.findings().get(random.nextInt(followed.findings().size())).itemId();
        Assessment assessment = Assessment.values()[random.nextInt(Assessment.values().length)];
        office.followUp().assess(followed.inspectionId(), itemId, "対応 " + step,
                assessment == Assessment.CLOSED ? Optional.of(today) : Optional.empty(), assessment,
                assessment == Assessment.IN_PROGRESS ? Optional.of(today.plusDays(30 + step)) : Optional.empty(), "supervisor");
    }

    /** A copy of the tablet imports the bundles as delivered; what it then holds of the office's answers. */
    private static String answers(Path tabletFolder, List<Path> delivered) throws IOException {
        SyncFixture.copyFolder(tabletTemplate, tabletFolder);
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC())) {
            for (Path bundle : delivered) {
                ImportOutcome outcome = tablet.sync().importFile(bundle, true);
                assertThat(outcome.result()).as(outcome.toString()).isIn(ImportOutcome.Result.IMPORTED,
                        ImportOutcome.Result.ALREADY_IMPORTED, ImportOutcome.Result.REJECTED);
                outcome.problem().ifPresent(problem -> assertThat(problem.key()).as(outcome.toString())
                        .isEqualTo("sync.error.stale"));
            }
            String dump = StoreDump.of(tablet.databaseFile(), TABLET_ORDER_DEPENDENT);
            StringBuilder answers = new StringBuilder();
            for (String table : ANSWERS) {
                Matcher section = Pattern.compile("(?s)## " + table + " \\(\\d+\\)\\n.*?(?=## |\\z)").matcher(dump);
                assertThat(section.find()).as(table).isTrue();
                answers.append(section.group());
            }
            return answers.toString();
        }
    }

    /** The office that imported the demo tablet's findings, and the tablet, made once for every case. */
    private static synchronized void answeringTemplates() throws IOException {
        if (officeTemplate != null) {
            return;
        }
        tabletTemplate = Files.createTempDirectory("convergence-tablet");
        officeTemplate = Files.createTempDirectory("convergence-office");
        SyncFixture.copyFolder(template(), tabletTemplate);
        SyncFixture.copyFolder(emptyOffice, officeTemplate);
        try (Workspace tablet = Workspace.open(tabletTemplate, Clock.systemUTC());
             Workspace office = Offices.open(officeTemplate, Clock.systemUTC())) {
            Path findings = tablet.sync().exportFindings(officeTemplate.resolve("usb")).orElseThrow();
            assertThat(office.sync().importFile(findings, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            template = Files.createTempDirectory("convergence-template");
            emptyOffice = Files.createTempDirectory("convergence-empty-office");
            try (Workspace tablet = SyncFixture.demoTablet(template); Workspace office = SyncFixture.office(emptyOffice)) {
                Enrolments.enrol(tablet, office);
            }
        }
        return template;
    }

    @AfterAll
    static void deleteTemplate() throws IOException {
        for (Path folder : new Path[] {template, emptyOffice, officeTemplate, tabletTemplate}) {
            if (folder != null) {
                ForkedTablets.deleteFolder(folder);
            }
        }
    }
}
