package jp.tachiiri.pdf;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Places blocks on A4 portrait pages from the top down, then adds every page's footer, now that the page count
 * is known. Everything stays inside the margins: text is broken to the width it has, a cell's to the cell.
 */
final class Layout {

    static final PDRectangle PAGE = PDRectangle.A4;

    private static final float LEFT = PdfDocumentWriter.MARGIN;
    private static final float RIGHT = PAGE.getWidth() - PdfDocumentWriter.MARGIN;
    private static final float TOP = PAGE.getHeight() - PdfDocumentWriter.MARGIN;
    private static final float WIDTH = RIGHT - LEFT;

    /** Line height over text size: airy for Japanese running text, tighter in headings, tables and footers. */
    private static final float TEXT_LEADING = 1.6f;
    private static final float COMPACT_LEADING = 1.4f;

    private static final float BLACK = 0;
    private static final float MUTED = 0.4f;
    private static final float BORDER = 0.45f;
    private static final float HEADER_FILL = 0.9f;

    private static final float TITLE_SIZE = 16;
    private static final float SECTION_SIZE = 12.5f;
    private static final float SUBSECTION_SIZE = TextStyle.BODY_SIZE;
    /** A heading takes at least this much of what follows it along to its page. */
    private static final float KEEP_WITH_NEXT = 3 * TextStyle.BODY_SIZE * TEXT_LEADING;

    private static final float CELL_SIZE = 9.5f;
    private static final float CELL_LEADING = CELL_SIZE * COMPACT_LEADING;
    private static final float CELL_PADDING_X = 5;
    private static final float CELL_PADDING_Y = 3.5f;
    /** The narrowest column still holds two full-width characters per line. */
    private static final float MIN_CELL_TEXT_WIDTH = 2 * CELL_SIZE;

    private static final float SIGNATURE_SIZE = TextStyle.BODY_SIZE;
    private static final float SIGNATURE_ROW = 36;
    private static final float SIGNATURE_LABEL_MAX = WIDTH * 0.3f;
    /** Where the date caption starts, as a share of the width: the signature gets the larger part. */
    private static final float SIGNATURE_DATE_AT = 0.62f;

    private static final float FOOTER_SIZE = 8;
    private static final float FOOTER_LEADING = FOOTER_SIZE * COMPACT_LEADING;
    private static final float FOOTER_GAP = 8;
    private static final float FOOTER_RULE_TO_TEXT = 4;
    /** The page number's place is reserved for the widest one a printout will plausibly have (999 pages). */
    private static final String WIDEST_PAGE_NUMBER = "888 / 888";

    private final Fonts fonts;
    private final PageFooter footer;
    private final List<String> footerLines;
    private final float bottom;
    private final List<List<Mark>> pages = new ArrayList<>();
    private List<Mark> page;
    /** The top of the free space on the current page. */
    private float y;

    private Layout(Fonts fonts, PageFooter footer) {
        this.fonts = fonts;
        this.footer = footer;
        float numberWidth = fonts.width(WIDEST_PAGE_NUMBER, false, FOOTER_SIZE) + FOOTER_SIZE * 2;
        footerLines = LineBreaker.lines(fonts.printable(footer.left()), WIDTH - numberWidth,
                fonts.measure(false, FOOTER_SIZE));
        bottom = PdfDocumentWriter.MARGIN + footerLines.size() * FOOTER_LEADING + FOOTER_RULE_TO_TEXT + FOOTER_GAP;
        if (bottom > PAGE.getHeight() / 3) {
            throw new IllegalArgumentException("the footer takes " + footerLines.size() + " lines");
        }
        newPage();
    }

    /** The marks of each page, footers included. */
    static List<List<Mark>> pages(List<Block> blocks, PageFooter footer, Fonts fonts) {
        Layout layout = new Layout(fonts, footer);
        layout.lay(blocks);
        layout.footers();
        return layout.pages;
    }

