package jp.tachiiri.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.tachiiri.bundle.Sha256;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a filled self-check workbook back, strictly and whole: the file is first checked by {@link WorkbookGuard}, then
 * its hidden identifier names the plan, and the form is checked against what the office wrote for that plan (the
 * hospital, the checklist's version, the vendor contract, the items in their rows). Either every cell is understood
 * and the form is returned, or a {@link WorkbookException} names the file and, for each problem, the sheet and the
 * cell; nothing is half-read.
 *
 * <p>A formula in a cell counts with the value the spreadsheet program saved with it; formulas are never evaluated.
 * The file is read once into memory (it is at most {@link WorkbookGuard#MAX_FILE_BYTES}) and those bytes are checked,
 * parsed and hashed, so that a file changed or a USB stick pulled meanwhile cannot slip another content past the guard.
 */
public final class SelfCheckWorkbookReader {

    /** Rows of a sheet read at most: the form has under 100; anything written below this is refused, not skipped. */
    public static final int MAX_ROWS = 1000;
    /** The form's columns, A–E: the only ones the reader keeps of a row. */
    static final int COLUMNS = WorkbookLayout.TARGET_COLUMN + 1;
    /** Characters of a cell's text repeated in a message; a longer text is cut there with "…". */
    static final int QUOTED = 40;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Reads each cell's number format (to tell a date serial from a number); a malformed value is an error cell. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    /**
     * Reads {@code file}.
     *
     * @param planLookup the request the office would write for a plan id, empty for a plan it does not know; its
     *                   plan, facility and catalog are what the file is checked against (its kind and contract are the
     *                   file's own, from the identifier)
     * @param clock      today, in Japan, is the last day a 確認日 or 記入日 may name
     * @throws WorkbookException when the file is refused, naming every problem
     */
    public FilledWorkbook read(Path file, Function<String, Optional<WorkbookRequest>> planLookup, Clock clock) {
        byte[] content = WorkbookGuard.read(file);
        WorkbookGuard.check(content, file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), OPTIONS)) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), JAPAN);
            return new Reading(file, workbook, today).read(planLookup, Sha256.hex(content));
        } catch (UserFacingException refusedOrFromTheLookup) {
            throw refusedOrFromTheLookup;
        } catch (IOException | RuntimeException unreadable) {
            throw WorkbookGuard.unreadable(unreadable, file);
        }
    }

    /** The checks of one file, in the order a person would fix them: whose workbook, which sheet, which rows, the cells. */
    private static final class Reading {

        private final Path file;
        private final ReadableWorkbook workbook;
        private final LocalDate today;
        private final List<UserFacingException> problems = new ArrayList<>();

        Reading(Path file, ReadableWorkbook workbook, LocalDate today) {
            this.file = file;
            this.workbook = workbook;
            this.today = today;
        }

        FilledWorkbook read(Function<String, Optional<WorkbookRequest>> planLookup, String sha256) throws IOException {
            List<Sheet> sheets = workbook.getSheets().toList();
            if (sheets.size() > WorkbookGuard.MAX_SHEETS) {
                throw refused("workbook.error.tooManySheets", WorkbookGuard.MAX_SHEETS);
            }
            Sheet idSheet = workbook.findSheet(WorkbookLayout.ID_SHEET)
                    .orElseThrow(() -> refused("workbook.error.noIdentifier", WorkbookLayout.ID_SHEET));
            WorkbookRequest request = request(identifier(idSheet), planLookup);
            String sheetName = request.kind() == WorkbookKind.HOSPITAL ? WorkbookLayout.HOSPITAL_SHEET : WorkbookLayout.VENDOR_SHEET;
            Sheet form = workbook.findSheet(sheetName).orElseThrow(() -> refused("workbook.error.sheetMissing", sheetName,
                    sheets.stream().map(Sheet::getName).collect(Collectors.joining("、"))));
            List<MinistryItem> items = request.catalog().ministryItems().stream()
                    .filter(item -> request.kind() == WorkbookKind.HOSPITAL || item.onVendorForm()).toList();
            Map<Integer, Cell[]> rows = rows(form);
            checkItemRows(sheetName, items, rows);

            Map<String, HospitalFormEntry> hospitalRows = new LinkedHashMap<>();
            Optional<VendorForm> vendorForm = Optional.empty();
            if (request.kind() == WorkbookKind.HOSPITAL) {
                for (int i = 0; i < items.size(); i++) {
                    String number = items.get(i).number();
                    int index = WorkbookLayout.FIRST_ITEM_ROW + i;
                    hospitalRow(sheetName, number, index, rows.get(index)).ifPresent(entry -> hospitalRows.put(number, entry));
                }
            } else {
                vendorForm = Optional.of(vendorForm(sheetName, request.contract().orElseThrow(), items, rows));
            }
            if (!problems.isEmpty()) {
                throw WorkbookException.of(file, problems);
            }
            return new FilledWorkbook(request, hospitalRows, vendorForm, sha256);
        }

        /** The identifier's key / value rows. */
        private Map<String, String> identifier(Sheet idSheet) throws IOException {
            Map<String, String> values = new HashMap<>();
            rows(idSheet).values().forEach(row -> values.putIfAbsent(text(cell(row, 0)).strip(), text(cell(row, 1)).strip()));
            return values;
        }

        /** The request the file claims to answer, checked against the plan it names. */
        private WorkbookRequest request(Map<String, String> identifier, Function<String, Optional<WorkbookRequest>> planLookup) {
            String layout = required(identifier, WorkbookLayout.ID_LAYOUT);
            if (!layout.equals(WorkbookLayout.LAYOUT_VERSION)) {
                throw refused("workbook.error.layout", layout, WorkbookLayout.LAYOUT_VERSION);
            }
            String plan = required(identifier, WorkbookLayout.ID_PLAN);
            WorkbookRequest planned = planLookup.apply(plan).orElseThrow(() -> refused("workbook.error.unknownPlan", plan));
            String facilityCode = required(identifier, WorkbookLayout.ID_FACILITY_CODE);
            if (!facilityCode.equals(planned.facility().code())) {
                throw refused("workbook.error.otherHospital", facilityCode, plan, planned.facility().name(),
                        planned.facility().code());
            }
            String catalog = required(identifier, WorkbookLayout.ID_CATALOG);
            if (!catalog.equals(planned.catalog().version())) {
                throw refused("workbook.error.otherChecklist", catalog, planned.catalog().version());
            }
            String kind = required(identifier, WorkbookLayout.ID_KIND);
            if (kind.equalsIgnoreCase(WorkbookKind.HOSPITAL.name())) {
                return WorkbookRequest.hospital(planned.plan(), planned.facility(), planned.catalog());
            }
            if (!kind.equalsIgnoreCase(WorkbookKind.VENDOR.name())) {
                throw refused("workbook.error.identifierValue", WorkbookLayout.ID_SHEET, WorkbookLayout.ID_KIND, kind);
            }
            VendorContract contract = new VendorContract(required(identifier, WorkbookLayout.ID_VENDOR),
                    identifier.getOrDefault(WorkbookLayout.ID_SYSTEM, ""));
            if (!planned.facility().vendors().contains(contract)) {
                throw refused("workbook.error.contractGone", contract.key(), planned.facility().name());
            }
            return WorkbookRequest.vendor(planned.plan(), planned.facility(), planned.catalog(), contract);
        }

        private String required(Map<String, String> identifier, String key) {
            String value = identifier.getOrDefault(key, "");
            if (value.isEmpty()) {
                throw refused("workbook.error.identifierValue", WorkbookLayout.ID_SHEET, key, "");
            }
            return value;
        }

        /**
         * The sheet's rows by zero-based index, each only the form's columns A–E (the guard has refused any cell
         * outside them, and any row below {@link #MAX_ROWS}; a row the library numbers otherwise is refused too).
         */
        private Map<Integer, Cell[]> rows(Sheet sheet) throws IOException {
            Map<Integer, Cell[]> rows = new TreeMap<>();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                stream.forEach(row -> {
                    int index = row.getRowNum() - 1;
                    if (index < 0 || index >= MAX_ROWS) {
                        throw refused("workbook.error.tooManyRows", sheet.getName(), MAX_ROWS);
                    }
                    Cell[] cells = new Cell[COLUMNS];
                    for (int column = 0; column < COLUMNS; column++) {
                        cells[column] = row.getOptionalCell(column).orElse(null);
                    }
                    rows.put(index, cells);
                });
            }
            return rows;
        }

        /** Each item's number in column A, in the catalog's order from the first item row, and nothing numbered below. */
        private void checkItemRows(String sheetName, List<MinistryItem> items, Map<Integer, Cell[]> rows) {
            for (int i = 0; i < items.size(); i++) {
                int index = WorkbookLayout.FIRST_ITEM_ROW + i;
                String found = text(cell(rows.get(index), WorkbookLayout.NUMBER_COLUMN)).strip();
                if (!found.equals(items.get(i).number())) {
                    throw refused("workbook.error.rowMoved", sheetName, cellName(index, WorkbookLayout.NUMBER_COLUMN),
                            items.get(i).number(), quoted(found));
                }
            }
            rows.forEach((index, row) -> {
                String found = text(cell(row, WorkbookLayout.NUMBER_COLUMN)).strip();
                if (index >= WorkbookLayout.FIRST_ITEM_ROW + items.size() && !found.isEmpty()) {
                    throw refused("workbook.error.rowAdded", sheetName, cellName(index, WorkbookLayout.NUMBER_COLUMN),
                            quoted(found));
                }
            });
        }

        /** One row of the hospital's form; empty when a cell of it is wrong (the problem is noted). */
        private Optional<HospitalFormEntry> hospitalRow(String sheetName, String number, int index, Cell[] row) {
            int before = problems.size();
            Optional<SelfCheckAnswer> answer = answer(sheetName, row, index);
            Optional<LocalDate> checkedOn = date(sheetName, row, index, WorkbookLayout.CHECKED_ON_COLUMN);
            Optional<LocalDate> target = date(sheetName, row, index, WorkbookLayout.TARGET_COLUMN);
            if (problems.size() > before) {
                return Optional.empty();
            }
            String checkedCell = cellName(index, WorkbookLayout.CHECKED_ON_COLUMN);
            String targetCell = cellName(index, WorkbookLayout.TARGET_COLUMN);
            checkedOn.filter(day -> day.isAfter(today)).ifPresent(day ->
                    problems.add(problem("workbook.error.futureDate", sheetName, checkedCell, day, today)));
            boolean no = answer.equals(Optional.of(SelfCheckAnswer.NO));
            if (target.isPresent() && !no) {
                problems.add(problem("workbook.error.targetWithoutNo", sheetName, targetCell, number));
            } else if (target.isEmpty() && no) {
                problems.add(problem("workbook.error.targetMissing", sheetName, targetCell, number));
            } else if (target.isPresent() && checkedOn.isPresent() && target.get().isBefore(checkedOn.get())) {
                problems.add(problem("workbook.error.targetBeforeCheck", sheetName, targetCell, target.get(), checkedOn.get()));
            }
            return Optional.of(new HospitalFormEntry(number, answer, checkedOn, target, Optional.empty(), ""));
        }

        /** The vendor's form: received, with its 記入日 and the answers given (a blank row is no answer). */
        private VendorForm vendorForm(String sheetName, VendorContract contract, List<MinistryItem> items,
                                      Map<Integer, Cell[]> rows) {
            Cell[] filledRow = rows.get(WorkbookLayout.FILLED_ON_ROW);
            Optional<LocalDate> filledOn = date(sheetName, filledRow, WorkbookLayout.FILLED_ON_ROW, 1);
            filledOn.filter(day -> day.isAfter(today)).ifPresent(day -> problems.add(problem("workbook.error.futureDate",
                    sheetName, cellName(WorkbookLayout.FILLED_ON_ROW, 1), day, today)));
            Map<String, SelfCheckAnswer> answers = new TreeMap<>();
            for (int i = 0; i < items.size(); i++) {
                int index = WorkbookLayout.FIRST_ITEM_ROW + i;
                String number = items.get(i).number();
                answer(sheetName, rows.get(index), index).ifPresent(answer -> answers.put(number, answer));
            }
            return new VendorForm(contract, VendorForm.Status.RECEIVED, filledOn, "", answers);
        }

        private Optional<SelfCheckAnswer> answer(String sheetName, Cell[] row, int index) {
            Cell cell = cell(row, WorkbookLayout.ANSWER_COLUMN);
            if (withoutSavedValue(sheetName, cell, index, WorkbookLayout.ANSWER_COLUMN)) {
                return Optional.empty();
            }
            String text = text(cell);
            try {
                return CellValues.answer(text);
            } catch (IllegalArgumentException notAnAnswer) {
                problems.add(problem("workbook.error.notAnswer", sheetName, cellName(index, WorkbookLayout.ANSWER_COLUMN),
                        quoted(text)));
                return Optional.empty();
            }
        }

        /**
         * A date cell: a serial number in a date-formatted cell (a formula's saved result too), or a date as text; a
         * day before 2000 or after 9999 is refused (a serial of 1, the year 26 typed for 2026, a 1904-system serial
         * beyond 9999), as no inspection names such a day.
         */
        private Optional<LocalDate> date(String sheetName, Cell[] row, int index, int column) {
            Cell cell = cell(row, column);
            if (withoutSavedValue(sheetName, cell, index, column)) {
                return Optional.empty();
            }
            String text = text(cell);
            Optional<LocalDate> day;
            try {
                if (cell != null && cell.getValue() instanceof BigDecimal serial) {
                    if (!CellValues.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                        throw new IllegalArgumentException("a number, not a date: " + serial);
                    }
                    day = Optional.of(CellValues.serialDate(serial.doubleValue(), workbook.isDate1904()));
                } else {
                    day = CellValues.date(text);
                }
            } catch (IllegalArgumentException notADate) {
                problems.add(problem("workbook.error.notDate", sheetName, cellName(index, column), quoted(text)));
                return Optional.empty();
            }
            if (day.isPresent() && !CellValues.inRange(day.get())) {
                problems.add(problem("workbook.error.dateOutOfRange", sheetName, cellName(index, column), day.get(),
                        CellValues.FIRST_DAY, CellValues.LAST_DAY));
                return Optional.empty();
            }
            return day;
        }

        /**
         * Whether the cell is a formula saved without the value it gave (a program that writes formulas without
         * computing them): noted as a problem, since formulas are never evaluated here and blank would be a guess.
         */
        private boolean withoutSavedValue(String sheetName, Cell cell, int index, int column) {
            if (cell != null && cell.getType() == CellType.FORMULA && cell.getRawValue() == null) {
                problems.add(problem("workbook.error.formulaWithoutValue", sheetName, cellName(index, column)));
                return true;
            }
            return false;
        }

        private WorkbookException refused(String key, Object... arguments) {
            return WorkbookException.of(file, key, arguments);
        }
    }

    private static UserFacingException problem(String key, Object... arguments) {
        return new UserFacingException(key, arguments);
    }

    private static Cell cell(Cell[] row, int column) {
        return row == null ? null : row[column];
    }

    /**
     * A cell's content as text: a string as it is, a number or a formula's result as the file saved it (never
     * evaluated), nothing for an empty cell.
     */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.STRING && cell.getValue() instanceof String value) {
            return value;
        }
        return cell.getRawValue() == null ? "" : cell.getRawValue();
    }

    private static String cellName(int row, int column) {
        return WorkbookLayout.cellName(row, column);
    }

    /** A cell's text for a message, cut to {@link #QUOTED} characters. */
    static String quoted(String text) {
        return text.codePointCount(0, text.length()) <= QUOTED ? text
                : text.substring(0, text.offsetByCodePoints(0, QUOTED)) + "…";
    }

}
