package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

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
