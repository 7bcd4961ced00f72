package jp.tachiiri.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Making files and folders read-only or unreadable, and finding out whether that stops this process. */
public final class Permissions {

    private Permissions() {
    }

    /** True when this process writes into a folder it made read-only: it runs with root's privileges. */
    public static boolean ignoredHere(Path scratch) throws IOException {
        Path probe = Files.createTempDirectory(scratch, "permission-probe");
        try {
            readOnly(probe);
            try {
                Files.createFile(probe.resolve("written"));
                return true;
            } catch (IOException refused) {
                return false;
            }
        } finally {
            writable(probe);
            try (Stream<Path> paths = Files.walk(probe)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** r-x for everyone on a folder, r-- on a file. */
    public static void readOnly(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
    }

    /** rwx for the owner on a folder, rw- on a file, as before {@link #readOnly} (so that @TempDir can clean up). */
    public static void writable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** No permission at all for anyone. */
    public static void unreadable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
    }

    /** For a child JVM: exits 0 when file permissions hold it (it cannot write into a read-only folder in {@code args[0]}). */
    public static void main(String[] args) throws IOException {
        System.exit(ignoredHere(Path.of(args[0])) ? 1 : 0);
    }
}
