package jp.tachiiri.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** The bundled typeface as loaded into one document: measuring text and making it printable with it. */
final class Fonts {

    /** 〓 (geta) is the Japanese printer's mark for a character the type case lacks. */
    private static final String GETA = "〓";
    /** What printing does with a character: one the faces lack becomes 〓, an invisible one is left out. */
    private static final int MISSING = 0;
    private static final int PRINTABLE = 1;
    private static final int INVISIBLE = 2;

    private final PDFont regular;
    private final PDFont bold;
    private final Known known;

    /**
     * What is known of the bundled faces' characters for the whole run: their glyph advances (in font units, as
     * float bits) and how each is printed (both faces have it, neither, or it is invisible). Each document loads the faces anew, but a character's advance
     * and glyph do not change, and line breaking asks for the same characters over and over.
     */
    static final class Known {
        private final CodePointValues regularAdvances = new CodePointValues();
        private final CodePointValues boldAdvances = new CodePointValues();
        /** {@link #MISSING}, {@link #PRINTABLE} or {@link #INVISIBLE} by code point. */
        private final CodePointValues kinds = new CodePointValues();
    }

    /** Both faces as loaded into one document; {@code known} must come from the same faces, used one document at a time. */
    Fonts(PDFont regular, PDFont bold, Known known) {
        this.regular = regular;
        this.bold = bold;
        this.known = known;
    }

    PDFont font(boolean isBold) {
        return isBold ? bold : regular;
    }

    /**
     * The width in points of printable text: the sum of its glyphs' advances, in the order PDFBox sums them
     * ({@link PDFont#getStringWidth} has no kerning), so the result is the same to the last bit.
     */
    float width(String text, boolean isBold, float size) {
        CodePointValues advances = isBold ? known.boldAdvances : known.regularAdvances;
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            units += Float.intBitsToFloat(advances.get(c, key -> Float.floatToIntBits(advance(key, isBold))));
            i += Character.charCount(c);
        }
        return units / 1000 * size;
    }

    private float advance(int c, boolean isBold) {
        try {
            return font(isBold).getStringWidth(Character.toString(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How far above the baseline the font's em box reaches, as a fraction of the size. BIZ UDPGothic's ascent
     * and descent add up to exactly one em, so a line box of the text's size holds its glyphs.
     */
    float ascent() {
        return regular.getFontDescriptor().getAscent() / 1000;
    }

    WidthMeasure measure(boolean isBold, float size) {
        return text -> width(text, isBold, size);
    }

    /**
     * The text as the fonts can print it: tabs become spaces, line ends become '\n', variation selectors and
     * other invisible controls go, and a character neither font has becomes 〓, rather than failing the
     * whole document over one character.
     */
    String printable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(c -> {
            if (c == '\n') {
                result.append('\n');
            } else if (c == '\t') {
                result.append(' ');
            } else {
                switch (known.kinds.get(c, this::kindOf)) {
                    case PRINTABLE -> result.appendCodePoint(c);
                    case MISSING -> result.append(GETA);
                    default -> {
                        // invisible: left out
                    }
                }
            }
        });
        return result.toString();
    }

    private int kindOf(int c) {
        return isInvisible(c) ? INVISIBLE : inBothFonts(c) ? PRINTABLE : MISSING;
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.VARIATION_SELECTORS
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.VARIATION_SELECTORS_SUPPLEMENT;
    }

    private boolean inBothFonts(int c) {
        String character = Character.toString(c);
        try {
            regular.encode(character);
            bold.encode(character);
            return true;
        } catch (IllegalArgumentException e) {
            return false; // PDFBox's way of saying the font has no glyph for it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
