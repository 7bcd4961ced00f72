package jp.tachiiri.inspection;

/**
 * Something missing before an inspection is finalized. {@code subject} names where, as the kind's {@link Place}
 * says: a catalog item's id, a ministry item's number, or a vendor contract's {@link
 * jp.tachiiri.model.VendorContract#key key}.
 */
public record Gap(String subject, Kind kind) {

    /** Where a gap is filled in; the screen jumps there. */
    public enum Place {
        /** The inspector's own finding of a catalog item (or the gate question). */
        ITEM,
        /** A row of the hospital's form (医療機関確認用). */
        HOSPITAL_FORM,
        /** The form of one vendor contract (事業者確認用). */
        VENDOR_FORM,
        /** The inspector's confirmation of the hospital's answer to a ministry item. */
        CONFIRMATION
    }

    /**
     * What is missing; each has a message key {@code gap.<NAME>}. A blocking gap stops finalizing; the others are
     * listed as well, for they are the hospital's or a vendor's omissions, which the inspector records and the
     * printout names but cannot fill in.
     */
    public enum Kind {
        /** The gate question has no answer. */
        GATE_UNANSWERED(Place.ITEM, true),
        /** An applicable item has no answer. */
        UNANSWERED(Place.ITEM, true),
        /** 不適合 without advice for the hospital. */
        ADVICE_MISSING(Place.ITEM, true),
        /** 不適合 without the target date the item requires. */
        TARGET_DATE_MISSING(Place.ITEM, true),
        /** A target date before the inspection itself. */
        TARGET_DATE_BEFORE_INSPECTION(Place.ITEM, true),
        /** 代替措置 without its justification. */
        JUSTIFICATION_MISSING(Place.ITEM, true),
        /** 該当なし chosen for an item that applies, without a reason. */
        REASON_MISSING(Place.ITEM, true),
        /** The hospital's form has no はい/いいえ for the item. */
        HOSPITAL_ANSWER_MISSING(Place.HOSPITAL_FORM, false),
        /** The hospital's form has no date checked for the item. */
        HOSPITAL_DATE_MISSING(Place.HOSPITAL_FORM, false),
        /** いいえ on the hospital's form without a target date. */
        HOSPITAL_TARGET_MISSING(Place.HOSPITAL_FORM, false),
        /** The hospital's target date lies after the end of the fiscal year (or of the item's own later year). */
        HOSPITAL_TARGET_AFTER_YEAR(Place.HOSPITAL_FORM, false),
        /** A vendor contract with neither a vendor form nor the reason it is missing. */
        VENDOR_FORM_MISSING(Place.VENDOR_FORM, true),
        /** A vendor form recorded as missing without the reason. */
        VENDOR_MISSING_REASON(Place.VENDOR_FORM, true),
        /** A received vendor form without the day it was filled in. */
        VENDOR_DATE_MISSING(Place.VENDOR_FORM, false),
        /** A received vendor form without はい/いいえ for an item the vendor form carries. */
        VENDOR_ANSWER_MISSING(Place.VENDOR_FORM, false),
        /** The inspector has not yet confirmed the hospital's answer. */
        CONFIRMATION_MISSING(Place.CONFIRMATION, true),
        /** 相違 or 未確認 without the reason. */
        CONFIRMATION_REASON_MISSING(Place.CONFIRMATION, true),
        /** 確認 of an answer the hospital did not give. */
        CONFIRMED_WITHOUT_ANSWER(Place.CONFIRMATION, true),
        /** 確認 where the inspector's own result says the opposite of the hospital's answer. */
        CONFIRMED_AGAINST_FINDING(Place.CONFIRMATION, true);

        private final Place place;
        private final boolean blocking;

        Kind(Place place, boolean blocking) {
            this.place = place;
            this.blocking = blocking;
        }

        public Place place() {
            return place;
        }

        public boolean blocking() {
            return blocking;
        }
    }

    public boolean blocking() {
        return kind.blocking();
    }
}
