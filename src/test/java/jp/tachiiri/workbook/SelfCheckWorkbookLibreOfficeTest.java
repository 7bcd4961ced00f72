package jp.tachiiri.workbook;

import static jp.tachiiri.testsupport.LibreOffice.Edit.number;
import static jp.tachiiri.testsupport.LibreOffice.Edit.text;
import static jp.tachiiri.testsupport.LibreOffice.Edit.typed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.testsupport.LibreOffice;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A written workbook in a real spreadsheet program: LibreOffice opens it, a hospital fills it in and saves it as .xlsx
 * again, and what comes back still has the layout, the identifier, the validation and the values in the forms a
 * reader must take (dates as serial numbers). LibreOffice also prints it, to see the print setup at work.
 */
class SelfCheckWorkbookLibreOfficeTest {

    private static final String FORM = WorkbookLayout.HOSPITAL_SHEET;
    private static final LocalDate CHECKED = LocalDate.of(2026, 6, 1);
    private static final LocalDate TARGET = LocalDate.of(2027, 3, 31);

    @TempDir
    Path folder;

    @BeforeAll
    static void libreOfficeIsHere() {
        LibreOffice.assumeInstalled();
    }

    @Test
    void aHospitalFillsTheWorkbookInLibreOfficeAndWhatItSavesKeepsLayoutIdentifierValidationAndValues()
            throws IOException, InterruptedException {
        Path written = new SelfCheckWorkbookWriter().writeForPlan(SelfCheckWorkbookWriterTest.PLAN,
                SelfCheckWorkbookWriterTest.FACILITY, SelfCheckWorkbookWriterTest.CATALOG, folder).get(0);
        Path filled = folder.resolve("filled.xlsx");
        // 1-①: はい, checked on a day entered as a number; 2-①: いいえ with both days typed as at the keyboard.
        JsonNode seen = LibreOffice.edit(written, filled, List.of(
                text(FORM, "C10", WorkbookLayout.YES), number(FORM, "D10", LibreOffice.serial(CHECKED)),
                text(FORM, "C11", WorkbookLayout.NO), typed(FORM, "D11", CHECKED.toString()),
                typed(FORM, "E11", TARGET.toString())),
                List.of(FORM + "!C10", FORM + "!D10", FORM + "!E10", FORM + "!B10", FORM + "!A1"));

        WrittenWorkbook book = WrittenWorkbook.read(filled);
        assertThat(book.sheetNames()).containsExactly(FORM, WorkbookLayout.ID_SHEET);
        assertThat(book.visibility()).containsEntry(WorkbookLayout.ID_SHEET, SheetVisibility.HIDDEN);
        assertThat(book.identifier()).isEqualTo(WrittenWorkbook.read(written).identifier());
        List<MinistryItem> items = SelfCheckWorkbookWriterTest.CATALOG.ministryItems();
        for (int i = 0; i < items.size(); i++) {
            int row = WorkbookLayout.FIRST_ITEM_ROW + i;
            assertThat(book.text(FORM, row, WorkbookLayout.NUMBER_COLUMN)).isEqualTo(items.get(i).number());
            assertThat(book.text(FORM, row, WorkbookLayout.WORDING_COLUMN)).isEqualTo(items.get(i).wording().ja());
        }
        assertThat(book.text(FORM, 9, WorkbookLayout.ANSWER_COLUMN)).isEqualTo("はい");
        assertThat(book.text(FORM, 10, WorkbookLayout.ANSWER_COLUMN)).isEqualTo("いいえ");
        assertDay(book.cell(FORM, 9, WorkbookLayout.CHECKED_ON_COLUMN).orElseThrow(), CHECKED);
        assertDay(book.cell(FORM, 10, WorkbookLayout.CHECKED_ON_COLUMN).orElseThrow(), CHECKED);
        assertDay(book.cell(FORM, 10, WorkbookLayout.TARGET_COLUMN).orElseThrow(), TARGET);
        assertThat(book.text(FORM, 9, WorkbookLayout.TARGET_COLUMN)).isEmpty();
        assertThat(book.text(FORM, 11, WorkbookLayout.ANSWER_COLUMN)).isEmpty();
        assertThat(book.sheetXml(1)).as("the validation as LibreOffice wrote it back")
                .contains("sqref=\"C10:C27\" type=\"list\"><formula1>&quot;はい,いいえ&quot;</formula1>")
                .contains("sqref=\"D10:D27\" type=\"custom\"><formula1>AND(ISNUMBER(D10),D10&gt;=DATE(2000,1,1),TODAY()&gt;=D10)")
                .contains("sqref=\"E10:E27\" type=\"custom\"><formula1>AND(ISNUMBER(E10),E10&gt;=DATE(2000,1,1))")
                .as("the protection LibreOffice wrote back has no password")
                .contains("<sheetProtection sheet=\"true\"").doesNotContain("password=");

        // What LibreOffice made of it: input cells unlocked with their validation, the rest locked, no password,
        // printed on A4 one page wide with the column heads on every page.
        JsonNode sheet = seen.at("/sheets/0");
        assertThat(sheet.at("/name").asText()).isEqualTo(FORM);
        assertThat(sheet.at("/protected").asBoolean()).isTrue();
        assertThat(sheet.at("/unprotectedWithoutPassword").asBoolean()).isTrue();
        assertThat(sheet.at("/printAreas/0").toString()).isEqualTo("{\"startRow\":0,\"endRow\":26,\"startColumn\":0,\"endColumn\":4}");
        assertThat(sheet.at("/titleRows/startRow").asInt()).isEqualTo(WorkbookLayout.HEAD_ROW);
        assertThat(sheet.at("/titleRows/endRow").asInt()).isEqualTo(WorkbookLayout.HEAD_ROW);
        assertThat(sheet.at("/paperWidth").asInt()).as("A4, in 1/100 mm").isBetween(20990, 21010);
        assertThat(sheet.at("/paperHeight").asInt()).isBetween(29690, 29710);
        assertThat(sheet.at("/scaleToPagesX").asInt()).isEqualTo(1);
        assertThat(seen.at("/sheets/1/visible").asBoolean()).isFalse();
        assertThat(seen.at("/sheets/1/protected").asBoolean()).isTrue();
        JsonNode cells = seen.at("/cells");
        assertThat(cells.at("/" + FORM + "!C10/locked").asBoolean()).isFalse();
        assertThat(cells.at("/" + FORM + "!C10/validation/type").asText()).isEqualTo("LIST");
        assertThat(cells.at("/" + FORM + "!C10/validation/formula1").asText()).contains("はい", "いいえ");
        assertThat(cells.at("/" + FORM + "!D10/locked").asBoolean()).isFalse();
        assertThat(cells.at("/" + FORM + "!D10/string").asText()).as("shown in the date format").isEqualTo("2026/6/1");
        assertThat(cells.at("/" + FORM + "!D10/validation/type").asText()).isEqualTo("CUSTOM");
        assertThat(cells.at("/" + FORM + "!E10/locked").asBoolean()).isFalse();
        assertThat(cells.at("/" + FORM + "!E10/validation/type").asText()).isEqualTo("CUSTOM");
        assertThat(cells.at("/" + FORM + "!B10/locked").asBoolean()).isTrue();
        assertThat(cells.at("/" + FORM + "!A1/locked").asBoolean()).isTrue();
    }

