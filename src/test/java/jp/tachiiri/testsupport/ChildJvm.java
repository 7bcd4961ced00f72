package jp.tachiiri.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second JVM on the test's class path, running one of our main classes: another program on the same data
 * folder, or the app under conditions this JVM cannot be put in. It can run
 * <ul>
 * <li>without the privilege to ignore file permissions: as root (CI, containers) a read-only folder is no
 * obstacle, so there the child runs as root without any capability ({@code setpriv}, util-linux), which the
 * kernel holds to the owner's permission bits like anyone else; it can still read the build and the
 * Maven repository, which an unprivileged user id could not;</li>
 * <li>under a file-size limit ({@code ulimit -f} through bash): every write past it fails with EFBIG (HotSpot
 * ignores SIGXFSZ), as on a full disk, without mounting anything;</li>
 * <li>under strace, which logs the system calls that make files durable ({@link FileSyncTrace}).</li>
 * </ul>
 */
public final class ChildJvm {

    /** What the child printed and how it ended. */
    public record Result(int exitCode, String out, String err) {
    }

    private final List<String> prefix = new ArrayList<>();
    // No hsperfdata file in /tmp: a child under a file-size limit or without privileges writes only what is tested.
    private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:-UsePerfData",
            "-Dfile.encoding=UTF-8", "-Duser.home=" + System.getProperty("user.home")));

    private final java.util.Map<String, String> environment = new java.util.HashMap<>();

    private ChildJvm() {
    }

    /** The child with an environment variable set (or, with null, removed), beside the rest of this JVM's. */
    public ChildJvm withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** A child with the same rights as this JVM. */
    public static ChildJvm plain() {
        return new ChildJvm();
    }

    /**
     * A child that file permissions hold: as this JVM when they hold it already, else (running as root)
     * without capabilities. Aborts the test, saying why, where neither is possible.
     */
    public static ChildJvm heldByFilePermissions(Path scratch) throws IOException {
        ChildJvm child = new ChildJvm();
        if (!Permissions.ignoredHere(scratch)) {
            return child;
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "this JVM ignores file permissions (root) and setpriv (util-linux) is not installed to run a child without that privilege");
        child.prefix.addAll(List.of("/usr/bin/setpriv", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        Result check = child.run(Permissions.class, scratch.toString());
        Assumptions.assumeTrue(check.exitCode() == 0,
                "setpriv could not drop the privilege to ignore file permissions here: " + check.err());
        return child;
    }

    /**
     * A child whose files cannot grow past {@code kilobytes}. SQLite's native library is unpacked beforehand
     * into {@code scratch}: the driver would otherwise unpack it at start-up, and fail already there.
     */
    public static ChildJvm withFileSizeLimit(long kilobytes, Path scratch) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to set a file-size limit (ulimit -f)");
        ChildJvm child = new ChildJvm();
        child.prefix.addAll(List.of("/bin/bash", "-c", "ulimit -f " + kilobytes + " && exec \"$@\"", "bash"));
        child.jvmOptions.addAll(SqliteLibrary.loadedFrom(scratch.resolve("sqlite-native")));
        return child;
    }

    /**
     * A child whose fsync, fdatasync and rename calls strace logs to {@code log}, each with the paths it
     * touches. Aborts the test, saying why, where strace is missing or may not trace (a container without
     * ptrace).
     */
    public static ChildJvm tracingFileSyncs(Path log) throws IOException {
        Path strace = Path.of("/usr/bin/strace");
        Assumptions.assumeTrue(Files.isExecutable(strace), "strace is needed to see which files are forced to the disk");
        ChildJvm child = new ChildJvm();
        // -f: every thread; -y: the path behind each file descriptor; -qq: no lines about threads starting.
        child.prefix.addAll(List.of(strace.toString(), "-f", "-qq", "-y", "-o", log.toString(),
                "-e", "trace=fsync,fdatasync,rename,renameat,renameat2"));
        Process check = new ProcessBuilder(strace.toString(), "-qq", "-o", "/dev/null", "/bin/true")
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            Assumptions.assumeTrue(check.waitFor() == 0, "strace may not trace here: " + said);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trying strace", e);
        }
        return child;
    }

    /** The same system properties as this JVM has for them, e.g. the headless screen of the UI tests. */
    public ChildJvm withPropertiesOf(String... names) {
        for (String name : names) {
            String value = System.getProperty(name);
            if (value != null) {
                jvmOptions.add("-D" + name + "=" + value);
            }
        }
        return this;
    }

    /** Runs {@code main} with {@code args} to its end (at most two minutes). */
    public Result run(Class<?> main, String... args) throws IOException {
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        try {
            Process process = command(main, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the child " + main.getSimpleName() + " did not end within two minutes");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the child ran", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts {@code main} with {@code args}; the caller talks to it and ends it. */
    public Process start(Class<?> main, String... args) throws IOException {
        return command(main, args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private ProcessBuilder command(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder;
    }
}
