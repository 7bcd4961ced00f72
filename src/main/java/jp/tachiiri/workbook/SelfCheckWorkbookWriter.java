package jp.tachiiri.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.VendorContract;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.ProtectionOption;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.SheetProtectionOption;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the self-check workbooks of a planned inspection in the layout of {@link WorkbookLayout}: the hospital's
 * form and one per vendor contract, always in Japanese (they go to Japanese hospitals, as the ministry's form does).
 * The cells to fill in are unlocked and tinted, the rest locked by a sheet protection without a password: it guides
 * the hospital, it secures nothing; the reader checks every cell anyway.
 */
public final class SelfCheckWorkbookWriter {

    /** A workbook's file name extension. */
    public static final String EXTENSION = ".xlsx";

    private static final String APPLICATION = "Tachiiri";
    /** fastexcel wants the application's version as "major.minor"; the layout's version is in the identifier. */
    private static final String APPLICATION_VERSION = "1.0";
    /** The bundled font (BIZ UDPGothic); Windows 10 and later have it too, other programs fall back to theirs. */
    private static final String FONT = "BIZ UDPGothic";
    private static final double FONT_SIZE = 11;
    private static final int TITLE_SIZE = 14;
    private static final String DATE_FORMAT = "yyyy/m/d";
    private static final String INPUT_FILL = "FFF2CC";
    private static final String HEAD_FILL = "D9E1F2";
    /**
     * Width of each item column, in the spreadsheet's unit (about a digit of the default font): narrow enough that a
     * page, fitted to A4's width, keeps the text at a readable size.
     */
    private static final double[] HOSPITAL_WIDTHS = {12, 50, 8, 11, 16};
    private static final double[] VENDOR_WIDTHS = {12, 50, 8};
    /**
     * How wide a character of the default font is in that unit: the font's digits are 0.76 em wide, its kanji and kana
     * up to 1 em, its Latin letters up to 0.98 em (a program without the font takes another, so rows get a margin).
     */
    private static final double FULL_WIDTH_CHARACTER = 1.3;
    private static final double HALF_WIDTH_CHARACTER = 1.0;
    private static final double LINE_HEIGHT = 15;
    private static final double ROW_PADDING = 4;
    /** Dates before this are typing errors; a validation formula may not contain "<" (fastexcel writes it raw). */
    private static final String EARLIEST_DATE = "DATE(2000,1,1)";
    /** A part of a file name: file systems allow 255 bytes, and a Japanese character takes three in UTF-8. */
    private static final int NAME_PART_LIMIT = 40;
    /**
     * What the sheet protection forbids (fastexcel lets everything not named here): all but widening a column or
     * heightening a row to read a long wording, and selecting cells.
     */
    private static final Set<SheetProtectionOption> PROTECTED_WITH_ROOM = EnumSet.complementOf(EnumSet.of(
            SheetProtectionOption.FORMAT_COLUMNS, SheetProtectionOption.FORMAT_ROWS,
            SheetProtectionOption.SELECT_LOCKED_CELLS, SheetProtectionOption.SELECT_UNLOCKED_CELLS));
    /** Excel's and LibreOffice's name of a sheet's print area. */
    private static final String PRINT_AREA = "_xlnm.Print_Area";

    private final Messages japanese = Messages.of(Language.JA);

    /** Writes the workbook of {@code request} to {@code out}, which stays open. */
    public void write(WorkbookRequest request, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, APPLICATION, APPLICATION_VERSION);
        workbook.setGlobalDefaultFont(FONT, FONT_SIZE);
        boolean hospital = request.kind() == WorkbookKind.HOSPITAL;
        Worksheet form = workbook.newWorksheet(hospital ? WorkbookLayout.HOSPITAL_SHEET : WorkbookLayout.VENDOR_SHEET);
        Worksheet identifier = workbook.newWorksheet(WorkbookLayout.ID_SHEET);
        writeForm(form, request, hospital ? HOSPITAL_WIDTHS : VENDOR_WIDTHS);
        writeIdentifier(identifier, request);
        workbook.setActiveTab(0);
        workbook.finish(); // Ends the zip without closing the caller's stream.
        out.flush();
    }

    /**
     * Writes the hospital's workbook and one per vendor contract of {@code facility} into {@code folder} (which must
     * exist), each atomically, replacing a file of the same name: named so that a person sees whose it is
     * ("0123456789_デモ病院_医療機関確認用.xlsx", "…_事業者確認用_ベンダー社_電子カルテ.xlsx"). The hospital's comes first.
     */
    public List<Path> writeForPlan(PlannedInspection plan, Facility facility, Catalog catalog, Path folder)
            throws IOException {
        List<WorkbookRequest> requests = new ArrayList<>();
        requests.add(WorkbookRequest.hospital(plan, facility, catalog));
        facility.vendors().forEach(contract -> requests.add(WorkbookRequest.vendor(plan, facility, catalog, contract)));
        Set<String> taken = new HashSet<>();
        List<Path> written = new ArrayList<>();
        for (WorkbookRequest request : requests) {
            Path target = folder.resolve(uniqueName(fileName(request), taken) + EXTENSION);
            AtomicFile.write(target, AtomicFile.IfExists.REPLACE, out -> write(request, out));
            written.add(target);
        }
        return written;
    }

    /** The file name, without extension, that {@link #writeForPlan} gives the workbook of {@code request}. */
    public String fileName(WorkbookRequest request) {
        String code = safe(request.facility().code());
        String name = safe(request.facility().name());
        return request.contract()
                .map(contract -> japanese.get("workbook.file.vendor", code, name, safe(contractName(contract))))
                .orElseGet(() -> japanese.get("workbook.file.hospital", code, name));
    }

    private void writeForm(Worksheet sheet, WorkbookRequest request, double[] widths) {
        boolean hospital = request.kind() == WorkbookKind.HOSPITAL;
        int lastColumn = widths.length - 1;
        for (int column = 0; column < widths.length; column++) {
            sheet.width(column, widths[column]);
        }
        Catalog catalog = request.catalog();
        String checklist = catalog.checklist().name().ja();

        double fullWidth = Arrays.stream(widths).sum();
        String title = japanese.get(hospital ? "workbook.title.hospital" : "workbook.title.vendor", checklist);
        sheet.value(WorkbookLayout.TITLE_ROW, 0, title);
        sheet.range(WorkbookLayout.TITLE_ROW, 0, WorkbookLayout.TITLE_ROW, lastColumn).style().merge().bold()
                .fontSize(TITLE_SIZE).wrapText(true).verticalAlignment("center").set();
        sheet.rowHeight(WorkbookLayout.TITLE_ROW, height(title, fullWidth * FONT_SIZE / TITLE_SIZE) * TITLE_SIZE / FONT_SIZE);

        header(sheet, WorkbookLayout.FACILITY_NAME_ROW, "workbook.label.facilityName", request.facility().name(), lastColumn);
        header(sheet, WorkbookLayout.FACILITY_CODE_ROW, "workbook.label.facilityCode", request.facility().code(), lastColumn);
        header(sheet, WorkbookLayout.CHECKLIST_ROW, "workbook.label.checklist",
                japanese.get("workbook.checklist", checklist, catalog.version()), lastColumn);
        request.contract().ifPresent(contract -> {
            header(sheet, WorkbookLayout.VENDOR_ROW, "workbook.label.vendor", contract.key(), lastColumn);
            label(sheet, WorkbookLayout.FILLED_ON_ROW, "workbook.label.filledOn");
            dateInput(sheet.range(WorkbookLayout.FILLED_ON_ROW, 1, WorkbookLayout.FILLED_ON_ROW, 1)).set();
            pastDates(sheet.range(WorkbookLayout.FILLED_ON_ROW, 1, WorkbookLayout.FILLED_ON_ROW, 1));
        });

        String instruction = japanese.get(hospital ? "workbook.instruction.hospital" : "workbook.instruction.vendor");
        sheet.value(WorkbookLayout.INSTRUCTION_ROW, 0, instruction);
        sheet.range(WorkbookLayout.INSTRUCTION_ROW, 0, WorkbookLayout.INSTRUCTION_ROW, lastColumn).style().merge()
                .wrapText(true).verticalAlignment("center").set();
        sheet.rowHeight(WorkbookLayout.INSTRUCTION_ROW, height(instruction, fullWidth));

        List<String> heads = new ArrayList<>(List.of(japanese.get("workbook.head.number"),
                japanese.get("workbook.head.wording"), japanese.get("workbook.head.answer")));
        if (hospital) {
            heads.add(japanese.get("workbook.head.checkedOn"));
            heads.add(japanese.get("workbook.head.target"));
        }
        double headHeight = 0;
        for (int column = 0; column < heads.size(); column++) {
            sheet.value(WorkbookLayout.HEAD_ROW, column, heads.get(column));
            headHeight = Math.max(headHeight, height(heads.get(column), widths[column]));
        }
        sheet.rowHeight(WorkbookLayout.HEAD_ROW, headHeight);
        sheet.range(WorkbookLayout.HEAD_ROW, 0, WorkbookLayout.HEAD_ROW, lastColumn).style().bold().fillColor(HEAD_FILL)
                .borderStyle(BorderStyle.THIN).wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                .set();

        List<MinistryItem> items = hospital ? catalog.ministryItems()
                : catalog.ministryItems().stream().filter(MinistryItem::onVendorForm).toList();
        int row = WorkbookLayout.FIRST_ITEM_ROW;
        for (MinistryItem item : items) {
            sheet.value(row, WorkbookLayout.NUMBER_COLUMN, item.number());
            sheet.value(row, WorkbookLayout.WORDING_COLUMN, item.wording().ja());
            sheet.rowHeight(row, Math.max(height(item.wording().ja(), widths[WorkbookLayout.WORDING_COLUMN]),
                    height(item.number(), widths[WorkbookLayout.NUMBER_COLUMN])));
            row++;
        }
        int lastItemRow = row - 1;
        if (!items.isEmpty()) {
            sheet.range(WorkbookLayout.FIRST_ITEM_ROW, 0, lastItemRow, WorkbookLayout.WORDING_COLUMN).style()
                    .borderStyle(BorderStyle.THIN).wrapText(true).verticalAlignment("top").set();
            answers(sheet.range(WorkbookLayout.FIRST_ITEM_ROW, WorkbookLayout.ANSWER_COLUMN, lastItemRow,
                    WorkbookLayout.ANSWER_COLUMN));
            if (hospital) {
                Range checkedOn = sheet.range(WorkbookLayout.FIRST_ITEM_ROW, WorkbookLayout.CHECKED_ON_COLUMN, lastItemRow,
                        WorkbookLayout.CHECKED_ON_COLUMN);
                Range target = sheet.range(WorkbookLayout.FIRST_ITEM_ROW, WorkbookLayout.TARGET_COLUMN, lastItemRow,
                        WorkbookLayout.TARGET_COLUMN);
                dateInput(checkedOn).borderStyle(BorderStyle.THIN).verticalAlignment("top").set();
                dateInput(target).borderStyle(BorderStyle.THIN).verticalAlignment("top").set();
                pastDates(checkedOn);
                dates(target);
            }
        }

        sheet.protect("", PROTECTED_WITH_ROOM);
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation("portrait");
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.repeatRows(WorkbookLayout.HEAD_ROW);
        sheet.range(0, 0, Math.max(lastItemRow, WorkbookLayout.HEAD_ROW), lastColumn).setName(PRINT_AREA);
        sheet.freezePane(0, WorkbookLayout.FIRST_ITEM_ROW);
    }

    private void header(Worksheet sheet, int row, String labelKey, String value, int lastColumn) {
        label(sheet, row, labelKey);
        sheet.value(row, 1, value);
        sheet.range(row, 1, row, lastColumn).style().merge().wrapText(true).set();
    }

    private void label(Worksheet sheet, int row, String key) {
        sheet.value(row, 0, japanese.get(key));
        sheet.style(row, 0).bold().set();
    }

    /** はい / いいえ from a drop-down list, nothing else. */
    private void answers(Range range) {
        input(range.style()).borderStyle(BorderStyle.THIN).horizontalAlignment("center").verticalAlignment("top").set();
        range.validateWithListByFormula("\"" + WorkbookLayout.YES + "," + WorkbookLayout.NO + "\"").allowBlank(true)
                .showDropdown(true).errorStyle(DataValidationErrorStyle.STOP).showErrorMessage(true)
                .errorTitle(japanese.get("workbook.validation.answer.title"))
                .error(japanese.get("workbook.validation.answer"));
    }

    private StyleSetter dateInput(Range range) {
        return input(range.style()).format(DATE_FORMAT).horizontalAlignment("center");
    }

    private static StyleSetter input(StyleSetter style) {
        return style.fillColor(INPUT_FILL).protectionOption(ProtectionOption.LOCKED, false);
    }

    /** A date (a number the spreadsheet shows as one) from 2000 on. */
    private void dates(Range range) {
        dateValidation(range, "AND(ISNUMBER(" + topLeft(range) + ")," + topLeft(range) + ">=" + EARLIEST_DATE + ")",
                "workbook.validation.date");
    }

    /** A date from 2000 up to today: what was checked or filled in cannot lie in the future. */
    private void pastDates(Range range) {
        String cell = topLeft(range);
        dateValidation(range, "AND(ISNUMBER(" + cell + ")," + cell + ">=" + EARLIEST_DATE + ",TODAY()>=" + cell + ")",
                "workbook.validation.pastDate");
    }

    private void dateValidation(Range range, String formula, String errorKey) {
        range.validateWithFormula(formula).allowBlank(true).errorStyle(DataValidationErrorStyle.STOP)
                .showErrorMessage(true).errorTitle(japanese.get("workbook.validation.date.title"))
                .error(japanese.get(errorKey));
    }

    /** A validation formula is written for the range's top left cell and applies to the others relatively. */
    private static String topLeft(Range range) {
        return WorkbookLayout.cellName(range.getTop(), range.getLeft());
    }

    private void writeIdentifier(Worksheet sheet, WorkbookRequest request) {
        List<String[]> rows = new ArrayList<>(List.of(
                new String[] {WorkbookLayout.ID_LAYOUT, WorkbookLayout.LAYOUT_VERSION},
                new String[] {WorkbookLayout.ID_PLAN, request.plan().id()},
                new String[] {WorkbookLayout.ID_FACILITY_CODE, request.facility().code()},
                new String[] {WorkbookLayout.ID_CATALOG, request.catalog().version()},
                new String[] {WorkbookLayout.ID_KIND, request.kind().name()}));
        request.contract().ifPresent(contract -> {
            rows.add(new String[] {WorkbookLayout.ID_VENDOR, contract.vendorName()});
            rows.add(new String[] {WorkbookLayout.ID_SYSTEM, contract.system()});
        });
        for (int row = 0; row < rows.size(); row++) {
            sheet.value(row, 0, rows.get(row)[0]);
            sheet.value(row, 1, rows.get(row)[1]);
        }
        sheet.width(0, 16);
        sheet.width(1, 40);
        sheet.protect("", EnumSet.allOf(SheetProtectionOption.class));
        sheet.setVisibilityState(VisibilityState.HIDDEN);
    }

    /**
     * The height in points of a row whose wrapped text fills a column {@code width} characters wide: set, not left to
     * the program, because not every program fits a row to wrapped text on opening. A margin for other fonts.
     */
    private static double height(String text, double width) {
        double units = text.codePoints().mapToDouble(c -> c < 0x2000 ? HALF_WIDTH_CHARACTER : FULL_WIDTH_CHARACTER).sum();
        return Math.max(1, Math.ceil(units / (width * 0.9))) * LINE_HEIGHT + ROW_PADDING;
    }

    private static String contractName(VendorContract contract) {
        return contract.system().isEmpty() ? contract.vendorName() : contract.vendorName() + "_" + contract.system();
    }

    /**
     * A part of a file name that every file system takes: no path separators, wildcards, quotes, control
     * characters or white space runs, not ending in a dot, and short enough.
     */
    static String safe(String part) {
        String cleaned = part.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s_]+", "_");
        if (cleaned.codePointCount(0, cleaned.length()) > NAME_PART_LIMIT) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, NAME_PART_LIMIT));
        }
        cleaned = cleaned.replaceAll("[._]+$", "");
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    /** Two contracts whose names differ only in what {@link #safe} removes still get files of their own. */
    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
            unique = name + "_" + n;
        }
        return unique;
    }
}
