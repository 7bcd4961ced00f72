package jp.tachiiri.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a file so that it appears whole or not at all, even if the power goes: the bytes go to a temporary
 * file in the target's folder (so that the rename stays on one file system and is atomic), are forced to the
 * disk, the file is renamed to its name, and the folder is forced so that the rename itself survives. On any
 * failure, one thrown by the caller's writing code included, the temporary file is deleted and the target is
 * as it was.
 */
public final class AtomicFile {

    /** What to do when a file of the target's name exists already. */
    public enum IfExists {
        /** The new file takes its place in one step: a reader sees the old file or the new one, never a mix. */
        REPLACE,
        /** Fails with {@link FileAlreadyExistsException} and leaves the existing file alone. */
        REFUSE
    }

    /** Writes a file's content; may throw anything, and the half-written file is then thrown away. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMPORARY_PREFIX = ".tachiiri-";
    private static final String TEMPORARY_SUFFIX = ".part";
    private static final int BUFFER_BYTES = 64 * 1024;

    private AtomicFile() {
    }

    /** Writes {@code content} as the file {@code target}; its folder must exist. */
    public static void write(Path target, IfExists ifExists, Content content) throws IOException {
        try (Staged staged = stage(target.toAbsolutePath().getParent(), content)) {
            staged.moveTo(target, ifExists);
        }
    }

    /**
     * Writes {@code content} to a temporary file in {@code folder}, forced to the disk, for when the name is
     * known only once the content is written (a file named by its hash). {@link Staged#moveTo} names it;
     * closing the {@code Staged} deletes it if it was not moved.
     */
    public static Staged stage(Path folder, Content content) throws IOException {
        Path temporary = Files.createTempFile(folder, TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES) {
                    @Override
                    public void close() throws IOException {
                        flush(); // The channel must stay open to be forced, even if the content closes its stream.
                    }
                };
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            return new Staged(temporary);
        } catch (Throwable e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * Moves a file that is already whole (written elsewhere on the same file system, e.g. an attachment staged
     * while a bundle was read) to {@code target}, durably: forced to the disk, renamed, the folder forced.
     */
    public static void moveIntoPlace(Path file, Path target, IfExists ifExists) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        rename(file, target, ifExists);
    }

    /** Whether {@code file} is a temporary file of this class: one that a process killed while writing left behind. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** A whole file on the disk under a temporary name, waiting for its own. */
    public static final class Staged implements AutoCloseable {

        private final Path temporary;
        private boolean moved;

        private Staged(Path temporary) {
            this.temporary = temporary;
        }

        /** Gives the file its name; {@code target} must be on the same file system as the folder it was staged in. */
        public void moveTo(Path target, IfExists ifExists) throws IOException {
            rename(temporary, target, ifExists);
            moved = true;
        }

        /** Deletes the temporary file unless it was moved to its name. */
        @Override
        public void close() {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void rename(Path file, Path target, IfExists ifExists) throws IOException {
        // An atomic rename replaces an existing target on every platform, so refusing takes a look first; a
        // file another program creates in between would still be replaced, which names no one else makes
        // (a bundle's carries a random id) cannot run into.
        if (ifExists == IfExists.REFUSE && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path folder = target.toAbsolutePath().getParent();
        forceFolder(folder);
        // A move between two folders changes both: until the one it left is forced too, a power cut may undo it.
        Path left = file.toAbsolutePath().getParent();
        if (!left.equals(folder)) {
            forceFolder(left);
        }
    }

    /**
     * Creates {@code folder} and any missing folders above it, durably: a folder's name is an entry of its parent,
     * which forcing the files inside does not force, so each new folder's parent is forced too. Without that a power
     * cut could take a new folder away with every file written into it, each forced and renamed as it should be.
     */
    public static Path createFolders(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path above = folder.toAbsolutePath(); above != null && !Files.isDirectory(above); above = above.getParent()) {
            missing.add(above);
        }
        Files.createDirectories(folder);
        for (Path created : missing) {
            forceFolder(created.getParent());
        }
        return folder;
    }

    /**
     * Makes the names in {@code folder} durable (a rename, a new file or folder, a removal): until the folder is
     * forced, a power cut may undo them.
     */
    public static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder to force it: there the rename is as durable as the file system's
            // journal makes it, and the file's own bytes are on the disk already.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Already failing: the first error is the one to report, and a stray temporary file harms nothing.
        }
    }
}
