package jp.tachiiri.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        ChildRuntime current = ChildRuntime.current();
        coldStart(current, "", work, used, warmups, runs);
        Bench.compare("first start to the role screen", "process start on an empty data folder → first frame of the "
                        + "role screen vs a bare window with one label", warmups, runs,
                round -> startUp(current, work, "first", emptyFolder(work, round).toString()),
                round -> startUp(current, work, "bare"));
        peakMemory(current, "", work, used, answers, warmups, runs);

        // The same on Java 25 LTS, where there is one: as it is, with its ahead-of-time class cache (each side's
        // trained by one run of it), and with compact object headers too; app and floor alike.
        ChildRuntime.java25().ifPresent(java -> {
            ChildRuntime plain = ChildRuntime.of("Java 25", java, List.of());
            ChildRuntime cached = plain.withAotCache(work.resolve("aot"));
            ChildRuntime compact = ChildRuntime.of("Java 25, compact object headers", java,
                    List.of("-XX:+UseCompactObjectHeaders")).withAotCache(work.resolve("aot-compact"));
            try {
                coldStart(plain, " (Java 25)", work, used, warmups, runs);
                for (ChildRuntime runtime : List.of(cached, compact)) {
                    train(runtime, work, used);
                    String suffix = " (" + runtime.name() + ")";
                    coldStart(runtime, suffix, work, used, warmups, runs);
                    peakMemory(runtime, suffix, work, used, answers, warmups, runs);
                }
            } catch (Exception e) {
                throw new IllegalStateException("the Java 25 cases failed", e);
            }
        });
        Bench.deleteTree(work);
    }

    private static void coldStart(ChildRuntime runtime, String suffix, Path work, Path used, int warmups, int runs)
            throws Exception {
        Bench.compare("cold start to the home screen" + suffix, "process start → first frame of the home screen, lists "
                        + "loaded (data folder used before) vs a bare window with one label; " + runtime.name(), warmups, runs,
                round -> startUp(runtime, work, "app", used.toString()), round -> startUp(runtime, work, "bare"));
    }

    private static void peakMemory(ChildRuntime runtime, String suffix, Path work, Path used, int answers, int warmups,
                                   int runs) throws Exception {
        Bench.compare("peak memory of an inspection session" + suffix, String.format("VmHWM after the demo started, the "
                        + "inspection in progress opened and %d answers given vs a bare window with one label; %s", answers,
                        runtime.name()), "MiB", warmups, runs,
                round -> session(runtime, work, copy(used, work.resolve("session-" + round)), answers),
                round -> bareMemory(runtime, work));
    }

    /** One run of each program on {@code runtime} that writes its AOT cache: the app on a copy of the folder, the bare window. */
    private static void train(ChildRuntime runtime, Path work, Path used) throws Exception {
        Path copy = copy(used, work.resolve("training"));
        for (String[] program : List.of(new String[] {"app", copy.toString()}, new String[] {"bare"})) {
            try (ChildJvm child = ChildJvm.training(runtime, work, program)) {
                child.await(AppProbe.FIRST_FRAME);
                child.finish();
            }
            if (!runtime.hasAotCache(program[0])) {
                throw new IllegalStateException("no AOT cache written for " + program[0] + " on " + runtime.name());
            }
        }
        Bench.deleteTree(copy);
        Bench.note("%s: AOT caches trained by one start of each program (the app to its home screen).", runtime.name());
    }

    /** Seconds from the start of the child until its first frame of the awaited screen; CPU seconds until then. */
    private static Bench.Sample startUp(ChildRuntime runtime, Path work, String... arguments) throws Exception {
        try (ChildJvm child = ChildJvm.start(runtime, work, arguments[0], arguments)) {
            double seconds = child.await(AppProbe.FIRST_FRAME);
            double cpu = child.cpuSeconds();
            child.finish();
            return new Bench.Sample(seconds, cpu);
        }
    }

    /** The peak resident set, in MiB, of a session on {@code data}; CPU seconds of the child until then. */
    private static Bench.Sample session(ChildRuntime runtime, Path work, Path data, int answers) throws Exception {
        try (ChildJvm child = ChildJvm.start(runtime, work, "session", "session", data.toString(), Integer.toString(answers))) {
            child.await(AppProbe.SESSION_DONE);
            Bench.Sample sample = new Bench.Sample(child.peakResidentMiB(), child.cpuSeconds());
            child.finish();
            Bench.deleteTree(data);
            return sample;
        }
    }

    private static Bench.Sample bareMemory(ChildRuntime runtime, Path work) throws Exception {
        try (ChildJvm child = ChildJvm.start(runtime, work, "bare", "bare")) {
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
