package jp.tachiiri.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The small harness of the benchmarks run by {@code mvn -o -Pbench verify}: each case times the product
 * against the floor for the same work in the same run, interleaved (ours, floor, then floor, ours, …) so that
 * drift of the machine hits both alike, and reports medians and their ratio. Every case measured in this JVM
 * goes into one table, printed and written to {@code target/bench/results.md}.
 */
final class Bench {

    /** One round of a piece of work; returns the measurement of its timed part (set-up and checks stay outside). */
    @FunctionalInterface
    interface Timed {
        Sample run(int round) throws Exception;
    }

    /** Work to time. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Seconds of wall-clock time, and of CPU time of the whole JVM (all its threads: GC and JIT too). A case measured
     * in another unit (see {@link #compare(String, String, String, int, int, Timed, Timed)}) puts its figure, a peak
     * of memory say, where the wall-clock time would be.
     */
    record Sample(double wall, double cpu) {
    }

    /** The result of timed work and how long it took. */
    record Measured<T>(T result, Sample sample) {
    }

    /** Runs {@code work} and measures it. */
    static <T> Measured<T> time(Work<T> work) throws Exception {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        T result = work.run();
        long wall = System.nanoTime() - start;
        return new Measured<>(result, new Sample(wall / 1e9, (processCpuNanos() - cpu) / 1e9));
    }

    /**
     * Runs {@code work} and measures it like {@link #time}, but its CPU time also counts the child processes the work
     * started and waited for (a command-line tool run as the floor): their user and system time, which the kernel adds
     * to this process's {@code cutime}/{@code cstime} when they are reaped. Linux only (elsewhere the children count
     * nothing); the kernel counts in clock ticks of 10 ms.
     */
    static <T> Measured<T> timeWithChildren(Work<T> work) throws Exception {
        long children = childrenCpuNanos();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        T result = work.run();
        long wall = System.nanoTime() - start;
        long used = processCpuNanos() - cpu + childrenCpuNanos() - children;
        return new Measured<>(result, new Sample(wall / 1e9, used / 1e9));
    }

    /** The CPU time of this process's reaped children, from /proc/self/stat (cutime + cstime); 0 where there is none. */
    static long childrenCpuNanos() {
        return cpuNanos("self", 16, 17);
    }

    /** The CPU time so far of a running process (a child not yet reaped), from /proc/PID/stat (utime + stime). */
    static long cpuNanosOf(long pid) {
        return cpuNanos(Long.toString(pid), 14, 15);
    }

