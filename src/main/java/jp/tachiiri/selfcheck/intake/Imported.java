package jp.tachiiri.selfcheck.intake;

import jp.tachiiri.workbook.WorkbookRequest;

/** What importing one filled workbook into a plan's self-check did. */
public record Imported(WorkbookRequest request, Outcome outcome, int changedFields) {

    public enum Outcome {
        /** The first workbook of its kind (and contract) for the plan. */
        NEW,
        /** A newer workbook replaced the one imported before; each changed field is audited. */
        REPLACED,
        /** The very file imported before (the same SHA-256): nothing changed. */
        UNCHANGED
    }
}
