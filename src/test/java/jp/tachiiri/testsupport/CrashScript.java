package jp.tachiiri.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;

/**
 * What the crash child records, step by step, worked out from a seed alone: the parent, which only hears "saved
 * n", can tell from the same script what the store must hold after step n. Step n writes a whole finding (whose
 * note names the step, so every step changes something and can be found again in the audit trail) or, now and
 * then, adds an evidence file whose bytes are made from the step, or writes a file as the app writes it for the
 * user: the advice printout of the demo's finalized inspection into the printouts folder, or the year's CSV report
 * into the reports folder, each replacing the one before.
 */
public final class CrashScript {

    /** The inspections the steps are spread over: three audit chains grow side by side. */
    public static final int INSPECTIONS = 3;
    static final String ACTOR = "crash-test";
    private static final Facility FACILITY = new Facility("crash-test", "9990000001", "クラッシュ試験病院",
            "くらっしゅしけんびょういん", "試験県試験市1-1", FacilityType.HOSPITAL, 200, true, true, List.of(), List.of(), false);
    /** The facility whose inspections bundle steps finalize and send, one each. */
    private static final Facility SENDING = new Facility("crash-test-sending", "9990000002", "送信試験病院",
            "そうしんしけんびょういん", "試験県試験市1-2", FacilityType.HOSPITAL, 100, true, true, List.of(), List.of(), false);
    private static final LocalDate FIRST_DATE = LocalDate.of(2025, 6, 2);
    private static final int EVIDENCE_ONE_IN = 8;
    private static final int OUTPUT_ONE_IN = 10;
    private static final int REPORT_YEAR = FIRST_DATE.getYear();

    /**
     * A file the app writes, whole or not at all: for the user, or a findings bundle, which the office imports at
     * once (an inspection started, answered, finalized and sent in the step).
     */
    public enum Output { PRINTOUT, REPORT, BUNDLE }

    /**
     * One step: an answer recorded in an inspection (the whole finding), an evidence file added to one of its
     * items (the bytes), or a file written for the user; exactly one of the three is present.
     */
    public record Step(long number, int inspection, String itemId, Optional<Finding> answer, Optional<byte[]> evidence,
                       Optional<Output> output) {

        /** The file name the evidence is added under; it names the step. */
        public String evidenceName() {
            return "step-" + number + ".bin";
        }
    }

    private final long seed;
    private final List<CatalogItem> items;

    private CrashScript(long seed, List<CatalogItem> items) {
        this.seed = seed;
        this.items = List.copyOf(items);
    }

    /** The script over every item of the latest bundled catalog, which the script's inspections are made with. */
    public static CrashScript of(long seed) {
        return new CrashScript(seed, CatalogLibrary.bundled().latest().items());
    }

