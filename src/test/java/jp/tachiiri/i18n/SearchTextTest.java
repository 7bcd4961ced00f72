package jp.tachiiri.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one way every search of the app compares what was typed with what is stored. */
class SearchTextTest {

    @Test
    void theKeyIgnoresKanaKindWidthCaseAndSpaces() {
        assertThat(SearchText.key("ミズホダイ")).as("katakana").isEqualTo("みずほだい");
        assertThat(SearchText.key("ﾐｽﾞﾎ ﾀﾞｲ")).as("half-width katakana").isEqualTo("みずほだい");
        assertThat(SearchText.key("み　ず ほ")).as("ideographic and ASCII spaces").isEqualTo("みずほ");
        assertThat(SearchText.key("リハビリテーション")).isEqualTo("りはびりてーしょん");
        assertThat(SearchText.key("ヴ")).isEqualTo("ゔ");
        assertThat(SearchText.key("９９１０ ０００ ０３３")).as("full-width digits").isEqualTo("9910000033");
        assertThat(SearchText.key("ＡＢＣ abc Abc")).as("full-width letters and case").isEqualTo("abcabcabc");
        assertThat(SearchText.key("山ノ内")).as("kanji stay as they are").isEqualTo("山の内");
        assertThat(SearchText.key("")).isEmpty();
        assertThat(SearchText.key(null)).isEmpty();
        assertThat(SearchText.key(" 　\t")).isEmpty();
    }

    @Test
    void aQueryIsFoundInAnyOfTheTextsHoweverItWasTyped() {
        String name = "デモ県立 青葉台中央病院";
        String kana = "でもけんりつ あおばだいちゅうおうびょういん";
        for (String typed : new String[] {"アオバ", "ｱｵﾊﾞ", "あおば", "あ お ば", "青葉台", "デモケンリツ"}) {
            assertThat(SearchText.of(typed).foundIn(name, kana)).as(typed).isTrue();
        }
        assertThat(SearchText.of("ＴＡＢＬＥＴ-a").foundIn("x", "9f2c.tablet-A")).as("width and case").isTrue();
        assertThat(SearchText.of("ミズホ").foundIn(name, kana)).isFalse();
        assertThat(SearchText.of("ミズホ").foundIn(name, null)).as("a missing text finds nothing").isFalse();
    }

    @Test
    void anEmptyQueryFindsEverythingAndSaysSo() {
        assertThat(SearchText.of(" 　").isEmpty()).isTrue();
        assertThat(SearchText.of(null).foundIn("anything")).isTrue();
        assertThat(SearchText.of("あ").isEmpty()).isFalse();
    }

    @Test
    void noMatchSpansTwoTexts() {
        // The end of the name and the start of the code: together they would read "病院99".
        assertThat(SearchText.of("病院99").foundIn("デモ病院", "9910000017")).isFalse();
        assertThat(SearchText.of("病院").foundIn("デモ病院", "9910000017")).isTrue();
        assertThat(SearchText.of("99").foundIn("デモ病院", "9910000017")).isTrue();
    }
}
