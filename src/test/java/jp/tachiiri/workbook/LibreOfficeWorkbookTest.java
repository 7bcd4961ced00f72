package jp.tachiiri.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.testsupport.LibreOffice;
import jp.tachiiri.testsupport.TestWorkbooks;
import jp.tachiiri.testsupport.TestWorkbooks.Draft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook that LibreOffice Calc made from scratch in the expected layout, typed cell by cell (a date typed as a date,
 * one written as 令和 text, ○ with spaces, an answer from a formula, a row left blank), read back as the hospital's form.
 */
class LibreOfficeWorkbookTest {

    @TempDir
    Path folder;

    @Test
    void aWorkbookLibreOfficeMadeFromScratch() throws Exception {
        LibreOffice.assumeInstalled();
        WorkbookRequest hospital = TestWorkbooks.hospitalRequest();
        Draft draft = Draft.blank(hospital)
                .hospitalRow(hospital, "1-①", "はい", LocalDate.of(2026, 6, 1), null)
                .hospitalRow(hospital, "2-①", "いいえ", "令和8年6月2日", LocalDate.of(2027, 3, 31))
                .hospitalRow(hospital, "2-②", "\u3000○ ", "R8.6.3", null)
                .hospitalRow(hospital, "2-③", new LibreOffice.Formula("=IF(1=1;\"はい\";\"いいえ\")"),
                        LocalDate.of(2026, 6, 4), null);

        Path file = LibreOffice.newWorkbook(draft, folder.resolve("calc.xlsx"));

        String sheet = TestWorkbooks.text(TestWorkbooks.parts(file).get("xl/worksheets/sheet1.xml"));
        String typedDate = "D" + (TestWorkbooks.rowOf(hospital, "1-①") + 1);
        assertThat(sheet).as("Calc stored the typed date as a serial number in a date-formatted cell")
                .containsPattern("<c r=\"" + typedDate + "\" s=\"\\d+\" t=\"n\"><v>46174</v></c>");
        String formula = "C" + (TestWorkbooks.rowOf(hospital, "2-③") + 1);
        assertThat(sheet).as("Calc saved the formula with its result")
                .containsPattern("<c r=\"" + formula + "\"[^>]*><f[^>]*>IF\\(1=1,&quot;はい&quot;.*?</f><v>はい</v>");
        FilledWorkbook filled = new SelfCheckWorkbookReader().read(file, TestWorkbooks.plans(), TestWorkbooks.TODAY);

        assertThat(filled.request()).isEqualTo(hospital);
        assertThat(filled.hospitalRows().get("1-①")).isEqualTo(TestWorkbooks.entry("1-①", SelfCheckAnswer.YES, LocalDate.of(2026, 6, 1), null));
        assertThat(filled.hospitalRows().get("2-①"))
                .isEqualTo(TestWorkbooks.entry("2-①", SelfCheckAnswer.NO, LocalDate.of(2026, 6, 2), LocalDate.of(2027, 3, 31)));
        assertThat(filled.hospitalRows().get("2-②")).isEqualTo(TestWorkbooks.entry("2-②", SelfCheckAnswer.YES, LocalDate.of(2026, 6, 3), null));
        assertThat(filled.hospitalRows().get("2-③")).isEqualTo(TestWorkbooks.entry("2-③", SelfCheckAnswer.YES, LocalDate.of(2026, 6, 4), null));
        assertThat(filled.hospitalRows().get("2-④")).isEqualTo(HospitalFormEntry.empty("2-④"));
    }
}
