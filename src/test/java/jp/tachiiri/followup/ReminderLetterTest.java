package jp.tachiiri.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static jp.tachiiri.testsupport.Rejections.assertRefused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.demo.DemoData;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PrintedPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reminder letter over a real office store that imported the demo tablet's findings, written as PDF and read
 * back. As in {@link FollowUpServiceTest}: the clock on 2026-11-30; 桜川 inspected 2026-07-31 with four findings
 * (backup.offline-copy and vulnerability.two-factor-auth of the ministry's items, recovery.drills and
 * vulnerability.vpn-firmware 参考), all with the target date 2027-03-31; the report due Monday 2027-01-04.
 */
class ReminderLetterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final LocalDate DUE = LocalDate.of(2027, 1, 4);
    private static final String ACTOR = "supervisor";
    private static final Messages JA = Messages.of(Language.JA);

    @TempDir
    Path folder;

    private Workspace office;
    private FollowUpService followUp;
    private FollowUpCase sakuragawa;

    @BeforeEach
    void officeWithTheDemoFindings() {
        office = Offices.withDemoFindings(folder, CLOCK);
        office.settings().setAdvice(new AdviceSettings(DemoData.ISSUING_AUTHORITY, AdviceSettings.DEFAULT_REPORT_DAYS));
        followUp = office.followUp();
        sakuragawa = followUp.cases().stream().filter(found -> found.facilityName().contains("桜川")).findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        office.close();
    }

    /**
     * The day after the report was due: 14 days after 2027-01-05 is Tuesday 2027-01-19, an open day. The letter
     * names the hospital, the inspection, the date the report was due and the new one, and lists every open finding,
     * the ministry's items first and the 参考 items marked, all 報告待ち.
     */
    @Test
    void aLetterTheDayAfterTheReportWasDueAsksForItByANewDateAndListsEveryOpenFinding() throws IOException {
        Path out = folder.resolve("letters").resolve("督促状.pdf");
        Files.createDirectories(out.getParent());

        ReminderLetter letter = followUp.writeReminderLetter(sakuragawa.inspectionId(), DUE.plusDays(1), Language.JA, out,
                "supervisor");

        assertThat(followUp.trail(sakuragawa.inspectionId())).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("REMINDER_LETTER_WRITTEN");
            assertThat(event.actor()).isEqualTo("supervisor");
            assertThat(event.newValue()).isEqualTo("2027-01-05 due=2027-01-19 | 督促状.pdf");
        });
        assertThat(letter.reason()).isEqualTo(ReminderLetter.Reason.REPORT_OVERDUE);
        assertThat(letter.newDue()).isEqualTo(LocalDate.of(2027, 1, 19));
        String text = squeezed(out);
        assertThat(text).contains(squeeze(sakuragawa.facilityName() + "　管理者　殿"), squeeze(DemoData.ISSUING_AUTHORITY),
                "令和8年7月31日に実施した", "令和9年1月4日までに改善の計画", "令和9年1月5日現在、報告を受領していません",
                "令和9年1月19日までに改善の計画または状況を" + squeeze(DemoData.ISSUING_AUTHORITY) + "へ報告", "行き違い");
        assertThat(rowOrder(text)).containsExactly("backup.offline-copy", "vulnerability.two-factor-auth",
                "recovery.drills", "vulnerability.vpn-firmware");
        for (FindingToFollow finding : sakuragawa.findings()) {
            String row = rowOf(text, finding);
            assertThat(row).as(finding.itemId()).contains("令和9年3月31日", "報告待ち");
            assertThat(row.contains("参考")).as(finding.itemId()).isEqualTo(finding.reference());
        }
        assertThat(text).contains("「参考」の項目は、チェックリストの項目ではなく改善報告の対象でもありません");
        assertThat(text).doesNotContain("目標日経過").as("nothing can be in progress before the report")
                .doesNotContain("新しい目標日");
    }

    /**
     * After the report: one finding closed, one not done, a 参考 item in progress with a new date, the longest an era
     * date can be. On 2027-04-01, the day after the target date, the letter reminds of what is still open and leaves
     * the closed finding out; each date stands whole on one line.
     */
    @Test
    void afterTheReportALetterListsWhatIsStillOpenPastItsDateAndLeavesTheClosedFindingOut() throws IOException {
        String id = sakuragawa.inspectionId();
        followUp.recordReport(id, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "情報システム課", ACTOR);
        followUp.assess(id, "backup.offline-copy", "テープに週次で複製", Optional.of(LocalDate.of(2026, 11, 20)),
                Assessment.CLOSED, Optional.empty(), ACTOR);
        followUp.assess(id, "vulnerability.two-factor-auth", "", Optional.empty(), Assessment.NOT_DONE, Optional.empty(),
                ACTOR);
        followUp.assess(id, "vulnerability.vpn-firmware", "更新を計画中", Optional.empty(), Assessment.IN_PROGRESS,
                Optional.of(LocalDate.of(2028, 12, 28)), ACTOR);
        Path out = folder.resolve("letter.pdf");

        ReminderLetter letter = followUp.writeReminderLetter(id, LocalDate.of(2027, 4, 1), Language.JA, out, "supervisor");

        assertThat(letter.reason()).isEqualTo(ReminderLetter.Reason.PAST_TARGET);
        String text = squeezed(out);
        assertThat(text).contains("令和8年11月25日に改善報告を受領しました", "令和9年4月1日現在、改善を確認できていません",
                "令和9年4月15日までに").doesNotContain("行き違い");
        FindingToFollow closed = sakuragawa.finding("backup.offline-copy").orElseThrow();
        assertThat(text).doesNotContain(squeeze(closed.title().in(Language.JA)));
        assertThat(rowOrder(text)).containsExactly("vulnerability.two-factor-auth", "recovery.drills",
                "vulnerability.vpn-firmware");
        assertThat(rowOf(text, finding("vulnerability.two-factor-auth"))).contains("令和9年3月31日", "未対応", "目標日経過");
        assertThat(rowOf(text, finding("recovery.drills"))).contains("参考", "報告待ち", "目標日経過");
        assertThat(rowOf(text, finding("vulnerability.vpn-firmware")))
                .contains("参考", "令和9年3月31日", "令和10年12月28日", "対応中").doesNotContain("目標日経過");
        assertThat(text).contains("当初の目標日", "新しい目標日");
        List<String> lines = lines(out);
        for (String date : List.of("令和8年7月31日", "令和8年11月25日", "令和9年4月1日", "令和9年4月15日", "令和9年3月31日",
                "令和10年12月28日")) {
            assertThat(lines).as("%s on one line", date).anyMatch(line -> line.contains(date));
        }
        Path english = folder.resolve("letter-en.pdf");
        followUp.writeReminderLetter(id, LocalDate.of(2027, 4, 1), Language.EN, english, "supervisor");
        assertThat(lines(english)).as("28 Dec 2028 on one line").anyMatch(line -> line.contains("28 Dec 2028"));
    }

    @Test
    void aHospitalWithEveryFindingClosedIsRefusedNamingItAndNoFileIsWritten() {
        String id = sakuragawa.inspectionId();
        followUp.recordReport(id, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "", ACTOR);
        for (String item : List.of("backup.offline-copy", "vulnerability.two-factor-auth")) {
            followUp.assess(id, item, "対応済み", Optional.of(LocalDate.of(2026, 11, 20)), Assessment.CLOSED,
                    Optional.empty(), ACTOR);
        }
        Path out = folder.resolve("letter.pdf");

        UserFacingException refused = assertRefused(() -> followUp.writeReminderLetter(id, DUE.plusDays(1),
                Language.JA, out, "supervisor"), "followup.error.nothingOpen");

        assertThat(JA.describe(refused)).contains(sakuragawa.facilityName(), "2026-07-31", "未完了の指摘がありません");
        assertThat(Messages.of(Language.EN).describe(refused)).contains(sakuragawa.facilityName(), "no open finding");
        assertThat(out).doesNotExist();
        assertThat(folder).isDirectoryNotContaining("glob:**.pdf*");
    }

    /** Before the report is due there is nothing to remind of; nor after it arrived with no open finding past its date. */
    @Test
    void aLetterIsRefusedBeforeTheReportIsDueOrWhenNothingOpenIsPastItsDate() {
        String id = sakuragawa.inspectionId();
        Path out = folder.resolve("letter.pdf");
        UserFacingException early = assertRefused(() -> followUp.writeReminderLetter(id, DUE, Language.JA, out, "supervisor"),
                "followup.error.reportNotYetDue");
        assertThat(JA.describe(early)).contains(sakuragawa.facilityName(), DUE.toString());
        assertRefused(() -> followUp.writeReminderLetter(id, LocalDate.of(2026, 11, 29), Language.JA, out, "supervisor"),
                "followup.error.letterDatePast");

        followUp.recordReport(id, LocalDate.of(2026, 11, 25), "桜川 情報 太郎", "", ACTOR);
        UserFacingException reported = assertRefused(() -> followUp.writeReminderLetter(id, LocalDate.of(2027, 3, 31),
                Language.JA, out, "supervisor"), "followup.error.nothingPastTarget");
        assertThat(JA.describe(reported)).contains(sakuragawa.facilityName(), "2026-11-25");
        assertThat(out).doesNotExist();
        assertThat(followUp.trail(id)).as("refused letters leave no trace").extracting(event -> event.action())
                .containsExactly("REPORT_RECORDED");

        assertThat(followUp.reminderLetter(id, LocalDate.of(2027, 4, 1)).reason())
                .isEqualTo(ReminderLetter.Reason.PAST_TARGET);
    }

    /** The advice printout's checks: the bundled font embedded, every glyph inside the margins; and the same bytes. */
    @Test
    void usesOnlyTheEmbeddedBundledFontKeepsEveryGlyphInsideTheMarginsAndTheSameLetterIsTheSameBytes() throws IOException {
        Path first = folder.resolve("first.pdf");
        Path again = folder.resolve("again.pdf");
        Path english = folder.resolve("english.pdf");
        followUp.writeReminderLetter(sakuragawa.inspectionId(), DUE.plusDays(1), Language.JA, first, "supervisor");
        followUp.writeReminderLetter(sakuragawa.inspectionId(), DUE.plusDays(1), Language.JA, again, "supervisor");
        followUp.writeReminderLetter(sakuragawa.inspectionId(), DUE.plusDays(1), Language.EN, english, "supervisor");

        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));
        assertThat(squeezed(english)).contains("Requestfortheimprovementreport", "19Jan2027", "Reference");
        for (Path letter : List.of(first, english)) {
            try (PDDocument document = Loader.loadPDF(letter.toFile())) {
                assertThat(document.getDocumentInformation().getTitle()).contains(sakuragawa.facilityName());
                PrintedPages.assertBundledFontInsideMargins(document);
            }
        }
    }

    @Test
    void theAppSavesALetterInThePrintoutsFolderNamedByDateAndHospital() {
        Path file = followUp.reminderLetterFile(sakuragawa.inspectionId(), DUE.plusDays(1), Language.JA);

        assertThat(file.getParent()).isEqualTo(folder.resolve("office").resolve("printouts")).isDirectory();
        assertThat(file.getFileName().toString())
                .isEqualTo("reminder_2027-01-05_" + sakuragawa.facilityCode() + "_2026-07-31_ja.pdf");
    }

    private FindingToFollow finding(String itemId) {
        return sakuragawa.finding(itemId).orElseThrow();
    }

    /** The item ids of the findings listed, in the order of the table (found by their titles). */
    private List<String> rowOrder(String text) {
        return sakuragawa.findings().stream().filter(finding -> text.contains(title(finding)))
                .sorted((a, b) -> Integer.compare(text.indexOf(title(a)), text.indexOf(title(b))))
                .map(FindingToFollow::itemId).toList();
    }

    /** A finding's row: from its title to the next row's title, or to the note or 以上 after the table. */
    private String rowOf(String text, FindingToFollow finding) {
        int start = text.indexOf(title(finding));
        assertThat(start).as(finding.itemId()).isNotNegative();
        List<Integer> after = new ArrayList<>(List.of(text.indexOf("※", start), text.indexOf("以上", start)));
        sakuragawa.findings().forEach(other -> after.add(text.indexOf(title(other))));
        return text.substring(start, after.stream().filter(at -> at > start).min(Integer::compare).orElseThrow());
    }

    private static String title(FindingToFollow finding) {
        return squeeze(finding.title().in(Language.JA));
    }

    /** The text in content order (a table cell's lines stay together), without the breaks the layout made. */
    private static String squeezed(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return squeeze(new PDFTextStripper().getText(document));
        }
    }

    /** The lines as the eye reads them, from the top down. */
    private static List<String> lines(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).lines().toList();
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s", "");
    }
}
