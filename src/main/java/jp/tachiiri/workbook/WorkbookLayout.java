package jp.tachiiri.workbook;

/**
 * Where things are in a self-check workbook: what the writer puts where and the reader looks for, in one place
 * (docs/selfcheck-workbook.md describes it for people). Rows and columns are zero-based, as both libraries count
 * them; a message to the user names cells as a spreadsheet does ("C12").
 *
 * <p>The visible sheet is the form. Rows above {@link #FIRST_ITEM_ROW} say whose form it is and how to fill it in;
 * from there one row per ministry item in the catalog's order (only the items the vendor form carries on a vendor's
 * workbook). A hidden sheet holds the identifier that ties the file to its plan; it is signed by nothing and only
 * tells the reader what to check the file against.
 */
public final class WorkbookLayout {

    /** The layout's own version, in the identifier: a reader refuses a layout it does not know. */
    public static final String LAYOUT_VERSION = "1";

    /** The sheet of the hospital's form. */
    public static final String HOSPITAL_SHEET = "医療機関確認用";
    /** The sheet of a vendor's form. */
    public static final String VENDOR_SHEET = "事業者確認用";
    /** The hidden sheet with the identifier. */
    public static final String ID_SHEET = "tachiiri";

    // The identifier: one "key, value" row each on ID_SHEET, column A the key, column B the value.
    public static final String ID_LAYOUT = "layout";
    public static final String ID_PLAN = "plan";
    public static final String ID_FACILITY_CODE = "facilityCode";
    public static final String ID_CATALOG = "catalogVersion";
    public static final String ID_KIND = "kind";
    /** Only on a vendor workbook: the contract's vendor and system. */
    public static final String ID_VENDOR = "vendor";
    public static final String ID_SYSTEM = "system";

    // The header above the items (column B holds the value of each).
    public static final int TITLE_ROW = 0;
    public static final int FACILITY_NAME_ROW = 2;
    public static final int FACILITY_CODE_ROW = 3;
    public static final int CHECKLIST_ROW = 4;
    /** On a vendor workbook: the contract (vendor / system) and the day the vendor filled it in (an input cell). */
    public static final int VENDOR_ROW = 5;
    public static final int FILLED_ON_ROW = 6;
    /** One line (merged across the columns) on how to fill the form in. */
    public static final int INSTRUCTION_ROW = 7;
    /** The column heads of the items; repeated on every printed page. */
    public static final int HEAD_ROW = 8;
    public static final int FIRST_ITEM_ROW = 9;

    // The columns of an item row.
    public static final int NUMBER_COLUMN = 0;
    public static final int WORDING_COLUMN = 1;
    /** はい / いいえ (a drop-down list). */
    public static final int ANSWER_COLUMN = 2;
    /** Hospital workbook only: the day checked (確認日) and, for いいえ, the target day (目標日). */
    public static final int CHECKED_ON_COLUMN = 3;
    public static final int TARGET_COLUMN = 4;

    /** What the answer cells accept, as the drop-down offers them. */
    public static final String YES = "はい";
    public static final String NO = "いいえ";

    private WorkbookLayout() {
    }

    /** A cell's name as a spreadsheet shows it: column letters and the one-based row ("C12"). */
    public static String cellName(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }
}
