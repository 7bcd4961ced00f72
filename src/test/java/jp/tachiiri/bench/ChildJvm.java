package jp.tachiiri.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.tachiiri.testsupport.OptionLines;
import jp.tachiiri.testsupport.SqliteLibrary;

/**
 * A JavaFX program run as a child process for a benchmark ({@link AppProbe} with its arguments): the same java
 * binary, classpath and JVM options for every child, JavaFX on Monocle's headless screen with software rendering,
 * as the UI tests run. The child reports by printing marker lines; it keeps running, so that it can be measured,
 * until {@link #finish} closes its standard input.
 *
 * <p>JVM options: the application's own (packaging/jvm.options), SQLite's library loaded from a folder as the
 * installers load it, plus {@code bench.child.jvm}, the same for every child.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final long startedNanos;
    private final BufferedReader out;
    private final Path log;
    private String jvm = "";

    private ChildJvm(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.log = log;
    }

    /**
     * The options every child gets, before the main class; SQLite's library loaded from a folder of its own, as the
     * installed app loads it from its image.
     */
    static List<String> options(Path work) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Duser.home=" + work.resolve("home"), "-Djava.io.tmpdir=" + work.resolve("tmp")));
        options.addAll(shippedOptions());
        options.addAll(SqliteLibrary.loadedFrom(work.resolve("sqlite-native")));
        String extra = System.getProperty("bench.child.jvm", "");
        if (!extra.isBlank()) {
            options.addAll(Arrays.asList(extra.strip().split("\\s+")));
        }
        return options;
    }

    /** The options the application is started with (packaging/jvm.options), the same for the bare window. */
    static List<String> shippedOptions() {
        return OptionLines.of(Path.of("packaging", "jvm.options"));
    }

    /** Starts {@code AppProbe arguments…}; its standard error goes to {@code work/<name>.log}. */
    static ChildJvm start(Path work, String name, String... arguments) throws IOException {
        return start(ChildRuntime.current(), List.of(), work, name, arguments);
    }

    /** As {@link #start(Path, String, String...)} on {@code runtime}, with its options for the program. */
    static ChildJvm start(ChildRuntime runtime, Path work, String name, String... arguments) throws IOException {
        return start(runtime, runtime.optionsFor(arguments[0]), work, name, arguments);
    }

    /** A run of {@code arguments[0]} that writes its AOT cache for {@code runtime} as it exits. */
    static ChildJvm training(ChildRuntime runtime, Path work, String... arguments) throws IOException {
        return start(runtime, runtime.trainingOptionsFor(arguments[0]), work, "training-" + arguments[0], arguments);
    }

    private static ChildJvm start(ChildRuntime runtime, List<String> runtimeOptions, Path work, String name,
                                  String... arguments) throws IOException {
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(runtime.java().toString());
        command.addAll(options(work));
        command.addAll(runtimeOptions);
        // Surefire sets java.class.path to the test classpath (its own booter jar is in surefire.real.class.path).
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, runtime.classPath()),
                AppProbe.class.getName()));
        command.addAll(List.of(arguments));
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        long started = System.nanoTime();
        return new ChildJvm(builder.start(), started, log);
    }

    /** Reads the child's output until {@code marker}; returns the seconds from the start of the process until then. */
    double await(String marker) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(AppProbe.JVM)) {
                jvm = line.substring(AppProbe.JVM.length());
            } else if (line.equals(marker)) {
                return (System.nanoTime() - startedNanos) / 1e9;
            } else if (line.startsWith(AppProbe.FAILED)) {
                break;
            }
        }
        throw new IllegalStateException("the child ended or failed before \"" + marker + "\": " + line + "; see " + log);
    }

    /** What the child said about its JVM (collector, maximum heap), once {@link #await} has read it. */
    String jvm() {
        return jvm;
    }

    /** The CPU time the child has used so far, all its threads, in seconds. */
    double cpuSeconds() {
        return Bench.cpuNanosOf(process.pid()) / 1e9;
    }

    /** The child's peak resident set so far (VmHWM in /proc/PID/status), in MiB. */
    double peakResidentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /** Lets the child close its window and exit, and waits for that: it must exit cleanly. */
    void finish() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child did not exit; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the child exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Ends a child left running by a failure. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
