package jp.tachiiri.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.files.AtomicFile.IfExists;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Writes blocks as an A4 portrait PDF set in the bundled BIZ UDPGothic (regular and bold, embedded as subsets),
 * with a footer and "n / N" on every page. The same blocks, footer and info give the same bytes: the dates and
 * the trailer's /ID come from {@link DocumentInfo}, never from the clock, and PDFBox derives a subset's tag
 * from the glyphs it holds. Safe to share between threads: each write has its own document.
 */
public final class PdfDocumentWriter {

    /** 20 mm on every side: inside what office printers can print, and room to punch and file the sheets. */
    public static final float MARGIN = 20 * 72 / 25.4f;

    private static final String REGULAR_FONT = "/fonts/BIZUDPGothic-Regular.ttf";
    private static final String BOLD_FONT = "/fonts/BIZUDPGothic-Bold.ttf";
    private static final String CREATOR = "Tachiiri";
    private static final String PRODUCER = "Tachiiri with Apache PDFBox";
    /**
     * FontBox warns on every load that it skips the font's variation-selector table (cmap format 14), which
     * printing does not need; held here so the quieted logger is not collected and reset.
     */
    private static final Logger CMAP_LOGGER = quiet("org.apache.fontbox.ttf.CmapSubtable");

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /**
     * The bundled fonts (9 MB), read and parsed once per run of the application: reading and parsing them for
     * every printout cost more than laying out its pages. Each document embeds the subset it uses; a parsed
     * font is not safe for two documents at once, so documents are written one at a time.
     */
    private static final class ParsedFonts {
        static final TrueTypeFont REGULAR = parse(REGULAR_FONT);
        static final TrueTypeFont BOLD = parse(BOLD_FONT);
        static final Fonts.Known KNOWN = new Fonts.Known();

        /**
         * Without glyph substitution: PDFBox would otherwise print "fi" as one ligature glyph that maps back to
         * no letters, so "firmware" would be copied and searched as "rmware".
         */
        private static TrueTypeFont parse(String resource) {
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(resource(resource)));
                font.setEnableGsub(false);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The whole PDF, in memory. */
    public byte[] write(List<Block> blocks, PageFooter footer, DocumentInfo info) {
        synchronized (ParsedFonts.class) {
            return render(blocks, footer, info);
        }
    }

    private static byte[] render(List<Block> blocks, PageFooter footer, DocumentInfo info) {
        try (PDDocument document = new PDDocument()) {
            // Not closed with the document (the parsed fonts outlive it): PDFBox closes only fonts it parsed itself.
            Fonts fonts = new Fonts(PDType0Font.load(document, ParsedFonts.REGULAR, true),
                    PDType0Font.load(document, ParsedFonts.BOLD, true), ParsedFonts.KNOWN);
            for (List<Mark> marks : Layout.pages(blocks, footer, fonts)) {
                draw(document, marks, fonts);
            }
            describe(document, info);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the PDF to {@code out} so that it is either the whole new document or, if anything fails, what
     * was there before ({@link AtomicFile}).
     */
    public void write(List<Block> blocks, PageFooter footer, DocumentInfo info, Path out) {
        byte[] pdf = write(blocks, footer, info);
        try {
            AtomicFile.write(out, IfExists.REPLACE, stream -> stream.write(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDDocument document, List<Mark> marks, Fonts fonts) throws IOException {
        PDPage page = new PDPage(Layout.PAGE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            for (Mark mark : marks) {
                if (mark instanceof Mark.Text text) {
                    content.beginText();
                    content.setFont(fonts.font(text.bold()), text.size());
                    content.setNonStrokingColor(text.grey());
                    content.newLineAtOffset(text.x(), text.baseline());
                    content.showText(text.text());
                    content.endText();
                } else if (mark instanceof Mark.Rule rule) {
                    content.setStrokingColor(rule.grey());
                    content.setLineWidth(rule.lineWidth());
                    content.moveTo(rule.x1(), rule.y1());
                    content.lineTo(rule.x2(), rule.y2());
                    content.stroke();
                } else if (mark instanceof Mark.Fill fill) {
                    content.setNonStrokingColor(fill.grey());
                    content.addRect(fill.x(), fill.y(), fill.width(), fill.height());
                    content.fill();
                }
            }
        }
    }

    private static void describe(PDDocument document, DocumentInfo info) {
        PDDocumentInformation metadata = document.getDocumentInformation();
        metadata.setTitle(info.title());
        metadata.setAuthor(info.author());
        metadata.setSubject(info.subject());
        metadata.setCreator(CREATOR);
        metadata.setProducer(PRODUCER);
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        created.setTimeInMillis(info.created().toEpochMilli());
        metadata.setCreationDate(created);
        metadata.setModificationDate(created);
        document.setDocumentId(info.documentId());
        // Viewers then show the title rather than the file name.
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfDocumentWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
