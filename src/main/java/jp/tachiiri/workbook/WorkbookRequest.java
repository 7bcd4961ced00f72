package jp.tachiiri.workbook;

import java.util.Objects;
import java.util.Optional;

import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.VendorContract;

/**
 * One workbook to write for a planned inspection: the hospital's form, or one vendor contract's form. The same
 * request, rebuilt from the plan a filled workbook names, is what the reader checks the workbook against.
 */
public record WorkbookRequest(PlannedInspection plan, Facility facility, Catalog catalog, WorkbookKind kind,
                              Optional<VendorContract> contract) {

    public WorkbookRequest {
        Objects.requireNonNull(plan, "plan");
        if ((kind == WorkbookKind.VENDOR) != contract.isPresent()) {
            throw new IllegalArgumentException("a vendor workbook names its contract, a hospital workbook none: " + kind);
        }
        contract.ifPresent(named -> {
            if (!facility.vendors().contains(named)) {
                throw new IllegalArgumentException("no contract " + named.key() + " at " + facility.code());
            }
        });
    }

    public static WorkbookRequest hospital(PlannedInspection plan, Facility facility, Catalog catalog) {
        return new WorkbookRequest(plan, facility, catalog, WorkbookKind.HOSPITAL, Optional.empty());
    }

    public static WorkbookRequest vendor(PlannedInspection plan, Facility facility, Catalog catalog,
                                         VendorContract contract) {
        return new WorkbookRequest(plan, facility, catalog, WorkbookKind.VENDOR, Optional.of(contract));
    }
}
