package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import jp.tachiiri.advice.AdviceService;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/**
 * The advice printout of the demo's finalized inspection, as the advice dialog makes it
 * ({@code workspace.advice().pdf(…)}, in Japanese, in memory), against the least PDF that holds Japanese
 * text: one A4 page with one line (the printout's title) in the same bundled font, embedded as a subset, saved
 * into memory with plain PDFBox. The font is read and parsed once, outside the timed work, as the product
 * keeps its parsed fonts for the whole run; subsetting and embedding it are timed on both sides.
 *
 * <p>Each round makes {@code bench.pdf.documents} documents on each side. {@code mvn -o -Pbench verify
 * -Dtest=AdvicePdfBenchmark}. Properties: {@code bench.pdf.documents} (20), {@code bench.runs} (3),
 * {@code bench.warmups} (1).
 */
class AdvicePdfBenchmark {

    private static final String FONT = "/fonts/BIZUDPGothic-Regular.ttf";

    @Test
    void advicePrintoutOfADemoInspection() throws Exception {
        int documents = Bench.intProperty("bench.pdf.documents", 20);
        int runs = Bench.intProperty("bench.runs", 3);
        int warmups = Bench.intProperty("bench.warmups", 1);
        Path work = Bench.workFolder("advice-pdf");
        TrueTypeFont font = readFont();
        String line = Messages.of(Language.JA).get("advice.title");

        try (Workspace tablet = Workspace.open(work.resolve("tablet"), Clock.systemDefaultZone())) {
            tablet.demo().seed();
            // The demo's newest finalized inspection: the one with 不適合 items, so the printout has improvements.
            InspectionSummary finalized = tablet.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.FINALIZED)
                    .max(Comparator.comparing(InspectionSummary::date)).orElseThrow();
            byte[][] ours = new byte[1][];
            byte[][] floor = new byte[1][];
            Bench.Case result = Bench.compare("advice PDF",
                    String.format("%d × `advice().pdf(…)` of the demo's finalized inspection vs %d × one page, "
                            + "one line, same font as a subset", documents, documents), warmups, runs,
                    round -> Bench.time(() -> {
                        for (int i = 0; i < documents; i++) {
                            AdviceService advice = tablet.advice();
                            ours[0] = advice.pdf(finalized.id(), Optional.of(finalized.revision()), tablet.settings().advice(),
                                    Language.JA);
                        }
                        return null;
                    }).sample(),
                    round -> Bench.time(() -> {
                        for (int i = 0; i < documents; i++) {
                            floor[0] = onePage(font, line);
                        }
                        return null;
                    }).sample());
            Bench.note("advice PDF: ours %d pages, %,d bytes; floor %d page, %,d bytes; %.2f s vs %.2f s a document "
                            + "(medians).", pages(ours[0]), ours[0].length, pages(floor[0]), floor[0].length,
                    result.oursMedian() / documents, result.floorMedian() / documents);
        }
        Bench.deleteTree(work);
    }

    /** One A4 page with one line of Japanese, the font (parsed once, as the product does) embedded as a subset. */
    private static byte[] onePage(TrueTypeFont font, String line) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font japanese = PDType0Font.load(document, font, true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(japanese, 14);
                content.newLineAtOffset(57, 780);
                content.showText(line);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static TrueTypeFont readFont() throws IOException {
        try (InputStream in = AdvicePdfBenchmark.class.getResourceAsStream(FONT)) {
            assertThat(in).as("the bundled font %s", FONT).isNotNull();
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
