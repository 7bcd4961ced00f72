package jp.tachiiri.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;

/** The one rule for dates as users read and type them, on every screen and on the command line. */
class DateTextTest {

    private static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    @Test
    void datesAreShownInTheUsersLanguage() {
        assertThat(DateText.format(LocalDate.of(2025, 6, 1), Language.JA)).isEqualTo("2025年6月1日");
        assertThat(DateText.format(LocalDate.of(2025, 6, 1), Language.EN)).isEqualTo("1 Jun 2025");
        assertThat(DateText.format(LocalDate.of(2026, 11, 25), Language.JA)).isEqualTo("2026年11月25日");
        assertThat(DateText.format(LocalDate.of(2026, 11, 25), Language.EN)).isEqualTo("25 Nov 2026");
    }

    @Test
    void everyAcceptedFormIsReadInHalfAndFullWidth() {
        List<String> typed = List.of("2026/4/1", "2026/04/01", "2026-04-01", "2026-4-1", "2026.4.1", "2026年4月1日",
                "1 Apr 2026", "1 apr 2026", "  2026/4/1 ",
                "２０２６/４/１", "２０２６／０４／０１", "２０２６－０４－０１", "２０２６．４．１", "２０２６年４月１日", "　2026/4/1　");
        for (String text : typed) {
            assertThat(DateText.parse(text, "inspection.targetDate")).as(text).contains(DAY);
            assertThat(DateText.read(text)).as(text).contains(DAY);
        }
    }

    @Test
    void whatTheScreensShowReadsBackAsTheSameDate() {
        for (LocalDate date = LocalDate.of(2026, 1, 1); date.getYear() == 2026; date = date.plusDays(1)) {
            for (Language language : Language.values()) {
                assertThat(DateText.read(DateText.format(date, language))).as("%s in %s", date, language).contains(date);
            }
        }
    }

    @Test
    void anEmptyFieldHoldsNoDate() {
        for (String empty : new String[] {"", "   ", "　", null}) {
            assertThat(DateText.parse(empty, "inspection.targetDate")).as("[%s]", empty).isEmpty();
            assertThat(DateText.read(empty)).as("[%s]", empty).isEmpty();
        }
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() {
        for (String wrong : new String[] {"2026-02-30", "2026/2/29", "２０２６／０２／３０", "2026/13/1", "2026/4/31",
                "2026/0/10", "2026年4月", "26/4/1", "4/1/2026", "tomorrow", "2026/4/1/2"}) {
            assertThat(DateText.read(wrong)).as(wrong).isEmpty();
            assertThatThrownBy(() -> DateText.parse(wrong, "inspection.targetDate")).as(wrong)
                    .isInstanceOf(DateText.UnreadableDate.class);
        }
        assertThat(DateText.read("2028/2/29")).as("a leap day").contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theErrorNamesTheFieldAndRepeatsWhatWasTypedInTheUsersLanguage() {
        UserFacingException error = catchUnreadable("２０２６／０２／３０", "inspection.targetDate");
        assertThat(error.localizedMessage(Language.JA)).isEqualTo("目標日: 「２０２６／０２／３０」は日付として読めません（例: 2026/11/25）");
        assertThat(error.localizedMessage(Language.EN)).isEqualTo("Target date: \"２０２６／０２／３０\" is not a date (e.g. 2026/11/25)");
        assertThat(catchUnreadable("next week", "planning.date").localizedMessage(Language.EN)).startsWith("Planned date: ");
    }

    @Test
    void aRequiredDateRefusesAnEmptyText() {
        assertThat(DateText.parseRequired("２０２６／４／１", "planning.date")).isEqualTo(DAY);
        assertThatThrownBy(() -> DateText.parseRequired(" ", "planning.date")).isInstanceOf(DateText.UnreadableDate.class);
    }

    private static UserFacingException catchUnreadable(String typed, String fieldKey) {
        try {
            DateText.parse(typed, fieldKey);
        } catch (DateText.UnreadableDate unreadable) {
            return unreadable;
        }
        throw new AssertionError("read as a date: " + typed);
    }
}
