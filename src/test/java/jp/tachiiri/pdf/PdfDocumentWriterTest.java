package jp.tachiiri.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.tachiiri.testsupport.PrintedPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PDFs, read back with PDFBox. */
class PdfDocumentWriterTest {

    private static final DocumentInfo INFO =
            new DocumentInfo("助言書", "デモ県", "立入検査", Instant.parse("2025-10-01T01:02:03Z"), 20251001L);
    private static final PageFooter FOOTER = new PageFooter("デモ県 立入検査 助言書 — デモ中央病院");
    private static final String INTRODUCTION = "令和7年度の医療法第25条第1項に基づく立入検査において、サイバーセキュリティ"
            + "対策チェックリストに沿って確認を行いました。The checklist follows the ministry's guidelines (version 6.0).";
    private static final List<Column> COLUMNS = List.of(new Column("番号", 0.8f), new Column("確認事項", 4),
            new Column("結果", 1.2f), new Column("助言", 3.5f));
    private static final String HEADER = "番号確認事項結果助言";

    private static PdfDocumentWriter writer;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadFonts() {
        writer = new PdfDocumentWriter();
    }

    /** An advice-like document of two pages. */
    static List<Block> sample() {
        return List.of(
                new Paragraph("デモ県健康福祉部医務課\n令和7年10月1日", TextStyle.body().aligned(Alignment.RIGHT)),
                new Paragraph("医療法人デモ会 デモ中央病院 院長 様"),
                new Heading("医療機関におけるサイバーセキュリティ対策に関する助言書", Heading.TITLE),
                new Paragraph(INTRODUCTION),
                new Heading("1. 脆弱性管理", Heading.SECTION),
                new Table(COLUMNS, List.of(
                        List.of("1-1", "医療情報システムの全端末・サーバ・ネットワーク機器の台帳を作成しているか。", "不適合",
                                "台帳が未整備。令和8年3月31日までに整備すること。"),
                        List.of("1-2", "VPN機器の脆弱性対応", "適合", ""))),
                new Paragraph("※ 本書は立入検査の結果に基づく助言です。", TextStyle.small()),
                new Heading("2.1 オフラインバックアップ", Heading.SUBSECTION),
                new Spacer(12),
                new Paragraph("上記の内容について説明を受けました。", TextStyle.bodyBold().aligned(Alignment.CENTER)),
                new SignatureLines(List.of("説明者", "受領者")));
    }

