package jp.tachiiri.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;

/**
 * The findings of a fiscal year as CSV for the ministry's survey and for Excel: UTF-8 with a byte order mark
 * (so Excel reads the Japanese), CRLF lines, one row per finalized inspection × catalog item (the gate
 * question included), in Japanese. The newest finalized revision of each inspection counts. The answers are
 * also given as the checklist's はい/いいえ: 適合 and 代替措置 are はい, 不適合 is いいえ, 該当なし and an
 * unanswered item are left empty (see docs/csv-export.md).
 */
public final class CsvReport {

    private static final List<String> COLUMNS = List.of("inspectionId", "revision", "facilityCode", "facilityName",
            "facilityType", "licensedBeds", "inspectionDate", "catalogVersion", "checkpoint", "itemId", "scope",
            "checklistNumber", "checklistResult", "item", "answer", "yesNo", "reason", "confirmedBy", "checkedOn",
            "targetDate", "targetAfterYear", "followUp", "advice", "note");

    /** What was written. */
    public record Result(Path file, int inspections, int rows) {
    }

    private final InspectionRepository inspections;
    private final CatalogLibrary catalogs;
    private final Messages japanese = Messages.of(Language.JA);

    public CsvReport(InspectionRepository inspections, CatalogLibrary catalogs) {
        this.inspections = inspections;
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
     * checklist and, apart after them, the 参考 items.
     */
    private List<List<String>> rows(String inspectionId, int revision) {
        Inspection inspection = inspections.find(inspectionId, revision).orElseThrow();
        Facility facility = inspections.facilityAsFinalized(inspectionId, revision).orElseThrow();
        Catalog catalog = catalogs.version(inspection.catalogVersion())
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", inspection.catalogVersion()));
        Map<String, Finding> findings = inspections.findings(inspectionId, revision);
        Checklist checklist = Checklist.of(catalog, facility.profileOn(inspection.date()), inspection.date(), findings);
        Map<MinistryItem, Optional<Answer>> ministryAnswers = new HashMap<>();
        checklist.ministryResults().forEach(result -> ministryAnswers.put(result.item(), result.answer()));
        List<String> common = List.of(inspectionId, Integer.toString(revision), facility.code(), facility.name(),
                japanese.get("facilityType." + facility.type().id()), Integer.toString(facility.licensedBeds()),
                inspection.date().toString(), catalog.version());
        List<List<String>> rows = new ArrayList<>();
        Finding gate = checklist.gate();
        rows.add(row(common, List.of("", gate.itemId(), japanese.get("report.csv.scopeGate"), "", "",
                catalog.gate().title().ja()), gate, gate.answer().map(this::yesNo).orElse(""), false));
        Map<Checkpoint, String> checkpoints = new EnumMap<>(Checkpoint.class);
        catalog.sections().forEach(section -> checkpoints.put(section.checkpoint(), section.title().ja()));
        List<ItemState> lateTargets = checklist.targetsAfterYear();
        List<ItemState> ordered = new ArrayList<>(checklist.items());
        ordered.sort(Comparator.comparing(state -> state.item().isReference()));
        for (ItemState state : ordered) {
            CatalogItem item = state.item();
            Optional<MinistryItem> ministryItem = item.ministryItem();
            Optional<Answer> ministryAnswer = ministryItem.map(ministryAnswers::get).orElse(Optional.empty());
            rows.add(row(common, List.of(checkpoints.get(item.checkpoint()), item.id(),
                    japanese.get(item.isReference() ? "report.csv.scopeReference" : "report.csv.scopeChecklist"),
                    ministryItem.map(MinistryItem::label).orElse(""),
                    ministryAnswer.map(answer -> japanese.get("answer." + answer.name())).orElse(""), item.title().ja()),
                    state.finding(), ministryAnswer.map(this::yesNo).orElse(""),
                    lateTargets.contains(state)));
        }
        return rows;
    }

    /** {@code described}: the checkpoint, item id, scope, checklist number, checklist result and title. */
    private List<String> row(List<String> common, List<String> described, Finding recorded, String yesNo,
            boolean targetAfterYear) {
        List<String> row = new ArrayList<>(common);
        row.addAll(described);
        row.add(recorded.answer().map(answer -> japanese.get("answer." + answer.name())).orElse(""));
        row.add(yesNo);
        row.add(recorded.reason());
        row.add(Stream.of(ConfirmationMethod.values()).filter(recorded.confirmedBy()::contains)
                .map(method -> japanese.get("method." + method.name())).collect(Collectors.joining("・")));
        row.add(recorded.checkedOn().map(LocalDate::toString).orElse(""));
        row.add(recorded.targetDate().map(LocalDate::toString).orElse(""));
        row.add(targetAfterYear ? japanese.get("report.csv.targetAfterYearYes") : "");
        row.add(recorded.followUp() ? japanese.get("report.csv.followUpYes") : "");
        row.add(recorded.advice());
        row.add(recorded.note());
        return row;
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
