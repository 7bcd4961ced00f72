package jp.tachiiri.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionIds;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.testsupport.PrintedPages;
import jp.tachiiri.testsupport.Profiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advice printout as the hospital receives it: real workspaces on temporary folders, inspections recorded
 * through the inspection service, and the PDF read back with PDFBox.
 */
class AdvicePrintoutTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Still 1 July in UTC, already 2 July in Japan. */
    static final Instant NOW = Instant.parse("2026-07-01T15:30:00Z");
    static final LocalDate INSPECTION_DATE = LocalDate.of(2026, 6, 30);
    /** The Japanese day of {@link #NOW}: a revision finalized then is dated this day. */
    static final LocalDate FINALIZED_DAY = LocalDate.of(2026, 7, 2);
    static final String ACTOR = "tester";
    static final Messages JA = Messages.of(Language.JA);
    static final Messages EN = Messages.of(Language.EN);
    static final String AUTHORITY = "テスト県 健康福祉部 医療政策課";
    private static final Pattern CHECK_CODE = Pattern.compile(
            "(?:照合番号|check)\\s*([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})");

    @TempDir
    Path folder;

    // ---------------------------------------------------------------- 1. content in the text, in catalog order

    @Test
    void theDemosFinalizedInspectionsListEveryImprovementInCatalogOrderAndTheCountsOfTheRecord() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            assertThat(workspace.demo().seed()).isTrue();
            List<InspectionSummary> finalized = workspace.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.FINALIZED).toList();
            assertThat(finalized).hasSize(2);
            for (InspectionSummary summary : finalized) {
                Inspection inspection = workspace.inspections().find(summary.id()).orElseThrow();
                Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
                Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), inspection.revision());
                // Last year's inspection follows last year's catalog.
                Catalog catalog = workspace.inspections().catalogOf(inspection);
                assertThat(nonCompliant(catalog, facility, findings)).hasSizeGreaterThanOrEqualTo(3);

                byte[] pdf = workspace.advice().pdf(inspection.id(), Optional.empty(),
                        workspace.settings().advice(), Language.JA);

                try (PDDocument document = Loader.loadPDF(pdf)) {
                    assertImprovementsInCatalogOrder(document, JA, catalog, facility, findings);
                    assertSummaryCounts(document, JA, catalog, facility, findings);
                }
            }
        }
    }

    @Test
    void aBuiltInspectionListsEveryImprovementInCatalogOrderThoughRecordedInAnotherAndTheCountsOfTheRecord()
            throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("mid", "1310000001", 250, true, true);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Catalog catalog = catalog(workspace);
            List<CatalogItem> applicable = applicable(catalog, facility);
            // Non-compliant items from every checkpoint, recorded last-first; other answers mixed in. The printout lists
            // the ministry's items first, then the 参考 ones (information intake, staff training, the hospital's form).
            List<String> nonCompliant = List.of("vulnerability.device-ledger", "vulnerability.password-reuse",
                    "backup.emr", "backup.restore-test", "recovery.cyber-bcp", "vulnerability.information-intake",
                    "recovery.staff-training", "contact.hospital-checklist");
            Map<String, Finding> special = new LinkedHashMap<>();
            List<String> reversed = new ArrayList<>(nonCompliant);
            Collections.reverse(reversed);
            for (String itemId : reversed) {
                int number = nonCompliant.indexOf(itemId) + 1;
                special.put(itemId, nonCompliant(itemId, "所見" + number + "：規程はあるが運用されていない。",
                        "【助言" + number + "】" + title(catalog, itemId) + "について、担当者を決めて手順を文書にしてください。",
                        INSPECTION_DATE.plusDays(60 + 7L * number)));
            }
            special.put("vulnerability.external-media", Finding.empty("vulnerability.external-media")
                    .withAnswer(Answer.ALTERNATIVE).withReason("USBポートを物理的に封印している。"));
            special.put("backup.leak-protection", Finding.empty("backup.leak-protection")
                    .withAnswer(Answer.NOT_APPLICABLE).withReason("バックアップは院外に出していない。"));
            special.put("contact.mhlw-route", compliant("contact.mhlw-route").withNote("連絡先を掲示している。"));
            answerAll(workspace, inspection, applicable, special);
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);
            Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), 1);
            assertThat(nonCompliant(catalog, facility, findings)).extracting(Finding::itemId)
                    .containsExactlyElementsOf(nonCompliant);

            byte[] pdf = workspace.advice().pdf(inspection.id(), Optional.empty(), workspace.settings().advice(),
                    Language.JA);

            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertImprovementsInCatalogOrder(document, JA, catalog, facility, findings);
                assertSummaryCounts(document, JA, catalog, facility, findings);
                String text = squeeze(text(document));
                // The other answers are not improvements: the alternative is in section 4, the compliant one with a
                // note is good practice.
                String improvementsSection = text.substring(section(text, JA, "improvements"),
                        section(text, JA, "alternatives"));
                assertThat(improvementsSection).doesNotContain("USBポートを物理的に封印している。");
                assertThat(text).contains(squeeze(JA.get("advice.goodPractice.item", title(catalog, "contact.mhlw-route"),
                                "連絡先を掲示している。")));
            }
        }
    }

    /**
     * An accepted 代替措置 is named in section 4 with the measure recorded, in both languages; an inspection without
     * one says so there.
     */
    @Test
    void acceptedAlternativeMeasuresAreListedWithTheirMeasureInSection4() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Catalog catalog = catalog(workspace);
            Facility facility = facility("mid", "1310000007", 250, true, true);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Map<String, String> measures = new LinkedHashMap<>();
            measures.put("vulnerability.external-media", "USBポートを物理的に封印し、持込み媒体は専用端末で検査している。");
            measures.put("backup.generations", "Cloud backups keep 30 daily versions (vendor's contract, clause 4).");
            Map<String, Finding> special = new LinkedHashMap<>();
            // Recorded last first: the section follows the catalog's order.
            List<String> recorded = new ArrayList<>(measures.keySet());
            Collections.reverse(recorded);
            recorded.forEach(itemId -> special.put(itemId,
                    Finding.empty(itemId).withAnswer(Answer.ALTERNATIVE).withReason(measures.get(itemId))));
            answerAll(workspace, inspection, applicable(catalog, facility), special);
            Inspection without = start(workspace, facility("other", "1310000008", 250, true, true), INSPECTION_DATE);
            answerAll(workspace, without, applicable(catalog, facility), Map.of());

            for (Messages messages : List.of(JA, EN)) {
                String text = plain(text(pdf(workspace, inspection.id(), messages.language())));
                String section = text.substring(section(text, messages, "alternatives"),
                        section(text, messages, "goodPractice"));
                assertThat(section).contains(plain(messages.get("advice.alternatives.intro")),
                        plain(messages.get("advice.alternatives.measure")));
                int previous = 0;
                for (Map.Entry<String, String> measure : measures.entrySet()) {
                    int titleAt = section.indexOf(plain(title(catalog, measure.getKey(), messages.language())));
                    assertThat(titleAt).as("%s after the one before", measure.getKey()).isGreaterThan(previous);
                    assertThat(section.indexOf(plain(measure.getValue()), titleAt)).as("its measure").isPositive();
                    previous = titleAt;
                }
                assertThat(text.indexOf(plain(measures.get("vulnerability.external-media")))).as("printed once")
                        .isEqualTo(text.lastIndexOf(plain(measures.get("vulnerability.external-media"))));

                String none = plain(text(pdf(workspace, without.id(), messages.language())));
                assertThat(none).contains(plain(messages.get("advice.section.alternatives"))
                        + plain(messages.get("advice.alternatives.none")));
            }
        }
    }

    // ---------------------------------------------------------------- 2. font and margins

    @Test
    void usesOnlyTheEmbeddedBundledFontAndKeepsEveryGlyphInsideTheMargins() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            workspace.demo().seed();
            Inspection large = thirtyImprovements(workspace);
            List<byte[]> pdfs = new ArrayList<>();
            for (InspectionSummary summary : workspace.inspections().list()) {
                for (Language language : Language.values()) {
                    pdfs.add(workspace.advice().pdf(summary.id(), Optional.empty(), workspace.settings().advice(),
                            language));
                }
            }
            assertThat(workspace.inspections().list()).extracting(InspectionSummary::id).contains(large.id());

            for (byte[] pdf : pdfs) {
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    PrintedPages.assertBundledFontInsideMargins(document);
                }
            }
        }
    }

    // ---------------------------------------------------------------- 3. many improvements, many pages

    @Test
    void thirtyImprovementsRunOverSeveralPagesWithTheTableHeaderOnEachAndNumberedFooters() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Inspection inspection = thirtyImprovements(workspace);
            Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
            Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), 1);
            List<Finding> improvements = nonCompliant(catalog(workspace), facility, findings);
            assertThat(improvements).hasSize(30);

            byte[] pdf = workspace.advice().pdf(inspection.id(), Optional.empty(), workspace.settings().advice(),
                    Language.JA);

            try (PDDocument document = Loader.loadPDF(pdf)) {
                int pages = document.getNumberOfPages();
                assertThat(pages).isGreaterThanOrEqualTo(4);
                assertImprovementsInCatalogOrder(document, JA, catalog(workspace), facility, findings);
                assertSummaryCounts(document, JA, catalog(workspace), facility, findings);

                String header = squeeze(JA.get("advice.improvements.number") + JA.get("advice.improvements.item")
                        + JA.get("advice.improvements.found") + JA.get("advice.improvements.advice")
                        + JA.get("advice.improvements.target"));
                List<String> pageTexts = new ArrayList<>();
                List<List<String>> pageLines = new ArrayList<>();
                for (int page = 1; page <= pages; page++) {
                    pageLines.add(lines(document, page).stream().map(AdvicePrintoutTest::squeeze).toList());
                    pageTexts.add(squeeze(text(document, page)));
                }
                int firstPage = pageOf(pageTexts, squeeze(improvements.get(0).advice()));
                int lastPage = pageOf(pageTexts, squeeze(improvements.get(improvements.size() - 1).advice()));
                assertThat(lastPage).as("the table spans several pages").isGreaterThanOrEqualTo(firstPage + 2);
                for (int page = firstPage; page <= lastPage; page++) {
                    List<String> lines = pageLines.get(page - 1);
                    assertThat(lines).as("lines of page %d", page).contains(header);
                    if (page > firstPage) {
                        assertThat(lines.get(0)).as("top of page %d", page).isEqualTo(header);
                    }
                }
                // Each row stands whole on one page: its advice and its target date together.
                for (Finding finding : improvements) {
                    int page = pageOf(pageTexts, squeeze(finding.advice()));
                    assertThat(pageTexts.get(page - 1)).as(finding.itemId())
                            .contains(squeeze(finding.note()), wareki(finding.targetDate().orElseThrow()));
                }
                String footer = squeeze(JA.get("advice.footer", InspectionIds.printed(inspection.id()), 1, checkCode(pageTexts.get(0))));
                for (int page = 1; page <= pages; page++) {
                    List<String> lines = pageLines.get(page - 1);
                    assertThat(lines.get(lines.size() - 1)).as("bottom of page %d", page)
                            .startsWith(footer).endsWith(page + "/" + pages);
                }
            }
        }
    }

    /**
     * A date is never broken across lines, in a table cell (the target dates) or in running text (the inspection
     * day in the introduction, the report's due date mid-sentence), in either language.
     */
    @Test
    void everyDateStandsWholeOnOneLine() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Inspection inspection = thirtyImprovements(workspace);
            workspace.settings().setAdvice(new AdviceSettings(AUTHORITY, 100));
            AdviceContent content = workspace.advice().content(inspection.id(), Optional.empty(),
                    workspace.settings().advice());
            List<LocalDate> dates = new ArrayList<>(List.of(INSPECTION_DATE, FINALIZED_DAY, content.reportDue()));
            content.improvements().forEach(improvement -> dates.add(improvement.targetDate().orElseThrow()));
            assertThat(dates).anyMatch(date -> date.getMonthValue() >= 10 && date.getDayOfMonth() >= 10);

            for (Messages messages : List.of(JA, EN)) {
                try (PDDocument document = Loader.loadPDF(pdf(workspace, inspection.id(), messages.language()))) {
                    List<String> lines = new ArrayList<>();
                    for (int page = 1; page <= document.getNumberOfPages(); page++) {
                        lines(document, page).forEach(line -> lines.add(line.replaceAll("\\s+", " ")));
                    }
                    for (LocalDate date : dates) {
                        String printed = AdvicePdf.date(date, messages);
                        assertThat(lines).as("%s on one line", printed).anyMatch(line -> line.contains(printed));
                    }
                }
            }
        }
    }

    /**
     * The signature lines never stand alone on the last page: whatever the length of what comes before (here one
     * more good-practice note at a time), they share their page with the request for a report they sign for.
     */
    @Test
    void theSignatureLinesAlwaysShareTheirPageWithTheReportRequest() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            workspace.settings().setAdvice(new AdviceSettings(AUTHORITY, 30));
            Facility facility = facility("small", "1310000009", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            List<CatalogItem> items = applicable(catalog(workspace), facility);
            answerAll(workspace, inspection, items, Map.of("recovery.cyber-bcp", nonCompliant("recovery.cyber-bcp",
                    "BCPが策定されていない。", "サイバー攻撃を想定したBCPを策定してください。", INSPECTION_DATE.plusMonths(4))));
            Set<Integer> pageCounts = new TreeSet<>();
            for (CatalogItem item : items) {
                if (!item.id().equals("recovery.cyber-bcp")) {
                    workspace.inspections().record(inspection.id(), compliant(item.id())
                            .withNote("良好事例：手順を文書にして職員に周知し、年1回は実施状況を点検している。"), ACTOR);
                }
                for (Messages messages : List.of(JA, EN)) {
                    try (PDDocument document = Loader.loadPDF(pdf(workspace, inspection.id(), messages.language()))) {
                        int pages = document.getNumberOfPages();
                        pageCounts.add(pages);
                        String last = squeeze(text(document, pages));
                        assertThat(last).as("the last of %d pages with a note on %s", pages, item.id())
                                .contains(squeeze(messages.get("advice.section.report")),
                                        squeeze(messages.get("advice.signature.explainer")),
                                        squeeze(messages.get("advice.signature.receiver")))
                                .contains(squeeze(AUTHORITY));
                    }
                }
            }
            assertThat(pageCounts).as("the notes pushed the request over a page's end").hasSizeGreaterThan(1);
        }
    }

    /** A section heading does not stand alone at the foot of a page, away from the table it introduces. */
    @Test
    void theImprovementsHeadingTheTableHeaderAndTheFirstRowShareAPage() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Inspection inspection = thirtyImprovements(workspace);
            Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
            List<Finding> improvements = nonCompliant(catalog(workspace), facility,
                    workspace.inspections().findings(inspection.id(), 1));

            try (PDDocument document = Loader.loadPDF(pdf(workspace, inspection.id(), Language.JA))) {
                List<String> pageTexts = new ArrayList<>();
                for (int page = 1; page <= document.getNumberOfPages(); page++) {
                    pageTexts.add(squeeze(text(document, page)));
                }
                String header = squeeze(JA.get("advice.improvements.number") + JA.get("advice.improvements.item"));
                int headingPage = pageOf(pageTexts, heading(pageTexts, JA, "improvements"));
                assertThat(pageTexts.get(headingPage - 1)).as("page %d with the heading of section 3", headingPage)
                        .contains(header, squeeze(improvements.get(0).advice()));
            }
        }
    }

    /**
     * Text that a reader copies or searches for must be the text printed: PDFBox sets "fi" and "fl" of the
     * bundled font as ligature glyphs, which must still extract as the letters.
     */
    @Test
    void englishWordsWithLigaturesExtractAsTheirLetters() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("large", "1310000451", 450, true, true);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            answerAll(workspace, inspection, applicable(catalog(workspace), facility), Map.of(
                    "vulnerability.security-patches", nonCompliant("vulnerability.security-patches", "未適用。",
                            "更新を適用してください。", INSPECTION_DATE.plusMonths(3))));

            String text = squeeze(text(pdf(workspace, inspection.id(), Language.EN)));

            assertThat(text).contains(squeeze(title(catalog(workspace), "vulnerability.security-patches", Language.EN)),
                    "firmware", squeeze(EN.get("advice.draftNote")), squeeze(catalog(workspace).resources().stream()
                            .filter(resource -> resource.id().equals("ppc-reporting")).findFirst().orElseThrow()
                            .body().en()));
        }
    }

    // ---------------------------------------------------------------- 4. determinism and the check code

    @Test
    void theSameRecordGivesTheSameBytesAlsoAfterReopeningAtAnotherTime() {
        byte[] first;
        byte[] english;
        String inspectionId;
        try (Workspace workspace = Workspace.open(folder, clock())) {
            workspace.demo().seed();
            inspectionId = workspace.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.FINALIZED)
                    .max((a, b) -> a.date().compareTo(b.date())).orElseThrow().id();
            first = workspace.advice().pdf(inspectionId, Optional.empty(), workspace.settings().advice(), Language.JA);
            byte[] second = workspace.advice().pdf(inspectionId, Optional.empty(), workspace.settings().advice(),
                    Language.JA);
            assertThat(Arrays.equals(first, second)).isTrue();
            english = workspace.advice().pdf(inspectionId, Optional.empty(), workspace.settings().advice(), Language.EN);
            assertThat(Arrays.equals(first, english)).isFalse();
        }
        // A week later, in another time zone: the printout depends on the record only.
        Clock later = Clock.fixed(NOW.plusSeconds(7 * 24 * 3600 + 1234), ZoneId.of("America/New_York"));
        try (Workspace reopened = Workspace.open(folder, later)) {
            assertThat(Arrays.equals(first, reopened.advice().pdf(inspectionId, Optional.empty(),
                    reopened.settings().advice(), Language.JA))).isTrue();
            assertThat(Arrays.equals(english, reopened.advice().pdf(inspectionId, Optional.of(1),
                    reopened.settings().advice(), Language.EN))).isTrue();
        }
    }

    @Test
    void aChangedFindingChangesTheCheckCodeAndTheBytesAndChangingItBackRestoresBoth() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("small", "1310000002", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Finding original = compliant("backup.generations");
            answerAll(workspace, inspection, applicable(catalog(workspace), facility),
                    Map.of("backup.generations", original, "backup.offline-copy", nonCompliant("backup.offline-copy",
                            "外付けHDDを常時接続している。", "バックアップの一つをネットワークから切り離してください。",
                            INSPECTION_DATE.plusMonths(3))));
            byte[] before = pdf(workspace, inspection.id(), Language.JA);
            String codeBefore = checkCode(before);

            // A change the printout does not show otherwise: only the check code tells.
            workspace.inspections().record(inspection.id(),
                    original.withCheckedOn(INSPECTION_DATE.minusDays(1)), ACTOR);
            byte[] checkedEarlier = pdf(workspace, inspection.id(), Language.JA);
            assertThat(checkCode(checkedEarlier)).isNotEqualTo(codeBefore);
            assertThat(Arrays.equals(before, checkedEarlier)).isFalse();

            workspace.inspections().record(inspection.id(),
                    original.withAnswer(Answer.NON_COMPLIANT).withAdvice("世代管理を始めてください。")
                            .withTargetDate(INSPECTION_DATE.plusMonths(2)), ACTOR);
            byte[] nonCompliant = pdf(workspace, inspection.id(), Language.JA);
            assertThat(checkCode(nonCompliant)).isNotIn(codeBefore, checkCode(checkedEarlier));
            assertThat(squeeze(text(nonCompliant))).contains("世代管理を始めてください。");

            workspace.inspections().record(inspection.id(), original, ACTOR);
            byte[] restored = pdf(workspace, inspection.id(), Language.JA);
            assertThat(checkCode(restored)).isEqualTo(codeBefore);
            assertThat(Arrays.equals(before, restored)).isTrue();
        }
    }

    /**
     * The facility is not part of the inspection's record: editing it after finalizing must not give the same
     * finalized revision another printout under the same check code.
     */
    @Test
    void editingTheFacilityAfterFinalizingDoesNotChangeThePrintoutUnderTheSameCheckCode() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("mid", "1310000003", 250, true, true);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            answerAll(workspace, inspection, applicable(catalog(workspace), facility), Map.of(
                    "contact.dedicated-security-manager", nonCompliant("contact.dedicated-security-manager",
                            "兼任の責任者のみ。", "専任の安全管理責任者を配置してください。", INSPECTION_DATE.plusMonths(6))));
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);
            byte[] before = pdf(workspace, inspection.id(), Language.JA);

            // Later the register is corrected: the hospital has 180 beds, and a new name.
            workspace.facilities().save(new Facility(facility.id(), facility.code(), "テスト 改称後病院", facility.kana(),
                    facility.address(), FacilityType.HOSPITAL, 180, true, true, facility.vendors(), List.of(), false));
            byte[] after = pdf(workspace, inspection.id(), Language.JA);

            if (checkCode(after).equals(checkCode(before))) {
                assertThat(Arrays.equals(before, after))
                        .as("the finalized revision's printout changed under the same check code %s", checkCode(after))
                        .isTrue();
            }
        }
    }

    // ---------------------------------------------------------------- 5. draft

    @Test
    void anInspectionInProgressIsAMarkedDraftAndAFinalizedOneIsNot() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("small", "1310000004", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            List<CatalogItem> applicable = applicable(catalog(workspace), facility);
            answerAll(workspace, inspection, applicable.subList(0, 5), Map.of());

            try (PDDocument draft = Loader.loadPDF(pdf(workspace, inspection.id(), Language.JA))) {
                String text = squeeze(text(draft));
                assertThat(text).startsWith(squeeze(JA.get("advice.draftTitle")))
                        .contains(squeeze(JA.get("advice.draftNote")))
                        // a draft is dated with the inspection day
                        .contains(wareki(INSPECTION_DATE) + squeeze(JA.get("advice.issuerMissing")));
                String footer = squeeze(JA.get("advice.footerDraft", InspectionIds.printed(inspection.id()), 1, checkCode(text)));
                for (int page = 1; page <= draft.getNumberOfPages(); page++) {
                    List<String> lines = lines(draft, page);
                    assertThat(squeeze(lines.get(lines.size() - 1))).as("footer of page %d", page).startsWith(footer);
                }
            }

            answerAll(workspace, inspection, applicable, Map.of());
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);

            try (PDDocument finalized = Loader.loadPDF(pdf(workspace, inspection.id(), Language.JA))) {
                String text = squeeze(text(finalized));
                assertThat(text).startsWith(squeeze(JA.get("advice.title")))
                        .doesNotContain("【下書き】", squeeze(JA.get("advice.draftNote")))
                        .contains(wareki(FINALIZED_DAY) + squeeze(JA.get("advice.issuerMissing")));
                String footer = squeeze(JA.get("advice.footer", InspectionIds.printed(inspection.id()), 1, checkCode(text)));
                for (int page = 1; page <= finalized.getNumberOfPages(); page++) {
                    List<String> lines = lines(finalized, page);
                    assertThat(squeeze(lines.get(lines.size() - 1))).as("footer of page %d", page).startsWith(footer);
                }
                assertThat(finalized.getDocumentInformation().getTitle()).contains(facility.name())
                        .doesNotContain("【下書き】");
            }
        }
    }

    // ---------------------------------------------------------------- 6. English

    @Test
    void inEnglishTheTitleAndHeadingsAreEnglishAndTheStructureTheSame() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            workspace.demo().seed();
            Inspection inspection = thirtyImprovements(workspace);
            Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
            Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), 1);

            byte[] japanese = pdf(workspace, inspection.id(), Language.JA);
            byte[] english = pdf(workspace, inspection.id(), Language.EN);

            try (PDDocument ja = Loader.loadPDF(japanese); PDDocument en = Loader.loadPDF(english)) {
                String jaText = squeeze(text(ja));
                String enText = squeeze(text(en));
                assertThat(enText).startsWith(squeeze(EN.get("advice.title")));
                List<String> sections = List.of("overview", "summary", "improvements", "alternatives", "goodPractice",
                        "resources", "report");
                assertThat(sections.stream().map(s -> section(enText, EN, s)).toList())
                        .isSorted().doesNotContain(-1);
                assertThat(sections.stream().map(s -> section(jaText, JA, s)).toList())
                        .isSorted().doesNotContain(-1);
                for (String section : sections) {
                    assertThat(enText).doesNotContain(squeeze(JA.get("advice.section." + section)));
                }
                assertThat(enText).doesNotContain(squeeze(JA.get("advice.title")))
                        .contains(squeeze(EN.get("advice.improvements.item") + EN.get("advice.improvements.found")
                                + EN.get("advice.improvements.advice")), english(FINALIZED_DAY));

                // The same record in both: the same improvements in the same order, the same counts, the same code.
                assertImprovementsInCatalogOrder(en, EN, catalog(workspace), facility, findings);
                assertSummaryCounts(en, EN, catalog(workspace), facility, findings);
                assertThat(checkCode(enText)).isEqualTo(checkCode(jaText));
                assertThat(enText).contains(squeeze(EN.get("advice.footer", InspectionIds.printed(inspection.id()), 1, checkCode(jaText))));
                for (Finding finding : nonCompliant(catalog(workspace), facility, findings)) {
                    assertThat(plain(enText)).contains(plain(title(catalog(workspace), finding.itemId(), Language.EN)));
                }
                assertThat(en.getNumberOfPages()).isGreaterThan(1);
            }
        }
    }

    // ---------------------------------------------------------------- 7. resources by attributes

    /**
     * The fee add-on's conditions follow the add-on the facility claims on the inspection day, not its beds: a
     * 150-bed hospital claiming 診療録管理体制加算1 in May 2026 is told of the offline backups and the BCP with
     * drills (not of the dedicated manager, a 200-bed condition); a 250-bed hospital claiming nothing is told of
     * no add-on; 加算2 has only the dedicated manager; from June 2026 the successor add-on's text replaces them; a
     * clinic gets no hospital text. The resources are the same for all, with no bed rule.
     */
    @Test
    void theFeeAddOnConditionsFollowTheAddOnClaimedAndTheResourcesFitEveryFacility() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            LocalDate underThe2024Rules = LocalDate.of(2026, 5, 20);
            String claims1 = addOnText(workspace, withClaims(facility("claims1", "1320000150", 150, true, true),
                    claim("records-management-1-2024")), underThe2024Rules);
            String claimsNothing = addOnText(workspace, facility("nothing", "1320000250", 250, true, true),
                    underThe2024Rules);
            String claims2 = addOnText(workspace, withClaims(facility("claims2", "1320000251", 250, true, true),
                    claim("records-management-2-2024")), underThe2024Rules);
            String successor = addOnText(workspace, withClaims(facility("successor", "1320000450", 450, true, true),
                    claim("records-management-1-2024"), claim("digital-linkage-inpatient-2026")), INSPECTION_DATE);
            Facility clinic = new Facility("test-clinic", "1320000000", "テスト こもれび内科", "てすと こもれびないか",
                    "テスト県テスト市1-2-3", FacilityType.CLINIC_WITHOUT_BEDS, 0, true, true,
                    List.of(new VendorContract("テストシステムズ株式会社", "電子カルテ")), List.of(), false);
            String clinicText = squeeze(text(pdf(workspace, start(workspace, clinic, INSPECTION_DATE).id(), Language.JA)));

            String feeAddOns = squeeze(JA.get("advice.section.feeAddOns"));
            // Every statement about a fee add-on says when that version of it is in force.
            // Information only: the printout never says whether the facility meets the add-on's conditions.
            assertThat(claims1).doesNotContain("関連する項目が不適合");
            assertThat(claims1).contains(feeAddOns, "診療録管理体制加算1（令和6年度改定）（令和6年6月1日から令和8年5月31日まで適用）",
                    "オフラインで保管", "業務継続計画",
                    "年1回程度", "地方厚生局", squeeze("医療法に基づく立入検査の指摘事項ではありません"))
                    .doesNotContain("専任の医療情報システム安全管理責任者を配置");
            assertThat(claimsNothing).doesNotContain(feeAddOns, "診療録管理体制加算", "電子的診療情報連携体制整備加算");
            assertThat(claims2).contains("診療録管理体制加算2", "専任の医療情報システム安全管理責任者を配置")
                    .doesNotContain("オフラインで保管し", "業務継続計画");
            assertThat(successor).contains("電子的診療情報連携体制整備加算（入院", "令和8年6月1日から適用",
                            "非常時における対応につき十分な体制")
                    .doesNotContain("診療録管理体制加算1（令和6年度改定）");
            assertThat(clinicText).contains(squeeze(JA.get("advice.overview.typeValue", "無床診療所", 0)));
            // After the overview (whose attendee is called 病院 花子 in these tests), nothing speaks of hospitals.
            assertThat(clinicText.substring(section(clinicText, JA, "summary")))
                    .doesNotContain("病院", feeAddOns, "200床", "加算");
            for (String text : List.of(claims1, claimsNothing, claims2, successor, clinicText)) {
                String resources = text.substring(section(text, JA, "resources"), section(text, JA, "report"));
                assertThat(resources).contains("お助け隊", "2類", "個人情報保護委員会", "本人", "60日以内",
                        "不正の目的をもって行われたおそれ", "厚生労働省", "警察", "MIST").doesNotContain("200床", "月額");
            }
        }
    }

    private String addOnText(Workspace workspace, Facility facility, LocalDate date) throws IOException {
        return squeeze(text(pdf(workspace, start(workspace, facility, date).id(), Language.JA)));
    }

    private static Facility withClaims(Facility facility, FeeAddOnClaim... claims) {
        return new Facility(facility.id(), facility.code(), facility.name(), facility.kana(), facility.address(),
                facility.type(), facility.licensedBeds(), facility.hasMedicalInformationSystem(), facility.usesEmr(),
                facility.vendors(), List.of(claims), facility.demo());
    }

    private static FeeAddOnClaim claim(String addOn) {
        return new FeeAddOnClaim(addOn, LocalDate.of(2024, 6, 1));
    }

    /**
     * Section 3 gives each ministry item its one result, 3-② made from its seven parts; a target date after the
     * fiscal year is marked ※ with a note, while two-factor authentication's FY2027 target is not; numbers not checked
     * against the ministry's final edition are said to be so.
     */
    @Test
    void theMinistrysItemsHaveTheirResultsAndLateTargetDatesAreMarked() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("ministry", "1330000002", 250, true, true);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            answerAll(workspace, inspection, applicable(catalog(workspace), facility), Map.of(
                    "backup.offline-copy", nonCompliant("backup.offline-copy", "常時接続している。", "切り離してください。",
                            LocalDate.of(2027, 4, 1)),
                    "vulnerability.two-factor-auth", nonCompliant("vulnerability.two-factor-auth", "未導入。",
                            "導入計画を立ててください。", LocalDate.of(2028, 3, 31))));
            String text = squeeze(text(pdf(workspace, inspection.id(), Language.JA)));

            String ministry = text.substring(section(text, JA, "ministryItems"), section(text, JA, "improvements"));
            String backup = catalog(workspace).ministryItems().stream().filter(item -> item.number().equals("3-②"))
                    .findFirst().orElseThrow().wording().ja();
            assertThat(ministry).contains("3-②" + squeeze(backup) + squeeze(JA.get("advice.ministry.parts", 7))
                    + squeeze(JA.get("answer.NON_COMPLIANT")));
            assertThat(ministry).contains("3-③サイバー攻撃を想定したBCPを策定している" + squeeze(JA.get("answer.COMPLIANT")));
            assertThat(ministry).contains(squeeze(JA.get("advice.ministry.unverified")));

            String improvements = text.substring(section(text, JA, "improvements"), section(text, JA, "alternatives"));
            assertThat(improvements).contains("※令和9年4月1日", squeeze(JA.get("advice.improvements.targetAfterYear")))
                    .contains("令和10年3月31日").doesNotContain("※令和10年3月31日");
        }
    }

    /**
     * 参考 items are advised on in their own section and never enter the request for an improvement report nor the
     * ministry's counts: an inspection whose only 不適合 is the VPN firmware (参考) asks for no report.
     */
    @Test
    void referenceItemsAreAdvisedOnApartAndNeverEnterTheReportRequest() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("reference", "1330000001", 250, true, true);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            workspace.inspections().record(inspection.id(), Finding.empty(catalog(workspace).gate().id())
                    .withAnswer(Answer.YES), ACTOR);
            for (CatalogItem item : applicable(catalog(workspace), facility)) {
                Finding finding = item.id().equals("vulnerability.vpn-firmware")
                        ? Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT).withAdvice("VPN機器を更新してください。")
                                .withTargetDate(INSPECTION_DATE.plusMonths(2)).withNote("古い版のまま")
                        : compliant(item.id());
                workspace.inspections().record(inspection.id(), finding, ACTOR);
            }
            String text = squeeze(text(pdf(workspace, inspection.id(), Language.JA)));

            int improvements = section(text, JA, "improvements");
            int reference = section(text, JA, "reference");
            assertThat(reference).isGreaterThan(improvements);
            assertThat(text.substring(improvements, section(text, JA, "alternatives")))
                    .contains(squeeze(JA.get("advice.improvements.none")));
            assertThat(text.substring(reference, section(text, JA, "goodPractice")))
                    .contains(squeeze(title(catalog(workspace), "vulnerability.vpn-firmware")), "VPN機器を更新してください。",
                            squeeze(JA.get("advice.reference.label")));
            assertThat(text.substring(section(text, JA, "report"))).contains(squeeze(JA.get("advice.reportNothing")));
            // The ministry's counts have no 不適合.
            assertThat(text.substring(section(text, JA, "summary"), section(text, JA, "ministryItems")))
                    .contains(squeeze(JA.get("advice.summary.nonCompliant") + "00000"));
        }
    }

    // ---------------------------------------------------------------- 8. issuer and report due date

    @Test
    void namesTheIssuingAuthorityAndTheReportDueDateOrSaysTheAuthorityIsNotSet() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("small", "1310000005", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            answerAll(workspace, inspection, applicable(catalog(workspace), facility), Map.of("recovery.cyber-bcp",
                    nonCompliant("recovery.cyber-bcp", "BCPが策定されていない。", "サイバー攻撃を想定したBCPを策定してください。",
                            INSPECTION_DATE.plusMonths(4))));
            workspace.inspections().finalizeInspection(inspection.id(), ACTOR);

            String unset = squeeze(text(pdf(workspace, inspection.id(), Language.JA)));
            assertThat(unset).contains(wareki(FINALIZED_DAY) + squeeze(JA.get("advice.issuerMissing")));

            workspace.settings().setAdvice(new AdviceSettings(AUTHORITY, 45));
            byte[] pdf = pdf(workspace, inspection.id(), Language.JA);
            String text = squeeze(text(pdf));
            // 45 days on is Sunday 16 Aug 2026, when the office is closed: the report is due on the Monday.
            LocalDate due = LocalDate.of(2026, 8, 17);
            assertThat(FINALIZED_DAY.plusDays(45).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
            assertThat(text).doesNotContain(squeeze(JA.get("advice.issuerMissing")))
                    .contains(wareki(FINALIZED_DAY) + squeeze(AUTHORITY))
                    .contains("令和8年8月17日までに", wareki(due) + "までに改善の計画または状況を" + squeeze(AUTHORITY) + "へ報告")
                    .doesNotContain("令和8年8月16日");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getDocumentInformation().getAuthor()).isEqualTo(AUTHORITY);
                assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                        .isEqualTo(FINALIZED_DAY.atStartOfDay(TOKYO).toInstant());
            }

            String inEnglish = squeeze(text(pdf(workspace, inspection.id(), Language.EN)));
            assertThat(inEnglish).contains(squeeze(AUTHORITY), english(due), "17Aug2026");
        }
    }

    // ---------------------------------------------------------------- where the app saves it

    @Test
    void theAppsPrintoutFileCanBeWrittenInAFreshDataFolder() throws IOException {
        try (Workspace workspace = Workspace.open(folder, clock())) {
            Facility facility = facility("small", "1310000006", 80, false, false);
            Inspection inspection = start(workspace, facility, INSPECTION_DATE);
            Path file = workspace.advice().printoutFile(inspection.id(), 1, Language.JA);
            assertThat(file.startsWith(folder)).isTrue();
            assertThat(file.getFileName().toString()).isEqualTo("advice_2026-06-30_1310000006_r1_ja.pdf");

            workspace.advice().writePdf(inspection.id(), Optional.of(1), workspace.settings().advice(),
                    Language.JA, file);

            assertThat(Files.readAllBytes(file)).isEqualTo(pdf(workspace, inspection.id(), Language.JA));
        }
    }

    // ================================================================ the record

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static Catalog catalog(Workspace workspace) {
        return workspace.catalogs().latest();
    }

    static Facility facility(String id, String code, int beds, boolean emr, boolean vendor) {
        return new Facility("test-" + id, code, "テスト " + id + " 病院", "てすと びょういん", "テスト県テスト市1-2-3",
                FacilityType.byBeds(beds), beds, true, emr,
                vendor ? List.of(new VendorContract("テストシステムズ株式会社", "電子カルテ")) : List.of(), List.of(), false);
    }

    static Inspection start(Workspace workspace, Facility facility, LocalDate date) {
        workspace.facilities().save(facility);
        return workspace.inspections().start(new NewInspection(facility.id(), date,
                List.of("検査 一郎", "検査 二郎"), List.of(new Attendee("病院 花子", "事務長")), false), ACTOR);
    }

    static List<CatalogItem> applicable(Catalog catalog, Facility facility) {
        return catalog.items().stream().filter(item -> item.appliesTo(facility.profileOn(Profiles.DAY))).toList();
    }

    static Finding compliant(String itemId) {
        return Finding.empty(itemId).withAnswer(Answer.COMPLIANT).withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT))
                .withCheckedOn(INSPECTION_DATE);
    }

    static Finding nonCompliant(String itemId, String found, String advice, LocalDate target) {
        return Finding.empty(itemId).withAnswer(Answer.NON_COMPLIANT)
                .withConfirmedBy(Set.of(ConfirmationMethod.INTERVIEW)).withCheckedOn(INSPECTION_DATE)
                .withNote(found).withAdvice(advice).withTargetDate(target).withFollowUp(true);
    }

    /** The gate YES, then {@code special} in its own order, then the rest of {@code items} 適合. */
    static void answerAll(Workspace workspace, Inspection inspection, List<CatalogItem> items,
            Map<String, Finding> special) {
        Catalog catalog = catalog(workspace);
        workspace.inspections().record(inspection.id(),
                Finding.empty(catalog.gate().id()).withAnswer(Answer.YES), ACTOR);
        special.values().forEach(finding -> workspace.inspections().record(inspection.id(), finding, ACTOR));
        for (CatalogItem item : items) {
            if (!special.containsKey(item.id())) {
                workspace.inspections().record(inspection.id(), compliant(item.id()), ACTOR);
            }
        }
    }

    /**
     * 450 beds with a vendor contract and an EMR, claiming no fee add-on (36 items apply); 30 of them 不適合 with
     * long advice, recorded in
     * reverse catalog order, then finalized.
     */
    static Inspection thirtyImprovements(Workspace workspace) {
        Facility facility = facility("large", "1310000450", 450, true, true);
        Inspection inspection = start(workspace, facility, INSPECTION_DATE);
        Catalog catalog = catalog(workspace);
        List<CatalogItem> applicable = applicable(catalog, facility);
        assertThat(applicable).hasSize(36);
        List<Finding> findings = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < applicable.size(); i++) {
            CatalogItem item = applicable.get(i);
            if (i % 6 == 2) {
                findings.add(i == 2 ? compliant(item.id()).withNote("良好事例：台帳を毎月更新し、責任者が確認している。")
                        : compliant(item.id()));
                continue;
            }
            number++;
            findings.add(nonCompliant(item.id(),
                    "所見" + number + "：規程はあるが、担当者が決まっておらず運用が確認できなかった。",
                    "【助言" + number + "】" + item.title().ja() + "について、現状の運用を見直してください。"
                            + "担当者を決め、手順を文書にして職員に周知し、年1回程度は実施状況を点検してください。"
                            + "保守事業者との役割分担を確認し、連絡先と対応手順を最新に保ってください。"
                            + (number % 2 == 0 ? "改善の状況は次回の立入検査で確認します。" : ""),
                    INSPECTION_DATE.plusDays(40 + 3L * number)));
        }
        assertThat(number).isEqualTo(30);
        Collections.reverse(findings);
        workspace.inspections().record(inspection.id(),
                Finding.empty(catalog.gate().id()).withAnswer(Answer.YES), ACTOR);
        findings.forEach(finding -> workspace.inspections().record(inspection.id(), finding, ACTOR));
        workspace.inspections().finalizeInspection(inspection.id(), ACTOR);
        return inspection;
    }

    /** The 不適合 findings of applicable items, in catalog order, straight from the record. */
    static List<Finding> nonCompliant(Catalog catalog, Facility facility, Map<String, Finding> findings) {
        boolean gateNo = Optional.ofNullable(findings.get(catalog.gate().id()))
                .flatMap(Finding::answer).equals(Optional.of(Answer.NO));
        if (gateNo) {
            return List.of();
        }
        // The ministry's items first, then the 参考 items in their own section, each in catalog order.
        return applicable(catalog, facility).stream().sorted(Comparator.comparing(CatalogItem::isReference))
                .map(item -> findings.get(item.id()))
                .filter(finding -> finding != null && finding.answer().equals(Optional.of(Answer.NON_COMPLIANT)))
                .toList();
    }

    static String title(Catalog catalog, String itemId) {
        return title(catalog, itemId, Language.JA);
    }

    static String title(Catalog catalog, String itemId, Language language) {
        return catalog.item(itemId).orElseThrow().title().in(language);
    }

    // ================================================================ what the PDF must say

    /**
     * Every 不適合 item's title, advice and target date appear in section 3, rows in catalog order (each row's
     * title, then advice, then target date, before the next row's), and no advice of another item does.
     */
    static void assertImprovementsInCatalogOrder(PDDocument document, Messages messages, Catalog catalog,
            Facility facility, Map<String, Finding> findings) throws IOException {
        String text = squeeze(text(document));
        int section = section(text, messages, "improvements");
        int end = section(text, messages, "goodPractice");
        assertThat(section).isPositive().isLessThan(end);
        // Letters that may be set as ligatures are left out here: englishWordsWithLigaturesExtractAsTheirLetters().
        String table = plain(text.substring(section, end));
        List<Finding> expected = nonCompliant(catalog, facility, findings);
        assertThat(expected).isNotEmpty();
        List<Integer> adviceAt = new ArrayList<>();
        int previous = 0;
        for (Finding finding : expected) {
            String advice = plain(finding.advice());
            int at = table.indexOf(advice);
            assertThat(at).as("advice of %s in section 3", finding.itemId()).isPositive();
            assertThat(table.indexOf(advice, at + 1)).as("advice of %s only once", finding.itemId()).isEqualTo(-1);
            adviceAt.add(at);
            // The row: title, what was found, advice, target date, all after the row before.
            int titleAt = table.indexOf(plain(title(catalog, finding.itemId(), messages.language())), previous);
            assertThat(titleAt).as("title of %s after the row before", finding.itemId()).isGreaterThanOrEqualTo(previous)
                    .isLessThan(at);
            if (!finding.note().isBlank()) {
                assertThat(table.indexOf(plain(finding.note()), titleAt)).as("found of %s", finding.itemId())
                        .isBetween(titleAt, at);
            }
            String target = messages.language() == Language.JA ? wareki(finding.targetDate().orElseThrow())
                    : english(finding.targetDate().orElseThrow());
            int targetAt = table.indexOf(target, at + advice.length());
            assertThat(targetAt).as("target date %s of %s after its advice", target, finding.itemId())
                    .isGreaterThanOrEqualTo(at + advice.length());
            previous = targetAt + target.length();
        }
        assertThat(adviceAt).as("rows in catalog order: %s", expected.stream().map(Finding::itemId).toList()).isSorted();
        // No other item's catalog advice shows up as an improvement.
        FacilityProfile profile = facility.profileOn(Profiles.DAY);
        for (CatalogItem item : applicable(catalog, facility)) {
            if (expected.stream().noneMatch(finding -> finding.itemId().equals(item.id()))) {
                item.adviceFor(profile).ifPresent(advice ->
                        assertThat(table).as("advice of %s", item.id()).doesNotContain(plain(advice.in(messages.language()))));
            }
        }
    }

    /**
     * Section 2 adds up (PrintedSummary.assertAddsUp) and holds the counts computed here from the catalog, the
     * facility and the findings: the items of each checkpoint, those not asked of this facility (its attributes, or
     * the gate answered いいえ), those asked, and how the asked ones were answered.
     */
    static void assertSummaryCounts(PDDocument document, Messages messages, Catalog catalog, Facility facility,
            Map<String, Finding> findings) throws IOException {
        boolean gateNo = Optional.ofNullable(findings.get(catalog.gate().id()))
                .flatMap(Finding::answer).equals(Optional.of(Answer.NO));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        PrintedSummary.COUNTS.forEach(key -> expected.put(key, new ArrayList<>()));
        for (CheckpointSection section : catalog.sections()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            PrintedSummary.COUNTS.forEach(key -> counts.put(key, 0));
            // The counts are of the ministry's items: 参考 items are advised on apart.
            for (CatalogItem item : section.items().stream().filter(item -> !item.isReference()).toList()) {
                counts.merge("items", 1, Integer::sum);
                boolean asked = !gateNo && item.appliesTo(facility.profileOn(Profiles.DAY));
                counts.merge(asked ? "applicable" : "excluded", 1, Integer::sum);
                if (asked) {
                    String answer = Optional.ofNullable(findings.get(item.id())).flatMap(Finding::answer).map(given ->
                            switch (given) {
                                case COMPLIANT -> "compliant";
                                case NON_COMPLIANT -> "nonCompliant";
                                case ALTERNATIVE -> "alternative";
                                case NOT_APPLICABLE -> "notApplicable";
                                default -> throw new AssertionError(given);
                            }).orElse(PrintedSummary.UNANSWERED);
                    counts.merge(answer, 1, Integer::sum);
                }
            }
            counts.forEach((key, count) -> expected.get(key).add(count));
        }
        expected.values().forEach(row -> row.add(row.stream().mapToInt(Integer::intValue).sum()));
        if (expected.get(PrintedSummary.UNANSWERED).get(catalog.sections().size()) == 0) {
            expected.remove(PrintedSummary.UNANSWERED);
        }

        PrintedSummary printed = PrintedSummary.read(document, messages, catalog);

        printed.assertAddsUp();
        assertThat(printed.rows()).as("section 2").isEqualTo(expected);
        assertThat(printed.row("items").get(catalog.sections().size()))
                .isEqualTo((int) catalog.items().stream().filter(item -> !item.isReference()).count());
    }

    // ================================================================ reading PDFs

    static byte[] pdf(Workspace workspace, String inspectionId, Language language) {
        return workspace.advice().pdf(inspectionId, Optional.empty(), workspace.settings().advice(), language);
    }

    /** The text in content order: a table cell's lines stay together. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document);
        }
    }

    static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** The page's lines from the top down, as the eye reads them; blank ones left out. */
    static List<String> lines(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).lines().filter(line -> !line.isBlank()).toList();
    }


    /** Extracted text has line breaks where the layout wrapped and spaces where the stripper saw gaps. */
    static String squeeze(String text) {
        return text.replaceAll("\\s", "");
    }

    /**
     * Squeezed, and without the letters f, i and l, which PDFBox may set as one ligature glyph (fi, fl, ffl)
     * that extracts as nothing; englishWordsWithLigaturesExtractAsTheirLetters() is about that.
     */
    static String plain(String text) {
        return squeeze(text).replaceAll("[fil\uFB00-\uFB06]", "");
    }

    static int pageOf(List<String> pageTexts, String squeezed) {
        for (int i = 0; i < pageTexts.size(); i++) {
            if (pageTexts.get(i).contains(squeezed)) {
                return i + 1;
            }
        }
        throw new AssertionError("on no page: " + squeezed);
    }

    /**
     * Where a section's heading starts in squeezed text: its title right after its number ("4改善が必要な事項",
     * "4.Itemsthatneedimprovement"), so that the same words elsewhere (the intro) do not count; -1 if absent.
     */
    static int section(String squeezedText, Messages messages, String key) {
        Matcher heading = sectionHeading(messages, key).matcher(squeezedText);
        return heading.find() ? heading.start() : -1;
    }

    /** The heading of a section as the squeezed text of the page holding it has it. */
    static String heading(List<String> pageTexts, Messages messages, String key) {
        for (String page : pageTexts) {
            Matcher heading = sectionHeading(messages, key).matcher(page);
            if (heading.find()) {
                return heading.group();
            }
        }
        throw new AssertionError("no heading of section " + key);
    }

    private static Pattern sectionHeading(Messages messages, String key) {
        String title = squeeze(messages.get("advice.section." + key));
        // Text that lost its ligature letters (plain) is matched as well as squeezed text.
        return Pattern.compile("\\d+[.\u3000]?(" + Pattern.quote(title) + "|" + Pattern.quote(plain(title)) + ")");
    }

    static List<Integer> indexes(String squeezedText, List<String> parts) {
        return parts.stream().map(part -> squeezedText.indexOf(squeeze(part))).toList();
    }

    /** The check code of the first footer. */
    static String checkCode(String text) {
        Matcher matcher = CHECK_CODE.matcher(text);
        assertThat(matcher.find()).as("a check code in the text").isTrue();
        return matcher.group(1);
    }

    static String checkCode(byte[] pdf) throws IOException {
        return checkCode(text(pdf));
    }

    /** A date as Japanese official documents write it, for dates in the Reiwa era: 令和8年7月2日. */
    static String wareki(LocalDate date) {
        assertThat(date).isAfterOrEqualTo(LocalDate.of(2019, 5, 1));
        return "令和" + (date.getYear() - 2018) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** "2 Jul 2026", squeezed. */
    static String english(LocalDate date) {
        return date.getDayOfMonth() + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + date.getYear();
    }
}
