package jp.tachiiri.selfcheck.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.workbook.WorkbookKind;

/**
 * Where a planned inspection's self-check lives: at the office, as the hospital's and vendors' workbooks filled it in,
 * with the file each form came from and a hash-chained trail per plan; on a tablet, as the assignments bundle brought it,
 * with the inspection started from the plan and what it was last filled from.
 */
public interface PlanSelfCheckRepository {

    /** The planned inspections this installation holds (planned here, or received from the office). */
    List<PlannedInspection> plans();

    Optional<PlannedInspection> plan(String planId);

    /** Both forms of the plan's self-check; empty where nothing was imported or received. */
    SelfCheck selfCheck(String planId);

    /** The workbook each form was imported from, hospital's first. */
    List<WorkbookSource> sources(String planId);

    /** The plan's trail: every workbook imported and every field it changed, oldest first, hash-chained. */
    List<AuditEvent> trail(String planId);

    Optional<WorkbookSource> source(String planId, WorkbookKind kind, Optional<VendorContract> contract);

    /**
     * Replaces the plan's hospital form with exactly {@code rows} and records its source, in one transaction with an
     * audit event for the import ({@code reason}: what it replaced and why) and one per field that changed. Returns
     * the number of fields that changed.
     */
    int replaceHospitalForm(String planId, Collection<HospitalFormEntry> rows, WorkbookSource source, String reason);

    /** Replaces one vendor contract's form of the plan, the same way. Returns the number of fields that changed. */
    int replaceVendorForm(String planId, VendorForm form, WorkbookSource source, String reason);

    // The tablet's side.

    /** The inspections started from a plan. */
    List<String> inspectionsOf(String planId);

    /** Records that the inspection was started from the plan (nothing filled from it yet). */
    void link(String inspectionId, String planId);

    /** What the inspection was last filled from: the content hash of the plan's self-check then. */
    Optional<String> filledFrom(String inspectionId);

    void markFilled(String inspectionId, String contentHash, Instant at);
}
