package jp.tachiiri.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import jp.tachiiri.i18n.UserFacingException;

/**
 * A CSV file as Excel opens it by double-click: UTF-8 with a byte order mark, CRLF lines, RFC 4180 quoting,
 * formulas neutralised ({@link CsvCells}). Written to a temporary file beside the target, forced to the disk
 * and renamed, so an interrupted export never leaves half a file under the report's name.
 */
public final class CsvFile {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Produces the rows of a file, header first, handing each to {@code row}. */
    @FunctionalInterface
    public interface Rows {
        void produce(Consumer<List<String>> row);
    }

    private CsvFile() {
    }

    /** Writes the rows; returns how many there were (the header included). */
    public static int write(Path out, Rows rows) {
        Path folder = out.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".tachiiri-report-", ".part");
            int[] count = {0};
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                writer.write(BYTE_ORDER_MARK);
                rows.produce(row -> {
                    try {
                        writer.write(CsvCells.line(row));
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            }
            return count[0];
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temp);
            throw new UserFacingException(e, "report.error.write", out, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
        }
    }
}
