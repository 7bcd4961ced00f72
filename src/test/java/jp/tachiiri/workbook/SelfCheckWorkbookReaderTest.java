package jp.tachiiri.workbook;

import static jp.tachiiri.workbook.WorkbookLayout.ANSWER_COLUMN;
import static jp.tachiiri.workbook.WorkbookLayout.CHECKED_ON_COLUMN;
import static jp.tachiiri.workbook.WorkbookLayout.HOSPITAL_SHEET;
import static jp.tachiiri.workbook.WorkbookLayout.ID_SHEET;
import static jp.tachiiri.workbook.WorkbookLayout.VENDOR_SHEET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.testsupport.SelfCheckFixture;
import jp.tachiiri.testsupport.TestWorkbooks;
import jp.tachiiri.testsupport.TestWorkbooks.DateCell;
import jp.tachiiri.testsupport.TestWorkbooks.Draft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against workbooks in the layout, filled in as a hospital would, right and wrong: every refusal names the
 * file, the sheet and the cell, in both languages.
 */
class SelfCheckWorkbookReaderTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private final SelfCheckWorkbookReader reader = new SelfCheckWorkbookReader();
    private final WorkbookRequest hospital = TestWorkbooks.hospitalRequest();

    @TempDir
    Path folder;

    @Test
    void aFilledHospitalFormInEveryFormASpreadsheetWrites() {
        Path file = Draft.blank(hospital)
                .hospitalRow(hospital, "1-①", "はい", JUNE_1, null)
                .hospitalRow(hospital, "2-①", "\u3000いいえ ", "令和8年6月2日", "R9.3.31")
                .hospitalRow(hospital, "2-②", " ○", "２０２６／６／３", null)
                .hospitalRow(hospital, "2-③", "×", "2026-06-04", LocalDate.of(2027, 3, 31))
                .hospitalRow(hospital, "2-④", "〇", "2026年6月5日", null)
                .write(folder.resolve("森の丘病院.xlsx"));

        FilledWorkbook filled = reader.read(file, TestWorkbooks.plans(), TestWorkbooks.TODAY);

        assertThat(filled.request()).isEqualTo(hospital);
        assertThat(filled.vendorForm()).isEmpty();
        assertThat(filled.sha256()).hasSize(64);
        assertThat(filled.hospitalRows()).as("every row of the form, blank ones as blank").hasSize(TestWorkbooks.items(hospital).size());
        assertThat(filled.hospitalRows().get("1-①")).isEqualTo(TestWorkbooks.entry("1-①", SelfCheckAnswer.YES, JUNE_1, null));
        assertThat(filled.hospitalRows().get("2-①"))
                .isEqualTo(TestWorkbooks.entry("2-①", SelfCheckAnswer.NO, LocalDate.of(2026, 6, 2), LocalDate.of(2027, 3, 31)));
        assertThat(filled.hospitalRows().get("2-②")).isEqualTo(TestWorkbooks.entry("2-②", SelfCheckAnswer.YES, LocalDate.of(2026, 6, 3), null));
        assertThat(filled.hospitalRows().get("2-③"))
                .isEqualTo(TestWorkbooks.entry("2-③", SelfCheckAnswer.NO, LocalDate.of(2026, 6, 4), LocalDate.of(2027, 3, 31)));
        assertThat(filled.hospitalRows().get("2-④")).isEqualTo(TestWorkbooks.entry("2-④", SelfCheckAnswer.YES, LocalDate.of(2026, 6, 5), null));
        assertThat(filled.hospitalRows().get("3-③")).isEqualTo(HospitalFormEntry.empty("3-③"));
    }

    @Test
    void aVendorsFormWithItsDayAndAnswers() {
        var vendor = TestWorkbooks.vendorRequest(SelfCheckFixture.EMR);
        Draft draft = Draft.blank(vendor).set(VENDOR_SHEET, WorkbookLayout.FILLED_ON_ROW, 1, "令和8年5月28日");
        draft.set(VENDOR_SHEET, TestWorkbooks.rowOf(vendor, "2-⑦"), ANSWER_COLUMN, "はい");
        draft.set(VENDOR_SHEET, TestWorkbooks.rowOf(vendor, "2-⑩"), ANSWER_COLUMN, "いいえ");

        FilledWorkbook filled = reader.read(draft.write(folder.resolve("vendor.xlsx")), TestWorkbooks.plans(), TestWorkbooks.TODAY);

        assertThat(filled.request()).isEqualTo(vendor);
        assertThat(filled.hospitalRows()).isEmpty();
        assertThat(filled.vendorForm()).contains(new VendorForm(SelfCheckFixture.EMR, VendorForm.Status.RECEIVED,
                Optional.of(LocalDate.of(2026, 5, 28)), "", Map.of("2-⑦", SelfCheckAnswer.YES, "2-⑩", SelfCheckAnswer.NO)));
    }

    @Test
    void aFormulaCountsWithTheValueSavedWithItNeverEvaluated() {
        int row = TestWorkbooks.rowOf(hospital, "2-①");
        Path filled = Draft.blank(hospital).hospitalRow(hospital, "2-①", "はい", JUNE_1, null).write(folder.resolve("f.xlsx"));
        // The formula would give いいえ; the file says はい was its result when saved: that is what counts.
        Path withFormula = TestWorkbooks.rewrite(filled, folder.resolve("formula.xlsx"), parts -> parts.put(
                "xl/worksheets/sheet1.xml", TestWorkbooks.bytes(TestWorkbooks.text(parts.get("xl/worksheets/sheet1.xml"))
                        .replaceFirst("<c r=\"C" + (row + 1) + "\"[^>]*>.*?</c>",
                                "<c r=\"C" + (row + 1) + "\" t=\"str\"><f>IF(1=2,\"はい\",\"いいえ\")</f><v>はい</v></c>"))));

        FilledWorkbook read = reader.read(withFormula, TestWorkbooks.plans(), TestWorkbooks.TODAY);

        assertThat(read.hospitalRows().get("2-①").answer()).contains(SelfCheckAnswer.YES);
    }

    @Test
    void aFormulaSavedWithoutItsValueIsRefusedNotReadAsBlank() {
        int row = TestWorkbooks.rowOf(hospital, "2-①");
        Path filled = Draft.blank(hospital).hospitalRow(hospital, "2-①", "はい", JUNE_1, null).write(folder.resolve("f.xlsx"));
        // What a program that writes formulas without computing them saves: the formula, no <v>.
        Path withFormula = TestWorkbooks.rewrite(filled, folder.resolve("森の丘.xlsx"), parts -> parts.put(
                "xl/worksheets/sheet1.xml", TestWorkbooks.bytes(TestWorkbooks.text(parts.get("xl/worksheets/sheet1.xml"))
                        .replaceFirst("<c r=\"C" + (row + 1) + "\"[^>]*>.*?</c>",
                                "<c r=\"C" + (row + 1) + "\" t=\"str\"><f>IF(1=1,\"はい\",\"いいえ\")</f></c>"))));

        WorkbookException refused = catchThrowableOfType(() -> reader.read(withFormula, TestWorkbooks.plans(),
                TestWorkbooks.TODAY), WorkbookException.class);

        assertProblem(refused, "workbook.error.formulaWithoutValue", HOSPITAL_SHEET, cell("2-①", ANSWER_COLUMN));
        assertThat(refused.getMessage()).contains("値が保存されていない数式", "保存し直して");
    }

    @Test
    void aRefusalOfThePlanLookupIsToldAsItIs() {
        Path file = Draft.blank(hospital).write(folder.resolve("f.xlsx"));
        UserFacingException noFacility = new UserFacingException("selfCheckImport.error.noFacility");

        UserFacingException thrown = catchThrowableOfType(() -> reader.read(file, plan -> {
            throw noFacility;
        }, TestWorkbooks.TODAY), UserFacingException.class);

        assertThat(thrown).isSameAs(noFacility);
    }

    @Test
    void datesBefore2000OrAfter9999() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", LocalDate.of(1900, 1, 1), null)),
                "workbook.error.dateOutOfRange", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), LocalDate.of(1900, 1, 1),
                CellValues.FIRST_DAY, CellValues.LAST_DAY);
        WorkbookException typed = refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", "0026/6/1", null));
        assertProblem(typed, "workbook.error.dateOutOfRange", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN),
                LocalDate.of(26, 6, 1), CellValues.FIRST_DAY, CellValues.LAST_DAY);
        assertThat(typed.getMessage()).contains("2000年1月1日", "9999年12月31日");
    }

    @Test
    void aSerialOfTheLastDayInA1904WorkbookIsBeyond9999() {
        // 2,958,465 is 9999-12-31 in the 1900 date system and 10004-01-01 in the 1904 one.
        Path filled = Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "いいえ", JUNE_1, LocalDate.of(9999, 12, 31))
                .write(folder.resolve("f.xlsx"));
        Path in1904 = TestWorkbooks.rewrite(filled, folder.resolve("森の丘.xlsx"), parts -> {
            String workbook = TestWorkbooks.text(parts.get("xl/workbook.xml"));
            assertThat(workbook).contains("date1904=\"false\"");
            parts.put("xl/workbook.xml", TestWorkbooks.bytes(workbook.replace("date1904=\"false\"", "date1904=\"true\"")));
        });

        WorkbookException refused = catchThrowableOfType(() -> reader.read(in1904, TestWorkbooks.plans(),
                TestWorkbooks.TODAY), WorkbookException.class);

        assertThat(refused.problems()).extracting(UserFacingException::key).contains("workbook.error.dateOutOfRange");
        assertThat(refused.problems()).filteredOn(problem -> problem.key().equals("workbook.error.dateOutOfRange"))
                .singleElement().satisfies(problem -> assertThat(problem.arguments()).containsExactly(HOSPITAL_SHEET,
                        cell("2-⑤", WorkbookLayout.TARGET_COLUMN), LocalDate.of(10004, 1, 1), CellValues.FIRST_DAY,
                        CellValues.LAST_DAY));
    }

    @Test
    void anEraDateAcrossTheEraBoundaryIsNoDate() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", "平成31年5月1日", null)),
                "workbook.error.notDate", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), "平成31年5月1日");
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", "令和元年4月30日", null)),
                "workbook.error.notDate", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), "令和元年4月30日");
    }

    @Test
    void anAnswerWithThePhoneticGuideJapaneseExcelStoresWithIt() {
        Path filled = Draft.blank(hospital).hospitalRow(hospital, "2-①", "はい", JUNE_1, null).write(folder.resolve("f.xlsx"));
        String yes = "<t xml:space=\"preserve\">&#x306f;&#x3044;</t></si>";
        Path withGuide = TestWorkbooks.rewrite(filled, folder.resolve("rph.xlsx"), parts -> {
            String strings = TestWorkbooks.text(parts.get("xl/sharedStrings.xml"));
            assertThat(strings).contains(yes);
            parts.put("xl/sharedStrings.xml", TestWorkbooks.bytes(strings.replace(yes, yes.replace("</si>",
                    "<rPh sb=\"0\" eb=\"2\"><t>ハイ</t></rPh><phoneticPr fontId=\"1\"/></si>"))));
        });

        FilledWorkbook read = reader.read(withGuide, TestWorkbooks.plans(), TestWorkbooks.TODAY);

        assertThat(read.hospitalRows().get("2-①").answer()).contains(SelfCheckAnswer.YES);
    }

    @Test
    void anAnswerThatIsNeitherYesNorNo() {
        Draft draft = Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "たぶん", JUNE_1, null);
        WorkbookException refused = refused(draft);
        assertProblem(refused, "workbook.error.notAnswer", HOSPITAL_SHEET, cell("2-⑤", ANSWER_COLUMN), "たぶん");
        assertThat(refused.getMessage()).contains("森の丘.xlsx", "医療機関確認用", cell("2-⑤", ANSWER_COLUMN), "たぶん",
                "何も保存していません");
        assertThat(refused.localizedMessage(Language.EN)).contains("森の丘.xlsx", "Sheet \"医療機関確認用\"",
                cell("2-⑤", ANSWER_COLUMN), "nothing was stored");
    }

    @Test
    void aDateThatIsNoDate() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", "来週", null)),
                "workbook.error.notDate", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), "来週");
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", "2026/2/30", null)),
                "workbook.error.notDate", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), "2026/2/30");
    }

    @Test
    void aNumberInADateCellWithoutADateFormatIsNoDate() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", 46174, null)),
                "workbook.error.notDate", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), "46174");
    }

    @Test
    void aDateCheckedInTheFuture() {
        LocalDate tomorrow = LocalDate.of(2026, 6, 16);
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", tomorrow, null)),
                "workbook.error.futureDate", HOSPITAL_SHEET, cell("2-⑤", CHECKED_ON_COLUMN), tomorrow,
                LocalDate.of(2026, 6, 15));
    }

    @Test
    void noWithoutATargetDate() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "いいえ", JUNE_1, null)),
                "workbook.error.targetMissing", HOSPITAL_SHEET, cell("2-⑤", WorkbookLayout.TARGET_COLUMN), "2-⑤");
    }

    @Test
    void aTargetDateForYesOrForNoAnswer() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "はい", JUNE_1, "2027/3/31")),
                "workbook.error.targetWithoutNo", HOSPITAL_SHEET, cell("2-⑤", WorkbookLayout.TARGET_COLUMN), "2-⑤");
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", null, null, "2027/3/31")),
                "workbook.error.targetWithoutNo", HOSPITAL_SHEET, cell("2-⑤", WorkbookLayout.TARGET_COLUMN), "2-⑤");
    }

    @Test
    void aTargetDateBeforeTheDateChecked() {
        assertProblem(refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", "いいえ", JUNE_1, "2026/5/31")),
                "workbook.error.targetBeforeCheck", HOSPITAL_SHEET, cell("2-⑤", WorkbookLayout.TARGET_COLUMN),
                LocalDate.of(2026, 5, 31), JUNE_1);
    }

    @Test
    void everyWrongCellIsNamedAtOnce() {
        Draft draft = Draft.blank(hospital).hospitalRow(hospital, "1-①", "yes", JUNE_1, null)
                .hospitalRow(hospital, "2-①", "いいえ", "昨日", null)
                .hospitalRow(hospital, "3-③", "いいえ", JUNE_1, null);
        WorkbookException refused = refused(draft);
        assertThat(refused.problems()).extracting(UserFacingException::key).containsExactly("workbook.error.notAnswer",
                "workbook.error.notDate", "workbook.error.targetMissing");
        assertThat(refused.getMessage()).contains("問題 3 件", cell("1-①", ANSWER_COLUMN), cell("2-①", CHECKED_ON_COLUMN),
                cell("3-③", WorkbookLayout.TARGET_COLUMN));
    }

    @Test
    void aLongWrongValueIsCutInTheMessage() {
        String pasted = "はい".repeat(5000);
        WorkbookException refused = refused(Draft.blank(hospital).hospitalRow(hospital, "2-⑤", pasted, JUNE_1, null));
        assertThat(refused.key()).isEqualTo("workbook.error.notAnswer");
        assertThat(refused.getMessage()).hasSizeLessThan(300).contains("…");
    }

    @Test
    void anotherHospitalsWorkbook() {
        Draft draft = Draft.blank(hospital).set(ID_SHEET, 2, 1, "9910000001");
        assertProblem(refused(draft), "workbook.error.otherHospital", "9910000001", TestWorkbooks.PLAN_ID,
                SelfCheckFixture.FACILITY_NAME, SelfCheckFixture.facility().code());
    }

    @Test
    void anotherChecklistVersion() {
        Draft draft = Draft.blank(hospital).set(ID_SHEET, 3, 1, "2025.1");
        assertProblem(refused(draft), "workbook.error.otherChecklist", "2025.1", "2026.1");
    }

    @Test
    void aPlanTheOfficeDoesNotHave() {
        Draft draft = Draft.blank(hospital).set(ID_SHEET, 1, 1, "plan-cancelled");
        assertProblem(refused(draft), "workbook.error.unknownPlan", "plan-cancelled");
    }

    @Test
    void aLayoutThisAppDoesNotKnow() {
        assertProblem(refused(Draft.blank(hospital).set(ID_SHEET, 0, 1, "2")), "workbook.error.layout", "2",
                WorkbookLayout.LAYOUT_VERSION);
    }

    @Test
    void aWorkbookWithoutTheIdentifier() {
        Draft draft = Draft.blank(hospital).renameSheet(ID_SHEET, "メモ");
        assertProblem(refused(draft), "workbook.error.noIdentifier", ID_SHEET);
    }

    @Test
    void theFormsSheetRenamed() {
        Draft draft = Draft.blank(hospital).renameSheet(HOSPITAL_SHEET, "回答");
        assertProblem(refused(draft), "workbook.error.sheetMissing", HOSPITAL_SHEET, "回答、tachiiri");
    }

    @Test
    void rowsMoved() {
        int first = TestWorkbooks.rowOf(hospital, "2-②");
        Draft draft = Draft.blank(hospital).swapRows(HOSPITAL_SHEET, first, first + 1);
        assertProblem(refused(draft), "workbook.error.rowMoved", HOSPITAL_SHEET, WorkbookLayout.cellName(first, 0), "2-②",
                "2-③");
    }

    @Test
    void aRowAddedBelowTheItems() {
        int below = WorkbookLayout.FIRST_ITEM_ROW + TestWorkbooks.items(hospital).size();
        Draft draft = Draft.blank(hospital).set(HOSPITAL_SHEET, below, 0, "4-①").set(HOSPITAL_SHEET, below, 2, "はい");
        assertProblem(refused(draft), "workbook.error.rowAdded", HOSPITAL_SHEET, WorkbookLayout.cellName(below, 0), "4-①");
    }

    @Test
    void anythingFarBelowTheForm() {
        Draft draft = Draft.blank(hospital).set(HOSPITAL_SHEET, 5000, 3, "メモ");
        assertProblem(refused(draft), "workbook.error.tooManyRows", HOSPITAL_SHEET, SelfCheckWorkbookReader.MAX_ROWS);
    }

    @Test
    void aNoteBesideTheForm() {
        Draft draft = Draft.blank(hospital).set(HOSPITAL_SHEET, 12, 5, "メモ");
        assertProblem(refused(draft), "workbook.error.outsideForm", HOSPITAL_SHEET, "F13", "E",
                SelfCheckWorkbookReader.MAX_ROWS);
    }

    @Test
    void aVendorWorkbookOfAContractTheFacilityNoLongerHas() {
        var vendor = TestWorkbooks.vendorRequest(SelfCheckFixture.PACS);
        Path file = Draft.blank(vendor).write(folder.resolve("pacs.xlsx"));
        Facility withoutPacs = facilityWithVendors(List.of(SelfCheckFixture.EMR));
        WorkbookException refused = catchThrowableOfType(() -> reader.read(file, id -> Optional.of(
                WorkbookRequest.hospital(TestWorkbooks.PLAN, withoutPacs, hospital.catalog())), TestWorkbooks.TODAY),
                WorkbookException.class);
        assertProblem(refused, "workbook.error.contractGone", SelfCheckFixture.PACS.key(), SelfCheckFixture.FACILITY_NAME);
    }

    @Test
    void aVendorsDayInTheFuture() {
        var vendor = TestWorkbooks.vendorRequest(SelfCheckFixture.EMR);
        Draft draft = Draft.blank(vendor).set(VENDOR_SHEET, WorkbookLayout.FILLED_ON_ROW, 1, new DateCell(LocalDate.of(2026, 7, 1)));
        assertProblem(refused(draft), "workbook.error.futureDate", VENDOR_SHEET, "B7", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 6, 15));
    }

    @Test
    void aVendorsWrongAnswer() {
        var vendor = TestWorkbooks.vendorRequest(SelfCheckFixture.EMR);
        Draft draft = Draft.blank(vendor).set(VENDOR_SHEET, TestWorkbooks.rowOf(vendor, "2-⑦"), ANSWER_COLUMN, "済");
        assertProblem(refused(draft), "workbook.error.notAnswer", VENDOR_SHEET,
                WorkbookLayout.cellName(TestWorkbooks.rowOf(vendor, "2-⑦"), ANSWER_COLUMN), "済");
    }

    private WorkbookException refused(Draft draft) {
        Path file = draft.write(folder.resolve("森の丘.xlsx"));
        return catchThrowableOfType(() -> reader.read(file, TestWorkbooks.plans(), TestWorkbooks.TODAY), WorkbookException.class);
    }

    private static void assertProblem(WorkbookException refused, String key, Object... arguments) {
        assertThat(refused).as("the workbook is refused").isNotNull();
        assertThat(refused.problems()).hasSize(1);
        assertThat(refused.key()).isEqualTo(key);
        assertThat(refused.arguments()).containsExactly(arguments);
        assertThat(refused.localizedMessage(Language.EN)).doesNotContain("{");
    }

    private String cell(String number, int column) {
        return WorkbookLayout.cellName(TestWorkbooks.rowOf(hospital, number), column);
    }


    private static Facility facilityWithVendors(List<VendorContract> vendors) {
        Facility f = SelfCheckFixture.facility();
        return new Facility(f.id(), f.code(), f.name(), f.kana(), f.address(), f.type(), f.licensedBeds(),
                f.hasMedicalInformationSystem(), f.usesEmr(), vendors, f.feeAddOnClaims(), f.demo());
    }
}