    @Test
    void printedByLibreOfficeTheHospitalsWorkbookFitsA4WithTheColumnHeadsOnEveryPage() throws IOException, InterruptedException {
        Path written = new SelfCheckWorkbookWriter().writeForPlan(SelfCheckWorkbookWriterTest.PLAN,
                SelfCheckWorkbookWriterTest.FACILITY, SelfCheckWorkbookWriterTest.CATALOG, folder).get(0);

        Path pdf = LibreOffice.convert(written, folder, "pdf");

        try (PDDocument printed = Loader.loadPDF(pdf.toFile())) {
            assertThat(printed.getNumberOfPages()).isBetween(1, 2);
            for (int page = 1; page <= printed.getNumberOfPages(); page++) {
                assertThat(printed.getPage(page - 1).getMediaBox().getWidth()).as("A4 portrait").isBetween(594f, 596f);
                assertThat(printed.getPage(page - 1).getMediaBox().getHeight()).isBetween(841f, 843f);
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(printed).replaceAll("\\s", "")).as("the column heads on page %d", page)
                        .contains("チェックリストの項目", "目標日（いいえのとき）");
            }
            // Wrapped lines come out of the PDF with line breaks and spaces: compare the characters only.
            String all = new PDFTextStripper().getText(printed).replaceAll("\\s", "");
            assertThat(all).contains("医療機関確認用", "デモ森の丘病院", "9910000077", "2026.1", "2-(運用管理規程)")
                    .as("the whole of the longest wording, wrapped, and the last item")
                    .contains("不要（医療情報システム全般）", "3-③", "サイバー攻撃を想定したBCPを策定している");
        }
        Files.copy(pdf, Path.of("target", "selfcheck-workbook-ja.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertDay(Cell cell, LocalDate day) {
        assertThat(cell.getType()).as("%s is a number, the day's serial", cell.getAddress()).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).isEqualByComparingTo(BigDecimal.valueOf(LibreOffice.serial(day)));
        assertThat(cell.getDataFormatString()).isEqualTo("yyyy/m/d");
        assertThat(cell.asDate().toLocalDate()).isEqualTo(day);
    }
}
