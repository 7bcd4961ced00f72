package jp.tachiiri.report;

import java.util.List;

/**
 * One CSV line as Excel reads it (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled), with every cell that Excel would take for a formula — starting with = + - @, a tab or a carriage
 * return — neutralised by a leading apostrophe, so a note typed as "=HYPERLINK(…)" stays text.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(neutralised(cells.get(i) == null ? "" : cells.get(i))));
        }
        return line.append("\r\n").toString();
    }

    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
