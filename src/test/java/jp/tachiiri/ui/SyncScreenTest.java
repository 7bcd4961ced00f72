package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.review.Decision;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.ImportOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

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
        waitFor("both sent", () -> list("#sync-sent").getItems().size() == 2 && list("#sync-waiting").getItems().isEmpty());
        assertThat(list("#sync-outcomes").getItems()).singleElement().asString().contains("書き出しました", outbox.toString());

        Path bundle;
        try (Stream<Path> files = Files.list(outbox)) {
            bundle = files.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        String officeFingerprint = answerFromTheOffice(bundle, inbox);

        robot.interact(() -> robot.lookup("#sync-inbox").queryAs(TextField.class).setText(inbox.toString()));
        robot.clickOn("#sync-import");
        waitFor("the question whether to enrol the office", () -> robot.lookup("#sync-enrol").tryQuery().isPresent());
        assertThat(robot.lookup("#sync-office-fingerprint").queryAs(Label.class).getText()).isEqualTo(officeFingerprint);
        robot.clickOn("#sync-enrol");

        waitFor("both received by the office", () -> list("#sync-received").getItems().size() == 2);
        assertThat(list("#sync-sent").getItems()).isEmpty();
        assertThat(list("#sync-assignments").getItems()).singleElement().asString()
                .contains("2027年1月20日", "デモ県立 青葉台中央病院", "デモ 立入花子");
        assertThat(list("#sync-returned").getItems()).singleElement().asString()
                .contains("デモ 桜川記念病院", "目標日を具体的に", "更新日の記入を");
        assertThat(list("#sync-outcomes").getItems()).singleElement().asString().contains("取り込みました");

        robot.clickOn("#back");
        waitFor("the list to say which was returned", () -> robot.lookup(".table-cell").queryAllAs(TableCell.class)
                .stream().map(TableCell::getText).toList().containsAll(List.of("確定・差戻し", "確定・事務所受領")));

        app.stop();
        try (Workspace tablet = Workspace.open(folder.resolve("tablet"), Clock.systemUTC())) {
            assertThat(tablet.transferFolders()).isEqualTo(new Workspace.TransferFolders(outbox.toString(), inbox.toString()));
            assertThat(tablet.syncRecords().knownDevices()).singleElement()
                    .satisfies(office -> assertThat(office.status()).isEqualTo(DeviceStatus.TRUSTED));
        }
    }

    /** The office imports the findings, plans and returns one, and writes its answer; returns its fingerprint. */
    private String answerFromTheOffice(Path findings, Path inbox) {
        try (Workspace office = Workspace.open(folder.resolve("office"), Clock.systemUTC())) {
            assertThat(office.sync().importFile(findings, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            String sakuragawa = office.inspections().list().stream()
                    .filter(summary -> summary.facilityName().contains("桜川")).findFirst().orElseThrow().id();
            office.syncRecords().plan(new BundleRecords.Assignment("plan-1", "demo-aobadai", "hanako", "デモ 立入花子",
                    "2027-01-20"), Instant.now());
            office.review().decide(new Decision(sakuragawa, 1, false, "目標日を具体的に",
                    Map.of("vulnerability.device-ledger", "更新日の記入を")), "supervisor");
            office.sync().exportAssignments(inbox, Optional.empty());
            return office.sync().identity().fingerprint();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> ListView<T> list(String id) {
        return (ListView<T>) robot.lookup(id).queryAs(ListView.class);
    }
}
