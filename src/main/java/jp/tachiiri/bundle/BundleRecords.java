package jp.tachiiri.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;

/**
 * The objects of a bundle's payload, one record per definition in {@code schema/bundle-2.schema.json}, with
 * the same member names. Records are what the store reads and writes; the reader fills them only from a
 * document that passed the schema, so every member is present. Absent values are null, never left out.
 */
public final class BundleRecords {

    private BundleRecords() {
    }

    /** A record as the JSON tree the bundle carries. */
    public static JsonNode tree(Object record) {
        return BundleJson.MAPPER.valueToTree(record);
    }

    /** The SHA-256 of a record's canonical form: equal exactly when the contents are equal. */
    public static String contentHash(Object record) {
        return Sha256.hex(CanonicalJson.bytes(tree(record)));
    }

    /** An inspection from the JSON text it was kept as (e.g. a conflicting version); the text is trusted. */
    public static Inspection inspection(String json) {
        try {
            return BundleJson.MAPPER.readValue(json, Inspection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept inspection is always readable JSON", e);
        }
    }

    /** Manifest entries from the JSON text they were kept as (with a conflicting version); the text is trusted. */
    public static List<ManifestEntry> manifestEntries(String json) {
        try {
            return List.of(BundleJson.MAPPER.readValue(json, ManifestEntry[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kept manifest entries are always readable JSON", e);
        }
    }

    /** The canonical JSON text of a record, e.g. to keep a conflicting version as it came. */
    public static String canonicalText(Object record) {
        return new String(CanonicalJson.bytes(tree(record)), java.nio.charset.StandardCharsets.UTF_8);
    }

    public record Vendor(String vendor, String system) {
    }

    /**
     * A facility; {@code type} and {@code feeAddOnClaims} are absent (null) in bundles of versions before they were
     * recorded.
     */
    public record Facility(String id, String code, String name, String kana, String address, int licensedBeds,
                           boolean hasMedicalInformationSystem, boolean usesEmr, List<Vendor> vendors, boolean demo,
                           String type, List<FeeAddOnClaim> feeAddOnClaims) {
    }

    /** The facility claims fee add-on {@code addOn} (an id of the catalog's feeAddOns) from {@code from} (ISO date). */
    public record FeeAddOnClaim(String addOn, String from) {
    }

    public record Attendee(String name, String role) {
    }

    public record Finding(String itemId, String answer, List<String> confirmedBy, String checkedOn, String note,
                          String reason, String advice, String targetDate, boolean followUp, String updatedAt) {

        /** The recorded fields by the names and in the form of {@code model.Finding.fields()}, to compare them. */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("answer", answer);
            fields.put("confirmedBy", String.join(",", confirmedBy));
            fields.put("checkedOn", checkedOn);
            fields.put("note", note);
            fields.put("reason", reason);
            fields.put("advice", advice);
            fields.put("targetDate", targetDate);
            fields.put("followUp", Boolean.toString(followUp));
            return fields;
        }
    }

    /** Evidence names its bytes by the id of an attachment in the bundle's manifest. */
    public record Evidence(String id, String itemId, String fileName, String mediaType, String attachment,
                           String addedAt) {
    }

    /**
     * One row of the hospital's own form (医療機関確認用): its answer (YES / NO / null), the day it checked and, for NO, the
     * day it means to comply by; and the inspector's confirmation of it (AGREES / DIFFERS / NOT_CONFIRMED / null) with
     * the reason.
     */
    public record HospitalFormRow(String ministryNumber, String answer, String checkedOn, String targetDate,
                                  String confirmation, String confirmationReason, String updatedAt) {

        /** The row as the app shows it. */
        public HospitalFormEntry toEntry() {
            return new HospitalFormEntry(ministryNumber, Optional.ofNullable(answer).map(SelfCheckAnswer::valueOf),
                    date(checkedOn), date(targetDate), Optional.ofNullable(confirmation).map(Confirmation::valueOf),
                    confirmationReason);
        }
    }

    /** A vendor's answer (YES / NO) to one ministry item of its form. */
    public record VendorAnswer(String ministryNumber, String answer) {
    }

    /**
     * A vendor's own form (事業者確認用) for the contract {@code vendor} / {@code system} of the revision's facility:
     * RECEIVED, filled in on {@code filledOn}, with its answers; or MISSING, with the reason.
     */
    public record VendorForm(String vendor, String system, String status, String filledOn, String missingReason,
                             List<VendorAnswer> answers, String updatedAt) {

        /** The form as the app shows it. */
        public jp.tachiiri.model.VendorForm toForm() {
            Map<String, SelfCheckAnswer> byItem = new LinkedHashMap<>();
            answers.forEach(answer -> byItem.put(answer.ministryNumber(), SelfCheckAnswer.valueOf(answer.answer())));
            return new jp.tachiiri.model.VendorForm(new VendorContract(vendor, system),
                    jp.tachiiri.model.VendorForm.Status.valueOf(status), date(filledOn), missingReason, byItem);
        }
    }

    /** A day of the payload (which the reader has checked exists), or empty for null. */
    private static Optional<LocalDate> date(String day) {
        return Optional.ofNullable(day).map(LocalDate::parse);
    }

    /**
     * One finalized revision, with the facility as it was when it was finalized. {@code hospitalForm} and {@code
     * vendorForms} came with format 2.2: null in a revision of an older bundle, which said nothing about the forms
     * (and then left out of the revision's JSON, so that its content hash is the one the older format gave it).
     */
    public record Revision(int revision, String catalogVersion, String inspectionDate, String amendReason,
                           String createdAt, String finalizedAt, Facility facility, List<String> inspectors,
                           List<Attendee> attendees, List<Finding> findings, List<Evidence> evidence,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<HospitalFormRow> hospitalForm,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<VendorForm> vendorForms) {

        /** Whether the revision says what its forms held (format 2.2 on), even if that is nothing. */
        public boolean carriesForms() {
            return hospitalForm != null && vendorForms != null;
        }

        /** The revision with these forms in place of its own (null: as an older format carried it, without any). */
        public Revision withForms(List<HospitalFormRow> hospital, List<VendorForm> vendors) {
            return new Revision(revision, catalogVersion, inspectionDate, amendReason, createdAt, finalizedAt, facility,
                    inspectors, attendees, findings, evidence, hospital, vendors);
        }
    }

    public record AuditEvent(String id, long sequence, String at, String actor, String action, String subject,
                             String oldValue, String newValue, String reason, String previousHash, String hash) {
    }

    /**
     * An inspection with every finalized revision, oldest first, and its audit trail up to the newest of them:
     * each bundle is whole on its own, so a lost bundle costs nothing once a later one arrives.
     */
    public record Inspection(String id, String facilityId, String createdAt, boolean demo, List<Revision> revisions,
                             List<AuditEvent> audit) {

        public Revision latest() {
            return revisions.get(revisions.size() - 1);
        }
    }

    /** An enrolment's payload: the role of the device it enrols (its keys are the bundle's own, in its device member). */
    public record EnrolmentPayload(String role) {
    }

    public record FindingsPayload(List<Inspection> inspections) {
    }

    /** A planned inspection; {@code updatedAt} is the time of its last change at the office: the newest wins. */
    public record Assignment(String id, String facilityId, String inspectorId, String inspectorName, String plannedDate,
                             String updatedAt) {

        /** The plan as the app shows it. */
        public PlannedInspection toPlan() {
            return new PlannedInspection(id, facilityId, inspectorId, inspectorName, LocalDate.parse(plannedDate));
        }
    }

    public record ItemComment(String itemId, String comment) {
    }

    public record Review(String inspectionId, int revision, String decision, String comment, String decidedAt,
                         String decidedBy, List<ItemComment> items) {

        /** Whether the office sent the revision back to the inspector (the other decision approves it). */
        public boolean returned() {
            return "RETURNED".equals(decision);
        }

        /** The decision as the app shows it. */
        public ReviewResult toResult() {
            return new ReviewResult(inspectionId, revision, returned(), comment, Instant.parse(decidedAt), decidedBy,
                    items.stream().map(item -> new ReviewResult.ItemComment(item.itemId(), item.comment())).toList());
        }
    }

    /** The office's word that it imported one findings bundle. */
    public record Receipt(String bundleId, String deviceId, String receivedAt) {
    }

    /**
     * A planned inspection's self-check as the hospital's and its vendors' filled workbooks gave it to the office: the
     * hospital's rows (no confirmation: that is the inspector's, at the inspection) and the vendors' forms.
     */
    public record PlanSelfCheck(String planId, List<HospitalFormRow> hospitalForm, List<VendorForm> vendorForms) {
    }

    /**
     * The office's follow-up of one earlier inspection of a planned facility (format 3.1): when it was, the day the
     * hospital's improvement report arrived (null: not yet), and every finding that needed improvement with what the
     * hospital reported and how the office assessed it.
     */
    public record FollowUp(String facilityId, String inspectionId, String inspectionDate, String reportReceivedOn,
                           List<FollowUpItem> items) {
    }

    /**
     * One finding that needed improvement: the day it was to be improved by; what the hospital did ({@code action})
     * and when ({@code doneOn}); the office's {@code assessment} (CLOSED, IN_PROGRESS, NOT_DONE, or null while it has
     * none) and, for IN_PROGRESS, the new target date.
     */
    public record FollowUpItem(String itemId, String targetDate, String action, String doneOn, String assessment,
                               String newTargetDate) {
    }

    /**
     * What the office sends a tablet. {@code sequence} numbers the office's assignments bundles (each the next
     * one); {@code inspector} is the inspector whose plans it carries, or null for every inspector's. {@code
     * selfChecks} came with format 2.3 (the self-checks of the plans it carries that have one), {@code followUps} with
     * 3.1 (the follow-up of the planned facilities' earlier inspections): null in an older bundle.
     */
    public record AssignmentsPayload(long sequence, String inspector, List<JsonNode> catalogs, List<Facility> facilities,
                                     List<Assignment> assignments, List<Inspection> previousInspections,
                                     List<Review> reviews, List<Receipt> receipts,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) List<PlanSelfCheck> selfChecks,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) List<FollowUp> followUps) {
    }

    public record ManifestEntry(String id, long size, String sha256, String mediaType) {
    }
}
