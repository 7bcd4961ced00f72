package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Optional;

/** The days a rule is in force: from {@code from} to {@code until} inclusive, open-ended without {@code until}. */
public record Period(LocalDate from, Optional<LocalDate> until) {

    public Period {
        if (until.filter(end -> end.isBefore(from)).isPresent()) {
            throw new IllegalArgumentException("a period cannot end (" + until.get() + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && until.map(end -> !day.isAfter(end)).orElse(true);
    }
}
