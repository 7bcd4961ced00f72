package jp.tachiiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: arguments in, exit code and text out. */
class CommandLineTest {

    @TempDir
    Path data;

    private record Run(int exitCode, String out, String err) {
    }

    private final List<Path> launchedWith = new ArrayList<>();

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = CommandLineRunner.run(args, (folder, language) -> launchedWith.add(folder),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tachiiri ").doesNotContain("unknown");

        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("catalog", "audit", "demo", "inspections", "--data", "使い方");

        assertThat(run("--lang", "en", "--help").out()).contains("Usage:", "Commands:");

        Run subcommandHelp = run("catalog", "check", "--help");
        assertThat(subcommandHelp.exitCode()).isZero();
        assertThat(subcommandHelp.out()).contains("tachiiri catalog check", "FILE", "--data");
    }

    @Test
    void withoutCommandOpensTheAppOnTheChosenDataFolder() {
        assertThat(run("--data", data.toString()).exitCode()).isZero();
        assertThat(launchedWith).containsExactly(data.toAbsolutePath());
    }

    /**
     * Opening the app takes a shortcut past the command line's model; it must open the same folder in the same
     * language as picocli would, and leave anything else (a repeated or unknown option, a missing value) to picocli.
     */
    @Test
    void theAppsOwnArgumentsOpenItAsTheCommandLineWouldAndAnythingElseIsParsed() {
        List<Language> languages = new ArrayList<>();
        assertThat(CommandLineRunner.run(new String[] {"--lang", "EN", "--data=" + data}, (folder, language) -> {
            launchedWith.add(folder);
            languages.add(language);
        }, System.out, System.err)).isZero();
        assertThat(launchedWith).containsExactly(data.toAbsolutePath());
        assertThat(languages).containsExactly(Language.EN);

        assertThat(run("--data").exitCode()).as("a missing value").isEqualTo(2);
        assertThat(run("--lang", "xx").exitCode()).as("an unknown language").isEqualTo(2);
        assertThat(run("--data", data.toString(), "--data", data.toString()).exitCode()).as("given twice").isEqualTo(2);
        assertThat(run("--data", data.toString(), "--verbose").exitCode()).as("an unknown option").isEqualTo(2);
        assertThat(launchedWith).hasSize(1);
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        Run unknown = run("no-such-command");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("コマンドの指定が正しくありません", "no-such-command");
        assertThat(run("--lang", "xx", "inspections").exitCode()).isEqualTo(2);
    }

    @Test
    void catalogCheckSummarisesTheBundledCatalog() {
        Run check = run("catalog", "check");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("2025.1", "vulnerability", "backup", "recovery", "contact");
    }

    @Test
    void catalogCheckRejectsABadFileWithItsNameAndPlace() throws Exception {
        Path bad = Files.writeString(data.resolve("broken.json"), "{\"format\": \"tachiiri-catalog\", \"formatVersion\": 1, \"extra\": 1}");
        Run check = run("catalog", "check", bad.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("broken.json", "$.extra", "extra");
        assertThat(check.out()).isEmpty();

        Run english = run("--lang", "en", "catalog", "check", bad.toString());
        assertThat(english.err()).contains("broken.json at $.extra", "unexpected field");
    }

    @Test
    void demoThenInspectionsListsTabSeparatedLines() {
        assertThat(run("demo", "--data", data.toString()).exitCode()).isZero();
        Run again = run("--data", data.toString(), "demo");
        assertThat(again.out()).contains("既にあります");

        Run list = run("inspections", "--data", data.toString());
        assertThat(list.exitCode()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line.split("\t")).hasSize(5));
        assertThat(list.out()).contains("FINALIZED", "IN_PROGRESS", "デモ");

        assertThat(run("facilities", "--data", data.toString()).out().lines()).hasSize(5);
    }

