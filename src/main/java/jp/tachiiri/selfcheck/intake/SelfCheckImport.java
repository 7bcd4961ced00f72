package jp.tachiiri.selfcheck.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.facility.FacilityService;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckRules;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.WorkbookKind;
import jp.tachiiri.workbook.WorkbookRequest;

/**
 * The office's side of the self-check workbooks: what to write for each plan, and taking a filled workbook into the
 * plan's self-check. The office keeps every plan's self-check, even where no inspection follows; the assignments
 * bundle carries it to the inspector's tablet with the plan.
 */
public final class SelfCheckImport {

    private final PlanSelfCheckRepository plans;
    private final FacilityService facilities;
    private final CatalogLibrary catalogs;
    private final Clock clock;

    public SelfCheckImport(PlanSelfCheckRepository plans, FacilityService facilities, CatalogLibrary catalogs, Clock clock) {
        this.plans = plans;
        this.facilities = facilities;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /**
     * The hospital's workbook of a plan as it would be written now: the plan, its facility as the office holds it and
     * the catalog of the planned day's fiscal year. Empty for a plan the office does not have. This is also what a
     * filled workbook naming the plan is checked against.
     */
    public Optional<WorkbookRequest> request(String planId) {
        return plans.plan(planId).map(this::request);
    }

    /** The hospital's workbook of every plan from {@code from} to {@code to} (both included), by day then plan. */
    public List<WorkbookRequest> requests(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new UserFacingException("selfCheckImport.error.period", from, to);
        }
        return plans.plans().stream()
                .filter(plan -> !plan.date().isBefore(from) && !plan.date().isAfter(to))
                .sorted(Comparator.comparing(PlannedInspection::date).thenComparing(PlannedInspection::id))
                .map(this::request).toList();
    }

    private WorkbookRequest request(PlannedInspection plan) {
        Facility facility = facilities.byId(plan.facilityId())
                .orElseThrow(() -> new UserFacingException("selfCheckImport.error.noFacility", plan.facilityId(), plan.id()));
        Catalog catalog = catalogs.forFiscalYear(FiscalYear.of(plan.date()));
        return WorkbookRequest.hospital(plan, facility, catalog);
    }

    /** The plan's self-check as imported so far. */
    public SelfCheck selfCheck(String planId) {
        return plans.selfCheck(planId);
    }

    /** The workbook each of the plan's forms came from. */
    public List<WorkbookSource> sources(String planId) {
        return plans.sources(planId);
    }

    /** The plan's trail: every workbook imported and every field it changed, oldest first. */
    public List<AuditEvent> trail(String planId) {
        return plans.trail(planId);
    }

    /**
     * Takes a filled workbook, accepted whole by the reader, into its plan's self-check, all or nothing: the plan must
     * still be the office's, a vendor's workbook must name a contract the facility still has, it must carry an answer,
     * and the rows must keep the forms' rules against the catalog. The file in use again changes nothing; a file
     * imported into the plan before and replaced since is refused, as is a workbook older than the one in use by the
     * day it carries (the latest 確認日 of the hospital's, the 記入日 of a vendor's), whatever the order the files come
     * in; another file of the same plan, kind (and contract) replaces what the older one brought, every changed field
     * audited.
     */
    public Imported importWorkbook(FilledWorkbook workbook, String fileName, String actor) {
        WorkbookRequest written = workbook.request();
        WorkbookRequest now = request(written.plan().id())
                .orElseThrow(() -> new UserFacingException("selfCheckImport.error.noPlan", fileName, written.plan().id()));
        String planId = now.plan().id();
        Optional<VendorContract> contract = written.contract();
        Optional<WorkbookSource> before = plans.source(planId, written.kind(), contract);
        if (before.isPresent() && before.get().sha256().equals(workbook.sha256())) {
            return new Imported(now, Imported.Outcome.UNCHANGED, 0);
        }
        if (plans.trail(planId).stream().anyMatch(event -> event.newValue() != null
                && event.newValue().endsWith(" " + workbook.sha256()))) {
            throw new UserFacingException("selfCheckImport.error.replacedBefore", fileName,
                    before.map(WorkbookSource::fileName).orElse("-"));
        }
        SelfCheck stored = plans.selfCheck(planId);
        Instant at = clock.instant();
        WorkbookSource source = new WorkbookSource(written.kind(), contract, workbook.sha256(), fileName, at, actor);
        int changed;
        if (written.kind() == WorkbookKind.HOSPITAL) {
            // The office's copy holds the hospital's side only: a confirmation is the inspector's, made at the inspection.
            List<HospitalFormEntry> rows = workbook.hospitalRows().values().stream()
                    .map(row -> row.withConfirmation(Optional.empty(), ""))
                    .filter(HospitalFormEntry::hasHospitalAnswer)
                    .sorted(Comparator.comparing(HospitalFormEntry::ministryNumber)).toList();
            if (rows.isEmpty()) {
                throw new UserFacingException("selfCheckImport.error.blank", fileName);
            }
            SelfCheckRules.checkHospitalRows(now.catalog(), rows, LocalDate.now(clock));
            String reason = replacing(fileName, "確認日", latestCheck(rows),
                    before.map(held -> latestCheck(stored.hospitalForm().values())));
            changed = plans.replaceHospitalForm(planId, rows, source, reason);
        } else {
            VendorContract named = contract.orElseThrow();
            if (!now.facility().vendors().contains(named)) {
                throw new UserFacingException("selfCheckImport.error.noContract", fileName, named.key(),
                        now.facility().name());
            }
            VendorForm form = workbook.vendorForm()
                    .orElseThrow(() -> new IllegalArgumentException("a vendor's filled workbook carries its form"));
            if (form.answers().isEmpty()) {
                throw new UserFacingException("selfCheckImport.error.blank", fileName);
            }
            SelfCheckRules.checkVendorForm(now.facility(), now.catalog(), form, LocalDate.now(clock));
            String reason = replacing(fileName, "記入日", form.filledOn(),
                    before.map(held -> stored.vendorForm(named).flatMap(VendorForm::filledOn)));
            changed = plans.replaceVendorForm(planId, form, source, reason);
        }
        return new Imported(now, before.isEmpty() ? Imported.Outcome.NEW : Imported.Outcome.REPLACED, changed);
    }

    /**
     * The import's reason in the plan's trail when a workbook is in use already ({@code held}: the day it carries), or
     * the refusal of an older workbook: the day each carries decides, not the order the files come in. A workbook
     * without the day is older than one with it.
     */
    private static String replacing(String fileName, String dayName, Optional<LocalDate> arriving,
                                    Optional<Optional<LocalDate>> held) {
        if (held.isEmpty()) {
            return null;
        }
        Comparator<Optional<LocalDate>> byDay = Comparator.comparing(day -> day.orElse(LocalDate.MIN));
        if (byDay.compare(arriving, held.get()) < 0) {
            throw new UserFacingException("selfCheckImport.error.older", fileName, dayName, shown(arriving),
                    shown(held.get()));
        }
        return "replaces the workbook in use: " + dayName + " " + shown(arriving)
                + (arriving.equals(held.get()) ? ", the same as the older one's" : ", the older one's " + shown(held.get()));
    }

    private static Optional<LocalDate> latestCheck(Collection<HospitalFormEntry> rows) {
        return rows.stream().flatMap(row -> row.checkedOn().stream()).max(Comparator.naturalOrder());
    }

    private static String shown(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("-");
    }
}
