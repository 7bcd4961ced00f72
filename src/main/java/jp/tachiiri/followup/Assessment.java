package jp.tachiiri.followup;

/**
 * The office's assessment of what a hospital reported for one finding: 改善済 (closed), 対応中 (in progress, with a
 * new target date) or 未対応 (nothing done yet). A finding without an assessment is open.
 */
public enum Assessment {
    CLOSED,
    IN_PROGRESS,
    NOT_DONE;

    /** The key of its name in the resource bundles. */
    public String messageKey() {
        return "followup.assessment." + name();
    }
}
