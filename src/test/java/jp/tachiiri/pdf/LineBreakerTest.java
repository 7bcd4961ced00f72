package jp.tachiiri.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Japanese line breaking, measured in a simple unit: an ASCII character is 1 wide, any other 2. */
class LineBreakerTest {

    private static final WidthMeasure HALF_AND_FULL = text -> (float) text.codePoints().map(c -> c < 0x80 ? 1 : 2).sum();

    /**
     * ICU's strict Japanese line breaking, a second implementation independent of the JDK's, judges where a line
     * may not break. Each line after the first must start where ICU allows a break (the spaces that vanished at
     * the break lie before it), which covers both the end of the line before and the start of this one.
     */
    private static final ULocale STRICT_JAPANESE = new ULocale("ja@lb=strict");

    private static List<String> lines(String text, float width) {
        return LineBreaker.lines(text, width, HALF_AND_FULL);
    }

    private static void assertBreaksWhereIcuAllows(String paragraph, float width) {
        List<String> result = lines(paragraph, width);
        com.ibm.icu.text.BreakIterator icu = com.ibm.icu.text.BreakIterator.getLineInstance(STRICT_JAPANESE);
        icu.setText(paragraph);
        int at = 0;
        for (int i = 0; i < result.size(); i++) {
            while (i > 0 && at < paragraph.length() && paragraph.charAt(at) == ' ') {
                at++;
            }
            String line = result.get(i);
            assertThat(paragraph.startsWith(line, at)).as("line %s of %s is the text's next part", i, result).isTrue();
            if (i > 0) {
                assertThat(icu.isBoundary(at)).as("at width %s, ICU allows no break before line %s of %s", width, i, result)
                        .isTrue();
            }
            at += line.length();
        }
        assertThat(paragraph.substring(at)).isBlank();
    }

