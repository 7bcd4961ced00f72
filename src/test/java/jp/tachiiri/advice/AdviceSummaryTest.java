package jp.tachiiri.advice;

import static jp.tachiiri.advice.AdvicePrintoutTest.INSPECTION_DATE;
import static jp.tachiiri.advice.AdvicePrintoutTest.answerAll;
import static jp.tachiiri.advice.AdvicePrintoutTest.applicable;
import static jp.tachiiri.advice.AdvicePrintoutTest.assertSummaryCounts;
import static jp.tachiiri.advice.AdvicePrintoutTest.catalog;
import static jp.tachiiri.advice.AdvicePrintoutTest.clock;
import static jp.tachiiri.advice.AdvicePrintoutTest.facility;
import static jp.tachiiri.advice.AdvicePrintoutTest.nonCompliant;
import static jp.tachiiri.advice.AdvicePrintoutTest.pdf;
import static jp.tachiiri.advice.AdvicePrintoutTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section 2 of the printout (the counts per checkpoint) read back from the PDF's text: every checkpoint and the
 * total add up, as a reader would check them, and say what the record holds.
 */
class AdviceSummaryTest {

    @TempDir
    Path folder;

    /** The demo's printouts: the finalized ones and the one in progress, with unanswered items. */
    @Test
    void theDemosPrintoutsAddUpInBothLanguages() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            assertThat(workspace.demo().seed()).isTrue();
            List<InspectionSummary> inspections = workspace.inspections().list();
            assertThat(inspections).hasSize(3);
            for (InspectionSummary summary : inspections) {
                Inspection inspection = workspace.inspections().find(summary.id()).orElseThrow();
                Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
                Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), inspection.revision());
                for (Language language : Language.values()) {
                    try (PDDocument document = Loader.loadPDF(pdf(workspace, inspection.id(), language))) {
                        assertSummaryCounts(document, Messages.of(language), workspace.inspections().catalogOf(inspection),
                                facility, findings);
                    }
                }
            }
        }
    }

    /**
     * A draft for a hospital of 80 beds without an EMR or a vendor contract, so that items are not asked in every
     * checkpoint, with every kind of answer and unanswered items: every row of the table has a number.
     */
    @Test
    void aDraftWithEveryKindOfCountAddsUpInBothLanguages() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Catalog catalog = catalog(workspace);
            Facility facility = facility("small", "1510000001", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Map<String, Finding> special = new LinkedHashMap<>();
            special.put("vulnerability.two-factor-auth", nonCompliant("vulnerability.two-factor-auth", "未導入。",
                    "導入してください。", INSPECTION_DATE.plusDays(60)));
            special.put("backup.offline-copy", nonCompliant("backup.offline-copy", "常時接続。", "切り離してください。",
                    INSPECTION_DATE.plusDays(60)));
            special.put("vulnerability.external-media", Finding.empty("vulnerability.external-media")
                    .withAnswer(Answer.ALTERNATIVE).withReason("USBポートを物理的に封印している。"));
            special.put("vulnerability.access-logs", Finding.empty("vulnerability.access-logs")
                    .withAnswer(Answer.NOT_APPLICABLE).withReason("ログを持つサーバがない。"));
            special.put("recovery.drills", Finding.empty("recovery.drills")
                    .withAnswer(Answer.NOT_APPLICABLE).withReason("理由。"));
            List<String> unanswered = List.of("backup.restore-test", "contact.first-response-support",
                    "contact.incident-diagram");
            List<CatalogItem> answered = applicable(catalog, facility).stream()
                    .filter(item -> !unanswered.contains(item.id())).toList();
            answerAll(workspace, inspection, answered, special);
            Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), 1);

            for (Language language : Language.values()) {
                try (PDDocument document = Loader.loadPDF(pdf(workspace, inspection.id(), language))) {
                    assertSummaryCounts(document, Messages.of(language), catalog, facility, findings);
                    PrintedSummary printed = PrintedSummary.read(document, Messages.of(language), catalog);
                    // Worked out by hand, of the 24 ministry items (14, 6, 2, 2): 3 not asked (2 vendor, 1 EMR). The
                    // drills' 該当なし and the first-response support left unanswered are 参考 and not counted.
                    assertThat(printed.rows()).as(language.name()).containsExactly(
                            entry("items", List.of(14, 6, 2, 2, 24)),
                            entry("excluded", List.of(2, 1, 0, 0, 3)),
                            entry("applicable", List.of(12, 5, 2, 2, 21)),
                            entry("compliant", List.of(9, 3, 2, 1, 15)),
                            entry("nonCompliant", List.of(1, 1, 0, 0, 2)),
                            entry("alternative", List.of(1, 0, 0, 0, 1)),
                            entry("notApplicable", List.of(1, 0, 0, 0, 1)),
                            entry("unanswered", List.of(0, 1, 0, 1, 2)));
                }
            }
        }
    }
}
