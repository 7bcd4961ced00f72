package jp.tachiiri.selfcheck;

/**
 * The actions of the audit events that record the forms, as the store writes them and the audit trail's screen
 * describes them.
 */
public final class FormEvents {

    /** A field of a row of the hospital's form changed; subject "2-⑦/answer". */
    public static final String HOSPITAL_FORM_CHANGED = "HOSPITAL_FORM_CHANGED";
    /** A field of a vendor form changed; subject "vendor / system/status" or ".../answer/2-⑦". */
    public static final String VENDOR_FORM_CHANGED = "VENDOR_FORM_CHANGED";
    /** A vendor form removed on finalizing, as its contract was no longer the facility's; subject the contract. */
    public static final String VENDOR_FORM_DROPPED = "VENDOR_FORM_DROPPED";

    private FormEvents() {
    }
}
