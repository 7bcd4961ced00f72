package jp.tachiiri.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * The check of a workbook file before the spreadsheet library reads it: a self-check form is a few dozen rows, so a
 * file far bigger than that is refused as what it is (a zip bomb, a macro-enabled workbook, a sheet of a million rows, a
 * 100 MB cell) with bounded memory and time. The file is read once, at most {@link #MAX_FILE_BYTES}; its parts are
 * listed by the zip reader the library itself uses (so both see the same parts), and every part is inflated once,
 * counting the bytes really inflated and the compressed bytes really consumed (never the sizes the zip's headers claim)
 * and stopping at the first limit passed: no more than a limit's worth is ever inflated. The XML parts are parsed as
 * they inflate, nothing kept: content and relationship types (macros, external links) and each sheet's cells (none
 * outside the form's columns and rows, few array formulas, little formula text), which the library would otherwise
 * pad, search or copy into gigabytes or minutes.
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
    /**
     * Array formulas in one sheet: the form has none, a hospital may type one or two; the library looks every
     * formula cell up among all of them, so 100,000 would take minutes.
     */
    public static final int MAX_ARRAY_FORMULAS = 10;
    /**
     * Characters of formulas in one sheet, a shared formula's copies counted with its base's length: the library
     * rebuilds each copy by string concatenation, quadratic in its length. 60 answered rows of formulas take 3,000.
     */
    public static final long MAX_FORMULA_CHARS = 16 * 1024;

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
    private static final Set<String> MACRO_EXTENSIONS = Set.of(".xlsm", ".xltm", ".xlam", ".xlsb");
    /** The JDK's own StAX parser, with DTDs and external entities off: a part's XML can expand into nothing. */
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

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
        } catch (IOException | XMLStreamException | RuntimeException unreadable) {
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

    /**
     * One pass over the parts, counting what they inflate to. The workbook's list of sheets and its relationships
     * come first, so that a sheet's problem names the sheet as the hospital sees it.
     */
    private static final class Inflation {

        private final Path file;
        private final ZipFile zip;
        private final byte[] buffer = new byte[16 * 1024];
        private final Set<String> names = new HashSet<>();
        /** The workbook's sheets: relationship id to name, and relationship id to part. */
        private final Map<String, String> sheetNames = new HashMap<>();
        private final Map<String, String> sheetParts = new HashMap<>();
        private long total;
        private int sheets;

        Inflation(Path file, ZipFile zip) {
            this.file = file;
            this.zip = zip;
        }

        void checkEveryPart() throws IOException, XMLStreamException {
            List<ZipArchiveEntry> parts = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                String part = entry.getName();
                refuseByName(part);
                if (isSheet(part) && ++sheets > MAX_SHEETS) {
                    throw WorkbookException.of(file, "workbook.error.tooManySheets", MAX_SHEETS);
                }
                parts.add(entry);
            }
            parts.sort(Comparator.comparing((ZipArchiveEntry entry) -> !List.of(WORKBOOK, WORKBOOK_RELATIONSHIPS)
                    .contains(entry.getName())));
            for (ZipArchiveEntry entry : parts) {
                String part = entry.getName();
                if (part.equals(CONTENT_TYPES)) {
                    parse(entry, MAX_PART_BYTES, this::contentTypes);
                } else if (part.endsWith(".rels")) {
                    parse(entry, MAX_PART_BYTES, xml -> relationships(part, xml));
                } else if (part.equals(WORKBOOK)) {
                    parse(entry, MAX_PART_BYTES, this::sheetNames);
                } else if (isSheet(part)) {
                    parse(entry, MAX_SHEET_BYTES, xml -> new SheetScan(sheetName(part)).scan(xml));
                } else {
                    try (InputStream in = inflating(entry, limitOf(part))) {
                        drain(in);
                    }
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

        private static boolean isSheet(String part) {
            return part.startsWith("xl/worksheets/") && part.endsWith(".xml");
        }

        /** Macros and external links declared by content type, whatever their parts are called. */
        private void contentTypes(XMLStreamReader xml) throws XMLStreamException {
            for (; xml.hasNext(); xml.next()) {
                if (xml.isStartElement()) {
                    String type = String.valueOf(xml.getAttributeValue(null, "ContentType"));
                    if (type.contains("macroEnabled") || type.contains("vbaProject")) {
                        throw WorkbookException.of(file, "workbook.error.macro", CONTENT_TYPES);
                    }
                    if (type.contains("externalLink")) {
                        throw WorkbookException.of(file, "workbook.error.externalLinks",
                                String.valueOf(xml.getAttributeValue(null, "PartName")));
                    }
                }
            }
        }

        /** External links declared by relationship type; the workbook's own relationships name its sheets' parts. */
        private void relationships(String part, XMLStreamReader xml) throws XMLStreamException {
            for (; xml.hasNext(); xml.next()) {
                if (xml.isStartElement() && xml.getLocalName().equals("Relationship")) {
                    String type = String.valueOf(xml.getAttributeValue(null, "Type"));
                    String target = String.valueOf(xml.getAttributeValue(null, "Target"));
                    if (type.endsWith("/externalLink") || type.endsWith("/externalLinkPath")) {
                        throw WorkbookException.of(file, "workbook.error.externalLinks", target);
                    }
                    if (part.equals(WORKBOOK_RELATIONSHIPS) && type.endsWith("/worksheet")) {
                        sheetParts.put(xml.getAttributeValue(null, "Id"),
                                target.startsWith("/") ? target.substring(1) : "xl/" + target);
                    }
                }
            }
        }

        private void sheetNames(XMLStreamReader xml) throws XMLStreamException {
            for (; xml.hasNext(); xml.next()) {
                if (xml.isStartElement() && xml.getLocalName().equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if (xml.getAttributeLocalName(i).equals("id")) {
                            id = xml.getAttributeValue(i);
                        }
                    }
                    sheetNames.put(id, xml.getAttributeValue(null, "name"));
                }
            }
        }

        /** The name the workbook gives the sheet in {@code part}, or the part's own name if it gives none. */
        private String sheetName(String part) {
            return sheetParts.entrySet().stream().filter(sheet -> sheet.getValue().equals(part))
                    .map(sheet -> sheetNames.get(sheet.getKey())).filter(Objects::nonNull).findFirst().orElse(part);
        }

        /**
         * The cells of one sheet, against what the spreadsheet library would make of them: it pads each row's cells
         * up to the column of the last (and every later row to the widest seen), so one cell in column ZZZZZ would
         * cost gigabytes; it looks each formula cell up among all array formulas, and rebuilds each shared formula by
         * copying its base's text once per reference. A cell or row without its reference counts where the library
         * puts it: after the one before.
         */
        private final class SheetScan {

            private final String sheet;
            private int rows;
            private int row;
            private int cellsInRow;
            private int arrayFormulas;
            private long formulaChars;
            private final Map<String, Integer> sharedFormulaChars = new HashMap<>();

            SheetScan(String sheet) {
                this.sheet = sheet;
            }

            void scan(XMLStreamReader xml) throws XMLStreamException {
                boolean inData = false;
                for (; xml.hasNext(); xml.next()) {
                    if (xml.isEndElement() && xml.getLocalName().equals("sheetData")) {
                        inData = false;
                    }
                    if (!xml.isStartElement()) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "sheetData" -> inData = true;
                        case "row" -> {
                            if (inData) {
                                row(xml.getAttributeValue(null, "r"));
                            }
                        }
                        case "c" -> {
                            if (inData) {
                                cell(xml.getAttributeValue(null, "r"));
                            }
                        }
                        case "f" -> {
                            if (inData) {
                                formula(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "ref"),
                                        xml.getAttributeValue(null, "si"), xml.getElementText());
                            }
                        }
                        default -> {
                            // Columns' widths, merged cells, validations: the library reads none of them.
                        }
                    }
                }
            }

            private void row(String reference) {
                rows++;
                cellsInRow = 0;
                row = reference == null ? rows : number(reference);
                if (row < 1 || row > SelfCheckWorkbookReader.MAX_ROWS) {
                    throw WorkbookException.of(file, "workbook.error.tooManyRows", sheet, SelfCheckWorkbookReader.MAX_ROWS);
                }
            }

            private void cell(String reference) {
                int column = cellsInRow++;
                int cellRow = row;
                if (reference != null) {
                    int letters = 0;
                    while (letters < reference.length() && letters <= 3
                            && reference.charAt(letters) >= 'A' && reference.charAt(letters) <= 'Z') {
                        letters++;
                    }
                    column = letters == 1 ? reference.charAt(0) - 'A' : Integer.MAX_VALUE;
                    cellRow = number(reference.substring(letters));
                }
                if (column > WorkbookLayout.TARGET_COLUMN || cellRow < 1 || cellRow > SelfCheckWorkbookReader.MAX_ROWS) {
                    throw WorkbookException.of(file, "workbook.error.outsideForm", sheet,
                            reference == null ? WorkbookLayout.cellName(Math.max(cellRow, 1) - 1, Math.min(column, 25))
                                    : quoted(reference),
                            WorkbookLayout.cellName(0, WorkbookLayout.TARGET_COLUMN).substring(0, 1),
                            SelfCheckWorkbookReader.MAX_ROWS);
                }
            }

            private void formula(String type, String range, String sharedIndex, String text) {
                if ("array".equals(type) && ++arrayFormulas > MAX_ARRAY_FORMULAS) {
                    throw WorkbookException.of(file, "workbook.error.arrayFormulas", sheet, MAX_ARRAY_FORMULAS);
                }
                long chars = text.length();
                if ("shared".equals(type) && range != null) {
                    sharedFormulaChars.put(String.valueOf(sharedIndex), text.length());
                } else if ("shared".equals(type)) {
                    chars = sharedFormulaChars.getOrDefault(String.valueOf(sharedIndex), 0);
                }
                formulaChars += chars;
                if (formulaChars > MAX_FORMULA_CHARS) {
                    throw WorkbookException.of(file, "workbook.error.formulasTooLong", sheet, MAX_FORMULA_CHARS);
                }
            }

            /** A row number of at most 7 digits (Excel's last row is 1,048,576); anything else is far outside. */
            private static int number(String digits) {
                return digits.length() >= 1 && digits.length() <= 7 && digits.chars().allMatch(Character::isDigit)
                        ? Integer.parseInt(digits) : Integer.MAX_VALUE;
            }
        }

        private long limitOf(String part) {
            return part.equals("xl/sharedStrings.xml") ? MAX_SHARED_STRINGS_BYTES : MAX_PART_BYTES;
        }

        @FunctionalInterface
        private interface XmlCheck {
            void check(XMLStreamReader xml) throws XMLStreamException;
        }

        /**
         * Parses one part as it inflates, with no DTD and no external entity. Malformed XML is inflated on to its end
         * (within the limits) before it is called unreadable, so that a zip bomb is told as one.
         */
        private void parse(ZipArchiveEntry entry, long limit, XmlCheck check) throws IOException, XMLStreamException {
            try (InputStream in = inflating(entry, limit)) {
                try {
                    XMLStreamReader xml = XML.createXMLStreamReader(in);
                    check.check(xml);
                    xml.close();
                } catch (XMLStreamException malformed) {
                    for (Throwable cause = malformed; cause != null; cause = cause.getCause()) {
                        if (cause instanceof WorkbookException limitPassed) {
                            throw limitPassed;
                        }
                    }
                    drain(in);
                    throw malformed;
                }
            }
        }

        private void drain(InputStream in) throws IOException {
            while (in.read(buffer) >= 0) {
                // Counting is all.
            }
        }

        /**
         * One part's bytes as they inflate, counted as they are read, refused at the first limit passed; the ratio is
         * of the bytes inflated to the compressed bytes the inflater really consumed (never a header's claim).
         */
        private InputStream inflating(ZipArchiveEntry entry, long limit) throws IOException {
            InputStream raw = zip.getInputStream(entry);
            InputStreamStatistics statistics = (InputStreamStatistics) raw;
            return new FilterInputStream(raw) {
                private long inflated;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    int read = super.read(into, offset, length);
                    if (read > 0) {
                        count(read);
                    }
                    return read;
                }

                private void count(int read) {
                    inflated += read;
                    total += read;
                    if (inflated > limit) {
                        throw WorkbookException.of(file, "workbook.error.partTooLarge", entry.getName(), limit);
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw WorkbookException.of(file, "workbook.error.totalTooLarge", MAX_TOTAL_BYTES);
                    }
                    if (inflated > RATIO_FLOOR_BYTES && inflated / Math.max(statistics.getCompressedCount(), 1) > MAX_RATIO) {
                        throw WorkbookException.of(file, "workbook.error.ratio", entry.getName(), MAX_RATIO);
                    }
                }
            };
        }
    }

    private static String quoted(String text) {
        return SelfCheckWorkbookReader.quoted(text);
    }

    static WorkbookException unreadable(Exception cause, Path file) {
        return WorkbookException.because(cause, file, "workbook.error.unreadable", String.valueOf(cause.getMessage()));
    }
}
