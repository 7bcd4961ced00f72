package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.Sha256;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.audit.ChainVerifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Crash consistency, tried for real: {@link CrashChild} runs in a JVM of its own on one data folder and is killed
 * with SIGKILL at a random moment (while it starts and migrates, inside an answer's or an evidence file's save,
 * or between two), and after every kill the store is opened as the app opens it and checked:
 * <ul>
 * <li>{@code PRAGMA integrity_check} says ok and {@code PRAGMA foreign_key_check} finds nothing;</li>
 * <li>every inspection's audit chain verifies, and the trails agree with the findings and evidence;</li>
 * <li>the script's inspections hold exactly what the {@link CrashScript} recorded through the last step the child
 * reported saved, or through the step after it when the child had begun that one (the kill may have come after
 * its commit and before the report);</li>
 * <li>every evidence file is there with the bytes its record names;</li>
 * <li>every file the child reported written (a printout, a CSV report, a findings bundle) is there with the bytes
 * it wrote; one it had begun to write and not reported is whole (a PDF that opens, a CSV that ends its last line, a
 * bundle the office can open and check) or absent, never half;</li>
 * <li>the office's store, which imports every bundle the tablet sends, passes the same integrity checks and audit
 * chains, and holds every inspection the child reported sent.</li>
 * </ul>
 * The next child goes on in the same folder from the step after the last one stored, so crashes accumulate; a
 * last child records a few more steps and exits normally, to show the store still takes answers.
 *
 * <p>{@link #onPowerLoss} runs the same on a {@link PowerLossFs} mount: after every kill the power is cut too, so that
 * everything the kernel had accepted but not forced to the disk is forgotten (file data not fsynced, names whose
 * folder was not fsynced), the file system is unmounted and mounted again, and only then is the store checked; the
 * last child's normal exit is followed by a cut as well.
 */
public final class CrashHarness {

    /** Where in the child's work a kill landed, from the last line it printed. */
    public enum Phase { STARTUP, ANSWER, EVIDENCE, FILE, BETWEEN_STEPS }

    /** What one run did and found; {@code failures} is empty when every check held. */
    public record Figures(long seed, int kills, Map<Phase, Integer> killsDuring, int childStarts, long answersReported,
                          long evidenceReported, long filesReported, int inspectionsSent, int powerCuts, int foundBeyondReport, int integrityChecks, long chainsVerified,
                          long auditEventsVerified, int leftoverTempFiles, List<String> failures, Duration duration) {
    }

    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);
    /** The child's exit status when SIGKILL ended it (128 + 9). */
    private static final int KILLED = 137;
    private static final int MAX_SAVES_BEFORE_KILL = 40;
    private static final int FINAL_STEPS = 20;
    /** The demo's inspections: this year's finalized one, last year's, and the one in progress. */
    private static final int DEMO_INSPECTIONS = 3;

    private final Path work;
    private final long seed;
    private final CrashScript script;
    /** Chooses the kill moments; from the seed too, though the moments also depend on the machine's timing. */
    private final Random random;
    private final boolean powerLoss;
    /** The mount the children write through, on power loss. */
    private PowerLossFs mount;
    private int cuts;

    /** The last step known to be in the store, and what the store holds after it. */
    private long storedThrough = -1;
    private StoreState stored = StoreState.empty();
    /** How long the last child took to be ready: kills meant for the start are spread over that. */
    private long startupNanos = TimeUnit.SECONDS.toNanos(2);

    private final Map<Phase, Integer> killsDuring = new EnumMap<>(Phase.class);
    private final List<String> failures = new ArrayList<>();
    private int childStarts;
    private long answersReported;
    private long evidenceReported;
    private long filesReported;
    /** The files the child reported written (by path in the data folder) and the SHA-256 of the last bytes written. */
    private final Map<String, String> written = new TreeMap<>();
    /** The inspections the child reported sent: the office imported them. */
    private final Set<String> sent = new TreeSet<>();
    private int foundBeyondReport;
    private int integrityChecks;
    private long chainsVerified;
    private long auditEventsVerified;

    /** A harness working in {@code work} (the data folder is made under it), recording the script of {@code seed}. */
    public CrashHarness(Path work, long seed) {
        this(work, seed, false);
    }

    private CrashHarness(Path work, long seed, boolean powerLoss) {
        this.work = work;
        this.seed = seed;
        this.script = CrashScript.of(seed);
        this.random = new Random(seed);
        this.powerLoss = powerLoss;
    }

    /** A harness whose children write through a {@link PowerLossFs} and whose kills come with a power cut. */
    public static CrashHarness onPowerLoss(Path work, long seed) {
        return new CrashHarness(work, seed, true);
    }

    /** Where the child's data folders are: the tablet's, the office's, and the enrolment files they exchange. */
    static Path dataRoot(Path work) {
        return work.resolve("data");
    }

    /** The tablet's data folder, which the script records into. */
    public static Path storeFolder(Path work) {
        return dataRoot(work).resolve("store");
    }

    /** The office's data folder, which imports what the tablet sends. */
    static Path officeFolder(Path work) {
        return dataRoot(work).resolve("office");
    }

    /** Starts and kills {@code kills} children, checking the store after each, then lets a last one finish. */
    public Figures run(int kills) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int killed = 0;
        try {
            mountIfPowerLoss();
            while (killed < kills) {
                killed++;
                killAndCheck();
            }
            finishNormally();
        } catch (CrashFailure failure) {
            failures.add("seed " + seed + ", kill " + killed + ": " + failure.getMessage());
        } finally {
            if (mount != null) {
                mount.unmount();
            }
        }
        return new Figures(seed, killed, Map.copyOf(killsDuring), childStarts, answersReported, evidenceReported,
                filesReported, sent.size(), cuts, foundBeyondReport, integrityChecks, chainsVerified, auditEventsVerified, leftoverTempFiles(),
                List.copyOf(failures), Duration.ofNanos(System.nanoTime() - start));
    }

    /** On power loss: the children's data root mounted through a file system that forgets, backed by a folder of its own. */
    private void mountIfPowerLoss() throws IOException {
        if (powerLoss) {
            Files.createDirectories(dataRoot(work));
            mount = PowerLossFs.mount(Files.createDirectories(work.resolve("backing")), dataRoot(work), seed + cuts);
        }
    }

    /** On power loss: the power cut, what the disk kept mounted again, as a restarted machine finds it. */
    private void cutIfPowerLoss() throws IOException {
        if (powerLoss) {
            mount.cut();
            mount.unmount();
            cuts++;
            mountIfPowerLoss();
        }
    }

    /** The last step known to be stored (-1 before the first). */
    public long storedThrough() {
        return storedThrough;
    }

    private void killAndCheck() throws IOException, InterruptedException {
        Child child = startChild(OptionalLong.empty());
        if (random.nextInt(4) == 0) {
            // Anywhere in the start (the JVM, opening and migrating the store, seeding) or just after it.
            LockSupport.parkNanos((long) (random.nextDouble() * startupNanos * 1.25));
        } else {
            int saves = random.nextInt(MAX_SAVES_BEFORE_KILL);
            child.await(saves == 0 ? CrashChild.READY : CrashChild.SAVED + (storedThrough + saves));
            startupNanos = child.readyAfterNanos;
            // Up to 3 ms later: inside the next save, or between two.
            LockSupport.parkNanos(random.nextInt(3_000_000));
        }
        List<String> lines = child.kill();
        cutIfPowerLoss();
        Phase phase = phaseOf(lines);
        killsDuring.merge(phase, 1, Integer::sum);
        long reported = lastSaved(lines);
        boolean nextBegun = lines.contains(CrashChild.BEGIN + (reported + 1));
        noteWritten(lines);
        Optional<String> problem = verify(reported, nextBegun, lines.contains(CrashChild.READY));
        if (problem.isPresent()) {
            throw new CrashFailure("killed during " + phase + " after " + lines.size() + " lines (last: "
                    + (lines.isEmpty() ? "none" : lines.get(lines.size() - 1)) + "): " + problem.get());
        }
    }

    /** A last child records {@link #FINAL_STEPS} steps on the crashed-into folder and exits normally. */
    private void finishNormally() throws IOException, InterruptedException {
        long until = storedThrough + 1 + FINAL_STEPS;
        Child child = startChild(OptionalLong.of(until));
        List<String> lines = child.awaitExit();
        cutIfPowerLoss();
        noteWritten(lines);
        if (child.process.exitValue() != 0 || !lines.contains(CrashChild.SAVED + (until - 1))) {
            throw new CrashFailure("the last child, which was not killed, exited with " + child.process.exitValue()
                    + " after " + lines.size() + " lines: " + child.errors());
        }
        verify(until - 1, false, true).ifPresent(problem -> {
            throw new CrashFailure("after the last child: " + problem);
        });
    }

    /**
     * Opens the store and checks it, given that the child reported steps through {@code reported} saved, had (or
     * had not) begun the next, and had (or had not) said it was ready. Returns what is wrong, if anything; on
     * success the store's state becomes the known one.
     */
    public Optional<String> verify(long reported, boolean nextBegun, boolean wasReady) {
        try (Workspace workspace = Workspace.open(storeFolder(work), Clock.systemUTC())) {
            Optional<String> integrity = integrityProblems(workspace.databaseFile());
            integrityChecks++;
            if (integrity.isPresent()) {
                return integrity;
            }
            ChainVerifier.Report chains = workspace.chainVerifier().verifyAll();
            if (!chains.ok()) {
                return Optional.of("audit chains broken: " + chains.broken());
            }
            chainsVerified += chains.chains();
            auditEventsVerified += chains.events();
            Optional<String> demo = demoProblem(workspace);
            if (demo.isPresent()) {
                return demo;
            }
            if (wasReady && CrashScript.existing(workspace).stream().anyMatch(Optional::isEmpty)) {
                return Optional.of("an inspection started before the child was ready is missing");
            }
            StoreState found = StoreState.read(workspace);
            StoreState expected = stateThrough(reported);
            boolean asReported = found.equals(expected);
            StoreState withNext = asReported || !nextBegun ? null : expected.with(script.step(reported + 1));
            boolean oneBeyond = found.equals(withNext);
            if (!asReported && !oneBeyond) {
                return Optional.of("the store is not as the script left it after step " + reported
                        + (nextBegun ? " or " + (reported + 1) : "") + ": " + found.differenceFrom(expected));
            }
            Optional<String> files = fileProblem(workspace.folder(), nextBegun ? script.step(reported + 1).output() : Optional.empty());
            if (files.isPresent()) {
                return files;
            }
            Optional<String> office = officeProblem();
            if (office.isPresent()) {
                return office;
            }
            countReported(reported);
            if (oneBeyond) {
                foundBeyondReport++;
                storedThrough = reported + 1;
                stored = withNext;
            } else {
                storedThrough = reported;
                stored = expected;
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // The store does not open, or a check while reading it failed: both are findings, not harness errors.
            return Optional.of(e.toString());
        }
    }

    /** The first start's role and demo come together or not at all, and the demo whole: two finalized, one in progress. */
    private static Optional<String> demoProblem(Workspace workspace) {
        List<InspectionSummary> demo = workspace.inspections().list().stream().filter(InspectionSummary::demo).toList();
        long finalized = demo.stream().filter(summary -> summary.status() == InspectionStatus.FINALIZED).count();
        boolean whole = demo.size() == DEMO_INSPECTIONS && finalized == DEMO_INSPECTIONS - 1;
        if (workspace.settings().role().isPresent() != whole || (workspace.settings().role().isEmpty() && !demo.isEmpty())) {
            return Optional.of("role " + workspace.settings().role() + " with a demo of " + demo.size() + " inspections, "
                    + finalized + " finalized");
        }
        return Optional.empty();
    }

    private StoreState stateThrough(long step) {
        StoreState state = stored;
        for (long next = storedThrough + 1; next <= step; next++) {
            state = state.with(script.step(next));
        }
        return state;
    }

    /** Counts the steps the child reported saved since the last check, all of them now found stored. */
    private void countReported(long reported) {
        for (long step = storedThrough + 1; step <= reported; step++) {
            CrashScript.Step done = script.step(step);
            if (done.output().isPresent()) {
                filesReported++;
            } else if (done.evidence().isPresent()) {
                evidenceReported++;
            } else {
                answersReported++;
            }
        }
    }

    /**
     * Takes note of the files the child reported written ("wrote n PATH SHA256") and the inspections it reported
     * sent ("sent n INSPECTION"), each printed before "saved n".
     */
    private void noteWritten(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith(CrashChild.WROTE)) {
                String[] parts = line.substring(CrashChild.WROTE.length()).split(" ");
                written.put(parts[1], parts[2]);
            } else if (line.startsWith(CrashChild.SENT)) {
                sent.add(line.substring(CrashChild.SENT.length()).split(" ")[1]);
            }
        }
    }

    /** The office's store checked as the tablet's is, and holding, finalized, every inspection reported sent. */
    private Optional<String> officeProblem() {
        if (!Files.exists(officeFolder(work).resolve(Workspace.DATABASE_FILE))) {
            return sent.isEmpty() ? Optional.empty() : Optional.of("the office's store is missing");
        }
        try (Workspace office = Workspace.open(officeFolder(work), Clock.systemUTC())) {
            Optional<String> integrity = integrityProblems(office.databaseFile());
            if (integrity.isPresent()) {
                return integrity.map(problem -> "at the office: " + problem);
            }
            ChainVerifier.Everything chains = office.chainVerifier().verifyEverything();
            if (!chains.ok()) {
                return Optional.of("audit chains broken at the office: " + chains.broken());
            }
            chainsVerified += chains.chains().values().stream().mapToInt(Integer::intValue).sum();
            auditEventsVerified += chains.events();
            for (String inspectionId : sent) {
                Optional<InspectionStatus> status = office.inspections().find(inspectionId).map(Inspection::status);
                if (status.filter(InspectionStatus.FINALIZED::equals).isEmpty()) {
                    return Optional.of("the inspection " + inspectionId + " was reported sent and the office has it "
                            + status.map(Enum::name).orElse("not at all"));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("at the office: " + e);
        }
    }

    /**
     * Every file reported written holds the bytes last reported; while a step writing a file was begun and not
     * reported, a file of its kind may hold other bytes, but whole ones (a PDF that opens, a CSV that ends its last
     * line), or, if never written before, be absent.
     */
    private Optional<String> fileProblem(Path dataFolder, Optional<CrashScript.Output> begun) {
        try {
            for (Map.Entry<String, String> file : written.entrySet()) {
                Path path = dataFolder.resolve(file.getKey());
                if (!Files.exists(path)) {
                    return Optional.of("the file " + file.getKey() + " was reported written and is missing");
                }
                byte[] bytes = Files.readAllBytes(path);
                boolean same = Sha256.hex(bytes).equals(file.getValue());
                if (!same && !(begun.isPresent() && kindOf(file.getKey()) == begun.get() && whole(begun.get(), bytes))) {
                    return Optional.of("the file " + file.getKey() + " is not what was reported written ("
                            + bytes.length + " bytes)");
                }
            }
            return unreportedProblem(dataFolder);
        } catch (IOException e) {
            return Optional.of("the files written cannot be read: " + e);
        }
    }

    /**
     * Files under their own names that no report named (a bundle whose step was cut short keeps its new name, say)
     * are whole too: only a writer's temporary file may be half.
     */
    private Optional<String> unreportedProblem(Path dataFolder) throws IOException {
        for (String folder : List.of("printouts", "reports", "outbox")) {
            if (!Files.isDirectory(dataFolder.resolve(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.list(dataFolder.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).filter(file -> !AtomicFile.isTemporary(file)).toList()) {
                    String name = dataFolder.relativize(file).toString();
                    if (!written.containsKey(name) && !whole(kindOf(name), Files.readAllBytes(file))) {
                        return Optional.of("the file " + name + ", which no report named, is not whole");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static CrashScript.Output kindOf(String path) {
        return path.endsWith(".pdf") ? CrashScript.Output.PRINTOUT
                : path.endsWith(".csv") ? CrashScript.Output.REPORT : CrashScript.Output.BUNDLE;
    }

    private boolean whole(CrashScript.Output kind, byte[] bytes) {
        if (kind == CrashScript.Output.REPORT) {
            return new String(bytes, StandardCharsets.UTF_8).endsWith("\r\n");
        }
        if (kind == CrashScript.Output.BUNDLE) {
            return opensAtTheOffice(bytes);
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return document.getNumberOfPages() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the office can open a bundle of these bytes: decrypt it, check its signature, schema and attachments. */
    private boolean opensAtTheOffice(byte[] bytes) {
        try (Workspace office = Workspace.open(officeFolder(work), Clock.systemUTC())) {
            Path copy = Files.write(work.resolve("bundle-check"), bytes);
            try (BundleReader reader = BundleReader.open(copy, office.sync().identity())) {
                reader.readAttachments(null);
                return reader.header() != null;
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Through a separate connection, as a tool would look at the file: both pragmas, every row they report. */
    private static Optional<String> integrityProblems(Path databaseFile) {
        try (Connection connection = StoreDump.openReadOnly(databaseFile); Statement statement = connection.createStatement()) {
            List<String> integrity = rows(statement, "PRAGMA integrity_check");
            if (!integrity.equals(List.of("ok"))) {
                return Optional.of("integrity_check: " + integrity);
            }
            List<String> foreignKeys = rows(statement, "PRAGMA foreign_key_check");
            return foreignKeys.isEmpty() ? Optional.empty() : Optional.of("foreign_key_check: " + foreignKeys);
        } catch (SQLException e) {
            return Optional.of("the file cannot be checked: " + e.getMessage());
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private Phase phaseOf(List<String> lines) {
        if (!lines.contains(CrashChild.READY)) {
            return Phase.STARTUP;
        }
        String last = lines.get(lines.size() - 1);
        if (!last.startsWith(CrashChild.BEGIN)) {
            return Phase.BETWEEN_STEPS;
        }
        CrashScript.Step step = script.step(Long.parseLong(last.substring(CrashChild.BEGIN.length())));
        return step.output().isPresent() ? Phase.FILE : step.evidence().isPresent() ? Phase.EVIDENCE : Phase.ANSWER;
    }

    private long lastSaved(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith(CrashChild.SAVED))
                .mapToLong(line -> Long.parseLong(line.substring(CrashChild.SAVED.length())))
                .max().orElse(storedThrough);
    }

    /** Evidence copies a kill left half-made in the data folder's evidence/ (the product never deletes them). */
    private int leftoverTempFiles() throws IOException {
        Path evidence = storeFolder(work).resolve("evidence");
        if (!Files.isDirectory(evidence)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(evidence)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    /** The same java, the same class path (the test's), and a temporary folder of its own, emptied after each. */
    private Child startChild(OptionalLong until) throws IOException {
        Path temp = work.resolve("child-tmp");
        empty(temp);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Dfile.encoding=UTF-8",
                // SQLite's native library is unpacked into the temporary folder on every start; a killed JVM leaves it.
                "-Djava.io.tmpdir=" + temp, "-Duser.home=" + work.resolve("home"),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                work.toString(), Long.toString(seed), Long.toString(storedThrough + 1)));
        until.ifPresent(step -> command.add(Long.toString(step)));
        Path output = work.resolve("child-output.txt");
        Path errors = work.resolve("child-errors.txt");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        childStarts++;
        return new Child(process, output, errors);
    }

    /** Empties a folder of plain files (what SQLite's loader leaves in a temporary folder). */
    private static void empty(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * A child process and the lines it printed. Its output goes to a file, not a pipe: every line the child wrote
     * before SIGKILL is in the file afterwards. Reading the pipe of a killed process, JDK 17 can fail with "Stream
     * closed" (its reaper closes the pipe under the reader) and lose the last lines: once in 128 kills here, which
     * looked like saves the child had never reported.
     */
    private static final class Child {

        private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

        private final Process process;
        private final Path output;
        private final Path errors;
        private final long started = System.nanoTime();
        /** When the child was first seen ready, while its output was being watched (0 until then). */
        private long readyAfterNanos;

        Child(Process process, Path output, Path errors) {
            this.process = process;
            this.output = output;
            this.errors = errors;
        }

        /** Waits for the line {@code awaited}; a child that stops or falls silent first is a failure. */
        void await(String awaited) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
            while (!readLines().contains(awaited)) {
                if (!process.isAlive() && !readLines().contains(awaited)) {
                    throw new CrashFailure("the child stopped by itself (exit " + process.waitFor() + ") before '"
                            + awaited + "': " + errors());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new CrashFailure("the child did not print '" + awaited + "' within "
                            + OUTPUT_TIMEOUT.toSeconds() + " s: " + errors());
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }

        /** Kills the child with SIGKILL and returns every line it printed. */
        List<String> kill() throws IOException, InterruptedException {
            process.destroyForcibly();
            List<String> all = awaitExit();
            if (process.exitValue() != KILLED) {
                throw new CrashFailure("the child stopped by itself (exit " + process.exitValue() + "): " + errors());
            }
            return all;
        }

        /** Every line the child printed, once it has exited. */
        List<String> awaitExit() throws IOException, InterruptedException {
            if (!process.waitFor(OUTPUT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CrashFailure("the child did not finish within " + OUTPUT_TIMEOUT.toSeconds() + " s: " + errors());
            }
            return readLines();
        }

        /** The whole lines in the output file so far (a line still being written is left for the next look). */
        private List<String> readLines() throws IOException {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            String whole = text.substring(0, text.lastIndexOf('\n') + 1);
            List<String> lines = whole.isEmpty() ? List.of() : List.of(whole.split("\n"));
            if (readyAfterNanos == 0 && lines.contains(CrashChild.READY)) {
                readyAfterNanos = System.nanoTime() - started;
            }
            return lines;
        }

        String errors() {
            try {
                String text = Files.readString(errors, StandardCharsets.UTF_8);
                return text.isBlank() ? "(no error output)" : text.substring(Math.max(0, text.length() - 2000));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A check that did not hold: ends the run, which reports it. */
    private static final class CrashFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CrashFailure(String message) {
            super(message);
        }
    }
}
