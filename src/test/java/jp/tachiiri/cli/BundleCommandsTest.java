package jp.tachiiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.tachiiri.testsupport.Commands;
import jp.tachiiri.testsupport.Commands.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle commands as an office clerk and an inspector run them: export, verify, import (with the exit
 * codes 0, 1 and 3), devices, plan, review and assignments, over real data folders and files.
 */
class BundleCommandsTest {

    @TempDir
    Path folder;


    /** The fingerprint in a line such as "この端末: ID（指紋 A1CC-6A2B-4C3E-1587-7818）". */
    private static String fingerprint(String line) {
        java.util.regex.Matcher fingerprint = java.util.regex.Pattern.compile("([0-9A-F]{4}-){4}[0-9A-F]{4}").matcher(line);
        assertThat(fingerprint.find()).as(line).isTrue();
        return fingerprint.group();
    }

    private static Run run(String... args) {
        return Commands.run(args);
    }

    @Test
    void findingsGoToTheOfficeAndTheAnswerComesBack() throws Exception {
        String tablet = folder.resolve("tablet").toString();
        String office = folder.resolve("office").toString();
        String usb = folder.resolve("usb").toString();
        assertThat(run("demo", "--data", tablet).exitCode()).isZero();
        Run noOffice = run("export", "--data", tablet, "--out", usb);
        assertThat(noOffice.exitCode()).as("nothing can be sealed to an office not enrolled").isEqualTo(1);
        assertThat(noOffice.err()).contains("まだ事務所が登録されていません");

        // The tablet enrols the office from its enrolment file, after comparing the fingerprint.
        Run noRole = run("devices", "enrolment", "--data", office, "--out", usb);
        assertThat(noRole.exitCode()).as("an installation whose role is not chosen has no enrolment").isEqualTo(1);
        assertThat(noRole.err()).contains("tachiiri role office");
        assertThat(run("role", "--data", office, "office").out()).contains("事務所");
        assertThat(run("role", "--data", office, "inspector").exitCode()).as("a role is chosen once").isEqualTo(1);
        Run enrolment = run("devices", "enrolment", "--data", office, "--out", folder.resolve("office-card").toString());
        assertThat(enrolment.exitCode()).as(enrolment.err()).isZero();
        String officeCode = fingerprint(enrolment.out());
        Path card = Files.list(folder.resolve("office-card")).findFirst().orElseThrow();
        assertThat(card.getFileName().toString()).startsWith("tachiiri_enrolment_").endsWith(".json");
        assertThat(run("import", "--data", tablet, card.toString()).exitCode()).isEqualTo(3);
        String officeId = run("devices", "--data", office).out().lines().findFirst().orElseThrow().split("[:：（ ]+")[1];
        Run accepted = run("devices", "--data", tablet, "accept", officeId, officeCode);
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();

        Run export = run("export", "--data", tablet, "--out", usb);
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path bundle = Path.of(export.out().strip());
        assertThat(bundle).exists().hasParent(Path.of(usb).toAbsolutePath());
        assertThat(bundle.getFileName().toString()).startsWith("tachiiri_findings_").endsWith(".tachiiri");
        assertThat(run("export", "--data", tablet, "--out", usb).out())
                .as("sent inspections go again until the office confirms them").contains("tachiiri_findings_");

        Run outsider = run("verify", "--data", folder.resolve("nobody").toString(), bundle.toString());
        assertThat(outsider.exitCode()).as("sealed to another: only the envelope is told").isEqualTo(4);
        assertThat(outsider.out()).contains(officeCode, "暗号化").doesNotContain("桜川");
        Run verify = run("verify", "--data", office, bundle.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("デモ 桜川記念病院", "デモ県立 青葉台中央病院", "署名", "復号");

        Run pending = run("import", "--data", office, usb);
        assertThat(pending.exitCode()).isEqualTo(3);
        assertThat(pending.out()).contains("保留", bundle.getFileName().toString());
        Run devices = run("devices", "--data", office);
        assertThat(devices.out()).contains("保留中");
        String tabletId = devices.out().lines().filter(line -> line.contains("保留中")).findFirst().orElseThrow().split("\t")[0];
        assertThat(run("devices", "--data", tablet).out()).contains(tabletId);

        String code = fingerprint(run("devices", "--data", tablet).out().lines().findFirst().orElseThrow());
        assertThat(devices.out()).as("the office shows the pending tablet's fingerprint in part only")
                .doesNotContain(code).contains(code.substring(0, 5) + "????-????-????-????");
        String otherLastGroup = code.endsWith("0000") ? "FFFF" : "0000";
        Run mistyped = run("devices", "--data", office, "accept", tabletId, code.substring(0, 20) + otherLastGroup);
        assertThat(mistyped.exitCode()).isEqualTo(1);
        assertThat(mistyped.err()).contains("一致しません");
        assertThat(run("devices", "--data", office, "accept", tabletId, code).exitCode()).isZero();
        assertThat(run("devices", "--data", office, "history").out()).contains("DEVICE_ACCEPTED", tabletId);
        Run imported = run("import", "--data", office, usb);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).as("the second export carried the same inspections again")
                .contains("取り込みました（新規 2 件").contains("変更なし 2 件");
        assertThat(run("import", "--data", office, usb).out()).contains("取り込み済みです");

        Run inspections = run("inspections", "--data", office);
        String sakuragawa = inspections.out().lines().filter(line -> line.contains("桜川")).findFirst().orElseThrow().split("\t")[0];
        assertThat(run("plan", "--data", office, "--facility", "9910000017", "--inspector", "hanako", "--name", "立入花子",
                "--date", "2027-01-20").exitCode()).isZero();
        assertThat(run("review", "--data", office, "--inspection", sakuragawa, "--return", "目標日を具体的に",
                "--item", "vulnerability.device-ledger=更新日の記入を").exitCode()).isZero();
        Run toEveryTablet = run("assignments", "--data", office, "--out", usb, "--inspector", "hanako");
        assertThat(toEveryTablet.exitCode()).as("one inspector's plans go to the tablets named").isEqualTo(1);
        assertThat(toEveryTablet.err()).contains("--to");
        Run assignments = run("assignments", "--data", office, "--out", usb, "--inspector", "hanako", "--to", tabletId);
        assertThat(assignments.exitCode()).as(assignments.err()).isZero();
        Path answer = Path.of(assignments.out().strip());
        assertThat(run("--lang", "en", "verify", "--data", tablet, answer.toString()).out())
                .contains("1 planned inspections", "1 review results");

        Run back = run("import", "--data", tablet, "--trust-new-devices", answer.toString());
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(run("export", "--data", tablet, "--out", usb).out()).contains("送る検査結果はありません");
    }

