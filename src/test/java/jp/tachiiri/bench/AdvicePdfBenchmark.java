package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
    private static final String BOLD_FONT = "/fonts/BIZUDPGothic-Bold.ttf";

    @Test
    void advicePrintoutOfADemoInspection() throws Exception {
        int documents = Bench.intProperty("bench.pdf.documents", 20);
        int runs = Bench.intProperty("bench.runs", 3);
        int warmups = Bench.intProperty("bench.warmups", 1);
        Path work = Bench.workFolder("advice-pdf");
        TrueTypeFont font = readFont(FONT);
        String line = Messages.of(Language.JA).get("advice.title");

        try (Workspace tablet = Workspace.open(work.resolve("tablet"), Clock.systemDefaultZone())) {
            tablet.demo().seed();
            // The demo's newest finalized inspection: the one with 不適合 items, so the printout has improvements.
            InspectionSummary finalized = tablet.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.FINALIZED)
                    .max(Comparator.comparing(InspectionSummary::date)).orElseThrow();
            Bench.Work<byte[]> advice = () -> tablet.advice().pdf(finalized.id(), Optional.of(finalized.revision()),
                    tablet.settings().advice(), Language.JA);
            byte[][] ours = new byte[1][];
            byte[][] floor = new byte[1][];
            Bench.Case result = Bench.compare("advice PDF",
                    String.format("%d × `advice().pdf(…)` of the demo's finalized inspection vs %d × one page, "
                            + "one line, same font as a subset", documents, documents), warmups, runs,
                    repeated(documents, advice, ours), repeated(documents, () -> onePage(font, line), floor));
            Bench.note("advice PDF: ours %d pages, %,d bytes; floor %d page, %,d bytes; %.2f s vs %.2f s a document "
                            + "(medians).", pages(ours[0]), ours[0].length, pages(floor[0]), floor[0].length,
                    result.oursMedian() / documents, result.floorMedian() / documents);
            sameText(ours[0], font, documents, warmups, runs, advice);
        }
        Bench.deleteTree(work);
    }

    /**
     * The printout against its own text set with no layout: every line of it, read back from the printout with the
     * face it is printed in, drawn one under the other on as many pages, both faces embedded as subsets. What is
     * left between the two is the product's work (composing the advice, breaking lines, tables, page breaks,
     * rules); what is left between this floor and one line is the text itself — its glyphs, subset and embedded.
     */
    private static void sameText(byte[] printout, TrueTypeFont regular, int documents, int warmups, int runs,
                                 Bench.Work<byte[]> advice) throws Exception {
        List<List<PrintedLine>> pages = PrintedLine.read(printout);
        TrueTypeFont bold = readFont(BOLD_FONT);
        byte[][] ours = new byte[1][];
        byte[][] floor = new byte[1][];
        Bench.note("advice PDF, vs the same text: %d pages, %d words, %,d characters.", pages.size(),
                pages.stream().mapToInt(List::size).sum(),
                pages.stream().flatMap(List::stream).mapToInt(line -> line.text().length()).sum());
        Bench.compare("advice PDF, vs the same text", String.format("%d × `advice().pdf(…)` of the demo's finalized "
                        + "inspection vs %d × its lines (read back, with their faces) drawn one under another on as many "
                        + "pages, both faces as subsets", documents, documents), warmups, runs,
                repeated(documents, advice, ours), repeated(documents, () -> lines(pages, regular, bold), floor));
        assertThat(PrintedLine.read(floor[0])).as("the floor prints the printout's lines").isEqualTo(pages);
    }

    /** A round that makes {@code documents} documents, timed, keeping the last in {@code last[0]}. */
    private static Bench.Timed repeated(int documents, Bench.Work<byte[]> make, byte[][] last) {
        return round -> Bench.time(() -> {
            for (int i = 0; i < documents; i++) {
                last[0] = make.run();
            }
            return null;
        }).sample();
    }

    private static byte[] lines(List<List<PrintedLine>> pages, TrueTypeFont regular, TrueTypeFont bold) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regularFace = PDType0Font.load(document, regular, true);
            PDType0Font boldFace = PDType0Font.load(document, bold, true);
            for (List<PrintedLine> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float baseline = 800;
                    float leading = Math.min(8, 780f / Math.max(1, lines.size()));
                    for (PrintedLine line : lines) {
                        content.beginText();
                        content.setFont(line.bold() ? boldFace : regularFace, 8);
                        content.newLineAtOffset(30, baseline);
                        content.showText(line.text());
                        content.endText();
                        baseline -= leading;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A piece of a PDF's text as extraction hands it over (a line, or a word of it) and whether it is set in bold. */
    private record PrintedLine(String text, boolean bold) {

        static List<List<PrintedLine>> read(byte[] pdf) throws IOException {
            List<List<PrintedLine>> pages = new ArrayList<>();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void startPage(PDPage page) {
                        pages.add(new ArrayList<>());
                    }

                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        pages.get(pages.size() - 1).add(new PrintedLine(text,
                                positions.get(0).getFont().getName().contains("Bold")));
                    }
                };
                stripper.getText(document);
            }
            return pages;
        }
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

    /** A bundled face, parsed once outside the timed work; glyph substitution off, as the product sets it. */
    private static TrueTypeFont readFont(String resource) throws IOException {
        try (InputStream in = AdvicePdfBenchmark.class.getResourceAsStream(resource)) {
            assertThat(in).as("the bundled font %s", resource).isNotNull();
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            font.setEnableGsub(false);
            return font;
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
