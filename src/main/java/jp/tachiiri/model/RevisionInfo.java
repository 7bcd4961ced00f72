package jp.tachiiri.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One revision in an inspection's history: the first, or an amendment with its reason. */
public record RevisionInfo(
        int revision,
        InspectionStatus status,
        LocalDate date,
        Optional<String> amendReason,
        Instant createdAt,
        Optional<Instant> finalizedAt) {
}
