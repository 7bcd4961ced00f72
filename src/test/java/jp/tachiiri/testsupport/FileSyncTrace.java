package jp.tachiiri.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a program did to make its files durable, read from strace's log: which files and folders it forced to
 * the disk and what it renamed, in order. Nothing inside the JVM shows this; a forgotten fsync of a folder
 * after a rename is seen nowhere but in the system calls.
 */
public final class FileSyncTrace {

    /** A call on paths below the traced folder, relative to it ("" is the folder itself). */
    public record Call(String name, List<String> paths) {

        /** An fsync or fdatasync of {@code path}. */
        public static Call sync(String path) {
            return new Call("sync", List.of(path));
        }

        public static Call rename(String from, String to) {
            return new Call("rename", List.of(from, to));
        }
    }

    /** {@code 1234 fsync(5</path>) = 0}, or the first half of a call another thread interrupted in the log. */
    private static final Pattern CALL = Pattern.compile("^\\d+\\s+(\\w+)\\((.*)$");
    /** A file descriptor with the path strace resolved for it ({@code -y}): {@code 5</path>}. */
    private static final Pattern DESCRIPTOR_PATH = Pattern.compile("\\d+<([^>]*)>");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private FileSyncTrace() {
    }

    /**
     * Runs {@code main} with {@code args} in a child JVM under strace and returns its syncs and renames of
     * paths below {@code folder}. Aborts the test where strace cannot run.
     */
    public static List<Call> of(Path folder, Class<?> main, String... args) throws IOException {
        Path log = Files.createTempFile("strace", ".log");
        try {
            ChildJvm.Result result = ChildJvm.tracingFileSyncs(log).run(main, args);
            if (result.exitCode() != 0) {
                throw new AssertionError(main.getSimpleName() + " failed under strace: " + result.err());
            }
            return calls(Files.readAllLines(log), folder);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static List<Call> calls(List<String> log, Path folder) throws IOException {
        // Descriptors show the real path (links resolved), renames the path as the program spelt it.
        String real = folder.toRealPath().toString();
        String spelt = folder.toAbsolutePath().toString();
        List<Call> calls = new ArrayList<>();
        for (String line : log) {
            Matcher call = CALL.matcher(line);
            if (!call.find()) {
                continue;
            }
            String name = call.group(1);
            String arguments = call.group(2);
            if (name.equals("fsync") || name.equals("fdatasync")) {
                Matcher path = DESCRIPTOR_PATH.matcher(arguments);
                if (path.find() && below(path.group(1), real)) {
                    calls.add(Call.sync(relative(path.group(1), real)));
                }
            } else if (name.startsWith("rename")) {
                List<String> paths = new ArrayList<>();
                for (Matcher quoted = QUOTED.matcher(arguments); quoted.find(); ) {
                    paths.add(quoted.group(1));
                }
                if (paths.size() == 2 && below(paths.get(0), spelt) && below(paths.get(1), spelt)) {
                    calls.add(Call.rename(relative(paths.get(0), spelt), relative(paths.get(1), spelt)));
                }
            }
        }
        return calls;
    }

    private static boolean below(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder + "/");
    }

    private static String relative(String path, String folder) {
        return path.equals(folder) ? "" : path.substring(folder.length() + 1);
    }
}