    /** Every paragraph of the advice that the catalogs give and of the advice letter's own Japanese texts. */
    static Stream<String> adviceParagraphs() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> catalogs = Files.list(Path.of("resources/catalog"))) {
            for (Path catalog : catalogs.filter(path -> !path.endsWith("index.json")).toList()) {
                for (JsonNode advice : new ObjectMapper().readTree(catalog.toFile()).findValues("advice")) {
                    for (JsonNode variant : advice) {
                        variant.get("text").elements().forEachRemaining(text -> texts.add(text.textValue()));
                    }
                }
            }
        }
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("resources/i18n/messages.properties"))) {
            messages.load(reader);
        }
        messages.stringPropertyNames().stream().filter(key -> key.startsWith("advice.")).sorted()
                .forEach(key -> texts.add(messages.getProperty(key)));
        assertThat(texts).hasSizeGreaterThan(100);
        return texts.stream().flatMap(String::lines).filter(paragraph -> !paragraph.isBlank());
    }

    /** At every width from 10 full-width characters to 40, as wide as the printouts' columns and text. */
    @ParameterizedTest
    @MethodSource("adviceParagraphs")
    void breaksRealAdviceOnlyWhereIcuAllows(String paragraph) {
        for (float width = 20; width <= 80; width++) {
            assertBreaksWhereIcuAllows(paragraph, width);
        }
    }

    /**
     * Every punctuation mark and kana of the Japanese character set JIS X 0213 (Latin letters and digits aside):
     * ASCII, the general punctuation (quotes such as ” ’ “ ‘, dashes, the leaders … and ‥), CJK symbols (。「〜々),
     * kana, small kana, and the full- and half-width forms (％ ｡ ｧ).
     */
    static Stream<String> punctuationAndKana() {
        CharsetEncoder jisX0213 = Charset.forName("x-SJIS_0213").newEncoder();
        return Stream.of(IntStream.rangeClosed(0x21, 0x7e), IntStream.rangeClosed(0x2010, 0x205e),
                        IntStream.rangeClosed(0x3000, 0x30ff), IntStream.rangeClosed(0x31f0, 0x31ff),
                        IntStream.rangeClosed(0xff01, 0xff9f))
                .flatMapToInt(range -> range)
                .filter(c -> !Character.isDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN)
                .mapToObj(Character::toString)
                .filter(jisX0213::canEncode);
    }

    /** The character at every place inside a text that breaks after five full-width characters: at a line's start and end. */
    @ParameterizedTest
    @MethodSource("punctuationAndKana")
    void breaksAroundPunctuationAndKanaOnlyWhereIcuAllows(String character) {
        for (String context : List.of("あいうえおかきくけこ", "漢字仮名交文書作成例", "カタカナノブンショウ")) {
            for (int at = 1; at < context.length(); at++) {
                assertBreaksWhereIcuAllows(context.substring(0, at) + character + context.substring(at), 10);
            }
        }
    }

    /** Those found at the wrong end of a line in printouts are among them. */
    @Test
    void punctuationAndKanaHoldQuotesLeadersWaveDashAndPercent() {
        assertThat(punctuationAndKana()).contains("”", "’", "〜", "…", "％", "“", "‘", "ー", "ぁ", "々", "）", "「");
    }

    @Test
    void breaksBetweenAnyTwoJapaneseCharacters() {
        assertThat(lines("医療情報システムの安全管理", 10)).containsExactly("医療情報シ", "ステムの安", "全管理");
    }

    @Test
    void keepsASeriesOfForbiddenCharactersWithTheCharacterBefore() {
        assertThat(lines("あいうえお」。かき", 10)).containsExactly("あいうえ", "お」。かき");
        assertThat(lines("あいうえ「『かき", 10)).containsExactly("あいうえ", "「『かき");
    }

    @Test
    void breaksLatinWordsAtSpacesAndDropsTheSpacesThere() {
        assertThat(lines("the quick brown fox jumps over", 10))
                .containsExactly("the quick", "brown fox", "jumps over");
        assertThat(lines("a  b", 1)).containsExactly("a", "b");
    }

    @Test
    void breaksBetweenLatinAndJapaneseText() {
        assertThat(lines("USBメモリの持込み", 8)).containsExactly("USBメモ", "リの持込", "み");
        assertThat(lines("Windows Updateを毎月適用", 12)).containsExactly("Windows", "Updateを毎月", "適用");
    }

    @Test
    void startsANewLineAtEveryNewline() {
        assertThat(lines("あい\nう", 10)).containsExactly("あい", "う");
        assertThat(lines("a\r\n\nb", 10)).containsExactly("a", "", "b");
        assertThat(lines("", 10)).containsExactly("");
    }

    @Test
    void keepsIndentationAndIdeographicSpaces() {
        assertThat(lines("  indented\n　全角", 20)).containsExactly("  indented", "　全角");
    }

    @Test
    void breaksAWordLongerThanTheLineBetweenCharacters() {
        assertThat(lines("abcdefghijklmnopqrstuvwxyz", 10)).containsExactly("abcdefghij", "klmnopqrst", "uvwxyz");
        assertThat(lines("see abcdefghijklmnop now", 10)).containsExactly("see", "abcdefghij", "klmnop now");
    }

    @Test
    void keepsTheRulesWhenBreakingALongWordBetweenCharacters() {
        assertThat(lines("abcdefghij)klmno", 10)).containsExactly("abcdefghi", "j)klmno");
    }

    @Test
    void neverSeparatesACombiningMarkOrVariationSelectorFromItsCharacter() {
        String withSelector = "葛\uDB40\uDD00";
        List<String> result = lines("あいうえ" + withSelector + "かきく", 10);

        assertThat(result).noneMatch(line -> line.startsWith("\uDB40"));
        assertThat(String.join("", result)).isEqualTo("あいうえ" + withSelector + "かきく");
    }

    /**
     * A date or a number with its unit is one word: at every width that can hold it (with the brackets and
     * punctuation that kinsoku keeps with it), it stands whole on one line, wherever the text around it puts it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "上記3の事項について、令和9年3月31日までに改善の計画を報告してください。| 令和9年3月31日",
        "報告は令和10年12月28日までにお願いします。| 令和10年12月28日",
        "令和元年5月1日に即位の日がありました。| 令和元年5月1日",
        "対象は許可病床200床以上の病院です。| 200床",
        "発覚から3〜5日程度で速報を提出してください。| 3〜5日",
        "発覚から３～５日程度で速報を提出してください。| ３～５日",
        "月額1万円程度以下から利用できます。| 1万円",
        "二要素認証は令和9年度（2027年度）までに導入します。| （2027年度）",
        "この文書は第12版の改訂後の内容です。| 第12版",
        "バックアップは3世代を3か月保管してください。| 3か月",
        "開始は午前10：30からです。| 10：30",
        "Please report your progress by 31 Mar 2027 to the office.| 31 Mar 2027",
        "Following the inspection on 5 Dec 2026, we give advice.| 5 Dec 2026,",
        "The final report is due within 30 days of discovery.| 30 days",
        "Please report by March 31, 2027 at the latest.| March 31, 2027",
        "許可病床数は 250 床です。| 250 床",
    })
    void neverSplitsADateOrANumberWithItsUnit(String text, String word) {
        assertThat(text).contains(word);
        for (float width = HALF_AND_FULL.width(word); width <= HALF_AND_FULL.width(text); width++) {
            List<String> result = lines(text, width);

            assertThat(result).as("at width %s: %s", width, result).anyMatch(line -> line.contains(word));
            assertThat(String.join("", result).replace(" ", "")).isEqualTo(text.replace(" ", ""));
        }
    }

    /** The text around numbers still breaks where it may. */
    @Test
    void breaksNextToANumberWhereNothingHoldsItsParts() {
        assertThat(lines("令和9年3月31日までにお願い", 16)).containsExactly("令和9年3月31日ま", "でにお願い");
        assertThat(lines("合計は38項目です", 6)).containsExactly("合計は", "38項目", "です");
        assertThat(lines("by 31 Mar 2027 to the", 12)).containsExactly("by", "31 Mar 2027", "to the");
        assertThat(lines("within 30 days", 9)).containsExactly("within", "30 days");
    }

    @ParameterizedTest
    @ValueSource(floats = {2, 3, 7, 10, 17, 40})
    void everyLineFitsTheWidth(float width) {
        String text = "令和7年度の医療法第25条第1項に基づく立入検査において、サイバーセキュリティ対策チェックリスト"
                + "（令和7年度版）に沿って確認を行いました。The checklist follows the ministry's guidelines, "
                + "version 6.0 (May 2023), and https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000516275_00006.html.\n"
                + "「医療情報システムの安全管理に関するガイドライン」を参照してください。";

        List<String> result = lines(text, width);

        assertThat(result).allSatisfy(line -> {
            assertThat(HALF_AND_FULL.width(line)).isLessThanOrEqualTo(width);
            assertThat(line).doesNotStartWith(" ").doesNotEndWith(" ");
        });
        assertThat(String.join("", result).replace(" ", ""))
                .isEqualTo(text.replace("\n", "").replace(" ", ""));
    }

    @Test
    void refusesANonPositiveWidth() {
        assertThatThrownBy(() -> lines("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lines("a", Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
