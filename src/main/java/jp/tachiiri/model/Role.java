package jp.tachiiri.model;

/** What an installation is for, chosen at its first start. */
public enum Role {
    /** A tablet taken to the hospitals: records inspections and sends them. */
    INSPECTOR,
    /** The supervisors' office: imports, reviews, reports and plans. */
    OFFICE;

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