    private void lay(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof Heading heading) {
                heading(heading, i + 1 < blocks.size() ? blocks.get(i + 1) : null);
            } else if (block instanceof Paragraph paragraph) {
                paragraph(paragraph);
            } else if (block instanceof Table table) {
                table(table);
            } else if (block instanceof Spacer spacer) {
                space(spacer.points());
            } else if (block instanceof SignatureLines signatures) {
                signatures(signatures);
            } else if (block instanceof KeepTogether group) {
                together(group);
            }
        }
    }

    /** A group starts a new page unless it fits in what is left of this one, or would not fit on any page. */
    private void together(KeepTogether group) {
        if (!atTop() && !fitsOnePage(y, group) && fitsOnePage(TOP, group)) {
            newPage();
        }
        lay(group.blocks());
    }

    /**
     * Whether the group, laid out from {@code top} down, ends on the page it starts on: a trial run of the same
     * layout, so that what is measured is exactly what will be placed.
     */
    private boolean fitsOnePage(float top, KeepTogether group) {
        Layout trial = new Layout(fonts, footer);
        trial.y = top;
        trial.lay(group.blocks());
        return trial.pages.size() == 1;
    }

    /**
     * How much of the next block must follow a heading on the same page: a table's header and first row
     * (a row taller than half a page only its first line), else a few lines of text.
     */
    private float keepWithNext(Block next) {
        if (!(next instanceof Table table)) {
            return KEEP_WITH_NEXT;
        }
        float[] edges = columnEdges(table.columns());
        float header = rowHeight(lineCount(wrap(table.columns().stream().map(Column::header).toList(), edges, true)));
        float firstRow = table.rows().isEmpty() ? 0 : rowHeight(lineCount(wrap(table.rows().get(0), edges, false)));
        return 4 + header + (firstRow <= (TOP - bottom) / 2 ? firstRow : rowHeight(1));
    }

    private void heading(Heading heading, Block next) {
        float size = switch (heading.level()) {
            case Heading.TITLE -> TITLE_SIZE;
            case Heading.SECTION -> SECTION_SIZE;
            default -> SUBSECTION_SIZE;
        };
        float lineHeight = size * COMPACT_LEADING;
        List<String> lines = LineBreaker.lines(fonts.printable(heading.text()), WIDTH, fonts.measure(true, size));
        space(heading.level() == Heading.SECTION ? 14 : 8);
        float under = switch (heading.level()) {
            case Heading.TITLE -> 18;
            case Heading.SECTION -> 7;
            default -> 2;
        };
        if (!atTop() && y - lines.size() * lineHeight - under - keepWithNext(next) < bottom) {
            newPage();
        }
        for (String line : lines) {
            makeRoom(lineHeight);
            float x = heading.level() == Heading.TITLE ? LEFT + (WIDTH - fonts.width(line, true, size)) / 2 : LEFT;
            text(line, x, lineHeight, size, true, BLACK);
        }
        if (heading.level() == Heading.SECTION) {
            // A rule under a section heading, as on a ministry notice.
            y -= 1;
            page.add(new Mark.Rule(LEFT, y, RIGHT, y, 0.8f, BLACK));
            space(under - 1);
        } else {
            space(under);
        }
    }

    private void paragraph(Paragraph paragraph) {
        TextStyle style = paragraph.style();
        float lineHeight = style.size() * TEXT_LEADING;
        for (String line : LineBreaker.lines(fonts.printable(paragraph.text()), WIDTH,
                fonts.measure(style.bold(), style.size()))) {
            makeRoom(lineHeight);
            float free = WIDTH - fonts.width(line, style.bold(), style.size());
            float x = switch (style.alignment()) {
                case LEFT -> LEFT;
                case CENTER -> LEFT + free / 2;
                case RIGHT -> LEFT + free;
            };
            text(line, x, lineHeight, style.size(), style.bold(), style.muted() ? MUTED : BLACK);
        }
        space(style.size() / 2);
    }

    /**
     * A table: the header on top of every page it reaches; rows whole on one page when they fit on one, else
     * split between lines, starting where they are.
     */
    private void table(Table table) {
        float[] edges = columnEdges(table.columns());
        List<List<String>> header = wrap(table.columns().stream().map(Column::header).toList(), edges, true);
        float headerHeight = rowHeight(lineCount(header));
        float roomUnderHeader = TOP - bottom - headerHeight;
        if (roomUnderHeader < rowHeight(1)) {
            throw new IllegalArgumentException("the table's header is taller than a page");
        }
        List<List<List<String>>> rows = table.rows().stream().map(cells -> wrap(cells, edges, false)).toList();
        space(4);
        // The header does not stand alone at the bottom of a page: the first row (or a line of it) comes along.
        float firstRow = rows.isEmpty() ? 0 : rowHeight(lineCount(rows.get(0)));
        if (!atTop() && y - headerHeight - (firstRow <= roomUnderHeader ? firstRow : rowHeight(1)) < bottom) {
            newPage();
        }
        row(header, 0, lineCount(header), edges, true);
        for (List<List<String>> row : rows) {
            int lines = lineCount(row);
            if (rowHeight(lines) > y - bottom && rowHeight(lines) <= roomUnderHeader) {
                continueTable(header, edges);
            }
            for (int done = 0; done < lines; ) {
                // The tolerance keeps float rounding from losing a line that fits exactly.
                int fit = (int) ((y - bottom - 2 * CELL_PADDING_Y) / CELL_LEADING + 0.001f);
                if (fit < 1) {
                    continueTable(header, edges);
                    continue;
                }
                int take = Math.min(fit, lines - done);
                row(row, done, done + take, edges, false);
                done += take;
            }
        }
        space(10);
    }

    private void continueTable(List<List<String>> header, float[] edges) {
        newPage();
        row(header, 0, lineCount(header), edges, true);
    }

    /** The x of each column's left edge, and the table's right edge last. */
    private static float[] columnEdges(List<Column> columns) {
        double total = columns.stream().mapToDouble(Column::weight).sum();
        float[] edges = new float[columns.size() + 1];
        edges[0] = LEFT;
        double sum = 0;
        for (int i = 0; i < columns.size(); i++) {
            sum += columns.get(i).weight();
            edges[i + 1] = i + 1 == columns.size() ? RIGHT : (float) (LEFT + WIDTH * sum / total);
            if (edges[i + 1] - edges[i] - 2 * CELL_PADDING_X < MIN_CELL_TEXT_WIDTH) {
                throw new IllegalArgumentException("column " + i + " (" + columns.get(i).header() + ") is too narrow");
            }
        }
        return edges;
    }

    private List<List<String>> wrap(List<String> cells, float[] edges, boolean bold) {
        List<List<String>> wrapped = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            wrapped.add(LineBreaker.lines(fonts.printable(cells.get(i)), edges[i + 1] - edges[i] - 2 * CELL_PADDING_X,
                    fonts.measure(bold, CELL_SIZE)));
        }
        return wrapped;
    }

    private static int lineCount(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1);
    }

    private static float rowHeight(int lines) {
        return lines * CELL_LEADING + 2 * CELL_PADDING_Y;
    }

    /** Lines {@code from} to {@code to} of a row's cells, with their borders; the header also gets its top. */
    private void row(List<List<String>> cells, int from, int to, float[] edges, boolean header) {
        float top = y;
        float height = rowHeight(to - from);
        if (header) {
            page.add(new Mark.Fill(LEFT, top - height, WIDTH, height, HEADER_FILL));
        }
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = cells.get(i);
            y = top - CELL_PADDING_Y;
            for (int line = from; line < Math.min(to, lines.size()); line++) {
                text(lines.get(line), edges[i] + CELL_PADDING_X, CELL_LEADING, CELL_SIZE, header, BLACK);
            }
        }
        y = top - height;
        if (header) {
            page.add(new Mark.Rule(LEFT, top, RIGHT, top, 0.5f, BORDER));
        }
        page.add(new Mark.Rule(LEFT, y, RIGHT, y, 0.5f, BORDER));
        for (float x : edges) {
            page.add(new Mark.Rule(x, top, x, y, 0.5f, BORDER));
        }
    }

    /** Each label with a rule to sign on, then the date caption with a rule for the date; kept on one page. */
    private void signatures(SignatureLines signatures) {
        float labelColumn = 0;
        for (String label : signatures.labels()) {
            labelColumn = Math.max(labelColumn, fonts.width(fonts.printable(label), true, SIGNATURE_SIZE));
        }
        String caption = fonts.printable(signatures.dateCaption());
        float captionWidth = fonts.width(caption, false, SIGNATURE_SIZE);
        if (labelColumn > SIGNATURE_LABEL_MAX || captionWidth > SIGNATURE_LABEL_MAX) {
            throw new IllegalArgumentException("a signature label or date caption is longer than a line allows");
        }
        labelColumn += SIGNATURE_SIZE;
        float dateAt = LEFT + WIDTH * SIGNATURE_DATE_AT;
        float all = signatures.labels().size() * SIGNATURE_ROW;
        space(12);
        if (!atTop() && all <= TOP - bottom && y - all < bottom) {
            newPage();
        }
        float lineHeight = SIGNATURE_SIZE * COMPACT_LEADING;
        for (String label : signatures.labels()) {
            makeRoom(SIGNATURE_ROW);
            // The space above the text is room for the signature and the date.
            y -= SIGNATURE_ROW - lineHeight;
            float rule = y - lineHeight + 2;
            float top = y;
            text(fonts.printable(label), LEFT, lineHeight, SIGNATURE_SIZE, true, BLACK);
            y = top;
            text(caption, dateAt, lineHeight, SIGNATURE_SIZE, false, BLACK);
            page.add(new Mark.Rule(LEFT + labelColumn, rule, dateAt - SIGNATURE_SIZE * 2, rule, 0.6f, BLACK));
            page.add(new Mark.Rule(dateAt + captionWidth + SIGNATURE_SIZE / 2, rule, RIGHT, rule, 0.6f, BLACK));
        }
        space(6);
    }

    /** A rule, then the footer text at the left and "n / N" at the right, in the band under the body. */
    private void footers() {
        int count = pages.size();
        for (int number = 1; number <= count; number++) {
            page = pages.get(number - 1);
            float rule = bottom - FOOTER_GAP;
            page.add(new Mark.Rule(LEFT, rule, RIGHT, rule, 0.4f, MUTED));
            y = rule - FOOTER_RULE_TO_TEXT;
            String pageNumber = number + " / " + count;
            float top = y;
            text(pageNumber, RIGHT - fonts.width(pageNumber, false, FOOTER_SIZE), FOOTER_LEADING, FOOTER_SIZE, false,
                    MUTED);
            y = top;
            for (String line : footerLines) {
                text(line, LEFT, FOOTER_LEADING, FOOTER_SIZE, false, MUTED);
            }
        }
    }

    /** Sets one line of text in a line box of {@code lineHeight} at the cursor, its em box centred in it. */
    private void text(String line, float x, float lineHeight, float size, boolean bold, float grey) {
        float baseline = y - (lineHeight - size) / 2 - fonts.ascent() * size;
        if (!line.isEmpty()) {
            page.add(new Mark.Text(line, x, baseline, size, bold, grey));
        }
        y -= lineHeight;
    }

    /** Vertical space, dropped at the top of a page and cut off at its bottom. */
    private void space(float points) {
        if (!atTop()) {
            y = Math.max(bottom, y - points);
        }
    }

    private void makeRoom(float height) {
        if (!atTop() && y - height < bottom) {
            newPage();
        }
    }

    private boolean atTop() {
        return y == TOP;
    }

    private void newPage() {
        page = new ArrayList<>();
        pages.add(page);
        y = TOP;
    }
}
