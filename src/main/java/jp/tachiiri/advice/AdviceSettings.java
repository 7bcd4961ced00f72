package jp.tachiiri.advice;

import jp.tachiiri.i18n.UserFacingException;

/**
 * The installation's settings for the advice printout: who issues it (a prefecture's division or a health
 * centre) and within how many days the hospital is asked to report its improvements.
 */
public record AdviceSettings(String issuingAuthority, int reportDays) {

    public static final int DEFAULT_REPORT_DAYS = 30;
    public static final int MAX_REPORT_DAYS = 365;

    public AdviceSettings {
        if (reportDays < 1 || reportDays > MAX_REPORT_DAYS) {
            throw new UserFacingException("settings.error.reportDays", reportDays, MAX_REPORT_DAYS);
        }
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority.strip();
    }
}
