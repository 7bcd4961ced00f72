package jp.tachiiri.advice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckGaps;

/** Decides the content of the advice printout from an inspection's record. */
public final class AdviceComposer {

    /**
     * @param selfCheck the hospital's and vendors' forms recorded in the revision ({@link SelfCheck#EMPTY} if none)
     * @param finalizedOn the day the revision was finalized (the document's date); empty for a draft, which is
     *     dated with the inspection day
     */
    public AdviceContent compose(Inspection inspection, Facility facility, Catalog catalog, Map<String, Finding> findings,
            SelfCheck selfCheck, AdviceSettings settings, Optional<LocalDate> finalizedOn) {
        FacilityProfile profile = facility.profileOn(inspection.date());
        Checklist checklist = Checklist.of(catalog, profile, inspection.date(), findings);
        boolean draft = inspection.status() != InspectionStatus.FINALIZED;
        LocalDate documentDate = draft ? inspection.date() : finalizedOn.orElse(inspection.date());
        List<AdviceContent.Improvement> improvements = new ArrayList<>();
        List<AdviceContent.Improvement> referenceImprovements = new ArrayList<>();
        List<AdviceContent.Alternative> alternatives = new ArrayList<>();
        List<AdviceContent.GoodPractice> goodPractices = new ArrayList<>();
        for (ItemState state : checklist.items()) {
            if (!state.applicable()) {
                continue;
            }
            Finding finding = state.finding();
            if (finding.answer().equals(Optional.of(Answer.NON_COMPLIANT))) {
                AdviceContent.Improvement improvement = new AdviceContent.Improvement(state.item(), finding.note(),
                        finding.advice(), finding.targetDate(), checklist.targetYearEnd(state.item()));
                (state.item().isReference() ? referenceImprovements : improvements).add(improvement);
            } else if (finding.answer().equals(Optional.of(Answer.ALTERNATIVE))) {
                alternatives.add(new AdviceContent.Alternative(state.item(), finding.reason()));
            } else if (finding.answer().equals(Optional.of(Answer.COMPLIANT)) && !finding.note().isBlank()) {
                goodPractices.add(new AdviceContent.GoodPractice(state.item(), finding.note()));
            }
        }
        List<HelpResource> resources = catalog.resources().stream().filter(resource -> resource.appliesTo(profile))
                .toList();
        return new AdviceContent(inspection, facility, catalog, settings, draft, documentDate, summaries(checklist),
                checklist.ministryResults(), forms(checklist, selfCheck, facility.vendors()), improvements,
                referenceImprovements, alternatives, goodPractices, addOnConditions(catalog, profile), resources,
                ReportDeadline.due(documentDate, settings.reportDays()), fingerprint(inspection, facility, findings, selfCheck));
    }

    /**
     * What the printout says of the forms: none for an inspection that recorded neither (as before they were
     * recorded) or whose gate says the facility has no medical information system, of which the forms are not asked.
     * The omissions are the completeness rule's own (SelfCheckGaps), so that paper and screen list the same.
     */
    private static Optional<AdviceContent.Forms> forms(Checklist checklist, SelfCheck selfCheck,
            List<VendorContract> contracts) {
        if (!recorded(selfCheck) || checklist.gate().answer().equals(Optional.of(Answer.NO))) {
            return Optional.empty();
        }
        List<Gap> gaps = SelfCheckGaps.of(checklist, selfCheck, contracts);
        List<AdviceContent.ConfirmationNote> differences = new ArrayList<>();
        List<AdviceContent.ConfirmationNote> unconfirmed = new ArrayList<>();
        List<AdviceContent.HospitalOmission> omissions = new ArrayList<>();
        for (MinistryResult result : checklist.ministryResults()) {
            String number = result.item().number();
            HospitalFormEntry entry = selfCheck.entry(number);
            if (entry.confirmation().equals(Optional.of(Confirmation.DIFFERS))) {
                differences.add(new AdviceContent.ConfirmationNote(result, entry));
            } else if (entry.confirmation().equals(Optional.of(Confirmation.NOT_CONFIRMED))) {
                unconfirmed.add(new AdviceContent.ConfirmationNote(result, entry));
            }
            List<Gap.Kind> kinds = kindsOf(gaps, Gap.Place.HOSPITAL_FORM, number);
            if (!kinds.isEmpty()) {
                omissions.add(new AdviceContent.HospitalOmission(number, kinds, entry.targetDate(),
                        SelfCheckGaps.targetYearEnd(checklist, result)));
            }
        }
        List<String> onVendorForm = checklist.catalog().ministryItems().stream().filter(MinistryItem::onVendorForm)
                .map(MinistryItem::number).toList();
        List<AdviceContent.VendorFormReport> vendorForms = new ArrayList<>();
        for (VendorContract contract : contracts) {
            Optional<VendorForm> form = selfCheck.vendorForm(contract);
            Optional<VendorForm> received = form.filter(recorded -> recorded.status() == VendorForm.Status.RECEIVED);
            // The blocking gaps of a contract are the inspector's to fill (no form, no reason), which the form's
            // status already says; the others are the vendor's omissions.
            List<Gap.Kind> vendorOmissions = kindsOf(gaps, Gap.Place.VENDOR_FORM, contract.key())
                    .stream().filter(kind -> !kind.blocking()).toList();
            vendorForms.add(new AdviceContent.VendorFormReport(contract, form, vendorOmissions,
                    onVendorForm.stream().filter(number -> received.isPresent()
                            && received.get().answer(number).isEmpty()).toList(),
                    onVendorForm.stream().filter(number -> received.isPresent()
                            && received.get().answer(number).equals(Optional.of(SelfCheckAnswer.NO))).toList()));
        }
        return Optional.of(new AdviceContent.Forms(selfCheck.hospitalForm(), differences, unconfirmed, omissions,
                vendorForms));
    }

