package jp.tachiiri.workbook;

import java.util.Map;
import java.util.Optional;

import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.VendorForm;

/**
 * What a filled workbook, accepted whole, says: the request it was written for, and either the hospital's rows (by
 * ministry number; no confirmation, which is the inspector's) or the vendor's form (received, with its answers).
 * {@code sha256} is the file's, to tell the same file imported again from a newer one.
 */
public record FilledWorkbook(WorkbookRequest request, Map<String, HospitalFormEntry> hospitalRows,
                             Optional<VendorForm> vendorForm, String sha256) {

    public FilledWorkbook {
        hospitalRows = Map.copyOf(hospitalRows);
    }
}