    @Test
    void theWorstOutcomeDecidesTheExitCode() throws Exception {
        String tablet = folder.resolve("tablet").toString();
        String office = folder.resolve("office").toString();
        run("demo", "--data", tablet);
        run("role", "--data", office, "office");
        run("devices", "enrolment", "--data", office, "--out", folder.resolve("office-card").toString());
        run("import", "--data", tablet, "--trust-new-devices", folder.resolve("office-card").toString());
        Path bundle = Path.of(run("export", "--data", tablet, "--out", folder.resolve("usb").toString()).out().strip());
        Path broken = Files.write(folder.resolve("usb").resolve("broken.json"),
                Files.readAllBytes(bundle), java.nio.file.StandardOpenOption.CREATE_NEW);
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(bundle), 500));

        Run mixed = run("import", "--data", office, folder.resolve("usb").toString());
        assertThat(mixed.exitCode()).isEqualTo(1);
        assertThat(mixed.err()).contains("broken.json", "途中で切れています");
        assertThat(mixed.out()).contains("保留");

        Run english = run("--lang", "en", "import", "--data", office, broken.toString());
        assertThat(english.exitCode()).isEqualTo(1);
        assertThat(english.err()).contains("broken.json", "cut off");

        String tabletId = run("devices", "--data", office).out().lines().filter(line -> line.contains("保留中"))
                .findFirst().orElseThrow().split("\t")[0];
        assertThat(run("devices", "--data", office, "refuse", tabletId).exitCode()).isZero();
        Run refused = run("import", "--data", office, "--trust-new-devices", bundle.toString());
        assertThat(refused.exitCode()).as("a refused device stays refused, whatever the flag").isEqualTo(1);
        assertThat(refused.err()).contains("拒否されています", tabletId);

        Run verify = run("verify", "--data", office, broken.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains("broken.json");
        assertThat(run("inspections", "--data", office).out()).isEmpty();
    }
}
