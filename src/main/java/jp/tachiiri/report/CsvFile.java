package jp.tachiiri.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.files.AtomicFile.IfExists;
import jp.tachiiri.i18n.UserFacingException;

/**
 * A CSV file as Excel opens it by double-click: UTF-8 with a byte order mark, CRLF lines, RFC 4180 quoting,
 * formulas neutralised ({@link CsvCells}). Written whole or not at all ({@link AtomicFile}), so an interrupted
 * export never leaves half a file under the report's name.
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
        int[] count = {0};
        try {
            AtomicFile.createFolders(out.toAbsolutePath().getParent());
            AtomicFile.write(out, IfExists.REPLACE, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
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
            });
            return count[0];
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(e, "report.error.write", out, e.getMessage());
        }
    }
}
