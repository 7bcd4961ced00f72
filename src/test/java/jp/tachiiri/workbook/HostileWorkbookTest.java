package jp.tachiiri.workbook;

import static jp.tachiiri.workbook.WorkbookLayout.HOSPITAL_SHEET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.tachiiri.testsupport.TestWorkbooks;
import jp.tachiiri.testsupport.TestWorkbooks.Draft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files, each made here, refused by the reader (its guard first) with their own message, quickly and without
 * inflating what they would inflate to: each refusal is timed and the bytes this thread allocated are counted, and
 * both stay far below what reading the whole file would take.
 */
class HostileWorkbookTest {

    /** What a refusal may allocate: the file read once into memory (a few MB here) and the guard's buffer, with room. */
    private static final long ALLOCATION_BOUND = 32L * 1024 * 1024;
    private static final long TIME_BOUND_NANOS = 3_000_000_000L;
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @TempDir
    Path folder;
    private Path honest;

    @BeforeEach
    void anHonestWorkbook() {
        honest = Draft.blank(TestWorkbooks.hospitalRequest()).write(folder.resolve("honest.xlsx"));
    }

    @Test
    void theHonestWorkbookPasses() {
        assertThatCode(() -> WorkbookGuard.check(honest)).doesNotThrowAnyException();
    }

    @Test
    void notAZip() throws IOException {
        Path file = Files.writeString(folder.resolve("form.xlsx"), "医療機関名,はい\n");
        assertThat(refused(file).key()).isEqualTo("workbook.error.notZip");
    }

    @Test
    void anOldOrPasswordProtectedWorkbook() throws IOException {
        byte[] ole2 = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        assertThat(refused(Files.write(folder.resolve("form.xlsx"), ole2)).key()).isEqualTo("workbook.error.oldFormat");
    }

    @Test
    void aFileFarTooLarge() throws IOException {
        byte[] noise = new byte[(int) WorkbookGuard.MAX_FILE_BYTES + 1];
        new Random(1).nextBytes(noise);
        WorkbookException refused = refused(Files.write(folder.resolve("big.xlsx"), noise));
        assertThat(refused.key()).isEqualTo("workbook.error.fileTooLarge");
        assertThat(refused.arguments()).containsExactly((long) noise.length, WorkbookGuard.MAX_FILE_BYTES);
    }

    @Test
    void aZipBombSheet() throws IOException {
        // 256 MiB of zeros deflate to about 250 KB: past 1 MiB inflated, the compressed bytes really read so far are a
        // thousandth of it (the 250 KB the zip's header claims for the whole part would have let it run to 4 MiB).
        Path bomb = withPart(SHEET, out -> TestWorkbooks.writeZeros(out, 256L * 1024 * 1024));
        assertThat(Files.size(bomb)).isLessThan(400_000);
        WorkbookException refused = refused(bomb);
        assertThat(refused.key()).isEqualTo("workbook.error.ratio");
        assertThat(refused.arguments()).containsExactly(SHEET, WorkbookGuard.MAX_RATIO);
    }

    @Test
    void aPartCompressedLikeABomb() throws IOException {
        // 1.5 MiB of zeros is under the part's limit but a thousand times its compressed size.
        WorkbookException refused = refused(withPart("xl/styles.xml", out -> TestWorkbooks.writeZeros(out, 1536 * 1024)));
        assertThat(refused.key()).isEqualTo("workbook.error.ratio");
        assertThat(refused.arguments()).containsExactly("xl/styles.xml", WorkbookGuard.MAX_RATIO);
    }

