package jp.tachiiri.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Temporary files a process killed half-way leaves in the data folder (a photo being copied in, a bundle's
 * attachments being staged). Only what is older than a cut-off goes, so that the work in progress of another
 * process on the same folder is never taken away; a sweep that fails is tried again at the next start.
 */
public final class Leftovers {

    private Leftovers() {
    }

    /** Deletes the entries of {@code folder} (folders with their contents) that {@code matches} and are older than {@code cutOff}. */
    public static int sweep(Path folder, Predicate<Path> matches, Instant cutOff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int swept = 0;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.filter(matches).toList()) {
                if (Files.getLastModifiedTime(entry).compareTo(FileTime.from(cutOff)) < 0 && deleteTree(entry)) {
                    swept++;
                }
            }
        } catch (IOException e) {
            // Leftovers cost only space: the next start tries again.
        }
        return swept;
    }

    private static boolean deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
