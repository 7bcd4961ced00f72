package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Objects;

/** An inspection the office planned: which facility, which inspector, on which day. */
public record PlannedInspection(String id, String facilityId, String inspectorId, String inspectorName, LocalDate date) {

    public PlannedInspection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(date, "date");
    }
}
