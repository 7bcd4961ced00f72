package jp.tachiiri.workbook;

/**
 * Which of the ministry's two forms a self-check workbook holds. The hospital's form and each vendor's are separate
 * workbooks: the hospital passes each vendor its own (as the ministry's one-form-per-vendor asks), and no vendor
 * sees the hospital's answers or another vendor's.
 */
public enum WorkbookKind {
    /** 医療機関確認用: はい/いいえ, 確認日 and, for いいえ, 目標日 per ministry item. */
    HOSPITAL,
    /** 事業者確認用 of one vendor contract: 記入日 and はい/いいえ per item the vendor form carries. */
    VENDOR
}
