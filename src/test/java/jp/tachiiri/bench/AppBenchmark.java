package jp.tachiiri.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Role;
import org.junit.jupiter.api.Test;

/**
 * The app as a process ({@link AppProbe} in a child JVM, see {@link ChildJvm}), against a bare JavaFX window with
 * one label in the same kind of child:
 * <ul>
 *   <li><b>cold start</b>: from the start of the process until the first frame showing the home screen, its lists
 *   loaded, has been drawn; on a data folder used before (role chosen, demo added), so first-start work is not in
 *   it. The <b>first start</b> on an empty folder, until the screen that asks for the role, is measured as well;</li>
 *   <li><b>peak memory</b> (VmHWM, the peak resident set) of an inspection session: started on the demo, the
 *   inspection in progress opened from the home screen, {@code bench.session.answers} answers given through the
 *   screen's buttons, paging on after each, on a fresh copy of the data folder each round; the bare window's peak
 *   once it has drawn its first frame.</li>
 * </ul>
 * The CPU figures are the child's (all its threads) up to the same moment.
 *
 * <p>{@code mvn -o -Pbench verify -Dtest=AppBenchmark}. Properties: {@code bench.session.answers} (10),
 * {@code bench.child.jvm} (JVM options for both children after the application's own, packaging/jvm.options),
 * {@code bench.runs} (3), {@code bench.warmups} (1).
 */
class AppBenchmark {

    @Test
    void coldStartAndPeakMemoryOfASession() throws Exception {
        int answers = Bench.intProperty("bench.session.answers", 10);
        int runs = Bench.intProperty("bench.runs", 3);
        int warmups = Bench.intProperty("bench.warmups", 1);
        Path work = Bench.workFolder("app");
        Path used = work.resolve("used");
        // A data folder as after the first start: the inspector's role chosen and the demo added.
        try (Workspace workspace = Workspace.open(used, Clock.systemDefaultZone())) {
            workspace.settings().setRole(Role.INSPECTOR);
            workspace.demo().seed();
        }
        Bench.note("Child JVMs: %s; options %s.", jvm(work), String.join(" ", ChildJvm.options(work)));

        Bench.compare("cold start to the home screen", "process start → first frame of the home screen, lists loaded "
                        + "(data folder used before) vs a bare window with one label", warmups, runs,
                round -> startUp(work, "app", used.toString()), round -> startUp(work, "bare"));
        Bench.compare("first start to the role screen", "process start on an empty data folder → first frame of the "
                        + "role screen vs a bare window with one label", warmups, runs,
                round -> startUp(work, "first", emptyFolder(work, round).toString()), round -> startUp(work, "bare"));
        Bench.compare("peak memory of an inspection session", String.format("VmHWM after the demo started, the inspection in "
                        + "progress opened and %d answers given vs a bare window with one label", answers), "MiB", warmups,
                runs, round -> session(work, copy(used, work.resolve("session-" + round)), answers), round -> bareMemory(work));
        Bench.deleteTree(work);
    }

    /** Seconds from the start of the child until its first frame of the awaited screen; CPU seconds until then. */
    private static Bench.Sample startUp(Path work, String... arguments) throws Exception {
        try (ChildJvm child = ChildJvm.start(work, arguments[0], arguments)) {
            double seconds = child.await(AppProbe.FIRST_FRAME);
            double cpu = child.cpuSeconds();
            child.finish();
            return new Bench.Sample(seconds, cpu);
        }
    }

    /** The peak resident set, in MiB, of a session on {@code data}; CPU seconds of the child until then. */
    private static Bench.Sample session(Path work, Path data, int answers) throws Exception {
        try (ChildJvm child = ChildJvm.start(work, "session", "session", data.toString(), Integer.toString(answers))) {
            child.await(AppProbe.SESSION_DONE);
            Bench.Sample sample = new Bench.Sample(child.peakResidentMiB(), child.cpuSeconds());
            child.finish();
            Bench.deleteTree(data);
            return sample;
        }
    }

    private static Bench.Sample bareMemory(Path work) throws Exception {
        try (ChildJvm child = ChildJvm.start(work, "bare", "bare")) {
            child.await(AppProbe.FIRST_FRAME);
            Bench.Sample sample = new Bench.Sample(child.peakResidentMiB(), child.cpuSeconds());
            child.finish();
            return sample;
        }
    }

    /** What the children's JVM chose for itself (collector, heap), as a bare child reports it. */
    private static String jvm(Path work) throws Exception {
        try (ChildJvm child = ChildJvm.start(work, "bare", "bare")) {
            child.await(AppProbe.FIRST_FRAME);
            child.finish();
            return child.jvm();
        }
    }

    private static Path emptyFolder(Path work, int round) {
        Path folder = work.resolve("first-" + round);
        Bench.deleteTree(folder);
        return folder;
    }

    private static Path copy(Path from, Path to) {
        Bench.deleteTree(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
