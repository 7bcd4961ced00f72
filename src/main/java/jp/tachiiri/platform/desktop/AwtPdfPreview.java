package jp.tachiiri.platform.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import jp.tachiiri.platform.PdfPreview;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The desktop's preview: PDFBox renders each page into an AWT image, copied pixel for pixel into JavaFX. */
public final class AwtPdfPreview implements PdfPreview {

    @Override
    public List<Image> pages(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<Image> images = new ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                images.add(toFx(renderer.renderImageWithDPI(page, dpi)));
            }
            return images;
        }
    }

    private static WritableImage toFx(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        WritableImage fx = new WritableImage(width, height);
        fx.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return fx;
    }
}
