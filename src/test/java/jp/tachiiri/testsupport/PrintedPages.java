package jp.tachiiri.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.tachiiri.pdf.PdfDocumentWriter;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What every document the app prints for a hospital must be, page by page, read back with PDFBox. */
public final class PrintedPages {

    private PrintedPages() {
    }

    /**
     * Every page uses only the bundled font, embedded, and keeps every glyph, ascent and descent included, inside
     * the margins.
     */
    public static void assertBundledFontInsideMargins(PDDocument document) throws IOException {
        float margin = PdfDocumentWriter.MARGIN;
        float slack = 0.5f;
        for (int number = 1; number <= document.getNumberOfPages(); number++) {
            int page = number;
            PDPage pdPage = document.getPage(page - 1);
            PDResources resources = pdPage.getResources();
            List<String> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as("font %s on page %d", font.getName(), page).isTrue();
                assertThat(font.getName()).contains("BIZ");
            }
            assertThat(fonts).as("fonts of page %d", page).isNotEmpty();

            PDRectangle box = pdPage.getMediaBox();
            assertThat(positions(document, page)).isNotEmpty().allSatisfy(position -> {
                String glyph = "'" + position.getUnicode() + "' on page " + page;
                assertThat(position.getFont().getName()).as(glyph).contains("BIZ");
                assertThat(position.getFont().isEmbedded()).as(glyph).isTrue();
                float size = position.getFontSizeInPt();
                float ascent = position.getFont().getFontDescriptor().getAscent() / 1000 * size;
                float descent = -position.getFont().getFontDescriptor().getDescent() / 1000 * size;
                float baseline = position.getYDirAdj(); // from the top of the page
                assertThat(position.getXDirAdj()).as(glyph).isGreaterThanOrEqualTo(margin - slack);
                assertThat(position.getXDirAdj() + position.getWidthDirAdj()).as(glyph)
                        .isLessThanOrEqualTo(box.getWidth() - margin + slack);
                assertThat(baseline - ascent).as(glyph).isGreaterThanOrEqualTo(margin - slack);
                assertThat(baseline + descent).as(glyph).isLessThanOrEqualTo(box.getHeight() - margin + slack);
            });
        }
    }

    /** Every glyph of one page (from 1), in content order. */
    public static List<TextPosition> positions(PDDocument document, int page) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                all.addAll(textPositions);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return all;
    }
}