    public Step step(long number) {
        // One generator per step, so that any step can be worked out without those before it.
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + number);
        int inspection = random.nextInt(INSPECTIONS);
        CatalogItem item = items.get(random.nextInt(items.size()));
        if (random.nextInt(OUTPUT_ONE_IN) == 0) {
            Output output = Output.values()[random.nextInt(Output.values().length)];
            return new Step(number, inspection, item.id(), Optional.empty(), Optional.empty(), Optional.of(output));
        }
        if (random.nextInt(EVIDENCE_ONE_IN) == 0) {
            byte[] bytes = new byte[1024 + random.nextInt(64 * 1024)];
            random.nextBytes(bytes);
            byte[] label = ("seed " + seed + " step " + number).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(label, 0, bytes, 0, label.length);
            return new Step(number, inspection, item.id(), Optional.empty(), Optional.of(bytes), Optional.empty());
        }
        Set<ConfirmationMethod> confirmedBy = EnumSet.noneOf(ConfirmationMethod.class);
        for (ConfirmationMethod method : ConfirmationMethod.values()) {
            if (random.nextBoolean()) {
                confirmedBy.add(method);
            }
        }
        Answer answer = item.answers().get(random.nextInt(item.answers().size()));
        Finding finding = Finding.empty(item.id()).withAnswer(answer).withConfirmedBy(confirmedBy)
                .withCheckedOn(FIRST_DATE.plusDays(random.nextInt(30))).withNote(noteOf(number))
                .withFollowUp(random.nextBoolean());
        return new Step(number, inspection, item.id(), Optional.of(finding), Optional.empty(), Optional.empty());
    }

    /** The note of an answer step: unique to the step. */
    public static String noteOf(long step) {
        return "クラッシュ試験 step " + step;
    }

    /** What a step left beside the store: the file it wrote, and the inspection it sent to the office. */
    public record Done(Optional<Path> file, Optional<String> sent) {
        static final Done NOTHING = new Done(Optional.empty(), Optional.empty());
    }

    /**
     * Does step {@code number} the way the screen would: one service call, which returns once it is stored, or once
     * the file is written (for a bundle, once the office has imported it).
     */
    public Done perform(Workspace workspace, Workspace office, List<String> inspectionIds, Step step, Path scratch)
            throws Exception {
        String inspectionId = inspectionIds.get(step.inspection());
        if (step.output().filter(Output.BUNDLE::equals).isPresent()) {
            return send(workspace, office, step, workspace.folder().resolve("outbox"));
        }
        if (step.output().isPresent()) {
            return new Done(Optional.of(write(workspace, step.output().get())), Optional.empty());
        }
        if (step.evidence().isPresent()) {
            Path source = Files.write(scratch.resolve(step.evidenceName()), step.evidence().get());
            workspace.evidence().add(inspectionId, 1, step.itemId(), source, "application/octet-stream", ACTOR);
        } else {
            workspace.inspections().record(inspectionId, step.answer().orElseThrow(), ACTOR);
        }
        return Done.NOTHING;
    }

    /** Writes the file as the advice dialog and the dashboard's export do, where they put it. */
    private static Path write(Workspace workspace, Output output) {
        if (output == Output.REPORT) {
            Path file = workspace.folder().resolve("reports").resolve("inspections-" + REPORT_YEAR + ".csv");
            workspace.csvReport().write(REPORT_YEAR, file);
            return file;
        }
        InspectionSummary finalized = workspace.inspections().list().stream()
                .filter(summary -> summary.demo() && summary.status() == InspectionStatus.FINALIZED)
                .max(Comparator.comparing(InspectionSummary::date)).orElseThrow();
        Path file = workspace.advice().printoutFile(finalized.id(), finalized.revision(), Language.JA);
        workspace.advice().writePdf(finalized.id(), Optional.of(finalized.revision()), workspace.settings().advice(),
                Language.JA, file);
        return file;
    }

    /**
     * A bundle step: an inspection of the sending facility started, answered and finalized on the tablet, the
     * tablet's findings exported to {@code outbox} and imported by the office.
     */
    private static Done send(Workspace tablet, Workspace office, Step step, Path outbox) {
        if (tablet.facilities().byId(SENDING.id()).isEmpty()) {
            tablet.facilities().save(SENDING);
        }
        Inspection inspection = tablet.inspections().start(new NewInspection(SENDING.id(), FIRST_DATE,
                List.of("試験 太郎"), List.of(), false), ACTOR);
        tablet.inspections().record(inspection.id(), Finding.empty(tablet.catalogs().latest().gate().id())
                .withAnswer(Answer.YES).withNote(noteOf(step.number())), ACTOR);
        tablet.inspections().finalizeInspection(inspection.id(), ACTOR);
        Path bundle = tablet.sync().exportFindings(outbox).orElseThrow();
        ImportOutcome outcome = office.sync().importFile(bundle, false);
        if (outcome.result() != ImportOutcome.Result.IMPORTED) {
            throw new IllegalStateException("the office did not import " + bundle + ": " + outcome);
        }
        return new Done(Optional.of(bundle), Optional.of(inspection.id()));
    }

    /**
     * The tablet and the office trusting each other, as their enrolment files make them (done again, harmlessly,
     * by a child whose start was killed half-way): the office's role chosen, each device's file imported by the
     * other with its fingerprint trusted.
     */
    public static void enrol(Workspace tablet, Workspace office, Path cards) {
        if (office.settings().role().isEmpty()) {
            office.settings().setRole(Role.OFFICE);
        }
        if (tablet.deviceTrust().office().isPresent()) {
            return;
        }
        office.sync().importAll(List.of(tablet.sync().exportEnrolment(cards)), true);
        tablet.sync().importAll(List.of(office.sync().exportEnrolment(cards)), true);
    }

    /**
     * The ids of the script's inspections, in order, starting those not there yet (and the facility first):
     * what the child does on every start, so that a start killed half-way is finished by the next.
     */
    public static List<String> setUp(Workspace workspace) {
        if (workspace.facilities().byId(FACILITY.id()).isEmpty()) {
            workspace.facilities().save(FACILITY);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < INSPECTIONS; i++) {
            LocalDate date = FIRST_DATE.plusDays(i);
            ids.add(find(workspace, date).orElseGet(() -> workspace.inspections()
                    .start(new NewInspection(FACILITY.id(), date, List.of("試験 太郎"), List.of(), false), ACTOR).id()));
        }
        return ids;
    }

    /** The ids of the script's inspections that are in the store, by their place in the script (empty where absent). */
    public static List<Optional<String>> existing(Workspace workspace) {
        List<Optional<String>> ids = new ArrayList<>();
        for (int i = 0; i < INSPECTIONS; i++) {
            ids.add(find(workspace, FIRST_DATE.plusDays(i)));
        }
        return ids;
    }

    private static Optional<String> find(Workspace workspace, LocalDate date) {
        return workspace.inspections().list().stream()
                .filter(summary -> summary.facilityId().equals(FACILITY.id()) && summary.date().equals(date))
                .map(InspectionSummary::id).findFirst();
    }
}
