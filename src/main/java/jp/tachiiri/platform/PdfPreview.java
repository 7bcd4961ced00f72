package jp.tachiiri.platform;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import javafx.scene.image.Image;

/**
 * Renders a PDF's pages as images for an on-screen preview. Only desktops have a renderer: PDFBox draws through
 * AWT, which Android and iOS builds cannot link. So the renderer is found through {@link ServiceLoader} and no
 * class names it; the mobile build leaves its provider out (see packaging/mobile/README.md) and the app offers
 * the saved file instead.
 */
public interface PdfPreview {

    /** Each page of {@code pdf} at {@code dpi}; called in the background, never on the UI thread. */
    List<Image> pages(byte[] pdf, float dpi) throws IOException;

    static Optional<PdfPreview> available() {
        return ServiceLoader.load(PdfPreview.class).findFirst();
    }
}
