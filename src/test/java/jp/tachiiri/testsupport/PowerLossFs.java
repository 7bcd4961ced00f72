package jp.tachiiri.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A folder mounted through a FUSE file system that forgets, on {@link #cut()}, everything not yet made durable, as
 * a power cut does: file data written since the file's last fsync, and creations, renames and removals whose folder
 * was not fsynced since (a random part of them, drawn from the seed). Until the cut it passes everything through to
 * the backing folder. The file system is {@code powerloss_fs.py} beside this class, which documents what exactly is
 * forgotten; it needs /dev/fuse, fusermount and Debian's python3-fusepy ({@link #unavailable()} says what is
 * missing).
 *
 * <p>After a cut every operation on the mount fails; {@link #unmount()} and read what survived in the backing folder,
 * or mount it again.
 */
public final class PowerLossFs implements AutoCloseable {

    private static final String SCRIPT = "powerloss_fs.py";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long MOUNT_SECONDS = 30;
    private static final long CUT_SECONDS = 120;
    private static Optional<String> unavailable;
    private static Path script;

    private final Path mountPoint;
    private final Process daemon;
    private final Path log;
    private final Writer commands;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private boolean mounted = true;

    private PowerLossFs(Path mountPoint, Process daemon, Path log) {
        this.mountPoint = mountPoint;
        this.daemon = daemon;
        this.log = log;
        this.commands = daemon.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "powerloss-fs output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Mounts {@code backing} (an existing folder, whose files count as durable as found) on {@code mountPoint} (an
     * existing empty folder) and returns once the mount is up. {@code seed} decides which pending creations, renames
     * and removals each cut keeps.
     */
    public static PowerLossFs mount(Path backing, Path mountPoint, long seed) throws IOException {
        Path log = Files.createTempFile("powerloss-fs", ".log");
        Process daemon = new ProcessBuilder(PYTHON.toString(), script().toString(), backing.toString(),
                mountPoint.toString(), Long.toString(seed))
                .redirectError(log.toFile())
                .start();
        PowerLossFs fs = new PowerLossFs(mountPoint, daemon, log);
        try {
            fs.awaitLine("mounted", MOUNT_SECONDS);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
        return fs;
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /**
     * Cuts the power: forgets what was not durable and returns the file system's account of it (how many pending
     * name operations it kept, how many files' data it undid). Every later operation on the mount fails.
     */
    public String cut() throws IOException {
        commands.write("cut\n");
        commands.flush();
        return awaitLine("cut done", CUT_SECONDS);
    }

    /**
     * Unmounts and waits for the file system to end. Files still open on the mount are let go of (a lazy unmount),
     * so that a test that failed half-way leaves no mount behind.
     */
    public void unmount() throws IOException {
        if (!mounted) {
            return;
        }
        mounted = false;
        try {
            if (fusermount("-u") != 0 && fusermount("-u", "-z") != 0) {
                daemon.destroy();
            }
            closeCommands();
            if (!daemon.waitFor(MOUNT_SECONDS, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
                throw new IOException("the power-loss file system did not end after its unmount: " + errors());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.destroyForcibly();
            throw new IOException("interrupted while unmounting " + mountPoint, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Ends the daemon's stdin, which it also takes as its parent gone (it unmounts, if it is still mounted). */
    private void closeCommands() {
        try {
            commands.close();
        } catch (IOException e) {
            // The daemon has ended already; waitFor sees it.
        }
    }

    @Override
    public void close() throws IOException {
        unmount();
    }

    /**
     * Why the file system cannot run here, if it cannot: no /dev/fuse, no /usr/bin/python3 with fusepy, no
     * fusermount, or the kernel refuses the mount. Found out once, by mounting a scratch folder.
     */
    public static synchronized Optional<String> unavailable() {
        if (unavailable == null) {
            unavailable = findWhyUnavailable();
        }
        return unavailable;
    }

    private static Optional<String> findWhyUnavailable() {
        Path fuse = Path.of("/dev/fuse");
        if (!Files.isReadable(fuse) || !Files.isWritable(fuse)) {
            return Optional.of("no usable /dev/fuse (the kernel's FUSE device; containers need it passed in)");
        }
        try {
            if (run(PYTHON.toString(), "-c", "import fusepy") != 0) {
                return Optional.of(PYTHON + " cannot import fusepy (apt-get install python3-fusepy)");
            }
            if (run("fusermount", "-V") != 0) {
                return Optional.of("fusermount fails (apt-get install fuse3)");
            }
        } catch (IOException e) {
            return Optional.of("cannot run " + PYTHON + " or fusermount (apt-get install python3-fusepy fuse3): "
                    + e.getMessage());
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("powerloss-fs-probe");
            Path backing = Files.createDirectory(scratch.resolve("backing"));
            Path mountPoint = Files.createDirectory(scratch.resolve("mount"));
            PowerLossFs probe = mount(backing, mountPoint, 0);
            try {
                Files.writeString(mountPoint.resolve("probe"), "probe");
            } finally {
                probe.close();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the power-loss file system does not mount here: " + e.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // The daemon ended; awaitLine reports it.
        }
    }

    private String awaitLine(String prefix, long seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() < deadline) {
                String line = output.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !daemon.isAlive() && output.isEmpty()) {
                    throw new IOException("the power-loss file system ended (exit " + daemon.exitValue()
                            + ") before \"" + prefix + "\": " + errors());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for \"" + prefix + "\"", e);
        }
        throw new IOException("no \"" + prefix + "\" from the power-loss file system within " + seconds + " s: "
                + errors());
    }

    private String errors() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private int fusermount(String... options) throws IOException {
        String[] command = new String[options.length + 2];
        command[0] = "fusermount";
        System.arraycopy(options, 0, command, 1, options.length);
        command[command.length - 1] = mountPoint.toString();
        return run(command);
    }

    /** Runs a short command and returns its exit code; its output is dropped. */
    private static int run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(OutputStream.nullOutputStream());
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** The script, copied once out of the class path into a file python can run. */
    private static synchronized Path script() throws IOException {
        if (script == null) {
            Path file = Files.createTempFile("powerloss_fs", ".py");
            file.toFile().deleteOnExit();
            try (InputStream in = PowerLossFs.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException(SCRIPT + " is missing from the test class path");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            script = file;
        }
        return script;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A scratch folder in the temporary folder; the system clears it.
        }
    }
}
