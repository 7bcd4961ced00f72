package jp.tachiiri.advice;

/**
 * The installation's settings for the advice printout: who issues it (a prefecture's division or a health
 * centre) and within how many days the hospital is asked to report its improvements.
 */
public record AdviceSettings(String issuingAuthority, int reportDays) {

    public static final int DEFAULT_REPORT_DAYS = 30;

    public AdviceSettings {
        if (reportDays < 1 || reportDays > 365) {
            throw new IllegalArgumentException("report days out of range: " + reportDays);
        }
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority.strip();
    }
}
