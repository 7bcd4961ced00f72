package jp.tachiiri.model;

/** How the inspector confirmed an answer; several may apply to one finding. */
public enum ConfirmationMethod {
    /** 書類確認 */
    DOCUMENT,
    /** 聞き取り */
    INTERVIEW,
    /** 現地確認 */
    OBSERVATION,
    /** 事業者書面: the vendor's written statement. */
    VENDOR_STATEMENT
}
