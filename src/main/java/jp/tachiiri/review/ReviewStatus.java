package jp.tachiiri.review;

/** Where a received inspection stands in the office's review. */
public enum ReviewStatus {
    /** Imported, nobody has opened it for review yet. */
    RECEIVED,
    /** A supervisor has opened its newest revision for review. */
    IN_REVIEW,
    APPROVED,
    /** Sent back to the inspector with a comment. */
    RETURNED,
    /** A bundle brought another version of it, kept beside it for a decision. */
    CONFLICT
}
