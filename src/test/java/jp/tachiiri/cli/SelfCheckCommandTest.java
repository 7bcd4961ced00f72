package jp.tachiiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tachiiri selfcheck}: what the commands make of their arguments, on an office's real data folder, without
 * writing or reading a real workbook.
 */
class SelfCheckCommandTest {

    @TempDir
    Path folder;
    private Path data;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exitCode = CommandLineRunner.run(all, (where, language) -> { },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void anOfficeWithAPlan() {
        data = folder.resolve("office");
        try (Workspace office = Offices.open(data, Clock.systemUTC())) {
            PlanSelfChecks.planned(office, LocalDate.parse("2026-06-15"));
        }
    }

    @Test
    void anUnknownPlanIsNamedAndExitsWithOne() {
        Run run = run("selfcheck", "workbook", "--plan", "no-such-plan", "--out", folder.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no-such-plan");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void onePlanOrOnePeriodIsAskedForElseItIsAUsageError() {
        String out = folder.resolve("out").toString();
        assertThat(run("selfcheck", "workbook", "--out", out).exitCode()).as("neither").isEqualTo(2);
        assertThat(run("selfcheck", "workbook", "--plan", "p", "--from", "2026-06-01", "--to", "2026-06-30", "--out", out)
                .exitCode()).as("both").isEqualTo(2);
        assertThat(run("selfcheck", "workbook", "--from", "2026-06-01", "--out", out).exitCode()).as("no end").isEqualTo(2);
        assertThat(run("selfcheck", "workbook", "--plan", "p").exitCode()).as("no folder").isEqualTo(2);
        assertThat(run("selfcheck", "import").exitCode()).as("no file").isEqualTo(2);
    }

    @Test
    void aPeriodIsReadAsDatesAreTypedAndChecked() {
        String out = folder.resolve("out").toString();
        Run backwards = run("selfcheck", "workbook", "--from", "2026/7/1", "--to", "2026/6/1", "--out", out);
        assertThat(backwards.exitCode()).isEqualTo(1);
        assertThat(backwards.err()).contains("2026-06-01", "2026-07-01");

        Run notADate = run("--lang", "en", "selfcheck", "workbook", "--from", "someday", "--to", "2026-06-30", "--out", out);
        assertThat(notADate.exitCode()).isEqualTo(1);
        assertThat(notADate.err()).contains("someday", "the start of the period");

        Run empty = run("selfcheck", "workbook", "--from", "２０２７年１月１日", "--to", "2027-01-31", "--out", out);
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("予定はありません");
    }

    @Test
    void everyFileGetsItsLineAndOneRefusalStopsNoOther() throws Exception {
        Path first = Files.writeString(folder.resolve("not-a-workbook.xlsx"), "plain text");
        Path second = folder.resolve("missing.xlsx");

        Run run = run("selfcheck", "import", first.toString(), second.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(2).satisfiesExactly(
                line -> assertThat(line).startsWith("not-a-workbook.xlsx: 取り込みませんでした"),
                line -> assertThat(line).startsWith("missing.xlsx: 取り込みませんでした"));
    }

    @Test
    void aFolderWithoutWorkbooksImportsNothing() throws Exception {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "not a workbook");

        Run run = run("selfcheck", "import", empty.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("取り込む記入済みExcel（.xlsx）がありません");
    }
}
