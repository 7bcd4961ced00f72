package jp.tachiiri.model;

import java.util.List;

/**
 * Help or a duty the printout points a facility to (support schemes, reporting a leak), for facilities meeting
 * {@code when} on an inspection day within {@code period}.
 */
public record HelpResource(String id, LocalizedText title, LocalizedText body, List<Condition> when, Period period) {

    public HelpResource {
        when = List.copyOf(when);
    }

    public boolean appliesTo(FacilityProfile profile) {
        return period.contains(profile.day()) && Condition.allHold(when, profile);
    }
}
