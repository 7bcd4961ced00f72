package jp.tachiiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.demo.DemoData;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.testsupport.Commands;
import jp.tachiiri.testsupport.Commands.Run;
import jp.tachiiri.testsupport.Offices;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tachiiri followup} on a real office data folder that imported the demo tablet's findings today: listing on
 * a given day, recording a report and an assessment with an evidence file, writing the reminder letter, and refusals
 * with exit code 1.
 */
class FollowUpCommandsTest {

    @TempDir
    Path folder;

    private String office;
    private String code;
    private LocalDate due;
    private LocalDate today;

    @BeforeEach
    void officeWithTheDemoFindings() {
        try (Workspace workspace = Offices.withDemoFindings(folder, Clock.systemUTC())) {
            FollowUpCase sakuragawa = workspace.followUp().cases().stream()
                    .filter(found -> found.facilityName().contains("桜川")).findFirst().orElseThrow();
            code = sakuragawa.facilityCode();
            due = sakuragawa.reportDue();
            today = workspace.followUp().today();
        }
        office = folder.resolve("office").toString();
    }

    @Test
    void theListTellsWhatIsOpenOnTheDayAsked() {
        Run onDue = run("followup", "list", "--data", office, "--on", due.toString());
        assertThat(onDue.exitCode()).isZero();
        assertThat(onDue.out()).contains(code + "\t", "backup.offline-copy", "vulnerability.two-factor-auth")
                .doesNotContain("vulnerability.vpn-firmware", "報告期限超過（")
                .contains(due + " 時点: 改善報告の期限超過 0 病院");

        assertThat(run("followup", "--data", office).out()).as("followup alone lists what is open")
                .contains("backup.offline-copy", "vulnerability.two-factor-auth");
        Run dayAfter = run("followup", "list", "--data", office, "--on", due.plusDays(1).toString(), "--overdue");
        assertThat(dayAfter.out()).contains("改善報告の期限超過 2 病院", "報告期限超過（" + due + "）");
        Run withReference = run("followup", "list", "--data", office, "--reference", "--lang", "en");
        assertThat(withReference.out()).contains("vulnerability.vpn-firmware (reference)", "Awaiting report");
    }

