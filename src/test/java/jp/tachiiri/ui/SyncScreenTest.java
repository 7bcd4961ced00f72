package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.review.Decision;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * The send-and-receive screen of the real app on the demo tablet, with a real office store on the other side
 * of a folder: the findings go out, the office's answer comes back after the office's key is enrolled.
 */
class SyncScreenTest {

    @TempDir
    Path folder;

    @RegisterExtension
    final AppRunner app = AppRunner.startingOn(() -> folder.resolve("tablet"));
    private final FxRobot robot = new FxRobot();

    @Test
    void findingsGoOutAndTheOfficesAnswerComesBack() throws Exception {
        waitFor("the list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
        robot.clickOn("#transfer");
        waitFor("two inspections waiting", () -> list("#sync-waiting").getItems().size() == 2);
        assertThat(robot.lookup("#sync-fingerprint").queryAs(Label.class).getText())
                .containsPattern("[0-9A-F]{4}(-[0-9A-F]{4}){4}");

        robot.clickOn("#sync-export");
        waitFor("the request to choose the outbox", () -> robot.lookup("#sync-message").queryAs(Label.class).getText()
                .contains("送信先フォルダを選んでください"));

        Path outbox = folder.resolve("usb-out");
        Path inbox = folder.resolve("usb-in");
        robot.interact(() -> robot.lookup("#sync-outbox").queryAs(TextField.class).setText(outbox.toString()));
        robot.clickOn("#sync-export");
        waitFor("the office asked for first", () -> robot.lookup("#sync-message").queryAs(Label.class).getText()
                .contains("まだ事務所が登録されていません"));
        assertThat(list("#sync-waiting").getItems()).as("nothing sent").hasSize(2);

        // The tablet's enrolment file goes to the office, which enrols it and answers with a plan.
        robot.clickOn("#sync-enrolment");
        waitFor("the enrolment written", () -> list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("登録ファイルを書き出しました")));
        Path enrolment;
        try (Stream<Path> files = Files.list(outbox)) {
            enrolment = files.filter(file -> file.getFileName().toString().startsWith("tachiiri_enrolment_")).findFirst()
                    .orElseThrow();
        }
        String officeFingerprint = planFromTheOffice(enrolment, inbox);

        robot.interact(() -> robot.lookup("#sync-inbox").queryAs(TextField.class).setText(inbox.toString()));
        robot.clickOn("#sync-import");
        waitFor("the question whether to enrol the office", () -> robot.lookup("#sync-enrol").tryQuery().isPresent()
                && codeFieldShown());
        String shown = robot.lookup("#sync-device-fingerprint").queryAs(Label.class).getText();
        assertThat(shown).as("two groups are read off the office's screen, not this one")
                .matches("([0-9A-F?]{4}-){4}[0-9A-F?]{4}").doesNotContain(officeFingerprint);
        assertThat(shown.split("\\?\\?\\?\\?", -1)).as("three groups hidden").hasSize(4);
        String hidden = UiTestSupport.hiddenGroups(shown, officeFingerprint);
        Button enrol = robot.lookup("#sync-enrol").queryButton();
        assertThat(enrol.isDisabled()).as("nothing typed yet").isTrue();
        assertThat(enrol.isDefaultButton()).isFalse();
        assertThat(robot.lookup("#sync-refuse").queryButton().isDisabled()).as("refusing is always one tap").isFalse();

        robot.clickOn("#sync-fingerprint-code").write(otherThan(hidden)).type(KeyCode.ENTER);
        waitFor("the mismatch to be said", () -> robot.lookup("#sync-code-check").queryAs(Label.class).getText()
                .contains("一致しません"));
        assertThat(robot.lookup("#sync-enrol").tryQuery()).as("Enter enrolled nothing: the question is still open").isPresent();
        assertThat(enrol.isDisabled()).isTrue();
        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
            assertThat(tablet.deviceTrust().office()).as("no office trusted while the question is open").isEmpty();
        }

        robot.interact(() -> robot.lookup("#sync-fingerprint-code").queryAs(TextField.class)
                .setText(hidden.substring(0, 4).toLowerCase() + "-" + hidden.substring(4, 8) + " " + hidden.substring(8)));
        waitFor("the match to be said", () -> robot.lookup("#sync-code-check").queryAs(Label.class).getText()
                .contains("一致しました"));
        assertThat(enrol.isDisabled()).isFalse();
        robot.clickOn("#sync-enrol");
        waitFor("the plan received", () -> list("#sync-assignments").getItems().size() == 1);

