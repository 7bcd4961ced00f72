package jp.tachiiri.inspection;

/** Something that must be filled in before an inspection can be finalized, at one item. */
public record Gap(String itemId, Kind kind) {

    /** What is missing; each has a message key {@code gap.<NAME>}. */
    public enum Kind {
        /** The gate question has no answer. */
        GATE_UNANSWERED,
        /** An applicable item has no answer. */
        UNANSWERED,
        /** 不適合 without advice for the hospital. */
        ADVICE_MISSING,
        /** 不適合 without the target date the item requires. */
        TARGET_DATE_MISSING,
        /** A target date before the inspection itself. */
        TARGET_DATE_BEFORE_INSPECTION,
        /** 代替措置 without its justification. */
        JUSTIFICATION_MISSING,
        /** 該当なし chosen for an item that applies, without a reason. */
        REASON_MISSING
    }
}
