package jp.tachiiri.selfcheck;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;

/**
 * The hospital's form (one row per ministry item, by number) and the vendor forms recorded in one inspection
 * revision; a row or form not recorded yet is absent.
 */
public record SelfCheck(Map<String, HospitalFormEntry> hospitalForm, List<VendorForm> vendorForms) {

    public static final SelfCheck EMPTY = new SelfCheck(Map.of(), List.of());

    public SelfCheck {
        hospitalForm = Map.copyOf(hospitalForm);
        vendorForms = List.copyOf(vendorForms);
    }

    /** The hospital's row for a ministry item, empty if nothing is recorded. */
    public HospitalFormEntry entry(String ministryNumber) {
        return hospitalForm.getOrDefault(ministryNumber, HospitalFormEntry.empty(ministryNumber));
    }

    public Optional<VendorForm> vendorForm(VendorContract contract) {
        return vendorForms.stream().filter(form -> form.contract().equals(contract)).findFirst();
    }
}