        // Now the findings can be sealed to the office.
        robot.clickOn("#sync-export");
        waitFor("both sent", () -> list("#sync-sent").getItems().size() == 2 && list("#sync-waiting").getItems().isEmpty());
        assertThat(list("#sync-outcomes").getItems()).singleElement().asString().contains("書き出しました", outbox.toString());
        Path bundle;
        try (Stream<Path> files = Files.list(outbox)) {
            bundle = files.filter(file -> file.toString().endsWith(".tachiiri")).findFirst().orElseThrow();
        }
        answerFromTheOffice(bundle, inbox);
        robot.clickOn("#sync-import");
        waitFor("both received by the office", () -> list("#sync-received").getItems().size() == 2);
        assertThat(list("#sync-sent").getItems()).isEmpty();
        assertThat(list("#sync-assignments").getItems()).singleElement().asString()
                .contains("2027年1月20日", "デモ県立 青葉台中央病院", "デモ 立入花子");
        assertThat(list("#sync-returned").getItems()).singleElement().asString()
                .contains("デモ 桜川記念病院", "目標日を具体的に", "更新日の記入を");
        assertThat(list("#sync-outcomes").getItems()).as("what the bundle brought, by kind").singleElement().asString()
                .contains("取り込みました", "差し戻し 1 件", "事務所の受領通知 1 件")
                .doesNotContain("新規 0").doesNotContain("承認").doesNotContain("新しい検査予定");

        robot.clickOn("#back");
        waitFor("the list to say which was returned", () -> robot.lookup(".table-cell").queryAllAs(TableCell.class)
                .stream().map(TableCell::getText).toList().containsAll(List.of("確定・差戻し", "確定・事務所受領")));

