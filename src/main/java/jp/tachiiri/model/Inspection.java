package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One revision of an on-site inspection of a facility. */
public record Inspection(
        String id,
        String facilityId,
        int revision,
        String catalogVersion,
        LocalDate date,
        List<String> inspectors,
        List<Attendee> attendees,
        InspectionStatus status,
        Optional<String> amendReason,
        boolean demo) {

    public Inspection {
        inspectors = List.copyOf(inspectors);
        attendees = List.copyOf(attendees);
    }

    /** The lead inspector is listed first. */
    public String leadInspector() {
        return inspectors.isEmpty() ? "" : inspectors.get(0);
    }
}
