package jp.tachiiri.inspection;

import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.model.Attendee;

/** What is needed to start an inspection of a facility. */
public record NewInspection(
        String facilityId, LocalDate date, List<String> inspectors, List<Attendee> attendees, boolean demo) {

    public NewInspection {
        inspectors = List.copyOf(inspectors);
        attendees = List.copyOf(attendees);
        if (inspectors.isEmpty()) {
            throw new IllegalArgumentException("an inspection needs a lead inspector");
        }
    }
}
