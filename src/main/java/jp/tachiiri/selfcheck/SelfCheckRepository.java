package jp.tachiiri.selfcheck;

import java.util.List;

import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.VendorForm;

/**
 * Where the hospital's and the vendors' forms of an inspection revision live. Every change is one transaction with
 * its audit events (one per changed field), refused unless the revision is in progress.
 */
public interface SelfCheckRepository {

    /** What the revision holds of both forms. */
    SelfCheck selfCheck(String inspectionId, int revision);

    /**
     * Stores rows of the hospital's form (and the inspector's confirmations in them), all in one transaction.
     * Returns the number of fields that changed. {@code reason} (or null) goes with every audit event.
     */
    int recordHospitalForm(String inspectionId, int revision, List<HospitalFormEntry> entries, String actor,
                           String reason);

    /** Stores one vendor contract's form. Returns the number of fields that changed. */
    int recordVendorForm(String inspectionId, int revision, VendorForm form, String actor, String reason);
}