    @Test
    void auditVerifyPassesOnAnIntactStore() {
        run("demo", "--data", data.toString());
        Run verify = run("audit", "verify", "--data", data.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("3 件");
    }

    @Test
    void auditVerifyNamesTheFirstBrokenLinkAndExitsWithOne() throws Exception {
        run("demo", "--data", data.toString());
        String inspectionId = run("inspections", "--data", data.toString()).out().lines()
                .filter(line -> line.contains("FINALIZED")).findFirst().orElseThrow().split("\t")[0];
        // Someone edits the file behind the app's back: drops the append-only triggers and rewrites an answer.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tachiiri.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TRIGGER audit_events_no_update");
            int edited = statement.executeUpdate("UPDATE audit_events SET new_value = 'NON_COMPLIANT' WHERE inspection_id = '"
                    + inspectionId + "' AND sequence = 5 AND new_value IS NOT 'NON_COMPLIANT'");
            assertThat(edited).isEqualTo(1);
        }

        Run verify = run("audit", "verify", "--data", data.toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains(inspectionId, "記録 5", "改ざん");
        assertThat(verify.out()).isEmpty();
    }

    @Test
    void settingsAreShownChangedAndCheckedBeforeStoring() {
        Run shown = run("settings", "--data", data.toString());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("発行元が設定されていません", "30 日");

        Run changed = run("settings", "--data", data.toString(), "--authority", "テスト県 健康福祉部 医務課",
                "--report-days", "45");
        assertThat(changed.exitCode()).isZero();
        assertThat(run("settings", "--data", data.toString()).out()).contains("テスト県 健康福祉部 医務課", "45 日");

        Run refused = run("settings", "--data", data.toString(), "--report-days", "400");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("400", "365");
        assertThat(run("settings", "--data", data.toString()).out()).contains("45 日");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithExitOne() throws Exception {
        Files.writeString(data.resolve("tachiiri.db"), "not a database, just text that someone saved here");
        Run list = run("inspections", "--data", data.toString());
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("tachiiri.db");
    }

    @Test
    void adviceWritesTheInspectionsPrintoutAndPrintsItsPath() throws Exception {
        run("demo", "--data", data.toString());
        String finalized = inspectionId("FINALIZED");
        Path out = data.resolve("助言書.pdf");

        Run advice = run("advice", "--data", data.toString(), "--inspection", finalized, "--out", out.toString());

        assertThat(advice.exitCode()).as(advice.err()).isZero();
        assertThat(advice.err()).isEmpty();
        assertThat(advice.out()).contains(out.toAbsolutePath().toString());
        try (PDDocument document = Loader.loadPDF(out.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).startsWith("医療機関のサイバーセキュリティ対策に関する助言書").contains("デモ桜川記念病院",
                    jp.tachiiri.model.InspectionIds.printed(finalized)).doesNotContain("【下書き】");
        }
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }

        // The inspection in progress, in English: a draft.
        Path english = data.resolve("advice-en.pdf");
        Run inEnglish = run("--lang", "en", "advice", "--inspection", inspectionId("IN_PROGRESS"), "--out",
                english.toString(), "--data", data.toString());
        assertThat(inEnglish.exitCode()).as(inEnglish.err()).isZero();
        assertThat(inEnglish.out()).contains(english.toAbsolutePath().toString());
        try (PDDocument document = Loader.loadPDF(english.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).startsWith("[DRAFT]Adviceonthecybersecurityofamedicalinstitution")
                    .contains("1.Theinspection", "3.Resultsperchecklistitem",
                            "4.Yourchecklistandthevendors'checklists", "5.Itemsthatneedimprovement", "[DRAFT]ID");
        }

        // A revision by number.
        Path first = data.resolve("first.pdf");
        assertThat(run("advice", "--data", data.toString(), "--inspection", finalized, "--revision", "1", "--out",
                first.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void adviceForAnUnknownInspectionExitsWithOneNamingItAndWritesNothing() throws Exception {
        run("demo", "--data", data.toString());
        Path out = data.resolve("none.pdf");

        Run advice = run("advice", "--data", data.toString(), "--inspection", "no-such-inspection", "--out", out.toString());

        assertThat(advice.exitCode()).isEqualTo(1);
        assertThat(advice.err()).contains("no-such-inspection", "見つかりません");
        assertThat(advice.out()).isEmpty();
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains("none.pdf"));
        }

        Run english = run("--lang", "en", "advice", "--data", data.toString(), "--inspection", "no-such-inspection",
                "--out", out.toString());
        assertThat(english.exitCode()).isEqualTo(1);
        assertThat(english.err()).contains("no-such-inspection").doesNotContain("見つかりません");

        Run noRevision = run("advice", "--data", data.toString(), "--inspection", inspectionId("FINALIZED"),
                "--revision", "9", "--out", out.toString());
        assertThat(noRevision.exitCode()).isEqualTo(1);
        assertThat(noRevision.err()).contains(inspectionId("FINALIZED"));
        assertThat(out).doesNotExist();
    }

    @Test
    void adviceWithoutOutOrInspectionIsAUsageError() {
        run("demo", "--data", data.toString());

        Run noOut = run("advice", "--data", data.toString(), "--inspection", inspectionId("FINALIZED"));
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
        assertThat(noOut.out()).isEmpty();

        Run noInspection = run("advice", "--data", data.toString(), "--out", data.resolve("x.pdf").toString());
        assertThat(noInspection.exitCode()).isEqualTo(2);
        assertThat(noInspection.err()).contains("--inspection");
        assertThat(data.resolve("x.pdf")).doesNotExist();

        Run help = run("advice", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--inspection", "--out", "--revision", "FILE.pdf");
    }

    @Test
    void adviceIntoAFolderThatDoesNotExistFailsWithOne() {
        run("demo", "--data", data.toString());
        Path out = data.resolve("no-such-folder").resolve("advice.pdf");

        Run advice = run("advice", "--data", data.toString(), "--inspection", inspectionId("FINALIZED"), "--out",
                out.toString());

        assertThat(advice.exitCode()).isEqualTo(1);
        assertThat(advice.err()).contains("no-such-folder");
        assertThat(out).doesNotExist();
    }

    /** The id of this fiscal year's demo inspection with the given status. */
    private String inspectionId(String status) {
        return run("inspections", "--data", data.toString()).out().lines()
                .filter(line -> line.contains("\t" + status + "\t") && line.contains("桜川") == status.equals("FINALIZED"))
                .findFirst().orElseThrow().split("\t")[0];
    }

    @Test
    void reportCsvWritesTheFiscalYearAndRefusesAYearThatIsNoNumber() throws Exception {
        run("demo", "--data", data.toString());
        Path csv = data.resolve("out").resolve("fy.csv");
        int year = java.time.LocalDate.now().minusMonths(3).getYear(); // the fiscal year of today (April to March)
        Run report = run("report", "csv", "--data", data.toString(), "--year", Integer.toString(year), "--out", csv.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains(year + "年度", "立入検査 1 件", csv.toAbsolutePath().toString());
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF立入検査ID,").contains("デモ 桜川記念病院");
        assertThat(run("report", "csv", "--data", data.toString(), "--year", "R8", "--out", csv.toString()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void planReadsTheDateAsTheScreensDoAndNamesTheFieldOfAWrongOne() {
        run("role", "--data", data.toString(), "office");
        run("demo", "--data", data.toString());
        Run planned = run("plan", "--data", data.toString(), "--facility", "9910000017", "--inspector", "hanako",
                "--name", "立入花子", "--date", "２０２７／１／２０");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        assertThat(planned.out()).contains("2027年1月20日");
        try (Workspace office = Workspace.open(data, Clock.systemDefaultZone())) {
            assertThat(office.sync().plans()).singleElement()
                    .satisfies(plan -> assertThat(plan.date()).isEqualTo(java.time.LocalDate.parse("2027-01-20")));
        }

        Run wrong = run("plan", "--data", data.toString(), "--facility", "9910000017", "--inspector", "hanako",
                "--name", "立入花子", "--date", "2027-02-30");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("予定日: 「2027-02-30」は日付として読めません");
        Run english = run("--lang", "en", "plan", "--data", data.toString(), "--facility", "9910000017", "--inspector",
                "hanako", "--name", "立入花子", "--date", "");
        assertThat(english.exitCode()).isEqualTo(1);
        assertThat(english.err()).contains("Planned date: \"\" is not a date");
        // The same rule for the inspector's id as the planning dialog's: it is the service's.
        Run badId = run("--lang", "en", "plan", "--data", data.toString(), "--facility", "9910000017", "--inspector",
                "立入 花子", "--name", "立入花子", "--date", "2027-02-03");
        assertThat(badId.exitCode()).isEqualTo(1);
        assertThat(badId.err()).contains("立入 花子", "letters, digits");
        try (Workspace office = Workspace.open(data, Clock.systemDefaultZone())) {
            assertThat(office.sync().plans()).hasSize(1);
        }

        // The hospital asks for another day: the plan moves, keeping its id.
        String planId = planned.out().replaceAll("(?s).*（ID ([^）]+)）.*", "$1");
        Run moved = run("replan", "--data", data.toString(), "--plan", planId, "--date", "2027/2/10");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("2027年2月10日", planId);
        assertThat(run("replan", "--data", data.toString(), "--plan", "no-such-plan", "--date", "2027/2/10").err())
                .contains("no-such-plan");
        try (Workspace office = Workspace.open(data, Clock.systemDefaultZone())) {
            assertThat(office.sync().plans()).singleElement().satisfies(plan -> {
                assertThat(plan.id()).isEqualTo(planId);
                assertThat(plan.date()).isEqualTo(java.time.LocalDate.of(2027, 2, 10));
            });
        }
    }

    @Test
    void anErrorIsToldAsUnexpectedWithExitCodeOneNotAsATrace(@TempDir Path data) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = CommandLineRunner.run(new String[] {"--lang", "en", "--data", data.toString()}, (folder, language) -> {
            throw new OutOfMemoryError("simulated");
        }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("An unexpected error occurred: OutOfMemoryError: simulated")
                .doesNotContain("\tat ");
    }

    @Test
    void languageIsPickedBeforeParsing() {
        assertThat(CommandLineRunner.languageOf(new String[] {"--lang", "en"})).isEqualTo(Language.EN);
        assertThat(CommandLineRunner.languageOf(new String[] {"--lang=en", "demo"})).isEqualTo(Language.EN);
        assertThat(CommandLineRunner.languageOf(new String[] {"demo", "--lang", "xx"})).isEqualTo(Language.JA);
    }
}
