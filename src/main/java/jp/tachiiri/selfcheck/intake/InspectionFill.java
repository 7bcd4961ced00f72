package jp.tachiiri.selfcheck.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jp.tachiiri.bundle.Sha256;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckService;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.WorkbookKind;

/**
 * The tablet's side: an inspection in progress filled from the hospital's and vendors' own answers — the plan's
 * self-check when the inspection starts from the plan or when the self-check arrives later, or a filled workbook the
 * hospital hands over at the inspection. One rule for all three: a ministry item the inspector has confirmed already
 * (確認, 相違 or 未確認) is left exactly as it is, on the hospital's form and on every vendor's; the others take the
 * hospital's and vendors' answers. Every change goes through {@link SelfCheckService}, audited as this tablet's own,
 * with the source and the rows kept named in the reason.
 */
public final class InspectionFill {

    private static final Logger LOG = Logger.getLogger(InspectionFill.class.getName());

    private final PlanSelfCheckRepository plans;
    private final SelfCheckService selfCheck;
    private final InspectionService inspections;
    private final Clock clock;

    public InspectionFill(PlanSelfCheckRepository plans, SelfCheckService selfCheck, InspectionService inspections,
                          Clock clock) {
        this.plans = plans;
        this.selfCheck = selfCheck;
        this.inspections = inspections;
        this.clock = clock;
    }

    /**
     * An inspection just started: if the office planned an inspection of its facility in the inspection's fiscal year
     * that no other inspection was started from, the inspection is that plan's (the nearest such plan to the
     * inspection's day) and is filled from the plan's self-check, if one came. A tablet keeps every plan it received:
     * last year's plan, and its self-check, are not this year's. (The plan's and the inspection's checklists are both
     * the catalog of that fiscal year.)
     */
    public Filled startedFromPlan(String inspectionId, String actor) {
        Inspection inspection = selfCheck.inProgress(inspectionId);
        FiscalYear year = FiscalYear.of(inspection.date());
        Optional<PlannedInspection> plan = plans.plans().stream()
                .filter(candidate -> candidate.facilityId().equals(inspection.facilityId()))
                .filter(candidate -> FiscalYear.of(candidate.date()).equals(year))
                .filter(candidate -> plans.inspectionsOf(candidate.id()).stream().allMatch(inspectionId::equals))
                .min(Comparator.comparing(candidate -> Math.abs(ChronoUnit.DAYS.between(candidate.date(), inspection.date()))));
        if (plan.isEmpty()) {
            return Filled.nothing(inspectionId);
        }
        plans.link(inspectionId, plan.get().id());
        return fillFromPlan(inspection, plan.get().id(), actor);
    }