    /** 120 rows, some wrapping to several lines; each row's first and last cells carry its number. */
    static List<Block> longTable() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            String number = String.format("%03d", i);
            String advice = i % 5 == 0 ? "バックアップを定期的に取得し、ネットワークから切り離して保管してください。" : "";
            rows.add(List.of("S" + number, "確認事項 " + number, "適合", advice + "E" + number));
        }
        return List.of(new Heading("確認結果の一覧", Heading.SECTION), new Table(COLUMNS, rows),
                new Paragraph("以上"));
    }

    /** Everything that could run over the margins: long words, narrow columns, long headings and footers. */
    static List<Block> stress() {
        String url = "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/johoka/security/index.html";
        List<Column> narrow = IntStream.range(0, 12).mapToObj(i -> new Column("列" + i, 1)).toList();
        List<String> cells = IntStream.range(0, 12).mapToObj(i -> i % 2 == 0 ? url : "（括弧）「鉤括弧」。").toList();
        return List.of(
                new Heading("とても長い表題：" + "医療情報システムの安全管理に関するガイドライン".repeat(3), Heading.TITLE),
                new Paragraph(url + " " + url, TextStyle.body().aligned(Alignment.RIGHT)),
                new Paragraph("絵文字😀と\t制御\u0007文字と異体字セレクタ葛\uDB40\uDD00", new TextStyle(20, true, true)),
                new Table(narrow, List.of(cells, cells)),
                new Table(List.of(new Column(url, 1), new Column("本文", 1)),
                        List.of(List.of("長い行\n".repeat(150), "短い")))); // taller than a page
    }

    @Test
    void textRoundTripsJapaneseIncluded() throws IOException {
        String text = squeeze(text(writer.write(sample(), FOOTER, INFO)));

        assertThat(text).contains(squeeze(INTRODUCTION), "医療機関におけるサイバーセキュリティ対策に関する助言書",
                "1.脆弱性管理", HEADER, "医療情報システムの全端末・サーバ・ネットワーク機器の台帳を作成しているか。",
                "台帳が未整備。令和8年3月31日までに整備すること。", "VPN機器の脆弱性対応", "説明者", "受領者", "日付",
                "デモ県健康福祉部医務課令和7年10月1日", "上記の内容について説明を受けました。");
    }

    @Test
    void usesOnlyTheBundledFontsEmbeddedAsSubsets() throws IOException {
        for (byte[] pdf : List.of(writer.write(sample(), FOOTER, INFO), writer.write(stress(), FOOTER, INFO))) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).isTrue();
                        assertThat(font.getName()).matches("[A-Z]{6}\\+BIZUDPGothic-(Regular|Bold)");
                    }
                }
                assertThat(positions(document)).allSatisfy(
                        position -> assertThat(position.getFont().getName()).contains("BIZUDPGothic"));
            }
        }
    }

    @Test
    void everyCharacterLiesInsideTheMargins() throws IOException {
        for (List<Block> blocks : List.of(sample(), longTable(), stress())) {
            PageFooter longFooter = new PageFooter("デモ県 立入検査 助言書 ".repeat(12));
            try (PDDocument document = Loader.loadPDF(writer.write(blocks, longFooter, INFO))) {
                PDRectangle page = document.getPage(0).getMediaBox();
                float margin = PdfDocumentWriter.MARGIN;
                float slack = 0.01f;
                List<TextPosition> positions = positions(document);
                assertThat(positions).isNotEmpty().allSatisfy(position -> {
                    float baseline = position.getYDirAdj(); // from the top of the page
                    float descent = 0.13f * position.getFontSizeInPt();
                    assertThat(position.getXDirAdj()).isGreaterThanOrEqualTo(margin - slack);
                    assertThat(position.getXDirAdj() + position.getWidthDirAdj())
                            .isLessThanOrEqualTo(page.getWidth() - margin + slack);
                    assertThat(baseline - position.getHeightDir()).isGreaterThanOrEqualTo(margin - slack);
                    assertThat(baseline + descent).isLessThanOrEqualTo(page.getHeight() - margin + slack);
                });
            }
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderAtTheTopOfEveryPageAndKeepsEachRowOnOnePage() throws IOException {
        try (PDDocument document = Loader.loadPDF(writer.write(longTable(), FOOTER, INFO))) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            List<String> pageTexts = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                List<String> lines = lines(document, page);
                assertThat(squeeze(lines.get(page == 1 ? 1 : 0))).as("top of page %d", page).isEqualTo(HEADER);
                pageTexts.add(squeeze(String.join("", lines)));
            }
            for (int i = 1; i <= 120; i++) {
                String number = String.format("%03d", i);
                assertThat(pageTexts).as("row %s", number)
                        .filteredOn(text -> text.contains("S" + number)).singleElement()
                        .asString().contains("E" + number);
            }
        }
    }

    @Test
    void aRowTallerThanAPageIsSplitBetweenLinesAndLosesNone() throws IOException {
        List<Block> blocks = List.of(new Table(List.of(new Column("見出し", 1)),
                List.of(List.of(IntStream.rangeClosed(1, 150).mapToObj(i -> "行" + i).reduce((a, b) -> a + "\n" + b)
                        .orElseThrow()))));

        try (PDDocument document = Loader.loadPDF(writer.write(blocks, FOOTER, INFO))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            List<String> all = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                List<String> lines = lines(document, page);
                assertThat(lines.get(0).strip()).isEqualTo("見出し");
                all.addAll(lines.stream().map(String::strip).filter(line -> line.startsWith("行")).toList());
            }
            assertThat(all).containsExactlyElementsOf(IntStream.rangeClosed(1, 150).mapToObj(i -> "行" + i).toList());
        }
    }

    /**
     * A request with the signature lines under it, kept together, after 0 to 50 lines of text: wherever the page
     * ends, the group is never split, so the signatures share their page with the heading and the whole request.
     */
    @Test
    void aGroupKeptTogetherIsNeverSplitAcrossPages() throws IOException {
        String request = "上記の事項について、令和9年3月31日までに改善の計画または状況を報告してください。".repeat(3);
        List<Integer> pageCounts = new ArrayList<>();
        for (int filler = 0; filler <= 50; filler++) {
            String text = IntStream.rangeClosed(1, filler).mapToObj(i -> "本文" + i).collect(Collectors.joining("\n"));
            List<Block> blocks = List.of(new Paragraph(text), new KeepTogether(List.of(
                    new Heading("6 改善報告のお願い", Heading.SECTION), new Paragraph(request), new Spacer(18),
                    new SignatureLines(List.of("説明者", "受領者")))));

            try (PDDocument document = Loader.loadPDF(writer.write(blocks, FOOTER, INFO))) {
                int pages = document.getNumberOfPages();
                pageCounts.add(pages);
                String last = squeeze(String.join("", lines(document, pages)));
                assertThat(last).as("the last page after %d lines", filler)
                        .contains("6改善報告のお願い", squeeze(request), "説明者", "受領者");
                for (int page = 1; page < pages; page++) {
                    assertThat(squeeze(String.join("", lines(document, page)))).as("page %d after %d lines", page, filler)
                            .doesNotContain("改善報告", "報告してください", "説明者", "受領者");
                }
            }
        }
        // The sweep crossed the page's end once: the group moved when the text left it too little room, not before.
        assertThat(pageCounts).isSorted().startsWith(1).endsWith(2);
        assertThat(pageCounts.indexOf(2)).as("lines of text before the group moved").isGreaterThan(25);
    }

    /** A group taller than a page cannot be kept together: it flows on from where it is, losing nothing. */
    @Test
    void aGroupTallerThanAPageFlowsFromWhereItIs() throws IOException {
        List<String> numbered = IntStream.rangeClosed(1, 80).mapToObj(i -> "行" + i).toList();
        List<Block> blocks = List.of(new Paragraph("前文"), new KeepTogether(List.of(
                new Paragraph(String.join("\n", numbered)), new SignatureLines(List.of("説明者", "受領者")))));

        try (PDDocument document = Loader.loadPDF(writer.write(blocks, FOOTER, INFO))) {
            assertThat(lines(document, 1).subList(0, 2)).extracting(String::strip).containsExactly("前文", "行1");
            List<String> all = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                all.addAll(lines(document, page).stream().map(String::strip).filter(line -> line.startsWith("行")).toList());
            }
            assertThat(all).containsExactlyElementsOf(numbered);
            assertThat(squeeze(text(document))).contains("説明者", "受領者");
        }
        assertThatThrownBy(() -> new KeepTogether(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersEveryPageOutOfTheTotalAboveTheFooter() throws IOException {
        try (PDDocument document = Loader.loadPDF(writer.write(longTable(), FOOTER, INFO))) {
            int pages = document.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                List<String> lines = lines(document, page);
                String last = squeeze(lines.get(lines.size() - 1));
                assertThat(last).contains(squeeze(FOOTER.left())).endsWith(page + "/" + pages);
            }
        }
    }

    @Test
    void theSameInputGivesTheSameBytesAndAnotherIdOthers() throws IOException {
        byte[] first = writer.write(sample(), FOOTER, INFO);
        byte[] second = new PdfDocumentWriter().write(sample(), FOOTER, INFO);
        byte[] otherId = writer.write(sample(), FOOTER,
                new DocumentInfo(INFO.title(), INFO.author(), INFO.subject(), INFO.created(), INFO.documentId() + 1));

        assertThat(Arrays.equals(first, second)).isTrue();
        assertThat(Arrays.equals(first, otherId)).isFalse();
        assertThat(fontNames(first)).isEqualTo(fontNames(second)).isEqualTo(fontNames(otherId));
        assertThat(trailerId(first)).isEqualTo(trailerId(second)).isNotEqualTo(trailerId(otherId));
    }

    /** Another JVM starts with other hash seeds, identity hashes and caches; the bytes must not depend on them. */
    @Test
    void anotherJvmWritesTheSameBytes() throws IOException, InterruptedException {
        Path other = folder.resolve("other-jvm.pdf");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WriteSample.class.getName(), other.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("other-jvm.log").toFile()).start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("other-jvm.log"))).isZero();
        assertThat(Arrays.equals(Files.readAllBytes(other), writer.write(sample(), FOOTER, INFO))).isTrue();
    }

    /** Run by {@link #anotherJvmWritesTheSameBytes()} in a JVM of its own. */
    static final class WriteSample {
        public static void main(String[] args) throws IOException {
            Files.write(Path.of(args[0]), new PdfDocumentWriter().write(sample(), FOOTER, INFO));
        }
    }

    @Test
    void recordsTheDocumentInfoAndNotTheClock() throws IOException {
        try (PDDocument document = Loader.loadPDF(writer.write(sample(), FOOTER, INFO))) {
            var metadata = document.getDocumentInformation();
            assertThat(metadata.getTitle()).isEqualTo("助言書");
            assertThat(metadata.getAuthor()).isEqualTo("デモ県");
            assertThat(metadata.getSubject()).isEqualTo("立入検査");
            assertThat(metadata.getCreationDate().toInstant()).isEqualTo(INFO.created());
            assertThat(metadata.getModificationDate().toInstant()).isEqualTo(INFO.created());
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(List.of(page.getWidth(), page.getHeight()))
                    .containsExactly(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }

    @Test
    void writesAFileAtomicallyReplacingTheOldOneAndLeavingNoTemporaryFile() throws IOException {
        Path out = folder.resolve("助言書.pdf");
        Files.writeString(out, "an older version");

        writer.write(sample(), FOOTER, INFO, out);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(Arrays.equals(Files.readAllBytes(out), writer.write(sample(), FOOTER, INFO))).isTrue();
        try (PDDocument document = Loader.loadPDF(out.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }

    @Test
    void anEmptyDocumentIsOneNumberedPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(writer.write(List.of(), new PageFooter(""), INFO))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document).strip()).isEqualTo("1 / 1");
        }
    }

    @Test
    void printsACharacterTheFontLacksAsGetaAndDropsInvisibleOnes() throws IOException {
        String text = squeeze(text(writer.write(List.of(new Paragraph("絵文字😀と\u200Bゼロ幅\u0007と葛\uDB40\uDD00")),
                FOOTER, INFO)));

        assertThat(text).contains("絵文字〓とゼロ幅と葛");
    }

    @Test
    void refusesAbsurdInput() {
        assertThatThrownBy(() -> new Table(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Table(COLUMNS, List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Column("0", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Column("NaN", Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Heading("4", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextStyle(0, false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Spacer(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureLines(List.of())).isInstanceOf(IllegalArgumentException.class);

        List<Column> tooMany = Collections.nCopies(60, new Column("列", 1));
        assertThatThrownBy(() -> writer.write(List.of(new Table(tooMany, List.of())), FOOTER, INFO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(List.of(new SignatureLines(List.of("署名".repeat(40)))), FOOTER, INFO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(List.of(), new PageFooter("長い".repeat(3000)), INFO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document);
        }
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    /** The page's lines of text from the top down, blank ones left out. */
    private static List<String> lines(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).lines().filter(line -> !line.isBlank()).toList();
    }

    /** Extracted text has line breaks where the layout wrapped and spaces where the stripper saw gaps. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s", "");
    }

    private static List<TextPosition> positions(PDDocument document) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            all.addAll(PrintedPages.positions(document, page));
        }
        return all;
    }

    private static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names;
    }

    private static String trailerId(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            return ((COSString) id.getObject(0)).toHexString() + ((COSString) id.getObject(1)).toHexString();
        }
    }
}
