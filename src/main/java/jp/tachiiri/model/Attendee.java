package jp.tachiiri.model;

/** A member of the hospital's staff present at the inspection (立会者), with their role. */
public record Attendee(String name, String role) {
}
