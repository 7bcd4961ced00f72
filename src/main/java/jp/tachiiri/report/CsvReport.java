package jp.tachiiri.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.inspection.ItemState;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckRepository;

/**
 * The findings of a fiscal year as CSV for the ministry's survey and for Excel: UTF-8 with a byte order mark
 * (so Excel reads the Japanese), CRLF lines, one row per finalized inspection × catalog item (the gate
 * question included), in Japanese. The newest finalized revision of each inspection counts. The answers are
 * also given as the checklist's はい/いいえ: 適合 and 代替措置 are はい, 不適合 is いいえ, 該当なし and an
 * unanswered item are left empty. Beside the inspector's answers stand the hospital's own form (医療機関確認用) with
 * the inspector's confirmation, on every row of the ministry item, and one row per vendor contract for its form
 * (事業者確認用); these columns come after the earlier ones, so a sheet built on those keeps working (see
 * docs/csv-export.md).
 */
public final class CsvReport {

    private static final List<String> COLUMNS = List.of("inspectionId", "revision", "facilityCode", "facilityName",
            "facilityType", "licensedBeds", "inspectionDate", "catalogVersion", "checkpoint", "itemId", "scope",
            "checklistNumber", "checklistResult", "item", "answer", "yesNo", "reason", "confirmedBy", "checkedOn",
            "targetDate", "targetAfterYear", "followUp", "advice", "note", "hospitalAnswer", "hospitalCheckedOn",
            "hospitalTargetDate", "confirmation", "confirmationReason", "vendorContracts", "vendorFormsReceived",
            "vendorFormsMissing", "vendorForm", "vendorFilledOn", "vendorMissingReason", "vendorAnswers");
    /** The cells of a row that has no finding (a vendor row), no hospital's form (the gate, 参考) or no vendor form. */
    private static final List<String> NO_FINDING = blank(10);
    private static final List<String> NO_HOSPITAL_ROW = blank(5);
    private static final List<String> NO_VENDOR_FORM = blank(4);

    /** What was written. */
    public record Result(Path file, int inspections, int rows) {
    }

    private final InspectionRepository inspections;
    private final SelfCheckRepository selfChecks;
    private final CatalogLibrary catalogs;
    private final Messages japanese = Messages.of(Language.JA);

    public CsvReport(InspectionRepository inspections, SelfCheckRepository selfChecks, CatalogLibrary catalogs) {
        this.inspections = inspections;
        this.selfChecks = selfChecks;
        this.catalogs = catalogs;
    }

    /**
     * Writes the report for the fiscal year starting in {@code year} (2025 = 令和7年度) to {@code out}
     * ({@link CsvFile}: atomically, with a BOM).
     */
    public Result write(int year, Path out) {
        FiscalYear fiscalYear = new FiscalYear(year);
        List<InspectionSummary> chosen = inspections.list().stream()
                .filter(summary -> fiscalYear.contains(summary.date()))
                .sorted(Comparator.comparing(InspectionSummary::date).thenComparing(InspectionSummary::id))
                .toList();
        int[] written = {0};
        int lines = CsvFile.write(out, row -> {
            row.accept(COLUMNS.stream().map(column -> japanese.get("report.csv." + column)).toList());
            for (InspectionSummary summary : chosen) {
                Optional<Integer> revision = newestFinalized(summary);
                if (revision.isPresent()) {
                    rows(summary.id(), revision.get()).forEach(row);
                    written[0]++;
                }
            }
        });
        return new Result(out, written[0], lines - 1);
    }

    private Optional<Integer> newestFinalized(InspectionSummary summary) {
        return inspections.revisions(summary.id()).stream()
                .filter(revision -> revision.status() == InspectionStatus.FINALIZED)
                .map(revision -> revision.revision())
                .max(Integer::compare);
    }

