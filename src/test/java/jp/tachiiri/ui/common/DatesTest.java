package jp.tachiiri.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;

/** Fiscal years as the screens name them. */
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
}
