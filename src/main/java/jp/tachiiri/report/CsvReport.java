package jp.tachiiri.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.ChecklistRef;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;

/**
 * The findings of a fiscal year as CSV for the ministry's survey and for Excel: UTF-8 with a byte order mark
 * (so Excel reads the Japanese), CRLF lines, one row per finalized inspection × catalog item (the gate
 * question included), in Japanese. The newest finalized revision of each inspection counts. The answers are
 * also given as the checklist's はい/いいえ: 適合 and 代替措置 are はい, 不適合 is いいえ, 該当なし and an
 * unanswered item are left empty (see docs/csv-export.md).
 */
public final class CsvReport {

    private static final List<String> COLUMNS = List.of("inspectionId", "revision", "facilityCode", "facilityName",
            "licensedBeds", "inspectionDate", "catalogVersion", "checkpoint", "itemId", "checklistNumber", "item",
            "answer", "yesNo", "reason", "confirmedBy", "checkedOn", "targetDate", "followUp", "advice", "note");

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

    /** One row per catalog item of the revision's catalog, the gate question first. */
    private List<List<String>> rows(String inspectionId, int revision) {
        Inspection inspection = inspections.find(inspectionId, revision).orElseThrow();
        Facility facility = inspections.facilityAsFinalized(inspectionId, revision).orElseThrow();
        Catalog catalog = catalogs.version(inspection.catalogVersion())
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", inspection.catalogVersion()));
        Map<String, Finding> findings = inspections.findings(inspectionId, revision);
        List<String> common = List.of(inspectionId, Integer.toString(revision), facility.code(), facility.name(),
                Integer.toString(facility.licensedBeds()), inspection.date().toString(), catalog.version());
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(common, "", catalog.gate().id(), catalog.gate().checklistRef(), catalog.gate().title().ja(),
                findings.get(catalog.gate().id())));
        for (CheckpointSection section : catalog.sections()) {
            for (CatalogItem item : section.items()) {
                rows.add(row(common, section.title().ja(), item.id(), item.checklistRef(), item.title().ja(),
                        findings.get(item.id())));
            }
        }
        return rows;
    }

    private List<String> row(List<String> common, String checkpoint, String itemId, Optional<ChecklistRef> reference,
                             String title, Finding finding) {
        Finding recorded = finding == null ? Finding.empty(itemId) : finding;
        List<String> row = new ArrayList<>(common);
        row.add(checkpoint);
        row.add(itemId);
        row.add(reference.map(ChecklistRef::label).orElse(""));
        row.add(title);
        row.add(recorded.answer().map(answer -> japanese.get("answer." + answer.name())).orElse(""));
        row.add(recorded.answer().map(this::yesNo).orElse(""));
        row.add(recorded.reason());
        row.add(Stream.of(ConfirmationMethod.values()).filter(recorded.confirmedBy()::contains)
                .map(method -> japanese.get("method." + method.name())).collect(Collectors.joining("・")));
        row.add(recorded.checkedOn().map(LocalDate::toString).orElse(""));
        row.add(recorded.targetDate().map(LocalDate::toString).orElse(""));
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
