package jp.tachiiri.pdf;

import java.util.Objects;

/**
 * A heading: level 1 is the document's title (large, centred), 2 a section, 3 a subsection. A heading is
 * never left alone at the bottom of a page: it moves to the next page with what follows it.
 */
public record Heading(String text, int level) implements Block {

    public static final int TITLE = 1;
    public static final int SECTION = 2;
    public static final int SUBSECTION = 3;

    public Heading {
        Objects.requireNonNull(text, "text");
        if (level < TITLE || level > SUBSECTION) {
            throw new IllegalArgumentException("heading level " + level + " is not 1, 2 or 3");
        }
    }
}