    private static List<Gap.Kind> kindsOf(List<Gap> gaps, Gap.Place place, String subject) {
        return gaps.stream().filter(gap -> gap.kind().place() == place && gap.subject().equals(subject))
                .map(Gap::kind).toList();
    }

    /** Whether the revision holds anything of either form. */
    private static boolean recorded(SelfCheck selfCheck) {
        return !selfCheck.vendorForms().isEmpty() || selfCheck.hospitalForm().values().stream()
                .anyMatch(entry -> !blank(entry));
    }

    /** A row with nothing in it (one cleared again), which prints as a row never recorded. */
    private static boolean blank(HospitalFormEntry entry) {
        return entry.equals(HospitalFormEntry.empty(entry.ministryNumber()));
    }

    /**
     * The conditions of each fee add-on the facility claims on the inspection day (and in force then) that fit it;
     * a facility that claims none gets none, whatever its beds.
     */
    private static List<AdviceContent.AddOnConditions> addOnConditions(Catalog catalog, FacilityProfile profile) {
        List<AdviceContent.AddOnConditions> conditions = new ArrayList<>();
        for (FeeAddOn addOn : catalog.feeAddOns()) {
            if (!addOn.claimedBy(profile)) {
                continue;
            }
            List<FeeAddOn.Requirement> requirements = addOn.requirements().stream()
                    .filter(requirement -> requirement.appliesTo(profile)).toList();
            if (!requirements.isEmpty()) {
                conditions.add(new AdviceContent.AddOnConditions(addOn, requirements));
            }
        }
        return conditions;
    }

    private static List<AdviceContent.CheckpointSummary> summaries(Checklist checklist) {
        List<AdviceContent.CheckpointSummary> summaries = new ArrayList<>();
        for (CheckpointSection section : checklist.catalog().sections()) {
            int excluded = 0;
            int compliant = 0;
            int nonCompliant = 0;
            int alternative = 0;
            int notApplicable = 0;
            int unanswered = 0;
            for (ItemState state : checklist.items(section.checkpoint())) {
                // 参考 items are not the ministry's: they are advised on apart and never counted here.
                if (state.item().isReference()) {
                    continue;
                }
                // An answer stored for an item that is no longer asked (the gate, the facility changed) does not count.
                if (!state.applicable()) {
                    excluded++;
                    continue;
                }
                Optional<Answer> answer = state.finding().answer();
                if (answer.isEmpty()) {
                    unanswered++;
                    continue;
                }
                switch (answer.get()) {
                    case COMPLIANT -> compliant++;
                    case NON_COMPLIANT -> nonCompliant++;
                    case ALTERNATIVE -> alternative++;
                    case NOT_APPLICABLE -> notApplicable++;
                    default -> throw new IllegalStateException(
                            answer.get() + " for " + state.item().id() + ": YES/NO belong to the gate question only");
                }
            }
            summaries.add(new AdviceContent.CheckpointSummary(section.title(), excluded, compliant, nonCompliant,
                    alternative, notApplicable, unanswered));
        }
        return summaries;
    }