    /** Two fields of /proc/PROCESS/stat, numbered as in proc(5), added and turned from clock ticks into ns. */
    private static long cpuNanos(String process, int user, int system) {
        try {
            String stat = Files.readString(Path.of("/proc", process, "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split("\\s+");
            long ticks = Long.parseLong(fields[user - 3]) + Long.parseLong(fields[system - 3]);
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A case's measurements, in {@code unit} ("s" unless said otherwise): the warm-up runs are kept apart and not counted. */
    record Case(String name, String work, String unit, List<Sample> ours, List<Sample> floor, List<Sample> warmupOurs,
                List<Sample> warmupFloor) {

        double oursMedian() {
            return median(ours.stream().map(Sample::wall).toList());
        }

        double floorMedian() {
            return median(floor.stream().map(Sample::wall).toList());
        }

        double ratio() {
            return oursMedian() / floorMedian();
        }

        double cpuRatio() {
            return median(ours.stream().map(Sample::cpu).toList()) / median(floor.stream().map(Sample::cpu).toList());
        }
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();

    private Bench() {
    }

    static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    /** Where the benchmarks write: {@code bench.dir}, which the bench profile sets to target/bench. */
    static Path outputFolder() {
        return Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    }

    /** An empty work folder for one case under the output folder. */
    static Path workFolder(String name) {
        Path folder = outputFolder().resolve("work").resolve(name);
        deleteTree(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /**
     * Runs {@code warmups} then {@code runs} rounds of both; in even rounds ours goes first, in odd rounds the
     * floor does. Prints each timing as it comes.
     */
    static Case compare(String name, String work, int warmups, int runs, Timed ours, Timed floor) throws Exception {
        return compare(name, work, "s", warmups, runs, ours, floor);
    }

    /** As {@link #compare(String, String, int, int, Timed, Timed)}, for a case whose figures are in {@code unit}. */
    static Case compare(String name, String work, String unit, int warmups, int runs, Timed ours, Timed floor)
            throws Exception {
        List<Sample> oursTimes = new ArrayList<>();
        List<Sample> floorTimes = new ArrayList<>();
        List<Sample> warmOurs = new ArrayList<>();
        List<Sample> warmFloor = new ArrayList<>();
        String loadBefore = loadAverage();
        requireProfile();
        log("product: %s (%s profile)", productVersion(), profile());
        for (int round = 0; round < warmups + runs; round++) {
            boolean warmup = round < warmups;
            String label = warmup ? "warm-up " + (round + 1) : "run " + (round - warmups + 1);
            Sample o;
            Sample f;
            if (round % 2 == 0) {
                o = timed(ours, round, name, label, "ours", unit);
                f = timed(floor, round, name, label, "floor", unit);
            } else {
                f = timed(floor, round, name, label, "floor", unit);
                o = timed(ours, round, name, label, "ours", unit);
            }
            (warmup ? warmOurs : oursTimes).add(o);
            (warmup ? warmFloor : floorTimes).add(f);
        }
        Case result = new Case(name, work, unit, oursTimes, floorTimes, warmOurs, warmFloor);
        synchronized (CASES) {
            CASES.add(result);
        }
        note("%s: load average (1, 5, 15 min) %s before, %s after.", name, loadBefore, loadAverage());
        log("%s: ours %.2f %s, floor %.2f %s (medians of %d), ratio %.2f (CPU time ratio %.2f)", name, result.oursMedian(),
                unit, result.floorMedian(), unit, runs, result.ratio(), result.cpuRatio());
        writeResults();
        return result;
    }

    /** "server" (every core, the benchmark JVM's own heap), or "tablet" (pom.xml, execution bench-tablet). */
    static String profile() {
        return System.getProperty("bench.profile", "server");
    }

    /**
     * The tablet profile's figures speak for a low-end device only if this JVM runs on one core with every option the
     * installers give the app: checked, so that a changed packaging/jvm.options cannot leave the profile behind.
     */
    private static void requireProfile() {
        if (!profile().equals("tablet")) {
            return;
        }
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = ChildJvm.shippedOptions().stream().filter(option -> !given.contains(option)).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        if (!missing.isEmpty() || cores != 1) {
            throw new IllegalStateException("the tablet profile runs on " + cores + " cores and lacks the installer's "
                    + "options " + missing + " (pom.xml, execution bench-tablet)");
        }
    }

    private static String profileDescription() {
        return profile().equals("tablet")
                ? "tablet — this JVM and the app's child JVMs pinned to one core (taskset -c 0), with the installer's "
                        + "JVM options (packaging/jvm.options: serial GC, -Xms16m -Xmx1g)"
                : "server — every core of the machine; the benchmark JVM with -Xms2g -Xmx2g, the app's child JVMs with "
                        + "the installer's options";
    }

    /** A line for the notes under the table, e.g. how long generating the data took. */
    static void note(String format, Object... arguments) {
        String line = String.format(Locale.ROOT, format, arguments);
        synchronized (CASES) {
            NOTES.add(line);
        }
        log("%s", line);
    }

    private static Sample timed(Timed work, int round, String name, String label, String which, String unit)
            throws Exception {
        System.gc();
        Sample sample = work.run(round);
        log("%s %s: %s %.2f %s (CPU %.2f s)", name, label, which, sample.wall(), unit, sample.cpu());
        return sample;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average, to tell whether something else ran during a measurement. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", arguments);
        System.out.flush();
    }

    /** The table of every case so far, with the machine, printed and written to results.md. */
    static void writeResults() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n");
        out.append("Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("  \n");
        out.append("Machine: ").append(machine()).append("  \n");
        out.append("Product: ").append(productVersion()).append("  \n");
        out.append("Profile: ").append(profileDescription()).append("  \n");
        out.append("Command: `mvn -o -Pbench verify`");
        String scale = scaleArguments();
        if (!scale.isEmpty()) {
            out.append(" (with `").append(scale).append("`)");
        }
        out.append("\n\n");
        out.append("| case | work | ours | floor | ratio | CPU ratio |\n");
        out.append("|---|---|---:|---:|---:|---:|\n");
        synchronized (CASES) {
            for (Case each : CASES) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %.2f %s | %.2f %s | %.2f× | %.2f× |%n", each.name(),
                        each.work(), each.oursMedian(), each.unit(), each.floorMedian(), each.unit(), each.ratio(),
                        each.cpuRatio()));
            }
            out.append("\nMedians over the measured runs (wall-clock time unless the unit says otherwise); ratio = ours / floor.\n"
                    + "CPU ratio: the same for the CPU time of the JVM (all threads). Every run, in the case's unit (CPU seconds):\n\n");
            for (Case each : CASES) {
                out.append(String.format(Locale.ROOT, "- %s: ours %s, floor %s; warm-up, not counted: ours %s, floor %s%n",
                        each.name(), seconds(each.ours()), seconds(each.floor()), seconds(each.warmupOurs()),
                        seconds(each.warmupFloor())));
            }
            if (!NOTES.isEmpty()) {
                out.append('\n');
                NOTES.forEach(line -> out.append("- ").append(line).append('\n'));
            }
        }
        System.out.println();
        System.out.println(out);
        try {
            Files.createDirectories(outputFolder());
            Files.writeString(outputFolder().resolve("results.md"), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(List<Sample> samples) {
        return "[" + String.join(", ", samples.stream()
                .map(s -> String.format(Locale.ROOT, "%.2f (%.2f)", s.wall(), s.cpu())).toList()) + "]";
    }

    private static String scaleArguments() {
        List<String> given = new ArrayList<>();
        for (String name : System.getProperties().stringPropertyNames().stream().sorted().toList()) {
            if (name.startsWith("bench.") && !name.equals("bench.dir") && !name.equals("bench.profile")) {
                given.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        return String.join(" ", given);
    }

    /** CPU, cores, memory, OS, JVM: what a reader needs to compare figures across machines. */
    static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException | UncheckedIOException ignored) {
            // Not Linux; the rest still says a lot.
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores, %d GiB RAM, %s %s, Java %s (%s), -Xmx%d MiB", cpu,
                Runtime.getRuntime().availableProcessors(), Math.round(memory / (1024.0 * 1024 * 1024)),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String productVersion;

    /**
     * Which code was measured: the commit, whether src/main or resources differ from it, and a fingerprint of the
     * compiled classes (equal fingerprints, same product code).
     */
    static synchronized String productVersion() {
        if (productVersion == null) {
            Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
            String commit = git(base, "rev-parse", "--short", "HEAD");
            String changes = git(base, "status", "--porcelain", "--", "src/main", "resources");
            productVersion = "commit " + (commit.isBlank() ? "unknown" : commit.strip())
                    + (changes.isBlank() ? "" : " with uncommitted changes in src/main or resources")
                    + ", classes fingerprint " + fingerprint(base.resolve("target/classes"));
        }
        return productVersion;
    }

    private static String git(Path base, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", base.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The first 12 hex digits of a SHA-256 over the .class files under {@code folder}, names and bytes, sorted. */
    private static String fingerprint(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException | UncheckedIOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
