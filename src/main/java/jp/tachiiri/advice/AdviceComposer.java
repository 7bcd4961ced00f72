package jp.tachiiri.advice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.tachiiri.calendar.OfficeDays;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;

/** Decides the content of the advice printout from an inspection's record. */
public final class AdviceComposer {

    private final OfficeDays officeDays = OfficeDays.bundled();

    /**
     * @param finalizedOn the day the revision was finalized (the document's date); empty for a draft, which is
     *     dated with the inspection day
     */
    public AdviceContent compose(Inspection inspection, Facility facility, Catalog catalog, Map<String, Finding> findings,
            AdviceSettings settings, Optional<LocalDate> finalizedOn) {
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
                checklist.ministryResults(), improvements, referenceImprovements, alternatives, goodPractices,
                addOnConditions(catalog, profile), resources, reportDue(documentDate, settings),
                fingerprint(inspection, facility, findings));
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

    /** The report is due the given days after the document, or the office's next open day if it is closed then. */
    private LocalDate reportDue(LocalDate documentDate, AdviceSettings settings) {
        LocalDate due = documentDate.plusDays(settings.reportDays());
        try {
            return officeDays.openOnOrAfter(due);
        } catch (IllegalArgumentException e) {
            // A year the holiday data does not cover (a mistyped inspection date): say so rather than guess.
            throw new UserFacingException(e, "advice.error.holidaysUnknown", Integer.toString(due.getYear()));
        }
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
     * A short fingerprint of the record (header, the facility's data and every finding), printed in the footer so that paper can
     * be matched to the data it came from: "3f2a-91c0-7be4".
     */
    static String fingerprint(Inspection inspection, Facility facility, Map<String, Finding> findings) {
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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(hash, 0, 6);
            return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
