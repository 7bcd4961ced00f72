package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.testsupport.TestWorkbooks;
import jp.tachiiri.testsupport.TestWorkbooks.Draft;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.SelfCheckWorkbookReader;
import jp.tachiiri.workbook.WorkbookLayout;
import jp.tachiiri.workbook.WorkbookRequest;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/**
 * Filled self-check workbooks read back, as an office imports a folder of them: {@code SelfCheckWorkbookReader.read}
 * on each (the guard inflating every part once, a private copy, SHA-256, the identifier, the plan's checks, every
 * cell parsed and checked), against the floor of the same library, fastexcel-reader, opening each file and reading the
 * same cells (the identifier's and the form's) as text with no checks at all.
 *
 * <p>The workbooks are written before the clock runs, in the layout with fastexcel's writer, every row answered
 * (はい or いいえ with a target date, dates as serials or as 令和 / slash text). {@code mvn -o -Pbench verify
 * -Dtest=WorkbookReadBenchmark -Dfuzz.skip=true}. Properties: {@code bench.workbooks} (200), {@code bench.runs} (11),
 * {@code bench.warmups} (5).
 */
class WorkbookReadBenchmark {

    @Test
    void filledWorkbooksReadBack() throws Exception {
        int count = Bench.intProperty("bench.workbooks", 200);
        int runs = Bench.intProperty("bench.runs", 11);
        int warmups = Bench.intProperty("bench.warmups", 5);
        Path work = Bench.workFolder("workbooks");
        WorkbookRequest hospital = TestWorkbooks.hospitalRequest();
        List<Path> files = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < count; i++) {
            files.add(filled(hospital, random).write(work.resolve("workbook-" + i + ".xlsx")));
        }
        SelfCheckWorkbookReader reader = new SelfCheckWorkbookReader();
        int[] rows = new int[2];

        Bench.Case result = Bench.compare("self-check workbooks read",
                String.format("%d filled workbooks: `SelfCheckWorkbookReader.read` vs fastexcel-reader reading the same "
                        + "cells, no checks", count), warmups, runs,
                round -> Bench.time(() -> {
                    rows[0] = 0;
                    for (Path file : files) {
                        FilledWorkbook filled = reader.read(file, TestWorkbooks.plans(), TestWorkbooks.TODAY);
                        rows[0] += filled.hospitalRows().size();
                    }
                    return null;
                }).sample(),
                round -> Bench.time(() -> {
                    rows[1] = 0;
                    for (Path file : files) {
                        rows[1] += cellsRead(file);
                    }
                    return null;
                }).sample());
        assertThat(rows[0]).isEqualTo(count * TestWorkbooks.items(hospital).size());
        assertThat(rows[1]).as("the floor read each item row's cells").isEqualTo(rows[0]);
        Bench.note("self-check workbooks read: %d workbooks of %d rows; %.2f ms vs %.2f ms a workbook (medians).", count,
                TestWorkbooks.items(hospital).size(), result.oursMedian() * 1000 / count, result.floorMedian() * 1000 / count);
        Bench.deleteTree(work);
    }

    /** A hospital's form with every row answered, its dates in the forms people type. */
    private static Draft filled(WorkbookRequest hospital, Random random) {
        Draft draft = Draft.blank(hospital);
        for (MinistryItem item : TestWorkbooks.items(hospital)) {
            boolean no = random.nextInt(4) == 0;
            LocalDate checked = LocalDate.of(2026, 5, 1 + random.nextInt(30));
            Object checkedCell = switch (random.nextInt(3)) {
                case 0 -> checked;
                case 1 -> "令和8年" + checked.getMonthValue() + "月" + checked.getDayOfMonth() + "日";
                default -> checked.getYear() + "/" + checked.getMonthValue() + "/" + checked.getDayOfMonth();
            };
            draft.hospitalRow(hospital, item.number(), no ? "いいえ" : "はい", checkedCell, no ? LocalDate.of(2027, 3, 31) : null);
        }
        return draft;
    }

    /** The floor: the identifier's and the form's rows read as the library gives them, each cell's text taken. */
    private static int cellsRead(Path file) throws IOException {
        int rows = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            for (String name : List.of(WorkbookLayout.ID_SHEET, WorkbookLayout.HOSPITAL_SHEET)) {
                Sheet sheet = workbook.findSheet(name).orElseThrow();
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) stream::iterator) {
                        for (int column = 0; column <= WorkbookLayout.TARGET_COLUMN; column++) {
                            row.getOptionalCell(column).map(Cell::getText);
                        }
                        rows += row.getRowNum() > WorkbookLayout.FIRST_ITEM_ROW && name.equals(WorkbookLayout.HOSPITAL_SHEET) ? 1 : 0;
                    }
                }
            }
        }
        return rows;
    }
}
