package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the inspector recorded for one item. {@code reason} holds the justification of an
 * {@link Answer#ALTERNATIVE} or the reason for {@link Answer#NOT_APPLICABLE}.
 */
public record Finding(
        String itemId,
        Optional<Answer> answer,
        Set<ConfirmationMethod> confirmedBy,
        Optional<LocalDate> checkedOn,
        String note,
        String reason,
        String advice,
        Optional<LocalDate> targetDate,
        boolean followUp) {

    public Finding {
        confirmedBy = Set.copyOf(confirmedBy);
        note = note == null ? "" : note;
        reason = reason == null ? "" : reason;
        advice = advice == null ? "" : advice;
    }

    /**
     * The recorded fields by name, in a fixed order, as text (null where nothing is recorded): what the audit
     * trail records per change and what two revisions are compared by.
     */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("answer", answer.map(Answer::name).orElse(null));
        fields.put("confirmedBy", Stream.of(ConfirmationMethod.values()).filter(confirmedBy::contains).map(Enum::name)
                .collect(Collectors.joining(",")));
        fields.put("checkedOn", checkedOn.map(LocalDate::toString).orElse(null));
        fields.put("note", note);
        fields.put("reason", reason);
        fields.put("advice", advice);
        fields.put("targetDate", targetDate.map(LocalDate::toString).orElse(null));
        fields.put("followUp", Boolean.toString(followUp));
        return fields;
    }

    /** A finding with nothing recorded yet. */
    public static Finding empty(String itemId) {
        return new Finding(itemId, Optional.empty(), Set.of(), Optional.empty(), "", "", "", Optional.empty(), false);
    }

    public Finding withAnswer(Answer newAnswer) {
        return new Finding(itemId, Optional.of(newAnswer), confirmedBy, checkedOn, note, reason, advice, targetDate, followUp);
    }

    public Finding withConfirmedBy(Set<ConfirmationMethod> methods) {
        return new Finding(itemId, answer, methods, checkedOn, note, reason, advice, targetDate, followUp);
    }

    public Finding withCheckedOn(LocalDate date) {
        return new Finding(itemId, answer, confirmedBy, Optional.ofNullable(date), note, reason, advice, targetDate, followUp);
    }

    public Finding withNote(String newNote) {
        return new Finding(itemId, answer, confirmedBy, checkedOn, newNote, reason, advice, targetDate, followUp);
    }

    public Finding withReason(String newReason) {
        return new Finding(itemId, answer, confirmedBy, checkedOn, note, newReason, advice, targetDate, followUp);
    }

    public Finding withAdvice(String newAdvice) {
        return new Finding(itemId, answer, confirmedBy, checkedOn, note, reason, newAdvice, targetDate, followUp);
    }

    public Finding withTargetDate(LocalDate date) {
        return new Finding(itemId, answer, confirmedBy, checkedOn, note, reason, advice, Optional.ofNullable(date), followUp);
    }

    public Finding withFollowUp(boolean flag) {
        return new Finding(itemId, answer, confirmedBy, checkedOn, note, reason, advice, targetDate, flag);
    }
}
