package jp.tachiiri.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.tachiiri.bundle.BundleReader;

/**
 * Files imported one after the other, in order, each with its own outcome, while the next file is opened on a
 * second thread: opening a bundle (decrypting, parsing, the schema, the canonical form, the signature) needs
 * nothing from the store, so it overlaps the writing of the file before it. What the store decides (trust, what is
 * imported already) is still decided file by file on the caller's thread, in order, as if each were imported alone.
 * At most two files are open at once. Close the batch when done, also when stopping early.
 */
public final class ImportBatch implements AutoCloseable {

    /** Imports one file from the reader {@code opened} supplies (or the exception opening it threw). */
    interface Importer {
        ImportOutcome importFile(Path file, Supplier<BundleReader> opened);
    }

    private final List<Path> files;
    private final Function<Path, BundleReader> open;
    private final Importer importer;
    private final ExecutorService reading;
    private Future<BundleReader> ahead;
    private int position;

    ImportBatch(List<Path> files, Function<Path, BundleReader> open, Importer importer) {
        this.files = List.copyOf(files);
        this.open = open;
        this.importer = importer;
        this.reading = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bundle-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
        this.ahead = files.isEmpty() ? null : openAhead(this.files.get(0));
    }

    public boolean hasNext() {
        return position < files.size();
    }

    /** The file {@link #next()} imports. */
    public Path nextFile() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return files.get(position);
    }

    /** Imports the next file, and starts opening the one after it. */
    public ImportOutcome next() {
        Path file = nextFile();
        Future<BundleReader> opening = ahead;
        position++;
        ahead = hasNext() ? openAhead(files.get(position)) : null;
        return importer.importFile(file, () -> take(opening));
    }

    private Future<BundleReader> openAhead(Path file) {
        return reading.submit(() -> open.apply(file));
    }

    /** The reader opened on the other thread; what opening threw is thrown here, as if it had been opened here. */
    private static BundleReader take(Future<BundleReader> opening) {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the import was interrupted");
        }
    }

    /** Closes the file opened ahead and not imported (waiting for its opening to end), and stops the thread. */
    @Override
    public void close() {
        Future<BundleReader> unused = ahead;
        ahead = null;
        reading.shutdown();
        if (unused == null) {
            return;
        }
        try {
            unused.get().close();
        } catch (ExecutionException | CancellationException e) {
            // It did not open: nothing to close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
