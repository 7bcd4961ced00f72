package jp.tachiiri.pdf;

import java.util.Objects;

/**
 * How a paragraph is set: size in points, bold or regular, black or muted (grey, for notes), and its
 * alignment.
 */
public record TextStyle(float size, boolean bold, boolean muted, Alignment alignment) {

    /** The size of body text in Japanese official documents. */
    static final float BODY_SIZE = 10.5f;

    /** Larger than this is not text but a poster; it is refused as a mistake. */
    static final float MAX_SIZE = 36;

    public TextStyle {
        if (!(size > 0 && size <= MAX_SIZE)) {
            throw new IllegalArgumentException("text size " + size + " pt is not in (0, " + MAX_SIZE + "]");
        }
        Objects.requireNonNull(alignment, "alignment");
    }

    /** Left-aligned. */
    public TextStyle(float size, boolean bold, boolean muted) {
        this(size, bold, muted, Alignment.LEFT);
    }

    /** 10.5 pt regular black. */
    public static TextStyle body() {
        return new TextStyle(BODY_SIZE, false, false);
    }

    /** Body text in bold. (Not {@code bold()}: that is the accessor of the {@code bold} component.) */
    public static TextStyle bodyBold() {
        return new TextStyle(BODY_SIZE, true, false);
    }

    /** 8.5 pt grey, for notes and remarks. */
    public static TextStyle small() {
        return new TextStyle(8.5f, false, true);
    }

    /** This style with another alignment, e.g. {@code TextStyle.body().aligned(Alignment.RIGHT)} for a date. */
    public TextStyle aligned(Alignment newAlignment) {
        return new TextStyle(size, bold, muted, newAlignment);
    }
}
