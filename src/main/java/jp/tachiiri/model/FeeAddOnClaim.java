package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facility claims a fee add-on of the health-insurance fee schedule (診療報酬の加算), e.g. 診療録管理体制加算1,
 * from a given day. {@code addOnId} names a {@link FeeAddOn} of the catalog.
 */
public record FeeAddOnClaim(String addOnId, LocalDate from) {

    public FeeAddOnClaim {
        Objects.requireNonNull(addOnId, "addOnId");
        Objects.requireNonNull(from, "from");
    }

    public boolean coversDay(String addOn, LocalDate day) {
        return addOnId.equals(addOn) && !from.isAfter(day);
    }
}
