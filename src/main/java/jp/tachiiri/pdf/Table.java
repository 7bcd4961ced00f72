package jp.tachiiri.pdf;

import java.util.List;

/**
 * A table as wide as the page. Cells wrap; the bold header row is repeated on every page the table continues
 * on; a row moves to the next page whole unless it is taller than a page, then it is split between lines.
 */
public record Table(List<Column> columns, List<List<String>> rows) implements Block {

    public Table {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows.get(i).size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }
}
