package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.VendorContract;

/**
 * What the schema cannot say about a payload: dates that exist, ids that are unique where they must be,
 * revisions and audit events in order, and evidence that names attachments of the manifest (and nothing in
 * the manifest that no evidence names), and the hospital's and vendors' forms as the forms' own rules have them.
 * Whether the catalog items exist is the importer's business: it knows the catalogs.
 */
final class PayloadRules {

    private static final Set<String> DATES = Set.of("inspectionDate", "checkedOn", "targetDate", "plannedDate", "from",
            "filledOn", "reportReceivedOn", "doneOn", "newTargetDate");
    /**
     * The latest offset in use on earth: a day is in the future of an instant only if no place had reached it yet. A
     * tablet takes today in its own zone, so a day checked on Japan's today may be UTC's tomorrow.
     */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);
    private static final String HOSPITAL_FORM = "hospitalForm";
    private static final String VENDOR_FORMS = "vendorForms";
    private static final String SELF_CHECKS = "selfChecks";
    private static final String FOLLOW_UPS = "followUps";
    private static final Set<String> INSTANTS = Set.of("createdAt", "finalizedAt", "updatedAt", "addedAt", "at",
            "decidedAt", "receivedAt");

    private final Path file;
    /** Whether the bundle's version carries the forms (2.2 on): then every revision has both, else none has. */
    private final boolean forms;

    private PayloadRules(Path file, boolean forms) {
        this.file = file;
        this.forms = forms;
    }

    static void check(String formatVersion, BundleKind kind, JsonNode payload, List<BundleRecords.ManifestEntry> manifest,
                      Path file) {
        PayloadRules rules = new PayloadRules(file, !BundleWriter.WITHOUT_FORMS.contains(formatVersion));
        rules.checkTimes(payload, "/payload");
        rules.checkFacilities(payload);
        Map<String, BundleRecords.ManifestEntry> attachments = new HashMap<>();
        for (int i = 0; i < manifest.size(); i++) {
            if (attachments.put(manifest.get(i).id(), manifest.get(i)) != null) {
                throw rules.duplicate(manifest.get(i).id(), "/manifest/" + i);
            }
        }
        if (kind == BundleKind.ENROLMENT) {
            return; // its role, the one member the schema allows, is all it says
        }
        if (kind == BundleKind.FINDINGS) {
            Set<String> referenced = rules.checkInspections(payload.get("inspections"), "/payload/inspections", attachments);
            for (String id : attachments.keySet()) {
                if (!referenced.contains(id)) {
                    throw new BundleException(file, "bundle.error.attachmentUnused", id);
                }
            }
        } else {
            rules.checkInspections(payload.get("previousInspections"), "/payload/previousInspections", attachments);
            rules.onlyTheRecords(payload.get("previousInspections"));
            rules.unique(payload.get("catalogs"), "version", "/payload/catalogs");
            rules.unique(payload.get("facilities"), "id", "/payload/facilities");
            rules.unique(payload.get("facilities"), "code", "/payload/facilities");
            rules.unique(payload.get("assignments"), "id", "/payload/assignments");
            rules.unique(payload.get("receipts"), "bundleId", "/payload/receipts");
            rules.checkSelfChecks(payload, !BundleWriter.WITHOUT_SELF_CHECKS.contains(formatVersion));
            rules.checkFollowUps(payload, BundleWriter.WITH_FOLLOW_UPS.contains(formatVersion));
            Set<String> reviews = new HashSet<>();
            for (int i = 0; i < payload.get("reviews").size(); i++) {
                JsonNode review = payload.get("reviews").get(i);
                if (!reviews.add(review.get("inspectionId").textValue() + "#" + review.get("revision").intValue())) {
                    throw rules.duplicate(review.get("inspectionId").textValue(), "/payload/reviews/" + i);
                }
            }
        }
    }

    /**
     * A facility's type allows its beds (医療法: a hospital 20 or more, a clinic 0–19), and it claims each fee add-on
     * once. A facility of format 2.0 has no type: it is classified by its beds.
     */
    private void checkFacilities(JsonNode payload) {
        for (JsonNode facility : payload.findParents("licensedBeds")) {
            String code = facility.path("code").asText();
            JsonNode type = facility.get("type");
            int beds = facility.get("licensedBeds").intValue();
            if (type != null && type.isTextual() && FacilityType.fromId(type.textValue())
                    .filter(known -> !known.allows(beds)).isPresent()) {
                throw new BundleException(file, "bundle.error.facilityTypeBeds", code, type.textValue(), beds);
            }
            JsonNode claims = facility.get("feeAddOnClaims");
            if (claims != null && claims.isArray()) {
                unique(claims, "addOn", code + "/feeAddOnClaims");
            }
        }
    }

    /** Returns the attachment ids the evidence names. */
    private Set<String> checkInspections(JsonNode inspections, String where,
                                         Map<String, BundleRecords.ManifestEntry> attachments) {
        Set<String> inspectionIds = new HashSet<>();
        Set<String> evidenceIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (int i = 0; i < inspections.size(); i++) {
            JsonNode inspection = inspections.get(i);
            String at = where + "/" + i;
            if (!inspectionIds.add(inspection.get("id").textValue())) {
                throw duplicate(inspection.get("id").textValue(), at + "/id");
            }
            JsonNode revisions = inspection.get("revisions");
            for (int r = 0; r < revisions.size(); r++) {
                JsonNode revision = revisions.get(r);
                String revisionAt = at + "/revisions/" + r;
                if (r > 0 && revision.get("revision").intValue() <= revisions.get(r - 1).get("revision").intValue()) {
                    throw new BundleException(file, "bundle.error.order", revisionAt + "/revision");
                }
                unique(revision.get("findings"), "itemId", revisionAt + "/findings");
                checkForms(inspection.get("id").textValue(), revision, revisionAt);
                JsonNode evidence = revision.get("evidence");
                for (int e = 0; e < evidence.size(); e++) {
                    String id = evidence.get(e).get("id").textValue();
                    String attachment = evidence.get(e).get("attachment").textValue();
                    if (!evidenceIds.add(id)) {
                        throw duplicate(id, revisionAt + "/evidence/" + e);
                    }
                    if (!attachments.containsKey(attachment)) {
                        throw new BundleException(file, "bundle.error.attachmentUnknown", attachment, revisionAt + "/evidence/" + e);
                    }
                    referenced.add(attachment);
                }
            }
            JsonNode audit = inspection.get("audit");
            for (int e = 0; e < audit.size(); e++) {
                if (audit.get(e).get("sequence").longValue() != e + 1) {
                    throw new BundleException(file, "bundle.error.order", at + "/audit/" + e + "/sequence");
                }
                if (!eventIds.add(audit.get(e).get("id").textValue())) {
                    throw duplicate(audit.get(e).get("id").textValue(), at + "/audit/" + e);
                }
            }
        }
        return referenced;
    }

    /**
     * The forms of a revision, as the tablet's rules allowed them to be recorded: each ministry item and each vendor
     * contract once; no day checked or filled in after the revision was finalized; a target date only for いいえ and
     * not before its day checked; a vendor form only for a contract of the revision's facility.
     */
    private void checkForms(String inspectionId, JsonNode revision, String at) {
        JsonNode hospital = revision.get(HOSPITAL_FORM);
        JsonNode vendors = revision.get(VENDOR_FORMS);
        for (String member : List.of(HOSPITAL_FORM, VENDOR_FORMS)) {
            if (revision.has(member) != forms) {
                throw new BundleException(file, "bundle.error.schema", at, new UserFacingException(
                        forms ? "bundle.schema.required" : "bundle.schema.additionalProperties", member));
            }
        }
        if (!forms) {
            return;
        }
        Place place = new Place(inspectionId, revision.get("revision").intValue(), revision.get("finalizedAt").textValue());
        uniqueIn(place, hospital, "ministryNumber", at + "/" + HOSPITAL_FORM, new UserFacingException("bundle.form.hospital"));
        for (int i = 0; i < hospital.size(); i++) {
            JsonNode row = hospital.get(i);
            String rowAt = at + "/" + HOSPITAL_FORM + "/" + i;
            String number = row.get("ministryNumber").textValue();
            LocalDate checked = date(row.get("checkedOn"));
            LocalDate target = date(row.get("targetDate"));
            if (checked != null && place.afterFinalized(checked)) {
                throw place.refusal(file, "bundle.error.formCheckedInFuture", number, checked, rowAt + "/checkedOn");
            }
            if (target != null && !"NO".equals(row.get("answer").textValue())) {
                throw place.refusal(file, "bundle.error.formTargetWithoutNo", number, target, rowAt + "/targetDate");
            }
            if (target != null && checked != null && target.isBefore(checked)) {
                throw place.refusal(file, "bundle.error.formTargetBeforeCheck", number, target, checked,
                        rowAt + "/targetDate");
            }
        }
        Set<VendorContract> contracts = new LinkedHashSet<>();
        revision.get("facility").get("vendors").forEach(vendor -> contracts.add(contract(vendor)));
        Set<VendorContract> seen = new HashSet<>();
        for (int i = 0; i < vendors.size(); i++) {
            JsonNode form = vendors.get(i);
            String formAt = at + "/" + VENDOR_FORMS + "/" + i;
            VendorContract contract = contract(form);
            if (!seen.add(contract)) {
                throw place.refusal(file, "bundle.error.formDuplicate", new UserFacingException("bundle.form.vendors"),
                        contract.key(), formAt);
            }
            if (!contracts.contains(contract)) {
                throw place.refusal(file, "bundle.error.vendorWithoutContract", contract.key(),
                        revision.get("facility").get("name").textValue(), formAt, contracts.isEmpty() ? "-"
                                : String.join(", ", contracts.stream().map(VendorContract::key).toList()));
            }
            LocalDate filled = date(form.get("filledOn"));
            if (filled != null && place.afterFinalized(filled)) {
                throw place.refusal(file, "bundle.error.vendorFilledInFuture", contract.key(), filled, formAt + "/filledOn");
            }
            uniqueIn(place, form.get("answers"), "ministryNumber", formAt + "/answers",
                    new UserFacingException("bundle.form.vendorAnswers", contract.key()));
        }
    }

    /**
     * The plans' self-checks of an assignments bundle (format 2.3 on, and only there): each of a plan the bundle
     * carries, once; the hospital's rows each item once, with no confirmation (the inspector's, at the inspection) and a
     * target date only for いいえ, never before the day checked; vendor forms each contract once and only of the plan's
     * facility.
     */
    private void checkSelfChecks(JsonNode payload, boolean expected) {
        if (payload.has(SELF_CHECKS) != expected) {
            throw new BundleException(file, "bundle.error.schema", "/payload", new UserFacingException(
                    expected ? "bundle.schema.required" : "bundle.schema.additionalProperties", SELF_CHECKS));
        }
        if (!expected) {
            return;
        }
        Map<String, JsonNode> facilities = new HashMap<>();
        payload.get("facilities").forEach(facility -> facilities.put(facility.get("id").textValue(), facility));
        Map<String, JsonNode> plans = new HashMap<>();
        payload.get("assignments").forEach(plan -> plans.put(plan.get("id").textValue(), facilities.get(
                plan.get("facilityId").textValue())));
        unique(payload.get(SELF_CHECKS), "planId", "/payload/" + SELF_CHECKS);
        JsonNode checks = payload.get(SELF_CHECKS);
        for (int i = 0; i < checks.size(); i++) {
            JsonNode check = checks.get(i);
            String at = "/payload/" + SELF_CHECKS + "/" + i;
            String planId = check.get("planId").textValue();
            if (!plans.containsKey(planId)) {
                throw selfCheck(planId, at + "/planId", "bundle.selfCheck.unknownPlan");
            }
            unique(check.get(HOSPITAL_FORM), "ministryNumber", at + "/" + HOSPITAL_FORM);
            JsonNode rows = check.get(HOSPITAL_FORM);
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                String rowAt = at + "/" + HOSPITAL_FORM + "/" + r;
                String number = row.get("ministryNumber").textValue();
                LocalDate checked = date(row.get("checkedOn"));
                LocalDate target = date(row.get("targetDate"));
                if (!row.get("confirmation").isNull() || !row.get("confirmationReason").textValue().isEmpty()) {
                    throw selfCheck(planId, rowAt + "/confirmation", "bundle.selfCheck.confirmed", number);
                }
                if (target != null && !"NO".equals(row.get("answer").textValue())) {
                    throw selfCheck(planId, rowAt + "/targetDate", "bundle.selfCheck.targetWithoutNo", number, target);
                }
                if (target != null && checked != null && target.isBefore(checked)) {
                    throw selfCheck(planId, rowAt + "/targetDate", "bundle.selfCheck.targetBeforeCheck", number, target,
                            checked);
                }
            }
            JsonNode facility = plans.get(planId);
            Set<VendorContract> contracts = new HashSet<>();
            if (facility != null) {
                facility.get("vendors").forEach(vendor -> contracts.add(contract(vendor)));
            }
            Set<VendorContract> seen = new HashSet<>();
            JsonNode forms = check.get(VENDOR_FORMS);
            for (int f = 0; f < forms.size(); f++) {
                VendorContract contract = contract(forms.get(f));
                String formAt = at + "/" + VENDOR_FORMS + "/" + f;
                if (!seen.add(contract)) {
                    throw duplicate(contract.key(), formAt);
                }
                if (!contracts.contains(contract)) {
                    throw selfCheck(planId, formAt, "bundle.selfCheck.noContract", contract.key());
                }
                unique(forms.get(f).get("answers"), "ministryNumber", formAt + "/answers");
            }
        }
    }

    /**
     * The follow-up of the planned facilities' earlier inspections (format 3.1 on, and only there): each of a facility
     * a plan of the bundle names, each inspection once and each of its items once; an assessment only once the report
     * arrived, 改善済 with the day it was done, 対応中 with its new target date and only it with one; no action or day done
     * without an assessment; nothing reported or done before the inspection.
     */
    private void checkFollowUps(JsonNode payload, boolean expected) {
        if (payload.has(FOLLOW_UPS) != expected) {
            throw new BundleException(file, "bundle.error.schema", "/payload", new UserFacingException(
                    expected ? "bundle.schema.required" : "bundle.schema.additionalProperties", FOLLOW_UPS));
        }
        if (!expected) {
            return;
        }
        Set<String> planned = new HashSet<>();
        payload.get("assignments").forEach(plan -> planned.add(plan.get("facilityId").textValue()));
        JsonNode followUps = payload.get(FOLLOW_UPS);
        unique(followUps, "inspectionId", "/payload/" + FOLLOW_UPS);
        for (int i = 0; i < followUps.size(); i++) {
            JsonNode followUp = followUps.get(i);
            String at = "/payload/" + FOLLOW_UPS + "/" + i;
            String inspectionId = followUp.get("inspectionId").textValue();
            if (!planned.contains(followUp.get("facilityId").textValue())) {
                throw followUp(inspectionId, at + "/facilityId", "bundle.followUp.notPlanned",
                        followUp.get("facilityId").textValue());
            }
            LocalDate inspected = date(followUp.get("inspectionDate"));
            LocalDate received = date(followUp.get("reportReceivedOn"));
            if (received != null && received.isBefore(inspected)) {
                throw followUp(inspectionId, at + "/reportReceivedOn", "bundle.followUp.beforeInspection", received, inspected);
            }
            JsonNode items = followUp.get("items");
            unique(items, "itemId", at + "/items");
            for (int j = 0; j < items.size(); j++) {
                checkFollowUpItem(inspectionId, items.get(j), at + "/items/" + j, inspected, received != null);
            }
        }
    }

    private void checkFollowUpItem(String inspectionId, JsonNode item, String at, LocalDate inspected, boolean reported) {
        String itemId = item.get("itemId").textValue();
        String assessment = item.get("assessment").textValue();
        LocalDate done = date(item.get("doneOn"));
        if (assessment == null && (done != null || !item.get("action").textValue().isEmpty())) {
            throw followUp(inspectionId, at + "/assessment", "bundle.followUp.unassessed", itemId);
        }
        if (assessment != null && !reported) {
            throw followUp(inspectionId, at + "/assessment", "bundle.followUp.noReport", itemId);
        }
        if ("CLOSED".equals(assessment) && done == null) {
            throw followUp(inspectionId, at + "/doneOn", "bundle.followUp.closedWithoutDay", itemId);
        }
        if ("IN_PROGRESS".equals(assessment) != !item.get("newTargetDate").isNull()) {
            throw followUp(inspectionId, at + "/newTargetDate", "bundle.followUp.newTarget", itemId);
        }
        if (done != null && done.isBefore(inspected)) {
            throw followUp(inspectionId, at + "/doneOn", "bundle.followUp.beforeInspection", done, inspected);
        }
    }

    private BundleException followUp(String inspectionId, String where, String problem, Object... details) {
        return new BundleException(file, "bundle.error.followUp", inspectionId, new UserFacingException(problem, details),
                where);
    }

    private BundleException selfCheck(String planId, String where, String problem, Object... details) {
        return new BundleException(file, "bundle.error.selfCheck", planId, new UserFacingException(problem, details), where);
    }

    /** Where in the payload a form is: its inspection and revision, and when that revision was finalized. */
    private record Place(String inspectionId, int revision, String finalizedAt) {

        /** Whether {@code day} had not begun anywhere when the revision was finalized. */
        boolean afterFinalized(LocalDate day) {
            return day.isAfter(Instant.parse(finalizedAt).atOffset(EARLIEST_ZONE).toLocalDate());
        }

        /** A refusal naming the file, the inspection and revision, then {@code details}, then the finalization. */
        BundleException refusal(Path file, String key, Object... details) {
            Object[] all = new Object[details.length + 3];
            all[0] = inspectionId;
            all[1] = revision;
            System.arraycopy(details, 0, all, 2, details.length);
            all[all.length - 1] = finalizedAt;
            return new BundleException(file, key, all);
        }
    }

    /** A vendor contract as the facility lists it and a form names it: by vendor and system, exactly. */
    private static VendorContract contract(JsonNode node) {
        return new VendorContract(node.get("vendor").textValue(), node.get("system").textValue());
    }

    private static LocalDate date(JsonNode value) {
        return value == null || value.isNull() ? null : LocalDate.parse(value.textValue());
    }

    private void uniqueIn(Place place, JsonNode array, String member, String where, UserFacingException what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String value = array.get(i).get(member).textValue();
            if (!seen.add(value)) {
                throw place.refusal(file, "bundle.error.formDuplicate", what, value, where + "/" + i + "/" + member);
            }
        }
    }

    /**
     * A previous inspection is the office's read-only copy of what was found: its revisions without evidence and
     * without the audit trail, which the office cannot vouch for and which a tablet would store unchecked.
     */
    private void onlyTheRecords(JsonNode previous) {
        for (int i = 0; i < previous.size(); i++) {
            String at = "/payload/previousInspections/" + i;
            if (!previous.get(i).get("audit").isEmpty()) {
                throw new BundleException(file, "bundle.error.previousWithTrail", at + "/audit");
            }
            JsonNode revisions = previous.get(i).get("revisions");
            for (int r = 0; r < revisions.size(); r++) {
                if (!revisions.get(r).get("evidence").isEmpty()) {
                    throw new BundleException(file, "bundle.error.previousWithTrail", at + "/revisions/" + r + "/evidence");
                }
            }
        }
    }

    /** No two elements with the same {@code member}; one without it is the schema's or the catalog loader's to name. */
    private void unique(JsonNode array, String member, String where) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i).path(member);
            if (!value.isMissingNode() && !seen.add(value.asText())) {
                throw duplicate(value.asText(), where + "/" + i + "/" + member);
            }
        }
    }

    private BundleException duplicate(String id, String where) {
        return new BundleException(file, "bundle.error.duplicate", id, where);
    }

    /** Every date and time must exist: 2025-02-30 matches the schema's pattern but is no date. */
    private void checkTimes(JsonNode node, String where) {
        if (node.isObject()) {
            for (var member : node.properties()) {
                String at = where + "/" + member.getKey();
                JsonNode value = member.getValue();
                if (value.isTextual() && DATES.contains(member.getKey())) {
                    requireDate(value.textValue(), at);
                } else if (value.isTextual() && INSTANTS.contains(member.getKey())) {
                    requireInstant(value.textValue(), at);
                } else if (!member.getKey().equals("catalogs")) { // a catalog document is the catalog loader's
                    checkTimes(value, at);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTimes(node.get(i), where + "/" + i);
            }
        }
    }

    /**
     * The schema has checked the form (YYYY-MM-DD); this checks that the day exists. By hand, because a
     * national import has a million dates and a formatter per date is the slow way.
     */
    private void requireDate(String value, String where) {
        if (!exists(value)) {
            throw new BundleException(file, "bundle.error.date", value, where);
        }
    }

    /** An instant in the schema's form YYYY-MM-DDTHH:MM:SS[.fraction]Z: the day exists and the time of day too. */
    private void requireInstant(String value, String where) {
        boolean valid = value.length() >= 20 && exists(value.substring(0, 10))
                && number(value, 11) < 24 && number(value, 14) < 60 && number(value, 17) < 60;
        if (!valid) {
            throw new BundleException(file, "bundle.error.date", value, where);
        }
    }

    private static boolean exists(String date) {
        int year = Integer.parseInt(date, 0, 4, 10);
        int month = number(date, 5);
        int day = number(date, 8);
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** The two digits at {@code index}; the schema's pattern has made sure they are digits. */
    private static int number(String text, int index) {
        return (text.charAt(index) - '0') * 10 + (text.charAt(index + 1) - '0');
    }
}
