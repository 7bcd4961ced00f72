package jp.tachiiri.model;

/** What the inspector made of the hospital's own answer to one ministry item. */
public enum Confirmation {
    /** 確認: the inspector's finding agrees with the hospital's answer. */
    AGREES,
    /** 相違: it does not; the inspector's finding stands, with the reason. */
    DIFFERS,
    /** 未確認: the inspector could not check it on site (the reason says why). */
    NOT_CONFIRMED
}
