package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The vendor's own checklist (事業者確認用) for one of the facility's vendor contracts: received, with the day the
 * vendor filled it in and its はい/いいえ per ministry item the form carries; or missing, with the reason.
 */
public record VendorForm(
        VendorContract contract,
        Status status,
        Optional<LocalDate> filledOn,
        String missingReason,
        Map<String, SelfCheckAnswer> answers) {

    public VendorForm {
        missingReason = missingReason == null ? "" : missingReason;
        answers = Map.copyOf(answers);
    }

    /** Whether the form was received. */
    public enum Status {
        RECEIVED,
        MISSING
    }

    /** A received form with no answers entered yet. */
    public static VendorForm received(VendorContract contract) {
        return new VendorForm(contract, Status.RECEIVED, Optional.empty(), "", Map.of());
    }

    /** The recorded fields by name, as text, answers in ministry-number order: what the audit trail records. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("filledOn", filledOn.map(LocalDate::toString).orElse(null));
        fields.put("missingReason", missingReason);
        new TreeMap<>(answers).forEach((number, answer) -> fields.put("answer/" + number, answer.name()));
        return fields;
    }

    public VendorForm withStatus(Status newStatus, String reason) {
        return new VendorForm(contract, newStatus, filledOn, reason, answers);
    }

    public VendorForm withFilledOn(Optional<LocalDate> date) {
        return new VendorForm(contract, status, date, missingReason, answers);
    }

    /** The form with one item's answer set, or cleared when {@code answer} is empty. */
    public VendorForm withAnswer(String ministryNumber, Optional<SelfCheckAnswer> answer) {
        Map<String, SelfCheckAnswer> changed = new TreeMap<>(answers);
        answer.ifPresentOrElse(value -> changed.put(ministryNumber, value), () -> changed.remove(ministryNumber));
        return new VendorForm(contract, status, filledOn, missingReason, changed);
    }

    public Optional<SelfCheckAnswer> answer(String ministryNumber) {
        return Optional.ofNullable(answers.get(ministryNumber));
    }
}
