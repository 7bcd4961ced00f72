package jp.tachiiri.pdf;

import java.util.Objects;

/** Text that wraps to the page width; a '\n' starts a new line. It may continue on the next page. */
public record Paragraph(String text, TextStyle style) implements Block {

    public Paragraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }

    /** Body text. */
    public Paragraph(String text) {
        this(text, TextStyle.body());
    }
}
