package jp.tachiiri.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.testsupport.SelfCheckFixture;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbooks written for a planned inspection, read back from their files. */
class SelfCheckWorkbookWriterTest {

    static final Catalog CATALOG = CatalogLibrary.bundled().version("2026.1").orElseThrow();
    static final Facility FACILITY = SelfCheckFixture.facility();
    static final PlannedInspection PLAN = new PlannedInspection("plan-2026-0042", FACILITY.id(), "inspector-1",
            "立入 花子", LocalDate.of(2026, 7, 15));

    private final SelfCheckWorkbookWriter writer = new SelfCheckWorkbookWriter();

    @TempDir
    Path folder;

    @Test
    void writesTheHospitalsWorkbookAndOnePerVendorContractNamedSoThatAPersonSeesWhose() throws IOException {
        List<Path> files = writer.writeForPlan(PLAN, FACILITY, CATALOG, folder);

        assertThat(files).extracting(file -> file.getFileName().toString()).containsExactly(
                "9910000077_デモ_森の丘病院_医療機関確認用.xlsx",
                "9910000077_デモ_森の丘病院_事業者確認用_電子カルテ社_電子カルテ.xlsx",
                "9910000077_デモ_森の丘病院_事業者確認用_画像システム社_PACS.xlsx");
        try (Stream<Path> inFolder = Files.list(folder)) {
            assertThat(inFolder).as("nothing but the workbooks: no temporary file left").containsExactlyInAnyOrderElementsOf(files);
        }
        assertThat(WrittenWorkbook.read(files.get(2)).identifier())
                .containsEntry(WorkbookLayout.ID_VENDOR, "画像システム社").containsEntry(WorkbookLayout.ID_SYSTEM, "PACS");
    }

    @Test
    void theHospitalsFormCarriesEveryMinistryItemWithItsWordingAndEmptyDateFormattedInputCells() throws IOException {
        WrittenWorkbook book = WrittenWorkbook.read(writer.writeForPlan(PLAN, FACILITY, CATALOG, folder).get(0));
        String sheet = WorkbookLayout.HOSPITAL_SHEET;

        assertThat(book.sheetNames()).containsExactly(WorkbookLayout.HOSPITAL_SHEET, WorkbookLayout.ID_SHEET);
        assertThat(book.visibility()).containsEntry(WorkbookLayout.HOSPITAL_SHEET, SheetVisibility.VISIBLE)
                .containsEntry(WorkbookLayout.ID_SHEET, SheetVisibility.HIDDEN);
        assertThat(book.text(sheet, WorkbookLayout.TITLE_ROW, 0))
                .isEqualTo("医療機関におけるサイバーセキュリティ対策チェックリスト（令和7年度版）　医療機関確認用");
        assertThat(book.text(sheet, WorkbookLayout.FACILITY_NAME_ROW, 1)).isEqualTo("デモ 森の丘病院");
        assertThat(book.cell(sheet, WorkbookLayout.FACILITY_CODE_ROW, 1).orElseThrow().getType())
                .as("the code is text: a number would lose leading zeros").isEqualTo(CellType.STRING);
        assertThat(book.text(sheet, WorkbookLayout.FACILITY_CODE_ROW, 1)).isEqualTo("9910000077");
        assertThat(book.text(sheet, WorkbookLayout.CHECKLIST_ROW, 1)).contains("令和7年度版").contains("2026.1");
        assertThat(book.text(sheet, WorkbookLayout.INSTRUCTION_ROW, 0)).contains("はい か いいえ", "確認日", "目標日");
        assertThat(List.of(0, 1, 2, 3, 4)).extracting(column -> book.text(sheet, WorkbookLayout.HEAD_ROW, column))
                .containsExactly("番号", "チェックリストの項目", "回答", "確認日", "目標日（いいえのとき）");

        List<MinistryItem> items = CATALOG.ministryItems();
        assertThat(items).hasSize(18);
        for (int i = 0; i < items.size(); i++) {
            int row = WorkbookLayout.FIRST_ITEM_ROW + i;
            assertThat(book.text(sheet, row, WorkbookLayout.NUMBER_COLUMN)).isEqualTo(items.get(i).number());
            assertThat(book.text(sheet, row, WorkbookLayout.WORDING_COLUMN)).isEqualTo(items.get(i).wording().ja());
            for (int column : new int[] {WorkbookLayout.ANSWER_COLUMN, WorkbookLayout.CHECKED_ON_COLUMN,
                    WorkbookLayout.TARGET_COLUMN}) {
                assertThat(book.text(sheet, row, column)).as("nothing filled in at %s", WorkbookLayout.cellName(row, column))
                        .isEmpty();
            }
        }
        assertThat(book.cell(sheet, WorkbookLayout.FIRST_ITEM_ROW + items.size(), WorkbookLayout.NUMBER_COLUMN))
                .as("no row after the last item").isEmpty();
    }