    /**
     * The forms as the fingerprint writes them. The printout shows them, so they belong to the record the check code
     * stands for: a changed answer, date or confirmation gives another code, as a changed finding does. A revision
     * that recorded neither form writes nothing, so that the paper of an inspection made before the forms were
     * recorded keeps its number, and a row cleared again counts as never recorded. Rows in ministry-number order,
     * vendor forms in contract order; free text with its length, so that no two records run together into the same
     * text.
     */
    private static String canonicalForms(SelfCheck selfCheck) {
        if (!recorded(selfCheck)) {
            return "";
        }
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(selfCheck.hospitalForm()).values().stream().filter(entry -> !blank(entry))
                .forEach(entry -> canonical.append("form|").append(entry.ministryNumber()).append('|')
                        .append(entry.answer().map(Enum::name).orElse("")).append('|')
                        .append(entry.checkedOn().map(LocalDate::toString).orElse("")).append('|')
                        .append(entry.targetDate().map(LocalDate::toString).orElse("")).append('|')
                        .append(entry.confirmation().map(Enum::name).orElse("")).append('|')
                        .append(entry.confirmationReason().length()).append(':').append(entry.confirmationReason())
                        .append('\n'));
        selfCheck.vendorForms().stream().sorted(Comparator.comparing((VendorForm form) -> form.contract().vendorName())
                        .thenComparing(form -> form.contract().system()))
                .forEach(form -> {
                    VendorContract contract = form.contract();
                    canonical.append("vendor|").append(contract.vendorName().length()).append(':')
                            .append(contract.vendorName()).append('|').append(contract.system().length()).append(':')
                            .append(contract.system()).append('|').append(form.status()).append('|')
                            .append(form.filledOn().map(LocalDate::toString).orElse("")).append('|')
                            .append(form.missingReason().length()).append(':').append(form.missingReason()).append('|')
                            .append(new TreeMap<>(form.answers())).append('\n');
                });
        return canonical.toString();
    }

    /**
     * The facility's attributes as the fingerprint has always written them; the type and fee add-on claims only where
     * they say more than the beds do, so that records made before they existed keep the number on their paper.
     */
    static String canonicalAttributes(Facility facility) {
        String attributes = "FacilityProfile[licensedBeds=" + facility.licensedBeds() + ", hasMedicalInformationSystem="
                + facility.hasMedicalInformationSystem() + ", hasVendorContract=" + !facility.vendors().isEmpty()
                + ", usesEmr=" + facility.usesEmr() + "]";
        if (facility.type() == FacilityType.byBeds(facility.licensedBeds()) && facility.feeAddOnClaims().isEmpty()) {
            return attributes;
        }
        return attributes + "|" + facility.type().id() + "|" + facility.feeAddOnClaims().stream()
                .map(claim -> claim.addOnId() + "@" + claim.from()).collect(Collectors.joining(","));
    }

    /**
     * A short fingerprint of the record (header, the facility's data, every finding and both forms), printed in the
     * footer so that paper can be matched to the data it came from: "3f2a-91c0-7be4".
     */
    static String fingerprint(Inspection inspection, Facility facility, Map<String, Finding> findings,
            SelfCheck selfCheck) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(inspection.id()).append('|').append(inspection.revision()).append('|')
                .append(inspection.date()).append('|').append(inspection.catalogVersion()).append('|')
                .append(inspection.status()).append('\n');
        canonical.append(facility.name()).append('|').append(facility.address()).append('|')
                .append(canonicalAttributes(facility)).append('\n');
        new TreeMap<>(findings).values().forEach(finding -> canonical.append(finding.itemId()).append('|')
                .append(finding.answer().map(Answer::name).orElse("")).append('|')
                .append(finding.confirmedBy().stream().map(Enum::name).sorted().toList()).append('|')
                .append(finding.checkedOn().map(LocalDate::toString).orElse("")).append('|')
                .append(finding.note().length()).append(':').append(finding.note()).append('|')
                .append(finding.reason().length()).append(':').append(finding.reason()).append('|')
                .append(finding.advice().length()).append(':').append(finding.advice()).append('|')
                .append(finding.targetDate().map(LocalDate::toString).orElse("")).append('|')
                .append(finding.followUp()).append('\n'));
        canonical.append(canonicalForms(selfCheck));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(hash, 0, 6);
            return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