        // A tap on the return opens the inspection: the office's comment above it, the commented item marked in
        // the list and its comment on the item; so again in the revision that amends it.
        robot.clickOn("#transfer");
        waitFor("the return listed", () -> list("#sync-returned").getItems().size() == 1);
        Node returnedRow = robot.lookup("#sync-returned .list-cell").nth(0).queryAs(Node.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(returnedRow));
        robot.clickOn(returnedRow);
        seeTheReturn("第1版");
        robot.clickOn("#amend");
        waitFor("the reason asked", () -> robot.lookup("#amend-reason").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#amend-reason").queryAs(TextArea.class).setText("台帳の更新日を確認した"));
        robot.clickOn("#amend-ok");
        waitFor("the second revision", () -> robot.lookup("#inspection-details").queryAs(Label.class).getText().contains("第2版"));
        seeTheReturn("第1版");

        app.stop();
        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
            assertThat(tablet.settings().transferFolders()).isEqualTo(new Settings.TransferFolders(outbox.toString(), inbox.toString()));
            assertThat(tablet.deviceTrust().devices()).singleElement()
                    .satisfies(office -> assertThat(office.status()).isEqualTo(DeviceStatus.TRUSTED));
        }
    }

    /** The office's return shown in the open inspection, as {@link #answerFromTheOffice} made it. */
    private void seeTheReturn(String revision) {
        waitFor("the return banner", () -> robot.lookup("#return-banner").tryQuery().isPresent());
        assertThat(robot.lookup("#return-banner .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).contains("差し戻されました", revision, "目標日を具体的に"));
        fire(robot, "#section-vulnerability");
        waitFor("the commented item marked", () -> robot.lookup("#item-list .comment-mark").tryQuery().isPresent());
        assertThat(robot.lookup("#item-list .comment-mark").queryAll()).hasSize(1);
        robot.clickOn(robot.lookup("#item-list .comment-mark").queryAs(Node.class));
        waitFor("the item's comment", () -> robot.lookup("#office-comment").tryQuery()
                .map(node -> ((Label) node).getText().contains("更新日の記入を")).orElse(false));
    }

    /**
     * The office enrols the tablet from its enrolment file (as after comparing the fingerprint), plans an inspection for
     * it and writes the assignments sealed to it; returns its fingerprint.
     */
    private String planFromTheOffice(Path enrolment, Path inbox) {
        try (Workspace office = Offices.open(folder.resolve("office"), Clock.systemUTC())) {
            ImportOutcome enrolled = office.sync().importFile(enrolment, true);
            assertThat(enrolled.result()).as(enrolled.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            office.demo().seedOffice();
            office.sync().plan("demo-aobadai", "hanako", "デモ 立入花子", LocalDate.parse("2027-01-20"));
            office.sync().exportAssignments(inbox, Optional.empty(), List.of());
            return office.sync().identity().fingerprint();
        }
    }

    /** The office imports the findings, returns one and writes its answer, in place of the plan already applied. */
    private void answerFromTheOffice(Path findings, Path inbox) throws Exception {
        try (Workspace office = Offices.open(folder.resolve("office"), Clock.systemUTC())) {
            ImportOutcome imported = office.sync().importFile(findings, false);
            assertThat(imported.result()).as(imported.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            String sakuragawa = office.inspections().list().stream()
                    .filter(summary -> summary.facilityName().contains("桜川")).findFirst().orElseThrow().id();
            office.review().decide(new Decision(sakuragawa, 1, false, "目標日を具体的に",
                    Map.of("vulnerability.device-ledger", "更新日の記入を")), "supervisor");
            try (Stream<Path> applied = Files.list(inbox)) {
                for (Path file : applied.toList()) {
                    Files.delete(file);
                }
            }
            office.sync().exportAssignments(inbox, Optional.empty(), List.of());
        }
    }

    @Test
    void aFileFromAnotherOfficeAsksForADeliberateRecordedChangeOfOffice() throws Exception {
        waitFor("the list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
        Path inbox = folder.resolve("usb-in");
        String formerOffice;
        String newOffice;
        try (Workspace former = Offices.open(folder.resolve("former-office"), Clock.systemUTC());
             Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
            Enrolments.enrol(former, tablet);
            Path enrolled = former.sync().exportAssignments(folder.resolve("former-usb"), Optional.empty(), List.of());
            ImportOutcome imported = tablet.sync().importFile(enrolled, true);
            assertThat(imported.result()).as(imported.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            formerOffice = former.sync().identity().deviceId();
        }
        try (Workspace office = Offices.open(folder.resolve("new-office"), Clock.systemUTC());
             Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
            Enrolments.enrol(office, tablet);
            office.sync().exportAssignments(inbox, Optional.empty(), List.of());
            newOffice = office.sync().identity().fingerprint();
        }

        robot.clickOn("#transfer");
        waitFor("the tablet's office", () -> robot.lookup("#sync-office").queryAs(Label.class).getText().contains(formerOffice));
        robot.interact(() -> robot.lookup("#sync-inbox").queryAs(TextField.class).setText(inbox.toString()));
        robot.clickOn("#sync-import");
        waitFor("the question whether to change the office", () -> robot.lookup("#sync-change-office").tryQuery().isPresent()
                && codeFieldShown());
        assertThat(list("#sync-outcomes").getItems()).singleElement().asString().contains("拒否しました", "別の端末");
        Button change = robot.lookup("#sync-change-office").queryButton();
        String hidden = UiTestSupport.hiddenGroups(robot.lookup("#sync-device-fingerprint").queryAs(Label.class).getText(),
                newOffice);
        robot.clickOn("#sync-fingerprint-code").write(hidden).type(KeyCode.ENTER);
        assertThat(change.isDisabled()).as("no reason given yet").isTrue();
        assertThat(robot.lookup("#sync-change-office").tryQuery()).as("Enter changed nothing").isPresent();
        robot.interact(() -> robot.lookup("#sync-change-reason").queryAs(TextArea.class).setText("事務所のパソコンを入れ替えたため"));
        assertThat(change.isDisabled()).isFalse();
        robot.clickOn("#sync-change-office");

        waitFor("the new office's file imported", () -> list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("取り込みました")));
        waitFor("the new office shown", () -> robot.lookup("#sync-office").queryAs(Label.class).getText().contains(newOffice));
        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
            assertThat(tablet.deviceTrust().trail().events()).last().satisfies(event -> {
                assertThat(event.action()).isEqualTo("OFFICE_CHANGED");
                assertThat(event.oldValue()).isEqualTo(formerOffice);
                assertThat(event.reason()).isEqualTo("事務所のパソコンを入れ替えたため");
            });
            assertThat(tablet.deviceTrust().trail().broken()).isEmpty();
        }
    }

    /** Hex digits as many as {@code code} has, that are not {@code code}. */
    private static String otherThan(String code) {
        String zeros = "0".repeat(code.length());
        return code.equals(zeros) ? "F".repeat(code.length()) : zeros;
    }

    @SuppressWarnings("unchecked")
    private <T> ListView<T> list(String id) {
        return (ListView<T>) robot.lookup(id).queryAs(ListView.class);
    }

    /**
     * Whether a question's field for the typed fingerprint groups can be tapped: its dialog is in the window list a
     * moment before the window has its size, and a field outside its scene's bounds cannot be clicked.
     */
    private boolean codeFieldShown() {
        return robot.lookup("#sync-fingerprint-code").match(NodeQueryUtils.isVisible()).tryQuery().isPresent();
    }
}
