package jp.tachiiri.model;

import java.time.LocalDate;

/** One line of the list of inspections: the latest revision of each, with its facility's name. */
public record InspectionSummary(
        String id,
        String facilityId,
        String facilityName,
        LocalDate date,
        InspectionStatus status,
        int revision,
        String catalogVersion,
        int answered,
        boolean demo,
        TransferState transfer) {
}
