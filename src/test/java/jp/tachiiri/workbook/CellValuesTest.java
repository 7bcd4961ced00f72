package jp.tachiiri.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import jp.tachiiri.model.SelfCheckAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"はい", " はい ", "\u3000はい\u3000", "は い", "○", "〇", "◯", " ○"})
    void yesInTheFormsPeopleWriteIt(String text) {
        assertThat(CellValues.answer(text)).contains(SelfCheckAnswer.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"いいえ", "いいえ\n", "\u3000いいえ", "×", "✕"})
    void noInTheFormsPeopleWriteIt(String text) {
        assertThat(CellValues.answer(text)).contains(SelfCheckAnswer.NO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000", "\t"})
    void aBlankCellIsNoAnswer(String text) {
        assertThat(CellValues.answer(text)).isEmpty();
        assertThat(CellValues.answer(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "はい。", "いいえ（予定）", "1", "TRUE", "△", "#N/A", "ハイ"})
    void anythingElseIsNotAnAnswer(String text) {
        assertThatThrownBy(() -> CellValues.answer(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026/6/1|2026-06-01", "2026/06/01|2026-06-01", "2026-06-01|2026-06-01", "2026.6.1|2026-06-01",
        "2026年6月1日|2026-06-01", "2026年 6月 1日|2026-06-01", "２０２６／６／１|2026-06-01", "２０２６年６月１日|2026-06-01",
        "令和8年6月1日|2026-06-01", "令和８年６月１日|2026-06-01", "R8.6.1|2026-06-01", "r8/6/1|2026-06-01",
        "Ｒ８．６．１|2026-06-01", "R08.06.01|2026-06-01", "令和元年5月1日|2019-05-01", "平成31年4月30日|2019-04-30",
        "H31.4.30|2019-04-30", "㋿8年6月1日|2026-06-01", "' 2026/6/1 '|2026-06-01"})
    void datesInTheUsualJapaneseForms(String text, LocalDate expected) {
        assertThat(CellValues.date(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/2/30", "令和8年13月1日", "平成32年1月1日", "令和8年6月", "6/1", "明日", "R8", "46174",
        "2026/6/1 まで"})
    void notDates(String text) {
        assertThatThrownBy(() -> CellValues.date(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankDateCellIsNoDate() {
        assertThat(CellValues.date("  ")).isEqualTo(Optional.empty());
    }

    @Test
    void serialNumbersInBothDateSystems() {
        assertThat(CellValues.serialDate(46174, false)).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(CellValues.serialDate(46174.75, false)).as("the time of day is dropped").isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(CellValues.serialDate(1, false)).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(CellValues.serialDate(61, false)).isEqualTo(LocalDate.of(1900, 3, 1));
        assertThat(CellValues.serialDate(46174 - 1462, true)).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> CellValues.serialDate(-1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellValues.serialDate(3e6, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellValues.serialDate(Double.NaN, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dateFormatsBuiltInAndWritten() {
        assertThat(CellValues.isDateFormat(14, null)).isTrue();
        assertThat(CellValues.isDateFormat(57, null)).as("Excel's Japanese era format").isTrue();
        assertThat(CellValues.isDateFormat(164, "yyyy/m/d")).isTrue();
        assertThat(CellValues.isDateFormat(165, "YYYY/MM/DD")).isTrue();
        assertThat(CellValues.isDateFormat(166, "[$-411]ggge\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(CellValues.isDateFormat(167, "yyyy\"年\"m\"月\"d\"日\";@")).isTrue();
        assertThat(CellValues.isDateFormat(0, "General")).isFalse();
        assertThat(CellValues.isDateFormat(2, "0.00")).isFalse();
        assertThat(CellValues.isDateFormat(168, "0\"日\"")).as("a day only in quoted text").isFalse();
        assertThat(CellValues.isDateFormat(169, "[Red]0.00")).isFalse();
        assertThat(CellValues.isDateFormat(21, "h:mm:ss")).as("built-in times count; a time alone is a serial below 1")
                .isTrue();
        assertThatThrownBy(() -> CellValues.serialDate(0.5, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CellValues.isDateFormat(null, null)).isFalse();
    }

    @Test
    void theDaysAFormMayName() {
        assertThat(CellValues.inRange(LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(CellValues.inRange(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(CellValues.inRange(LocalDate.of(1999, 12, 31))).isFalse();
        assertThat(CellValues.inRange(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(CellValues.serialDate(2_958_465, true)).as("the 1904 system's last serial is past 9999")
                .isEqualTo(LocalDate.of(10004, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"平成31年5月1日", "H31.5.1", "令和元年4月30日", "R1/4/30", "昭和64年1月8日"})
    void anEraDateOutsideItsEraIsNoDate(String text) {
        assertThatThrownBy(() -> CellValues.date(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
