package jp.tachiiri.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * A workbook file as the tests look at it: its sheets' cells through fastexcel's reader (with their number formats),
 * and, for what the reader does not show (validation, protection, print setup), the XML of its parts.
 */
record WrittenWorkbook(List<String> sheetNames, Map<String, SheetVisibility> visibility,
                       Map<String, Map<String, Cell>> cells, Map<String, String> parts) {

    static WrittenWorkbook read(Path file) throws IOException {
        List<String> names;
        Map<String, SheetVisibility> visibility = new LinkedHashMap<>();
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            names = sheets.stream().map(Sheet::getName).toList();
            for (Sheet sheet : sheets) {
                visibility.put(sheet.getName(), sheet.getVisibility());
                Map<String, Cell> byName = new LinkedHashMap<>();
                for (Row row : sheet.read()) {
                    for (Cell cell : row) {
                        if (cell != null) {
                            byName.put(cell.getAddress().toString(), cell);
                        }
                    }
                }
                cells.put(sheet.getName(), byName);
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new WrittenWorkbook(names, visibility, cells, parts);
    }

    Optional<Cell> cell(String sheet, int row, int column) {
        return Optional.ofNullable(cells.get(sheet).get(WorkbookLayout.cellName(row, column)));
    }

    /** The cell's text as the reader gives it ("" for an empty or missing cell). */
    String text(String sheet, int row, int column) {
        return cell(sheet, row, column).map(Cell::getText).orElse("");
    }

    /** The identifier's key/value rows. */
    Map<String, String> identifier() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int row = 0; cell(WorkbookLayout.ID_SHEET, row, 0).isPresent(); row++) {
            values.put(text(WorkbookLayout.ID_SHEET, row, 0), text(WorkbookLayout.ID_SHEET, row, 1));
        }
        return values;
    }

    /** The XML of the {@code index}th sheet (one-based, as the file names them). */
    String sheetXml(int index) {
        return parts.get("xl/worksheets/sheet" + index + ".xml");
    }

    String workbookXml() {
        return parts.get("xl/workbook.xml");
    }
}
