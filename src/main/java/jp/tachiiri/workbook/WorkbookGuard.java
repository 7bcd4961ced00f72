package jp.tachiiri.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * The check of a workbook file before the spreadsheet library reads it: a self-check form is a few dozen rows, so a
 * file far bigger than that is refused as what it is (a zip bomb, a macro-enabled workbook, a sheet of a million rows, a
 * 100 MB cell) with bounded memory and time. The file is read once, at most {@link #MAX_FILE_BYTES}; its parts are
 * listed by the zip reader the library itself uses (so both see the same parts), and every part is inflated once,
 * through a fixed buffer, counting the bytes really inflated (never the sizes the zip's headers claim) and stopping at
 * the first limit passed: no more than a limit's worth is ever inflated. Nothing is kept but the content types' text.
 */
public final class WorkbookGuard {

    /** The file itself: a filled form is 10–60 KB (a pasted picture adds some); 10 MiB leaves room for any honest one. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /**
     * Zip entries: Excel and LibreOffice write 10–30 parts for a workbook of three sheets. Counted in the file's bytes
     * before the zip reader lists them, as listing a crafted file of 200,000 empty entries would take 100 MB.
     */
    public static final int MAX_ENTRIES = 200;
    /** Worksheet parts: the form has two sheets (the form, the identifier); a hospital may add a few notes of its own. */
    public static final int MAX_SHEETS = 16;
    /**
     * One sheet's XML, inflated: a form of under 100 rows is 20–100 KB in any program's writing; 4 MiB is 40 times that
     * and stops a sheet of 1,000,000 rows (at least 20 bytes each) at its first fifth.
     */
    public static final long MAX_SHEET_BYTES = 4L * 1024 * 1024;
    /** The shared strings (every text cell's text): the items' wording is under 100 KB; a 100 MB cell stops here. */
    public static final long MAX_SHARED_STRINGS_BYTES = 4L * 1024 * 1024;
    /** Any other part (styles, workbook, relations, theme, a picture): Excel's styles of a big workbook stay under 1 MiB. */
    public static final long MAX_PART_BYTES = 2L * 1024 * 1024;
    /** All parts together, inflated. */
    public static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;
    /**
     * Inflated bytes per compressed byte of a part, checked once it passes {@link #RATIO_FLOOR_BYTES}: spreadsheet XML
     * compresses 5–30 times, a run of zeros a thousand times; 100 separates them with room to spare.
     */
    public static final long MAX_RATIO = 100;
    /** Below this, a part may compress as well as it likes: a small part cannot hurt. */
    public static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final Set<String> MACRO_EXTENSIONS = Set.of(".xlsm", ".xltm", ".xlam", ".xlsb");
    /** The signature of a zip's central directory entry (PK\1\2), one per part. */
    private static final int CENTRAL_ENTRY = 0x02014b50;

    private WorkbookGuard() {
    }

    /**
     * Checks {@code file}; returns normally only when the library may read it.
     *
     * @throws WorkbookException naming the file and what is wrong with it
     */
    public static void check(Path file) {
        check(read(file), file);
    }

    /**
     * The file's bytes, read at most once and refused beyond {@link #MAX_FILE_BYTES}: what is checked is then exactly
     * what is read, even if the file changes meanwhile (a USB stick pulled, a sync tool writing).
     */
    static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (content.length > MAX_FILE_BYTES) {
                throw WorkbookException.of(file, "workbook.error.fileTooLarge", Files.size(file), MAX_FILE_BYTES);
            }
            return content;
        } catch (IOException unreadable) {
            throw unreadable(unreadable, file);
        }
    }

    /** Checks {@code content}, the bytes of {@code file} (which names the file in the messages). */
    static void check(byte[] content, Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        MACRO_EXTENSIONS.stream().filter(name::endsWith).findFirst().ifPresent(extension -> {
            throw WorkbookException.of(file, "workbook.error.macro", extension);
        });
        if (ReadableWorkbook.isOLE2Header(content)) {
            throw WorkbookException.of(file, "workbook.error.oldFormat");
        }
        int entries = centralEntries(content);
        if (entries > MAX_ENTRIES) {
            throw WorkbookException.of(file, "workbook.error.tooManyParts", entries, MAX_ENTRIES);
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
        } catch (IOException | RuntimeException notAZip) {
            throw WorkbookException.because(notAZip, file, "workbook.error.notZip");
        }
        try (zip) {
            new Inflation(file, zip).checkEveryPart();
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof WorkbookException refused) {
                throw refused;
            }
            throw unreadable(unreadable, file);
        }
    }

    /** How many central directory entries the bytes hold, at most: a chance match inside compressed data adds one. */
    private static int centralEntries(byte[] content) {
        int count = 0;
        for (int i = 0; i + 4 <= content.length; i++) {
            if (content[i] == 'P' && content[i + 1] == 'K' && content[i + 2] == 1 && content[i + 3] == 2) {
                count++;
            }
        }
        return count;
    }

    /** One pass over the parts, counting what they inflate to. */
    private static final class Inflation {

        private final Path file;
        private final ZipFile zip;
        private final byte[] buffer = new byte[16 * 1024];
        private final Set<String> names = new HashSet<>();
        private long total;
        private int sheets;

        Inflation(Path file, ZipFile zip) {
            this.file = file;
            this.zip = zip;
        }

        void checkEveryPart() throws IOException {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                String part = entry.getName();
                refuseByName(part);
                if (part.startsWith("xl/worksheets/") && part.endsWith(".xml") && ++sheets > MAX_SHEETS) {
                    throw WorkbookException.of(file, "workbook.error.tooManySheets", MAX_SHEETS);
                }
            }
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.getName().equals(CONTENT_TYPES)) {
                    refuseMacroContentType(new String(inflate(entry, MAX_PART_BYTES, true), StandardCharsets.UTF_8));
                } else {
                    inflate(entry, limitOf(entry.getName()), false);
                }
            }
        }

        private void refuseByName(String part) {
            if (!names.add(part)) {
                throw WorkbookException.of(file, "workbook.error.duplicatePart", part);
            }
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.endsWith("vbaproject.bin") || lower.startsWith("xl/macrosheets/")) {
                throw WorkbookException.of(file, "workbook.error.macro", part);
            }
            if (lower.startsWith("xl/externallinks/")) {
                throw WorkbookException.of(file, "workbook.error.externalLinks", part);
            }
        }

        private void refuseMacroContentType(String contentTypes) {
            if (contentTypes.contains("macroEnabled") || contentTypes.contains("vbaProject")) {
                throw WorkbookException.of(file, "workbook.error.macro", CONTENT_TYPES);
            }
        }

        private long limitOf(String part) {
            if (part.startsWith("xl/worksheets/")) {
                return MAX_SHEET_BYTES;
            }
            return part.equals("xl/sharedStrings.xml") ? MAX_SHARED_STRINGS_BYTES : MAX_PART_BYTES;
        }

        /** Inflates one part, counting; keeps its bytes only when asked (a part already bounded by its limit). */
        private byte[] inflate(ZipArchiveEntry entry, long limit, boolean keep) throws IOException {
            ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
            long compressed = Math.max(entry.getCompressedSize(), 1);
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    inflated += read;
                    total += read;
                    if (inflated > limit) {
                        throw WorkbookException.of(file, "workbook.error.partTooLarge", entry.getName(), limit);
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw WorkbookException.of(file, "workbook.error.totalTooLarge", MAX_TOTAL_BYTES);
                    }
                    if (inflated > RATIO_FLOOR_BYTES && inflated / compressed > MAX_RATIO) {
                        throw WorkbookException.of(file, "workbook.error.ratio", entry.getName(), MAX_RATIO);
                    }
                    if (kept != null) {
                        kept.write(buffer, 0, read);
                    }
                }
            }
            return kept == null ? null : kept.toByteArray();
        }
    }

    static WorkbookException unreadable(Exception cause, Path file) {
        return WorkbookException.because(cause, file, "workbook.error.unreadable", String.valueOf(cause.getMessage()));
    }
}
