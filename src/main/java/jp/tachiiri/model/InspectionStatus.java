package jp.tachiiri.model;

/** Where a revision of an inspection stands. */
public enum InspectionStatus {
    /** Being recorded; every change is stored at once. */
    IN_PROGRESS,
    /** Locked; a correction needs a new revision with a reason. */
    FINALIZED
}
