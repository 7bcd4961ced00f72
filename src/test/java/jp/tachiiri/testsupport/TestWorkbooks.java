package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.workbook.WorkbookKind;
import jp.tachiiri.workbook.WorkbookLayout;
import jp.tachiiri.workbook.WorkbookRequest;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Self-check workbooks for the reader's tests, written in the layout of {@link WorkbookLayout} with fastexcel's writer
 * (not the product's writer: the reader is tested against the layout, whoever writes it), then changed the way a
 * hospital would (cells filled in, a sheet renamed, a row moved) or a hostile sender would (parts of the zip replaced).
 * The plan: {@link SelfCheckFixture}'s hospital with its two vendor contracts, checklist 2026.1; today is 2026-06-15.
 */
public final class TestWorkbooks {

    public static final String PLAN_ID = "plan-2026-morinooka";
    public static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 6, 15).atStartOfDay(ZoneId.of("Asia/Tokyo"))
            .plusHours(9).toInstant(), ZoneId.of("Asia/Tokyo"));
    private static final Catalog CATALOG = CatalogLibrary.bundled().version("2026.1").orElseThrow();
    public static final PlannedInspection PLAN = new PlannedInspection(PLAN_ID, SelfCheckFixture.facility().id(),
            "inspector-1", "立入 花子", LocalDate.of(2026, 7, 1));

    private TestWorkbooks() {
    }

    public static WorkbookRequest hospitalRequest() {
        return WorkbookRequest.hospital(PLAN, SelfCheckFixture.facility(), CATALOG);
    }

    public static WorkbookRequest vendorRequest(VendorContract contract) {
        return WorkbookRequest.vendor(PLAN, SelfCheckFixture.facility(), CATALOG, contract);
    }

    /** The office's plans as the reader asks for them: the one plan, by its id. */
    public static Function<String, Optional<WorkbookRequest>> plans() {
        return id -> id.equals(PLAN_ID) ? Optional.of(hospitalRequest()) : Optional.empty();
    }

    /** The items of a request's form, in their rows' order. */
    public static List<MinistryItem> items(WorkbookRequest request) {
        return request.catalog().ministryItems().stream()
                .filter(item -> request.kind() == WorkbookKind.HOSPITAL || item.onVendorForm()).toList();
    }

    /** The row (zero-based) of an item of the request's form. */
    public static int rowOf(WorkbookRequest request, String number) {
        List<MinistryItem> items = items(request);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number().equals(number)) {
                return WorkbookLayout.FIRST_ITEM_ROW + i;
            }
        }
        throw new IllegalArgumentException("no item " + number);
    }

    /** A row of the hospital's form as the reader gives it: the hospital's side only (no confirmation). */
    public static HospitalFormEntry entry(String number, SelfCheckAnswer answer, LocalDate checked, LocalDate target) {
        return new HospitalFormEntry(number, Optional.of(answer), Optional.ofNullable(checked), Optional.ofNullable(target),
                Optional.empty(), "");
    }

    /** A number in a date-formatted cell, as a spreadsheet stores a date typed into it. */
    public record DateCell(LocalDate date) {
    }

    /**
     * What a workbook holds: sheets in order, each a grid of values (String, Number, {@link DateCell}; for LibreOffice
     * also {@link LibreOffice.Formula}).
     */
    public static final class Draft {

        private final Map<String, Map<Integer, Map<Integer, Object>>> sheets = new LinkedHashMap<>();
        private final List<String> hidden = new ArrayList<>();

        /** The blank form the office sends for {@code request}. */
        public static Draft blank(WorkbookRequest request) {
            Draft draft = new Draft();
            String form = request.kind() == WorkbookKind.HOSPITAL ? WorkbookLayout.HOSPITAL_SHEET : WorkbookLayout.VENDOR_SHEET;
            draft.set(form, WorkbookLayout.TITLE_ROW, 0, "サイバーセキュリティ対策チェックリスト（" + form + "）");
            draft.set(form, WorkbookLayout.FACILITY_NAME_ROW, 0, "医療機関名").set(form, WorkbookLayout.FACILITY_NAME_ROW, 1,
                    request.facility().name());
            draft.set(form, WorkbookLayout.FACILITY_CODE_ROW, 0, "医療機関コード").set(form, WorkbookLayout.FACILITY_CODE_ROW, 1,
                    request.facility().code());
            draft.set(form, WorkbookLayout.CHECKLIST_ROW, 0, "チェックリスト").set(form, WorkbookLayout.CHECKLIST_ROW, 1,
                    request.catalog().version());
            request.contract().ifPresent(contract -> draft.set(form, WorkbookLayout.VENDOR_ROW, 0, "事業者")
                    .set(form, WorkbookLayout.VENDOR_ROW, 1, contract.key())
                    .set(form, WorkbookLayout.FILLED_ON_ROW, 0, "記入日"));
            draft.set(form, WorkbookLayout.HEAD_ROW, 0, "番号").set(form, WorkbookLayout.HEAD_ROW, 1, "確認事項")
                    .set(form, WorkbookLayout.HEAD_ROW, 2, "回答");
            List<MinistryItem> items = items(request);
            for (int i = 0; i < items.size(); i++) {
                draft.set(form, WorkbookLayout.FIRST_ITEM_ROW + i, WorkbookLayout.NUMBER_COLUMN, items.get(i).number());
                draft.set(form, WorkbookLayout.FIRST_ITEM_ROW + i, WorkbookLayout.WORDING_COLUMN, items.get(i).wording().ja());
            }
            Map<String, String> id = new LinkedHashMap<>();
            id.put(WorkbookLayout.ID_LAYOUT, WorkbookLayout.LAYOUT_VERSION);
            id.put(WorkbookLayout.ID_PLAN, request.plan().id());
            id.put(WorkbookLayout.ID_FACILITY_CODE, request.facility().code());
            id.put(WorkbookLayout.ID_CATALOG, request.catalog().version());
            id.put(WorkbookLayout.ID_KIND, request.kind().name());
            request.contract().ifPresent(contract -> {
                id.put(WorkbookLayout.ID_VENDOR, contract.vendorName());
                id.put(WorkbookLayout.ID_SYSTEM, contract.system());
            });
            int row = 0;
            for (Map.Entry<String, String> entry : id.entrySet()) {
                draft.set(WorkbookLayout.ID_SHEET, row, 0, entry.getKey()).set(WorkbookLayout.ID_SHEET, row++, 1, entry.getValue());
            }
            draft.hidden.add(WorkbookLayout.ID_SHEET);
            return draft;
        }

        /** Puts a value in a cell; null empties it. */
        public Draft set(String sheet, int row, int column, Object value) {
            Map<Integer, Object> cells = sheets.computeIfAbsent(sheet, name -> new TreeMap<>()).computeIfAbsent(row, r -> new TreeMap<>());
            if (value == null) {
                cells.remove(column);
            } else {
                cells.put(column, value);
            }
            return this;
        }

        /** Fills in one row of the hospital's form: answer, 確認日, 目標日 (each may be null, a text or a date). */
        public Draft hospitalRow(WorkbookRequest request, String number, Object answer, Object checkedOn, Object target) {
            int row = rowOf(request, number);
            return set(WorkbookLayout.HOSPITAL_SHEET, row, WorkbookLayout.ANSWER_COLUMN, answer)
                    .set(WorkbookLayout.HOSPITAL_SHEET, row, WorkbookLayout.CHECKED_ON_COLUMN, date(checkedOn))
                    .set(WorkbookLayout.HOSPITAL_SHEET, row, WorkbookLayout.TARGET_COLUMN, date(target));
        }

        private static Object date(Object value) {
            return value instanceof LocalDate day ? new DateCell(day) : value;
        }

        public Draft renameSheet(String from, String to) {
            Map<String, Map<Integer, Map<Integer, Object>>> renamed = new LinkedHashMap<>();
            sheets.forEach((name, rows) -> renamed.put(name.equals(from) ? to : name, rows));
            sheets.clear();
            sheets.putAll(renamed);
            return this;
        }

        /** Swaps two rows of a sheet, as a person moving a row does. */
        public Draft swapRows(String sheet, int first, int second) {
            Map<Integer, Map<Integer, Object>> rows = sheets.get(sheet);
            Map<Integer, Object> one = rows.remove(first);
            Map<Integer, Object> other = rows.remove(second);
            rows.put(first, other);
            rows.put(second, one);
            return this;
        }

        /** The sheets in order, each its rows and their cells by zero-based index. */
        public Map<String, Map<Integer, Map<Integer, Object>>> sheets() {
            return sheets;
        }

        /** The hidden sheets' names. */
        public List<String> hidden() {
            return hidden;
        }

        /** Writes the workbook with fastexcel's writer. */
        public Path write(Path file) {
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook workbook = new Workbook(out, "TachiiriTest", "1.0");
                sheets.forEach((name, rows) -> {
                    Worksheet sheet = workbook.newWorksheet(name);
                    if (hidden.contains(name)) {
                        sheet.setVisibilityState(VisibilityState.HIDDEN);
                    }
                    rows.forEach((row, cells) -> cells.forEach((column, value) -> put(sheet, row, column, value)));
                });
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }

        private static void put(Worksheet sheet, int row, int column, Object value) {
            if (value instanceof DateCell date) {
                sheet.value(row, column, date.date());
                sheet.style(row, column).format("yyyy/m/d").set();
            } else if (value instanceof Number number) {
                sheet.value(row, column, number);
            } else if (value instanceof LibreOffice.Formula) {
                throw new IllegalArgumentException("a formula in Calc's grammar is for LibreOffice only: " + value);
            } else {
                sheet.value(row, column, value.toString());
            }
        }
    }

    /** The parts of a zip, by name, in their order. */
    public static Map<String, byte[]> parts(Path zip) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    parts.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** Writes {@code parts} as a zip: a workbook put together part by part, hostile ones included. */
    public static Path zip(Path file, Map<String, byte[]> parts) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A copy of a workbook with its parts changed by {@code change} (a text part replaced, a part added …). */
    public static Path rewrite(Path workbook, Path copy, Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> parts = parts(workbook);
        change.accept(parts);
        return zip(copy, parts);
    }

    public static String text(byte[] part) {
        return new String(part, StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Deflated bytes of {@code length} zeros, made a megabyte at a time (never the whole run in memory). */
    public static void writeZeros(OutputStream out, long length) throws IOException {
        byte[] zeros = new byte[1024 * 1024];
        for (long left = length; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }
}