    /**
     * One row per catalog item of the revision's catalog: the gate question first, then the items of the ministry's
     * checklist, one row per vendor contract of the facility and, apart after them, the 参考 items.
     */
    private List<List<String>> rows(String inspectionId, int revision) {
        Inspection inspection = inspections.find(inspectionId, revision).orElseThrow();
        Facility facility = inspections.facilityAsFinalized(inspectionId, revision).orElseThrow();
        Catalog catalog = catalogs.version(inspection.catalogVersion())
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", inspection.catalogVersion()));
        Map<String, Finding> findings = inspections.findings(inspectionId, revision);
        SelfCheck selfCheck = selfChecks.selfCheck(inspectionId, revision);
        Checklist checklist = Checklist.of(catalog, facility.profileOn(inspection.date()), inspection.date(), findings);
        Map<MinistryItem, Optional<Answer>> ministryAnswers = new HashMap<>();
        checklist.ministryResults().forEach(result -> ministryAnswers.put(result.item(), result.answer()));
        List<String> common = List.of(inspectionId, Integer.toString(revision), facility.code(), facility.name(),
                japanese.get("facilityType." + facility.type().id()), Integer.toString(facility.licensedBeds()),
                inspection.date().toString(), catalog.version());
        List<String> vendorCounts = vendorCounts(facility.vendors(), selfCheck);
        List<List<String>> rows = new ArrayList<>();
        Finding gate = checklist.gate();
        rows.add(row(common, List.of("", gate.itemId(), japanese.get("report.csv.scopeGate"), "", "",
                catalog.gate().title().ja()), findingCells(gate, gate.answer().map(this::yesNo).orElse(""), false),
                NO_HOSPITAL_ROW, vendorCounts, NO_VENDOR_FORM));
        Map<Checkpoint, String> checkpoints = new EnumMap<>(Checkpoint.class);
        catalog.sections().forEach(section -> checkpoints.put(section.checkpoint(), section.title().ja()));
        List<ItemState> lateTargets = checklist.targetsAfterYear();
        List<ItemState> reference = new ArrayList<>();
        for (ItemState state : checklist.items()) {
            CatalogItem item = state.item();
            if (item.ministryItem().isEmpty()) {
                reference.add(state);
                continue;
            }
            MinistryItem ministryItem = item.ministryItem().get();
            Optional<Answer> ministryAnswer = ministryAnswers.get(ministryItem);
            rows.add(row(common, List.of(checkpoints.get(item.checkpoint()), item.id(),
                    japanese.get("report.csv.scopeChecklist"), ministryItem.label(),
                    ministryAnswer.map(answer -> japanese.get("answer." + answer.name())).orElse(""), item.title().ja()),
                    findingCells(state.finding(), ministryAnswer.map(this::yesNo).orElse(""), lateTargets.contains(state)),
                    hospitalCells(selfCheck.entry(ministryItem.number())), vendorCounts, NO_VENDOR_FORM));
        }
        for (VendorContract contract : facility.vendors()) {
            rows.add(row(common, List.of("", "", japanese.get("report.csv.scopeVendor"), "", "",
                    contract.key()), NO_FINDING, NO_HOSPITAL_ROW, vendorCounts,
                    vendorCells(catalog, selfCheck.vendorForm(contract))));
        }
        for (ItemState state : reference) {
            rows.add(row(common, List.of(checkpoints.get(state.item().checkpoint()), state.item().id(),
                    japanese.get("report.csv.scopeReference"), "", "", state.item().title().ja()),
                    findingCells(state.finding(), "", lateTargets.contains(state)), NO_HOSPITAL_ROW, vendorCounts,
                    NO_VENDOR_FORM));
        }
        return rows;
    }

    /**
     * A row from its parts, in the order of the columns: the inspection and facility, the row's item, the inspector's
     * finding, the hospital's row with the confirmation, the inspection's vendor counts, and the vendor's form.
     */
    private static List<String> row(List<String> common, List<String> described, List<String> finding,
                                    List<String> hospital, List<String> vendorCounts, List<String> vendorForm) {
        return Stream.of(common, described, finding, hospital, vendorCounts, vendorForm).flatMap(List::stream).toList();
    }

    /** What the inspector recorded: answer, はい/いいえ, reason, how confirmed, dates, follow-up, advice and note. */
    private List<String> findingCells(Finding recorded, String yesNo, boolean targetAfterYear) {
        return List.of(recorded.answer().map(answer -> japanese.get("answer." + answer.name())).orElse(""), yesNo,
                recorded.reason(),
                Stream.of(ConfirmationMethod.values()).filter(recorded.confirmedBy()::contains)
                        .map(method -> japanese.get("method." + method.name())).collect(Collectors.joining("・")),
                date(recorded.checkedOn()), date(recorded.targetDate()),
                targetAfterYear ? japanese.get("report.csv.targetAfterYearYes") : "",
                recorded.followUp() ? japanese.get("report.csv.followUpYes") : "", recorded.advice(), recorded.note());
    }

    /** The hospital's row of its form for the ministry item, and the inspector's confirmation of it. */
    private List<String> hospitalCells(HospitalFormEntry entry) {
        return List.of(entry.answer().map(answer -> japanese.get("answer." + answer.name())).orElse(""),
                date(entry.checkedOn()), date(entry.targetDate()),
                entry.confirmation().map(confirmation -> japanese.get("report.csv.confirmation." + confirmation.name()))
                        .orElse(""),
                entry.confirmationReason());
    }

    /**
     * How many vendor contracts the facility had when the revision was finalized, for how many a form was received,
     * and for how many not (recorded as missing, or nothing recorded).
     */
    private static List<String> vendorCounts(List<VendorContract> contracts, SelfCheck selfCheck) {
        long received = contracts.stream().map(selfCheck::vendorForm)
                .filter(form -> form.filter(each -> each.status() == VendorForm.Status.RECEIVED).isPresent()).count();
        return List.of(Integer.toString(contracts.size()), Long.toString(received),
                Long.toString(contracts.size() - received));
    }

    /** A vendor contract's form: received, missing or not recorded; the day filled in, the reason, the answers. */
    private List<String> vendorCells(Catalog catalog, Optional<VendorForm> recorded) {
        if (recorded.isEmpty()) {
            return List.of(japanese.get("report.csv.vendorFormNotRecorded"), "", "", "");
        }
        VendorForm form = recorded.get();
        String answers = catalog.ministryItems().stream().filter(MinistryItem::onVendorForm)
                .flatMap(item -> form.answer(item.number())
                        .map(answer -> item.label() + " " + japanese.get("answer." + answer.name())).stream())
                .collect(Collectors.joining("、"));
        return List.of(japanese.get("report.csv.vendorForm." + form.status().name()), date(form.filledOn()),
                form.missingReason(), answers);
    }

    private static String date(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("");
    }

    private static List<String> blank(int cells) {
        return Collections.nCopies(cells, "");
    }

    /** The checklist's はい/いいえ for an answer; empty where the item does not apply. */
    private String yesNo(Answer answer) {
        return switch (answer) {
            case COMPLIANT, ALTERNATIVE, YES -> japanese.get("answer.YES");
            case NON_COMPLIANT, NO -> japanese.get("answer.NO");
            case NOT_APPLICABLE -> "";
        };
    }
}
