package jp.tachiiri.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.util.StringConverter;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;

/** Dates and fiscal years as the screens show them, and the date fields of the facility and planning screens. */
class DatesTest {

    private static final Messages JA = Messages.of(Language.JA);
    private static final Messages EN = Messages.of(Language.EN);

    @Test
    void aFiscalYearIsNamedByItsWesternAndItsEraYear() {
        assertThat(Dates.fiscalYear(new FiscalYear(2026), JA)).isEqualTo("2026年度（令和8年度）");
        assertThat(Dates.fiscalYear(new FiscalYear(2019), JA)).isEqualTo("2019年度（令和元年度）");
        assertThat(Dates.fiscalYear(new FiscalYear(2018), JA)).isEqualTo("2018年度（平成30年度）");
        assertThat(Dates.fiscalYear(new FiscalYear(2026), EN)).isEqualTo("FY 2026 (Reiwa 8)");
        assertThat(Dates.fiscalYear(new FiscalYear(2018), EN)).isEqualTo("FY 2018 (Heisei 30)");
    }

    @Test
    void aRequiredDateFieldShowsTheUsersFormAndReadsEveryAcceptedOne() {
        StringConverter<LocalDate> japanese = Dates.requiredField(JA);
        StringConverter<LocalDate> english = Dates.requiredField(EN);
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(japanese.toString(day)).isEqualTo("2025年6月1日");
        assertThat(english.toString(day)).isEqualTo("1 Jun 2025");
        assertThat(japanese.toString(null)).isEmpty();
        for (String typed : new String[] {"2025/06/01", "２０２５／６／１", "2025年6月1日", "1 Jun 2025", "2025-6-1"}) {
            assertThat(japanese.fromString(typed)).as(typed).isEqualTo(day);
            assertThat(english.fromString(typed)).as(typed).isEqualTo(day);
        }
    }

    @Test
    void aRequiredDateFieldHoldingNoDateHoldsNothingForTheScreenToAskAbout() {
        StringConverter<LocalDate> field = Dates.requiredField(JA);
        assertThat(field.fromString("")).isNull();
        assertThat(field.fromString(null)).isNull();
        assertThat(field.fromString("2025/02/30")).isNull();
        assertThat(field.fromString("来週")).isNull();
    }
}
