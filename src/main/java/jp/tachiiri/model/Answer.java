package jp.tachiiri.model;

/**
 * What an inspector can record for an item. Catalog items allow a subset: the four findings for ordinary
 * items, YES/NO for the gate question.
 */
public enum Answer {
    /** 適合 (はい on the ministry's checklist). */
    COMPLIANT,
    /** 不適合 (いいえ); needs advice and, where the item says so, a target date. */
    NON_COMPLIANT,
    /** 代替措置: a compensating control, with a justification. */
    ALTERNATIVE,
    /** 該当なし, with a reason. */
    NOT_APPLICABLE,
    /** Gate question: the facility runs a medical information system. */
    YES,
    /** Gate question: it does not, so no other item applies. */
    NO
}
