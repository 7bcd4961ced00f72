package jp.tachiiri.pdf;

/**
 * What is drawn on a page, in PDF coordinates (points, origin at the bottom left). Layout produces marks for
 * all pages first, so that the page count is known before anything is drawn. Grey levels: 0 black, 1 white.
 */
sealed interface Mark {

    /** One line of text; {@code text} is printable with the fonts and fits where it stands. */
    record Text(String text, float x, float baseline, float size, boolean bold, float grey) implements Mark {
    }

    record Rule(float x1, float y1, float x2, float y2, float lineWidth, float grey) implements Mark {
    }

    /** A filled rectangle, {@code y} its bottom edge. */
    record Fill(float x, float y, float width, float height, float grey) implements Mark {
    }
}