    @Test
    void theHiddenIdentifierTiesEachWorkbookToItsPlanFacilityChecklistAndForm() throws IOException {
        List<Path> files = writer.writeForPlan(PLAN, FACILITY, CATALOG, folder);

        assertThat(WrittenWorkbook.read(files.get(0)).identifier()).containsExactly(
                Map.entry("layout", "1"), Map.entry("plan", "plan-2026-0042"), Map.entry("facilityCode", "9910000077"),
                Map.entry("catalogVersion", "2026.1"), Map.entry("kind", "HOSPITAL"));
        assertThat(WrittenWorkbook.read(files.get(1)).identifier()).containsExactly(
                Map.entry("layout", "1"), Map.entry("plan", "plan-2026-0042"), Map.entry("facilityCode", "9910000077"),
                Map.entry("catalogVersion", "2026.1"), Map.entry("kind", "VENDOR"), Map.entry("vendor", "電子カルテ社"),
                Map.entry("system", "電子カルテ"));
    }

    @Test
    void aVendorsFormCarriesOnlyTheItemsOnTheVendorFormItsContractAndACellForTheDayItWasFilledIn() throws IOException {
        WrittenWorkbook book = WrittenWorkbook.read(writer.writeForPlan(PLAN, FACILITY, CATALOG, folder).get(1));
        String sheet = WorkbookLayout.VENDOR_SHEET;

        assertThat(book.sheetNames()).containsExactly(WorkbookLayout.VENDOR_SHEET, WorkbookLayout.ID_SHEET);
        assertThat(book.text(sheet, WorkbookLayout.TITLE_ROW, 0)).endsWith("事業者確認用");
        assertThat(book.text(sheet, WorkbookLayout.VENDOR_ROW, 0)).isEqualTo("事業者 / システム");
        assertThat(book.text(sheet, WorkbookLayout.VENDOR_ROW, 1)).isEqualTo("電子カルテ社 / 電子カルテ");
        assertThat(book.text(sheet, WorkbookLayout.FILLED_ON_ROW, 0)).isEqualTo("記入日");
        assertThat(book.cell(sheet, WorkbookLayout.FILLED_ON_ROW, 1)).as("an input cell, empty").isPresent();
        assertThat(book.text(sheet, WorkbookLayout.FILLED_ON_ROW, 1)).isEmpty();
        assertThat(book.sheetXml(1)).contains("<dataValidation sqref=\"B7:B7\" type=\"custom\"")
                .contains("<formula1>AND(ISNUMBER(B7),B7>=DATE(2000,1,1),TODAY()>=B7)</formula1>");
        assertThat(List.of(0, 1, 2, 3)).extracting(column -> book.text(sheet, WorkbookLayout.HEAD_ROW, column))
                .containsExactly("番号", "チェックリストの項目", "回答", "");

        List<String> onVendorForm = CATALOG.ministryItems().stream().filter(MinistryItem::onVendorForm)
                .map(MinistryItem::number).toList();
        assertThat(onVendorForm).hasSize(12).doesNotContain("2-②", "3-①");
        for (int i = 0; i < onVendorForm.size(); i++) {
            assertThat(book.text(sheet, WorkbookLayout.FIRST_ITEM_ROW + i, WorkbookLayout.NUMBER_COLUMN))
                    .isEqualTo(onVendorForm.get(i));
        }
        assertThat(book.cell(sheet, WorkbookLayout.FIRST_ITEM_ROW + onVendorForm.size(), 0)).isEmpty();
        assertThat(book.sheetXml(1)).as("a vendor has no dates per item").doesNotContain("ISNUMBER(D");
    }

