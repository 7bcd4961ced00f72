package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the hospital's own checklist (医療機関確認用) as the inspection recorded it: the hospital's answer, the
 * day it checked and, for いいえ, the day it means to comply by; beside it, the inspector's confirmation of that
 * answer and its reason (required for 相違 and 未確認).
 */
public record HospitalFormEntry(
        String ministryNumber,
        Optional<SelfCheckAnswer> answer,
        Optional<LocalDate> checkedOn,
        Optional<LocalDate> targetDate,
        Optional<Confirmation> confirmation,
        String confirmationReason) {

    public HospitalFormEntry {
        confirmationReason = confirmationReason == null ? "" : confirmationReason;
    }

    /** A row with nothing recorded yet. */
    public static HospitalFormEntry empty(String ministryNumber) {
        return new HospitalFormEntry(ministryNumber, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "");
    }

    /** The recorded fields by name, as text (null where nothing is recorded): what the audit trail records. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("answer", answer.map(Enum::name).orElse(null));
        fields.put("checkedOn", checkedOn.map(LocalDate::toString).orElse(null));
        fields.put("targetDate", targetDate.map(LocalDate::toString).orElse(null));
        fields.put("confirmation", confirmation.map(Enum::name).orElse(null));
        fields.put("confirmationReason", confirmationReason);
        return fields;
    }

    /** The hospital's answer; a target date goes with いいえ only, so はい or none drops it. */
    public HospitalFormEntry withAnswer(Optional<SelfCheckAnswer> newAnswer) {
        Optional<LocalDate> target = newAnswer.equals(Optional.of(SelfCheckAnswer.NO)) ? targetDate : Optional.empty();
        return new HospitalFormEntry(ministryNumber, newAnswer, checkedOn, target, confirmation, confirmationReason);
    }

    public HospitalFormEntry withCheckedOn(Optional<LocalDate> date) {
        return new HospitalFormEntry(ministryNumber, answer, date, targetDate, confirmation, confirmationReason);
    }

    public HospitalFormEntry withTargetDate(Optional<LocalDate> date) {
        return new HospitalFormEntry(ministryNumber, answer, checkedOn, date, confirmation, confirmationReason);
    }

    public HospitalFormEntry withConfirmation(Optional<Confirmation> newConfirmation, String reason) {
        return new HospitalFormEntry(ministryNumber, answer, checkedOn, targetDate, newConfirmation, reason);
    }

    /** Whether nothing at all is recorded in the row: stored as no row, as if never entered. */
    public boolean isBlank() {
        return !hasHospitalAnswer() && confirmation.isEmpty() && confirmationReason.isBlank();
    }

    /** Whether the hospital's side of the row has been filled in at all. */
    public boolean hasHospitalAnswer() {
        return answer.isPresent() || checkedOn.isPresent() || targetDate.isPresent();
    }
}
