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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * The check of a workbook file before any spreadsheet library reads it: a self-check form is a few dozen rows, so a
 * file far bigger than that is refused as what it is (a zip bomb, a macro-enabled workbook, a sheet of a million rows, a
 * 100 MB cell) with bounded memory and time. It inflates every part of the zip once, through a fixed buffer, counting
 * the bytes it really gets (never the sizes the zip's headers claim) and stopping at the first limit passed, so that
 * no more than a limit's worth is ever inflated. It keeps nothing of what it reads but the content types' text.
 */
public final class WorkbookGuard {

    /** The file itself: a filled form is 10–60 KB (a pasted picture adds some); 10 MiB leaves room for any honest one. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Zip entries: Excel and LibreOffice write 10–30 parts for a workbook of three sheets. */
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
     * Inflated bytes per compressed byte, checked once a part passes {@link #RATIO_FLOOR_BYTES}: spreadsheet XML
     * compresses 5–30 times, a run of zeros a thousand times; 100 separates them with room to spare.
     */
    public static final long MAX_RATIO = 100;
    /** Below this, a part may compress as well as it likes: a small part cannot hurt. */
    public static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final Set<String> MACRO_EXTENSIONS = Set.of(".xlsm", ".xltm", ".xlam", ".xlsb");

    private WorkbookGuard() {
    }

    /**
     * Checks {@code file}; returns normally only when the library may read it.
     *
     * @throws WorkbookException naming the file and what is wrong with it
     */
    public static void check(Path file) {
        check(file, file);
    }

    /** Checks {@code content}, a copy of {@code file}: the messages name the file the user chose. */
    static void check(Path content, Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        MACRO_EXTENSIONS.stream().filter(name::endsWith).findFirst().ifPresent(extension -> {
            throw WorkbookException.of(file, "workbook.error.macro", extension);
        });
        long size = fileSize(content, file);
        if (size > MAX_FILE_BYTES) {
            throw WorkbookException.of(file, "workbook.error.fileTooLarge", size, MAX_FILE_BYTES);
        }
        try (ZipFile zip = new ZipFile(content.toFile(), StandardCharsets.UTF_8)) {
            if (zip.stream().filter(entry -> isSheet(entry.getName())).count() > MAX_SHEETS) {
                throw WorkbookException.of(file, "workbook.error.tooManySheets", MAX_SHEETS);
            }
            if (zip.size() > MAX_ENTRIES) {
                throw WorkbookException.of(file, "workbook.error.tooManyParts", zip.size(), MAX_ENTRIES);
            }
            new Inflation(file, zip).checkEveryPart();
        } catch (ZipException notAZip) {
            throw WorkbookException.because(notAZip, file, oldFormat(content) ? "workbook.error.oldFormat" : "workbook.error.notZip");
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof WorkbookException refused) {
                throw refused;
            }
            throw WorkbookException.because(unreadable, file, "workbook.error.unreadable", String.valueOf(unreadable.getMessage()));
        }
    }

    /** One pass over the parts, counting what they inflate to. */
    private static final class Inflation {

        private final Path file;
        private final ZipFile zip;
        private final byte[] buffer = new byte[64 * 1024];
        private final Set<String> names = new HashSet<>();
        private long total;

        Inflation(Path file, ZipFile zip) {
            this.file = file;
            this.zip = zip;
        }

        void checkEveryPart() throws IOException {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String part = entry.getName();
                refuseByName(part);
                if (part.equals(CONTENT_TYPES)) {
                    refuseMacroContentType(new String(inflate(entry, MAX_PART_BYTES, true), StandardCharsets.UTF_8));
                } else {
                    inflate(entry, limitOf(part), false);
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
        private byte[] inflate(ZipEntry entry, long limit, boolean keep) throws IOException {
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

    /** A worksheet's part (the zip's central directory lists them without inflating anything). */
    private static boolean isSheet(String part) {
        return part.startsWith("xl/worksheets/") && part.endsWith(".xml");
    }

    /** An .xls of old, or an .xlsx saved with a password, which Excel wraps in an OLE2 container. */
    private static boolean oldFormat(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ReadableWorkbook.isOLE2Header(in.readNBytes(8));
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static long fileSize(Path content, Path file) {
        try {
            return Files.size(content);
        } catch (IOException unreadable) {
            throw WorkbookException.because(unreadable, file, "workbook.error.unreadable", String.valueOf(unreadable.getMessage()));
        }
    }
}
