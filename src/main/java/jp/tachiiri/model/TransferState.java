package jp.tachiiri.model;

/** Where an inspection's newest revision stands between the tablet and the office. */
public enum TransferState {
    /** Still being recorded: nothing to send yet. */
    NONE,
    /** Finalized here, not yet written into a bundle. */
    WAITING,
    /** In a bundle, waiting for the office's receipt. */
    SENT,
    /** The office confirmed it imported the bundle. */
    RECEIVED,
    /** The office returned it with a comment. */
    RETURNED,
    /** Made on another device and received here in a bundle. */
    FROM_ELSEWHERE
}
