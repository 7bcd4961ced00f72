package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The backup screens in the real app, headless: the office in use for ten days and never backed up is reminded on start and backs up from
 * the reminder (short and mistyped passphrases refused on the screen); a first start takes over an office from its
 * backup, a wrong passphrase told first. Pictures of each dialog go to target/screenshots (or -Dtour.out).
 */
class BackupScreenTest {

    private static final String PASSPHRASE = "デモ県 医務課 バックアップ";

    @TempDir
    Path scratch;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theOfficeIsRemindedOnStartAndBacksUpFromTheReminder() throws Exception {
        Path data = scratch.resolve("office");
        Path usb = scratch.resolve("usb");
        try (Workspace office = Offices.open(data, Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(-10)))) {
            office.demo().chooseRole(jp.tachiiri.model.Role.OFFICE);
        }
        app.start("--data=" + data, "--role=office");
        waitFor("the reminder", () -> robot.lookup("#backup-reminder-text").tryQuery().isPresent());
        assertThat(robot.lookup("#backup-reminder-text").queryAs(Label.class).getText()).contains("使い始めてから 10 日、まだ一度もバックアップしていません");
        shoot("backup-reminder-ja.png");

        fire(robot, "#backup-reminder-now");
        waitFor("the backup dialog", () -> robot.lookup("#backup-passphrase").tryQuery().isPresent());
        type("#backup-folder", usb.toString());
        type("#backup-passphrase", "みじかい");
        type("#backup-confirmation", "みじかい");
        fire(robot, "#backup-start");
        waitFor("the rule said", () -> text("#backup-error").contains("12 文字以上"));
        type("#backup-passphrase", PASSPHRASE);
        type("#backup-confirmation", PASSPHRASE + "x");
        fire(robot, "#backup-start");
        waitFor("the mismatch said", () -> text("#backup-error").contains("一致しません"));
        type("#backup-confirmation", PASSPHRASE);
        fire(robot, "#backup-start");
        waitFor("the backup written", () -> text("#backup-written").contains("バックアップを書き出しました"));
        assertThat(text("#backup-error")).isEmpty();
        List<Path> written = files(usb);
        assertThat(written).singleElement().satisfies(file -> assertThat(text("#backup-written")).contains(file.toString()));
        assertThat(robot.lookup("#backup-passphrase").queryAs(TextInputControl.class).getText()).as("not kept on the screen").isEmpty();
        shoot("backup-ja.png");

        app.stop();
        try (Workspace office = Workspace.open(data, Clock.systemUTC())) {
            assertThat(office.settings().lastBackup()).isPresent();
            assertThat(office.backups().reminderDue()).as("no reminder on the next start").isEmpty();
        }
    }

    /** An office PC left open for weeks: closing the window asks once more, and closes without a backup if told. */
    @Test
    void closingTheOfficeRemindsOnceMoreAndClosesWithoutABackupWhenTold() throws Exception {
        Path data = scratch.resolve("office");
        try (Workspace office = Offices.open(data, Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(-10)))) {
            office.demo().chooseRole(jp.tachiiri.model.Role.OFFICE);
        }
        app.start("--data=" + data, "--role=office");
        waitFor("the reminder on start", () -> robot.lookup("#backup-reminder-later").tryQuery().isPresent());
        fire(robot, "#backup-reminder-later");
        waitFor("the office's list", () -> robot.lookup("#office-inspections").tryQuery().isPresent());
        javafx.stage.Window window = robot.lookup("#office-inspections").query().getScene().getWindow();

        robot.interact(() -> window.fireEvent(new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor("the reminder on closing", () -> robot.lookup("#backup-reminder-later").tryQuery()
                .map(node -> ((javafx.scene.control.Button) node).getText().equals("バックアップせずに閉じる")).orElse(false));
        assertThat(window.isShowing()).as("not closed while asking").isTrue();
        fire(robot, "#backup-reminder-later");
        waitFor("the window closed", () -> !window.isShowing());
    }

    @Test
    void aFirstStartTakesOverAnOfficeFromItsBackup() throws Exception {
        Path backup;
        String deviceId;
        try (Workspace office = Offices.open(scratch.resolve("old-pc"), Clock.systemUTC())) {
            office.demo().chooseRole(jp.tachiiri.model.Role.OFFICE);
            deviceId = office.sync().identity().deviceId();
            backup = office.backups().backUp(scratch.resolve("usb"), PASSPHRASE.toCharArray());
        }
        Path data = scratch.resolve("new-pc");
        app.start("--data=" + data);
        waitFor("the question of the role", () -> robot.lookup("#role-restore").tryQuery().isPresent());
        fire(robot, "#role-restore");
        waitFor("the restore dialog", () -> robot.lookup("#restore-file").tryQuery().isPresent());
        type("#restore-file", backup.toString());
        type("#restore-passphrase", "違うパスフレーズです");
        fire(robot, "#restore-start");
        waitFor("the wrong passphrase said", () -> text("#restore-error").contains("パスフレーズが違います"));
        shoot("restore-ja.png");

        type("#restore-passphrase", PASSPHRASE);
        fire(robot, "#restore-start");
        waitFor("the office's home", () -> robot.lookup("#office-inspections").tryQuery().isPresent());
        assertThat(robot.lookup("#role-badge").queryAs(Label.class).getText()).isEqualTo("事務所");
        waitFor("the notice", () -> robot.lookup("#notice").tryQuery().isPresent());
        assertThat(text("#notice")).contains("復元しました", data.toString());

        app.stop();
        try (Workspace restored = Workspace.open(data, Clock.systemUTC())) {
            assertThat(restored.sync().identity().deviceId()).isEqualTo(deviceId);
        }
        try (Stream<Path> siblings = Files.list(scratch)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .as("the folder the first start made, kept beside it").anyMatch(name -> name.startsWith("new-pc.before-restore-"));
        }
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void shoot(String name) throws Exception {
        UiTestSupport.shootDialog(robot, name);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
