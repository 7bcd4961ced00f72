package jp.tachiiri.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/**
 * Loads the Japanese font shipped in resources/fonts, so that text never depends on the fonts a machine
 * happens to have (without it, a bare tablet shows empty boxes).
 */
public final class BundledFonts {

    static final String FAMILY = "BIZ UDPGothic";
    private static final String[] FILES = {"fonts/BIZUDPGothic-Regular.ttf", "fonts/BIZUDPGothic-Bold.ttf"};

    private BundledFonts() {
    }

    static void load() {
        for (String file : FILES) {
            try (InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null || Font.loadFont(in, 16) == null) {
                    throw new IllegalStateException("bundled font cannot be loaded: " + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