    /**
     * After every assignments bundle: each inspection in progress started from a plan whose self-check is not the one it
     * was last filled from is filled from it (once per self-check, never again over the inspector's work). One that
     * fails is logged and tried again after the next bundle; the others are filled all the same.
     */
    public List<Filled> selfChecksArrived(String actor) {
        List<Filled> filled = new ArrayList<>();
        for (PlannedInspection plan : plans.plans()) {
            for (String inspectionId : plans.inspectionsOf(plan.id())) {
                try {
                    inspections.find(inspectionId).filter(found -> found.status() == InspectionStatus.IN_PROGRESS)
                            .ifPresent(found -> filled.add(fillFromPlan(found, plan.id(), actor)));
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "filling inspection " + inspectionId + " from the self-check of plan "
                            + plan.id() + " failed; the next assignments bundle tries again", e);
                }
            }
        }
        return filled;
    }

    private Filled fillFromPlan(Inspection inspection, String planId, String actor) {
        SelfCheck arrived = plans.selfCheck(planId);
        String hash = contentHash(arrived);
        if (arrived.equals(SelfCheck.EMPTY) || plans.filledFrom(inspection.id()).equals(Optional.of(hash))) {
            return Filled.nothing(inspection.id());
        }
        Filled filled = fill(inspection, arrived.hospitalForm(), arrived.vendorForms(), actor,
                "from the office's self-check of plan " + planId);
        plans.markFilled(inspection.id(), hash, clock.instant());
        return filled;
    }

    /**
     * A filled workbook the hospital hands over at the inspection (on a USB stick), accepted whole by the reader, into
     * the inspection in progress. It must be of the inspection's facility and checklist; a vendor's workbook must name a
     * contract the facility has.
     */
    public Filled fillFromWorkbook(String inspectionId, FilledWorkbook workbook, String fileName, String actor) {
        Inspection inspection = selfCheck.inProgress(inspectionId);
        Facility facility = selfCheck.facilityOf(inspection);
        if (!workbook.request().facility().code().equals(facility.code())) {
            throw new UserFacingException("selfCheckFill.error.otherFacility", fileName,
                    workbook.request().facility().name(), facility.name());
        }
        String version = workbook.request().catalog().version();
        if (!version.equals(inspection.catalogVersion())) {
            throw new UserFacingException("selfCheckFill.error.otherChecklist", fileName, version,
                    inspection.catalogVersion());
        }
        workbook.request().contract().filter(contract -> !facility.vendors().contains(contract)).ifPresent(contract -> {
            throw new UserFacingException("selfCheck.error.noSuchContract", contract.key(), facility.name());
        });
        List<VendorForm> vendors = workbook.request().kind() == WorkbookKind.VENDOR
                ? List.of(workbook.vendorForm().orElseThrow()) : List.of();
        return fill(inspection, workbook.hospitalRows(), vendors, actor,
                "from the filled workbook " + fileName + " (" + workbook.sha256() + ")");
    }

    private Filled fill(Inspection inspection, Map<String, HospitalFormEntry> hospital, List<VendorForm> vendors,
                        String actor, String source) {
        SelfCheck stored = selfCheck.selfCheck(inspection.id(), inspection.revision());
        // A plan's self-check follows the catalog of the planned day's year: what the inspection's checklist lacks, or
        // lacks on the vendor form, is left out rather than refusing the rest.
        Map<String, MinistryItem> items = new HashMap<>();
        inspections.catalogOf(inspection).ministryItems().forEach(item -> items.put(item.number(), item));
        List<String> kept = new ArrayList<>();
        List<HospitalFormEntry> rows = new ArrayList<>();
        for (HospitalFormEntry row : new TreeMap<>(hospital).values()) {
            // A row the hospital left blank says nothing: it never clears what the inspector entered.
            if (!items.containsKey(row.ministryNumber()) || !row.hasHospitalAnswer()) {
                continue;
            }
            HospitalFormEntry current = stored.entry(row.ministryNumber());
            if (current.confirmation().isPresent()) {
                if (!sameHospitalSide(current, row)) {
                    kept.add(row.ministryNumber());
                }
                continue;
            }
            rows.add(new HospitalFormEntry(row.ministryNumber(), row.answer(), row.checkedOn(), row.targetDate(),
                    current.confirmation(), current.confirmationReason()));
        }
        Facility facility = selfCheck.facilityOf(inspection);
        List<String> skipped = new ArrayList<>();
        List<VendorForm> forms = new ArrayList<>();
        for (VendorForm form : vendors) {
            if (!facility.vendors().contains(form.contract())) {
                skipped.add(form.contract().key());
                continue;
            }
            Optional<VendorForm> current = stored.vendorForm(form.contract());
            Map<String, SelfCheckAnswer> answers = new HashMap<>(current.map(VendorForm::answers).orElse(Map.of()));
            form.answers().forEach((number, answer) -> {
                if (!items.containsKey(number) || !items.get(number).onVendorForm()) {
                    return;
                }
                if (stored.entry(number).confirmation().isEmpty()) {
                    answers.put(number, answer);
                } else if (!current.flatMap(held -> held.answer(number)).equals(Optional.of(answer))) {
                    kept.add(form.contract().key() + " " + number);
                }
            });
            forms.add(new VendorForm(form.contract(), VendorForm.Status.RECEIVED, form.filledOn(), "", answers));
        }
        String reason = kept.isEmpty() ? source
                : source + "; left as the inspector confirmed them: " + String.join(", ", kept);
        int changed = rows.isEmpty() ? 0 : selfCheck.recordHospitalForm(inspection.id(), rows, actor, reason);
        for (VendorForm form : forms) {
            changed += selfCheck.recordVendorForm(inspection.id(), form, actor, reason);
        }
        return new Filled(inspection.id(), changed, kept, skipped);
    }

    private static boolean sameHospitalSide(HospitalFormEntry a, HospitalFormEntry b) {
        return a.answer().equals(b.answer()) && a.checkedOn().equals(b.checkedOn()) && a.targetDate().equals(b.targetDate());
    }

    /** What a self-check holds, as a hash: equal exactly when every row and form is. */
    static String contentHash(SelfCheck check) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(check.hospitalForm()).forEach((number, entry) -> text.append(number).append(entry.fields()).append('\n'));
        check.vendorForms().stream().sorted(Comparator.comparing(form -> form.contract().key()))
                .forEach(form -> text.append(form.contract().key()).append(form.fields()).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