    @Test
    void answersAreADropDownDatesAreValidatedTheSheetIsProtectedWithoutAPasswordAndPrintsOnA4() throws IOException {
        WrittenWorkbook book = WrittenWorkbook.read(writer.writeForPlan(PLAN, FACILITY, CATALOG, folder).get(0));
        String form = book.sheetXml(1);

        assertThat(form).contains("<dataValidation sqref=\"C10:C27\" type=\"list\"")
                .contains("<formula1>\"はい,いいえ\"</formula1>")
                .contains("<dataValidation sqref=\"D10:D27\" type=\"custom\"")
                .contains("<formula1>AND(ISNUMBER(D10),D10>=DATE(2000,1,1),TODAY()>=D10)</formula1>")
                .contains("<dataValidation sqref=\"E10:E27\" type=\"custom\"")
                .contains("<formula1>AND(ISNUMBER(E10),E10>=DATE(2000,1,1))</formula1>")
                .contains("showErrorMessage=\"true\"")
                // fastexcel writes the hash of the empty password, 0, which spreadsheet programs take for none.
                .contains("<sheetProtection password=\"0\"").contains("sheet=\"true\"")
                .as("only widening columns and heightening rows are let through")
                .contains("formatColumns=\"false\"", "formatRows=\"false\"").doesNotContain("deleteRows", "insertRows")
                .contains("paperSize=\"9\"").contains("fitToWidth=\"1\"").contains("fitToHeight=\"0\"")
                .contains("fitToPage=\"true\"");
        // Empty cells have no value to show their number format by; the one style of the date cells has it.
        assertThat(book.parts().get("xl/styles.xml")).contains("formatCode=\"yyyy/m/d\"");
        assertThat(book.sheetXml(2)).contains("<sheetProtection");
        assertThat(book.workbookXml()).contains("name=\"_xlnm.Print_Titles\"").contains("$9:$9")
                .contains("name=\"_xlnm.Print_Area\"").contains("$A$1:$E$27")
                .contains("<sheet name=\"tachiiri\" r:id=\"rId4\" sheetId=\"2\" state=\"hidden\"/>");
    }

    @Test
    void fileNamesKeepOutWhatFileSystemsRefuseAndStayApart() throws IOException {
        Facility awkward = new Facility("f-awkward", "0100000001", " 医療法人 A/B:病院* ", "", "", FacilityType.HOSPITAL,
                50, true, true, List.of(new VendorContract("ベンダー<1>", "電子カルテ"), new VendorContract("ベンダー|1|", "電子カルテ"),
                        new VendorContract("社".repeat(60), "")), List.of(), false);

        List<Path> files = writer.writeForPlan(new PlannedInspection("plan-x", awkward.id(), "i", "i", PLAN.date()),
                awkward, CATALOG, folder);

        assertThat(files).extracting(file -> file.getFileName().toString()).containsExactly(
                "0100000001_医療法人_A_B_病院_医療機関確認用.xlsx",
                "0100000001_医療法人_A_B_病院_事業者確認用_ベンダー_1_電子カルテ.xlsx",
                "0100000001_医療法人_A_B_病院_事業者確認用_ベンダー_1_電子カルテ_2.xlsx",
                "0100000001_医療法人_A_B_病院_事業者確認用_" + "社".repeat(40) + ".xlsx");
        assertThat(files).allSatisfy(file -> assertThat(Files.size(file)).isPositive());
    }
}