    @Test
    void partsThatInflateBeyondTheTotal() throws IOException {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("many.xlsx"), parts -> {
            for (int i = 0; i < 10; i++) {
                parts.put("xl/media/image" + i + ".png", numberedLines(i, 19 * 1024 * 1024 / 10));
            }
        });
        assertThat(refused(file).key()).isEqualTo("workbook.error.totalTooLarge");
    }

    @Test
    void aMacroEnabledWorkbookByItsName() throws IOException {
        Path xlsm = Files.copy(honest, folder.resolve("form.xlsm"));
        WorkbookException refused = refused(xlsm);
        assertThat(refused.key()).isEqualTo("workbook.error.macro");
        assertThat(refused.arguments()).containsExactly(".xlsm");
    }

    @Test
    void aMacroProjectInsideAnXlsx() {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("vba.xlsx"),
                parts -> parts.put("xl/vbaProject.bin", new byte[] {1, 2, 3}));
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.macro");
        assertThat(refused.arguments()).containsExactly("xl/vbaProject.bin");
    }

    @Test
    void aMacroEnabledContentType() {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("macro.xlsx"), parts -> parts.put("[Content_Types].xml",
                TestWorkbooks.bytes(TestWorkbooks.text(parts.get("[Content_Types].xml")).replace(
                        "spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml"))));
        assertThat(TestWorkbooks.text(TestWorkbooks.parts(file).get("[Content_Types].xml"))).contains("macroEnabled");
        assertThat(refused(file).key()).isEqualTo("workbook.error.macro");
    }

    @Test
    void externalLinks() {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("links.xlsx"), parts -> parts.put(
                "xl/externalLinks/externalLink1.xml", TestWorkbooks.bytes("<externalLink/>")));
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.externalLinks");
        assertThat(refused.arguments()).containsExactly("xl/externalLinks/externalLink1.xml");
    }

    @Test
    void tenThousandSheets() {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("sheets.xlsx"), parts -> {
            for (int i = 3; i <= 10_000; i++) {
                parts.put("xl/worksheets/sheet" + i + ".xml", parts.get(SHEET));
            }
        });
        WorkbookException refused = refused(file);
        assertThat(refused.key()).as("counted in the file's bytes, before any part is listed")
                .isEqualTo("workbook.error.tooManyParts");
        assertThat(refused.arguments()).containsExactly(10_000 + 8, WorkbookGuard.MAX_ENTRIES);
    }

    @Test
    void moreSheetsThanAFormHas() {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("sheets.xlsx"), parts -> {
            for (int i = 3; i <= WorkbookGuard.MAX_SHEETS + 1; i++) {
                parts.put("xl/worksheets/sheet" + i + ".xml", parts.get(SHEET));
            }
        });
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.tooManySheets");
        assertThat(refused.arguments()).containsExactly(WorkbookGuard.MAX_SHEETS);
    }

    @Test
    void aWorkbookThatNamesManySheetsInOnePart() {
        StringBuilder sheets = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sheets.append("<sheet name=\"s").append(i).append("\" sheetId=\"").append(100 + i).append("\" r:id=\"rId3\"/>");
        }
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("named.xlsx"), parts -> parts.put("xl/workbook.xml",
                TestWorkbooks.bytes(TestWorkbooks.text(parts.get("xl/workbook.xml")).replace("</sheets>", sheets + "</sheets>"))));
        assertThat(refused(file).key()).isEqualTo("workbook.error.tooManySheets");
    }

    @Test
    void tooManyParts() {
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("parts.xlsx"), parts -> {
            for (int i = 0; i < WorkbookGuard.MAX_ENTRIES; i++) {
                parts.put("customXml/item" + i + ".xml", TestWorkbooks.bytes("<a/>"));
            }
        });
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.tooManyParts");
    }

    @Test
    void aSheetOfAMillionRows() throws IOException {
        Path file = withPart(SHEET, out -> {
            out.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
            StringBuilder rows = new StringBuilder();
            for (int row = 1; row <= 1_000_000; row++) {
                rows.append("<row r=\"").append(row).append("\"><c r=\"C").append(row).append("\" t=\"s\"><v>0</v></c></row>");
                if (rows.length() > 64 * 1024) {
                    out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                    rows.setLength(0);
                }
            }
            out.write((rows + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        });
        WorkbookException refused = refused(file);
        assertThat(refused.key()).as("the guard's look into the sheet stops at its row 1,001").isEqualTo("workbook.error.tooManyRows");
        assertThat(refused.arguments()).containsExactly(HOSPITAL_SHEET, SelfCheckWorkbookReader.MAX_ROWS);
    }

    @Test
    void aHundredMegabyteCell() throws IOException {
        // One shared string of 100 MB (about 100 KB compressed): repeated text compresses like a bomb, so the ratio
        // stops it past 1 MiB.
        Path file = withPart("xl/sharedStrings.xml", out -> {
            out.write("<sst><si><t>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "あ".repeat(1024 * 1024 / 3).getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < 100; written++) {
                out.write(chunk);
            }
            out.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
        });
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.ratio");
        assertThat(refused.arguments()).containsExactly("xl/sharedStrings.xml", WorkbookGuard.MAX_RATIO);
    }

    @Test
    void aSharedStringsPartBeyondItsLimit() throws IOException {
        // Random letters compress about as well as text does (far below the ratio): the part's limit stops them.
        Path file = withPart("xl/sharedStrings.xml", out -> {
            Random random = new Random(2);
            byte[] letters = new byte[64 * 1024];
            for (int written = 0; written < 80; written++) {
                for (int i = 0; i < letters.length; i++) {
                    letters[i] = (byte) ('a' + random.nextInt(26));
                }
                out.write(letters);
            }
        });
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.partTooLarge");
        assertThat(refused.arguments()).containsExactly("xl/sharedStrings.xml", WorkbookGuard.MAX_SHARED_STRINGS_BYTES);
    }

    @Test
    void aCellFarToTheRight() {
        // The library would pad every one of the 1,000 rows to column ZZZZZ's 12 million cells.
        WorkbookException refused = refused(withSheetData("<row r=\"1\"><c r=\"ZZZZZ1\"/></row>" + "<row/>".repeat(999)));
        assertThat(refused.key()).isEqualTo("workbook.error.outsideForm");
        assertThat(refused.arguments()).containsExactly(HOSPITAL_SHEET, "ZZZZZ1", "E", SelfCheckWorkbookReader.MAX_ROWS);
        assertThat(refused(withSheetData("<row r=\"1\"><c r=\"XFD1\"/></row>" + "<row/>".repeat(999))).arguments())
                .contains("XFD1");
    }

    @Test
    void cellsWithoutReferencesPastTheFormsColumns() {
        WorkbookException refused = refused(withSheetData("<row r=\"3\">" + "<c/>".repeat(100_000) + "</row>"));
        assertThat(refused.key()).isEqualTo("workbook.error.outsideForm");
        assertThat(refused.arguments()).containsExactly(HOSPITAL_SHEET, "F3", "E", SelfCheckWorkbookReader.MAX_ROWS);
    }

    @Test
    void aRowFarBelowTheForm() {
        WorkbookException refused = refused(withSheetData("<row r=\"1048576\"><c r=\"A1048576\"/></row>"));
        assertThat(refused.key()).isEqualTo("workbook.error.tooManyRows");
        assertThat(refused.arguments()).containsExactly(HOSPITAL_SHEET, SelfCheckWorkbookReader.MAX_ROWS);
        assertThat(refused(withSheetData("<row/>".repeat(SelfCheckWorkbookReader.MAX_ROWS + 1))).key())
                .as("rows without a number count one after another").isEqualTo("workbook.error.tooManyRows");
    }

    @Test
    void manyArrayFormulas() {
        // The library looks each formula cell up among all array formulas: 5,000 of them, 25 million looks.
        StringBuilder rows = new StringBuilder();
        for (int row = 1; row <= SelfCheckWorkbookReader.MAX_ROWS; row++) {
            rows.append("<row r=\"").append(row).append("\">");
            for (char column = 'A'; column <= 'E'; column++) {
                String cell = column + String.valueOf(row);
                rows.append("<c r=\"").append(cell).append("\"><f t=\"array\" ref=\"").append(cell).append("\">1</f><v>1</v></c>");
            }
            rows.append("</row>");
        }
        WorkbookException refused = refused(withSheetData(rows.toString()));
        assertThat(refused.key()).isEqualTo("workbook.error.arrayFormulas");
        assertThat(refused.arguments()).containsExactly(HOSPITAL_SHEET, WorkbookGuard.MAX_ARRAY_FORMULAS);
    }

    @Test
    void aLongSharedFormulaCopiedDownTheRows() {
        // The library rebuilds each copy by concatenating the base's text once per reference: quadratic in its length.
        String base = "A1+".repeat(2000) + "A1";
        StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A1000\" si=\"0\">")
                .append(base).append("</f><v>0</v></c></row>");
        for (int row = 2; row <= SelfCheckWorkbookReader.MAX_ROWS; row++) {
            rows.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\"><f t=\"shared\" si=\"0\"/><v>0</v></c></row>");
        }
        WorkbookException refused = refused(withSheetData(rows.toString()));
        assertThat(refused.key()).isEqualTo("workbook.error.formulasTooLong");
        assertThat(refused.arguments()).containsExactly(HOSPITAL_SHEET, WorkbookGuard.MAX_FORMULA_CHARS);
    }

    @Test
    void externalLinksByContentTypeOrRelationshipUnderAnyName() {
        Path byType = TestWorkbooks.rewrite(honest, folder.resolve("typed.xlsx"), parts -> {
            parts.put("xl/other/link1.xml", TestWorkbooks.bytes("<externalLink/>"));
            parts.put("[Content_Types].xml", TestWorkbooks.bytes(TestWorkbooks.text(parts.get("[Content_Types].xml")).replace(
                    "</Types>", "<Override PartName=\"/xl/other/link1.xml\" ContentType=\""
                            + "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>")));
        });
        WorkbookException refused = refused(byType);
        assertThat(refused.key()).isEqualTo("workbook.error.externalLinks");
        assertThat(refused.arguments()).containsExactly("/xl/other/link1.xml");

        Path byRelationship = TestWorkbooks.rewrite(honest, folder.resolve("related.xlsx"), parts -> parts.put(
                "xl/_rels/workbook.xml.rels", TestWorkbooks.bytes(TestWorkbooks.text(parts.get("xl/_rels/workbook.xml.rels"))
                        .replace("</Relationships>", "<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/"
                                + "officeDocument/2006/relationships/externalLink\" Target=\"other/link2.xml\"/></Relationships>"))));
        refused = refused(byRelationship);
        assertThat(refused.key()).isEqualTo("workbook.error.externalLinks");
        assertThat(refused.arguments()).containsExactly("other/link2.xml");
    }

    @Test
    void aPartTwiceUnderOneName() throws IOException {
        // Two parts whose names differ in one letter, then made equal in the zip's bytes (local and central headers).
        Path file = TestWorkbooks.rewrite(honest, folder.resolve("twice.xlsx"),
                parts -> parts.put("xl/worksheets/sheetX.xml", parts.get(SHEET)));
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("xl/worksheets/sheetX.xml", SHEET);
        Files.write(file, latin.getBytes(StandardCharsets.ISO_8859_1));
        WorkbookException refused = refused(file);
        assertThat(refused.key()).isEqualTo("workbook.error.duplicatePart");
        assertThat(refused.arguments()).containsExactly(SHEET);
    }

    /** Reads {@code file} with the reader, expecting a refusal within the time and allocation bounds. */
    private static WorkbookException refused(Path file) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        WorkbookException refused = catchThrowableOfType(() -> new SelfCheckWorkbookReader().read(file, TestWorkbooks.plans(),
                TestWorkbooks.TODAY), WorkbookException.class);
        long took = System.nanoTime() - start;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        assertThat(refused).as("%s is refused", file.getFileName()).isNotNull();
        assertThat(refused.problems()).hasSize(1);
        assertThat(took).as("nanoseconds to refuse %s", file.getFileName()).isLessThan(TIME_BOUND_NANOS);
        assertThat(allocated).as("bytes allocated refusing %s", file.getFileName()).isLessThan(ALLOCATION_BOUND);
        assertThat(refused.getMessage()).contains(file.getFileName().toString(), "何も保存していません");
        return refused;
    }

    @FunctionalInterface
    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** The honest workbook with one part replaced by streamed content (never held whole in memory). */
    private Path withPart(String name, Content content) throws IOException {
        Map<String, byte[]> parts = TestWorkbooks.parts(honest);
        Path file = folder.resolve("hostile.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                if (part.getKey().equals(name)) {
                    content.write(out);
                } else {
                    out.write(part.getValue());
                }
                out.closeEntry();
            }
        }
        return file;
    }

    /** The honest workbook with the form's sheet holding {@code sheetData} alone. */
    private Path withSheetData(String sheetData) {
        return TestWorkbooks.rewrite(honest, folder.resolve("cells.xlsx"), parts -> parts.put(SHEET, TestWorkbooks.bytes(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData
                        + "</sheetData></worksheet>")));
    }

    /** Lines of numbers: compresses about as well as spreadsheet XML does, far below the ratio limit. */
    private static byte[] numberedLines(int seed, int length) {
        StringBuilder text = new StringBuilder(length + 64);
        Random random = new Random(seed);
        while (text.length() < length) {
            text.append("<c r=\"A").append(random.nextInt(1_000_000)).append("\"><v>").append(random.nextLong()).append("</v></c>\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