    @Test
    void aReportAndAnAssessmentAreRecordedWithTheirEvidence() throws Exception {
        Path scan = Files.writeString(folder.resolve("報告書.pdf"), "%PDF-1.7 scan", StandardCharsets.UTF_8);
        assertThat(run("followup", "record", "--data", office, "--facility", code, "--received", today.toString(),
                "--contact", "桜川 情報 太郎", "--contact-role", "情報システム課").exitCode()).isZero();
        Run assessed = run("followup", "assess", "--data", office, "--facility", code, "--item", "backup.offline-copy",
                "--assessment", "closed", "--done-on", today.toString(), "--action", "テープに週次で複製",
                "--evidence", scan.toString());
        assertThat(assessed.exitCode()).as(assessed.err()).isZero();
        assertThat(assessed.out()).contains("改善済", "証拠ファイル 1 件");

        Path csv = folder.resolve("followup.csv");
        Run listed = run("followup", "list", "--data", office, "--all", "--on", due.plusDays(1).toString(),
                "--csv", csv.toString());
        assertThat(listed.out()).contains("改善報告の期限超過 1 病院").contains("backup.offline-copy\t改善済");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("backup.offline-copy", "改善済", "テープに週次で複製"));
        try (Workspace workspace = Workspace.open(folder.resolve("office"), Clock.systemUTC())) {
            assertThat(workspace.followUp().findByFacility(code).finding("backup.offline-copy").orElseThrow().evidence())
                    .singleElement().satisfies(kept -> assertThat(kept.fileName()).isEqualTo("報告書.pdf"));
        }
    }

    @Test
    void theListNarrowsToAHospitalAndAnItemAndTheHistoryShowsEveryChange() {
        Run narrowed = run("followup", "list", "--data", office, "--facility", "桜川", "--item", "backup.offline-copy");
        assertThat(narrowed.out().lines().filter(line -> line.contains("\t"))).singleElement().asString()
                .startsWith(code + "\t").contains("backup.offline-copy");

        run("followup", "record", "--data", office, "--facility", code, "--received", today.toString(), "--contact", "担当");
        run("followup", "assess", "--data", office, "--facility", code, "--item", "backup.offline-copy", "--assessment",
                "not-done");
        Run history = run("followup", "history", "--data", office, "--facility", code);
        assertThat(history.exitCode()).isZero();
        assertThat(history.out().lines()).hasSize(3);
        assertThat(history.out()).contains("REPORT_RECORDED", "ITEM_ASSESSED\tbackup.offline-copy\t\tNOT_DONE",
                "改ざんされていません");
    }

    @Test
    void theDemoOfAnOfficeDataFolderIsTheOfficesWithAHospitalToRemind() throws Exception {
        String demo = folder.resolve("demo-office").toString();
        assertThat(run("role", "office", "--data", demo).exitCode()).isZero();
        assertThat(run("demo", "--data", demo).exitCode()).isZero();

        Run overdue = run("followup", "list", "--data", demo, "--overdue");
        assertThat(overdue.out()).contains(DemoData.REPORT_OVERDUE_CODE + "\t").doesNotContain(DemoData.ALL_CLOSED_CODE)
                .contains("改善報告の期限超過 1 病院");
        Path letter = folder.resolve("letter.pdf");
        assertThat(run("followup", "letter", "--data", demo, "--facility", DemoData.REPORT_OVERDUE_CODE, "--out",
                letter.toString()).exitCode()).isZero();
        assertThat(letter).isRegularFile();
        assertThat(run("followup", "letter", "--data", demo, "--facility", DemoData.ALL_CLOSED_CODE, "--out",
                folder.resolve("none.pdf").toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void badInputExitsWithOneAndSaysWhy() {
        Run early = run("followup", "record", "--data", office, "--facility", code, "--received", "2020-01-01",
                "--contact", "担当");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).contains("2020-01-01", "より前");
        Run unknown = run("followup", "assess", "--data", office, "--facility", code, "--item", "backup.offline-copy",
                "--assessment", "maybe");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("maybe");
        Run noFacility = run("followup", "record", "--data", office, "--facility", "0000000000", "--received",
                today.toString(), "--contact", "担当");
        assertThat(noFacility.exitCode()).isEqualTo(1);
        assertThat(noFacility.err()).contains("0000000000");
        assertThat(run("followup", "list", "--data", office, "--all").out()).doesNotContain("改善済\t");
    }

    @Test
    void theLetterIsWrittenTheDayAfterTheReportWasDueAndRefusedOnceEveryFindingIsClosed() throws Exception {
        Path letter = folder.resolve("督促状.pdf");
        Run written = run("followup", "letter", "--data", office, "--facility", code, "--out", letter.toString(),
                "--on", due.plusDays(1).toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("桜川", "未完了の指摘 4 件", letter.toAbsolutePath().toString());
        try (PDDocument document = Loader.loadPDF(letter.toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", ""))
                    .contains("桜川", "管理者", "報告を受領していません", "二要素認証");
        }

        Run early = run("followup", "letter", "--data", office, "--facility", code, "--out", letter + ".early.pdf");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).contains("桜川", due.toString());
        Run unknown = run("followup", "letter", "--data", office, "--facility", "0000000000", "--out",
                folder.resolve("unknown.pdf").toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("0000000000");

        assertThat(run("followup", "record", "--data", office, "--facility", code, "--received", today.toString(),
                "--contact", "桜川 情報 太郎").exitCode()).isZero();
        for (String item : List.of("backup.offline-copy", "vulnerability.two-factor-auth")) {
            assertThat(run("followup", "assess", "--data", office, "--facility", code, "--item", item,
                    "--assessment", "closed", "--done-on", today.toString()).exitCode()).isZero();
        }
        Path refusedLetter = folder.resolve("closed.pdf");
        Run closed = run("followup", "letter", "--data", office, "--facility", code, "--out", refusedLetter.toString(),
                "--on", due.plusDays(1).toString());
        assertThat(closed.exitCode()).isEqualTo(1);
        assertThat(closed.err()).contains("桜川", "未完了の指摘がありません");
        assertThat(refusedLetter).doesNotExist();
        assertThat(folder.resolve("unknown.pdf")).doesNotExist();
    }

    private static Run run(String... args) {
        return Commands.run(args);
    }
}
