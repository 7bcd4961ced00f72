package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.rows;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.inspection.RevisionDiff;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The office's first start, as a supervisor goes through it: choose the role, import the demo tablet's
 * findings (enrolling the tablet by its fingerprint), find an inspection, return it with comments, write the
 * assignments, and the tablet receives the returned item.
 */
class OfficeScreenTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = AppRunner.startingOnAskingTheRole(() -> data);
    private final FxRobot robot = new FxRobot();

    @Test
    void importReviewReturnAndTheTabletSeesIt() throws Exception {
        waitFor("the question of the role", () -> robot.lookup("#role-office").tryQuery().isPresent());
        fire(robot, "#role-office");
        waitFor("the office's list", () -> robot.lookup("#office-inspections").tryQuery().isPresent());
        assertThat(robot.lookup("#role-badge").queryAs(Label.class).getText()).isEqualTo("事務所");
        waitFor("the follow-up demo's two inspections of last year", () -> rows(robot, "#office-inspections") == 2);

        fire(robot, "#office-import");
        waitFor("the import screen with the demo inbox", () -> robot.lookup("#sync-inbox").tryQuery()
                .map(node -> ((TextField) node).getText().endsWith("inbox")).orElse(false));
        fire(robot, "#sync-import");
        waitFor("the question whether to enrol the tablet", () -> robot.lookup("#sync-enrol").tryQuery().isPresent());
        String tabletFingerprint;
        try (Workspace tablet = Workspace.open(data.resolve("demo").resolve("tablet"), Clock.systemUTC())) {
            tabletFingerprint = tablet.sync().identity().fingerprint();
        }
        String shown = robot.lookup("#sync-device-fingerprint").queryAs(Label.class).getText();
        assertThat(robot.lookup("#sync-enrol-demo").queryAs(Label.class).getText())
                .as("the demo's own tablet has no screen to read the fingerprint from").contains(tabletFingerprint);
        robot.interact(() -> robot.lookup("#sync-fingerprint-code").queryAs(TextField.class)
                .setText(UiTestSupport.hiddenGroups(shown, tabletFingerprint)));
        fire(robot, "#sync-enrol");
        waitFor("the findings imported", () -> list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("取り込みました（新規 2 件")));
        waitFor("the tablet listed as enrolled, beside the retired one of the follow-up demo",
                () -> list("#sync-devices").getItems().size() == 2);

        fire(robot, "#back");
        waitFor("two more received inspections", () -> rows(robot, "#office-inspections") == 4);
        assertThat(robot.lookup("#office-count-RECEIVED").queryAs(Label.class).getText()).isEqualTo("受信 4");
        robot.interact(() -> robot.lookup("#office-text").queryAs(TextField.class).setText("桜川"));
        waitFor("the filter", () -> rows(robot, "#office-inspections") == 1);
        UiTestSupport.openRow(robot, "#office-inspections", "デモ 桜川記念病院");

        waitFor("the inspection with its review button", () -> robot.lookup("#review").tryQuery().isPresent());
        assertThat(robot.lookup("#amend").tryQuery()).as("the office does not amend a tablet's record").isEmpty();
        fire(robot, "#review");
        waitFor("the review dialog", () -> robot.lookup("#review-comment").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#review-item-vulnerability__device-ledger").queryAs(TextField.class)
                .setText("台帳の最終更新日を記入してください"));
        fire(robot, "#review-return");
        waitFor("the comment asked for", () -> robot.lookup("#review-error").queryAs(Label.class).getText().contains("コメント"));
        robot.interact(() -> robot.lookup("#review-comment").queryAs(TextArea.class).setText("目標日を具体的な日付で"));
        assertThat(Stream.of("#review-approve", "#review-return").map(id -> robot.lookup(id).queryButton().isDefaultButton()))
                .as("Enter takes no final decision").containsOnly(false);
        fire(robot, "#review-return");
        waitFor("back on the list, returned", () -> robot.lookup("#office-count-RETURNED").tryQuery()
                .map(node -> ((Label) node).getText().equals("差戻し 1")).orElse(false));
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText())
                .as("what was done stays said").contains("デモ 桜川記念病院", "第1版を差し戻しました", "1 件");
        UiTestSupport.openRow(robot, "#office-inspections", "デモ 桜川記念病院");
        fire(robot, "#audit-trail");
        waitFor("both trails", () -> robot.lookup("#review-audit-status").tryQuery().isPresent());
        assertThat(robot.lookup("#audit-status").queryAs(Label.class).getText()).contains("改ざん");
        assertThat(robot.lookup("#review-audit-status").queryAs(Label.class).getText()).contains("3");
        assertThat(robot.lookup("#review-audit-table").queryTableView().getItems()).hasSize(3);
        robot.interact(() -> robot.lookup("#review-audit-table").query().getScene().getWindow().hide());
        fire(robot, "#back");

        Path outbox = data.resolve("usb");
        fire(robot, "#office-import");
        waitFor("the import screen", () -> robot.lookup("#sync-outbox").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#sync-outbox").queryAs(TextField.class).setText(outbox.toString()));
        fire(robot, "#sync-export");
        waitFor("the assignments written", () -> Files.isDirectory(outbox) && list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("書き出しました")));
        app.stop();

        Path assignments;
        try (Stream<Path> files = Files.list(outbox)) {
            assignments = files.filter(file -> file.getFileName().toString().startsWith("tachiiri_assignments_"))
                    .findFirst().orElseThrow();
        }
        try (Workspace office = Offices.open(data, Clock.systemUTC());
             Workspace tablet = Workspace.open(data.resolve("demo").resolve("tablet"), Clock.systemUTC())) {
            assertThat(office.settings().role()).contains(Role.OFFICE);
            String sakuragawa = office.review().rows().stream().filter(row -> row.facilityName().contains("桜川"))
                    .findFirst().orElseThrow().inspectionId();
            assertThat(office.review().reviewTrail(sakuragawa))
                    .extracting(event -> event.action()).contains("REVIEW_STARTED", "REVIEW_RETURNED", "REVIEW_ITEM_COMMENTED");
            assertThat(tablet.sync().importFile(assignments, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(tablet.sync().reviews()).singleElement().satisfies(review -> {
                assertThat(review.returned()).isTrue();
                assertThat(review.comment()).isEqualTo("目標日を具体的な日付で");
                assertThat(review.itemComments()).extracting(ReviewResult.ItemComment::comment)
                        .containsExactly("台帳の最終更新日を記入してください");
            });
            tablet.inspections().amend(sakuragawa, "台帳の更新日を追記", "inspector");
            Finding ledger = tablet.inspections().findings(sakuragawa, 2).get("vulnerability.device-ledger");
            tablet.inspections().record(sakuragawa, ledger.withNote("台帳の最終更新日: 2026年10月1日"), "inspector");
            tablet.inspections().finalizeInspection(sakuragawa, "inspector");
            Path amended = tablet.sync().exportFindings(data.resolve("usb2")).orElseThrow();
            assertThat(office.sync().importFile(amended, false).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
        app.restart();
        reviewTheAmendment();
    }

    /** Revision 2 answers the return: its review shows that return and what changed, and approving it is confirmed. */
    private void reviewTheAmendment() {
        UiTestSupport.openRow(robot, "#office-inspections", "デモ 桜川記念病院");
        waitFor("the answers shown", () -> robot.lookup("#answers").tryQuery().isPresent());
        List<String> faded = new ArrayList<>();
        robot.interact(() -> collectFaded(robot.lookup("#item-editor").query(), 1, faded));
        assertThat(faded).as("a received inspection is read-only but drawn readable, not in faded disabled grey").isEmpty();
        fire(robot, "#review");
        waitFor("the changes since the return", () -> robot.lookup("#review-changes").tryQuery()
                .map(node -> !((TableView<?>) node).getItems().isEmpty()).orElse(false));
        assertThat(robot.lookup("#review-earlier-comment").queryAs(Label.class).getText()).isEqualTo("目標日を具体的な日付で");
        TableView<RevisionDiff.Change> changes = robot.lookup("#review-changes").queryTableView();
        assertThat(changes.getItems()).singleElement().satisfies(change -> {
            assertThat(change.itemId()).isEqualTo("vulnerability.device-ledger");
            assertThat(change.field()).isEqualTo("note");
            assertThat(change.after()).isEqualTo("台帳の最終更新日: 2026年10月1日");
        });
        assertThat(robot.lookup("#review-changes-title").queryAs(Label.class).getText()).isEqualTo("第1版 → 第2版の変更（1件）");
        assertThat(robot.lookup(".earlier-comment").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("差し戻し時: 台帳の最終更新日を記入してください");
        assertThat(robot.lookup(".changed-mark").queryAll()).as("the changed item marked").hasSize(1);
        assertThat(robot.lookup("#review-items .text-field").queryAs(TextField.class).getId())
                .as("the item commented on comes first").isEqualTo("review-item-vulnerability__device-ledger");
        waitFor("the focus on the comment, not on a decision", () -> robot.lookup("#review-comment").query().isFocused());
        fire(robot, "#review-approve");
        waitFor("the approval confirmed", () -> robot.lookup("#notice").tryQuery()
                .map(node -> ((Label) node).getText().contains("第2版を承認しました")).orElse(false));
        assertThat(robot.lookup("#office-count-APPROVED").queryAs(Label.class).getText()).isEqualTo("承認 1");
        fire(robot, "#notice-close");
        assertThat(robot.lookup("#notice").tryQuery()).isEmpty();
    }

    @Test
    void aPlanTravelsToTheInspectorsTablet() throws Exception {
        fire(robot, "#role-office");
        waitFor("the office's list", () -> robot.lookup("#office-planning").tryQuery().isPresent());
        fire(robot, "#office-planning");
        waitFor("the planning dialog", () -> robot.lookup("#planning-facility").tryQuery().isPresent());
        fire(robot, "#planning-add");
        waitFor("what is missing", () -> !robot.lookup("#planning-error").queryAs(Label.class).getText().isEmpty());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Facility> facility = robot.lookup("#planning-facility").queryAs(ComboBox.class);
            facility.setValue(facility.getItems().stream().filter(f -> f.name().contains("みずほ台")).findFirst().orElseThrow());
            robot.lookup("#planning-inspector-id").queryAs(TextField.class).setText("hanako");
            robot.lookup("#planning-inspector-name").queryAs(TextField.class).setText("デモ 立入花子");
            robot.lookup("#planning-date").queryAs(DatePicker.class).setValue(LocalDate.of(2027, 2, 3));
        });
        fire(robot, "#planning-add");
        waitFor("the plan listed", () -> list("#planning-list").getItems().stream()
                .anyMatch(line -> line.toString().contains("デモ みずほ台病院")));
        robot.interact(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene().getWindow().hide());

        Path outbox = data.resolve("usb");
        fire(robot, "#office-import");
        waitFor("the import screen", () -> robot.lookup("#sync-outbox").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#sync-outbox").queryAs(TextField.class).setText(outbox.toString());
            robot.lookup("#sync-assignments-for").queryAs(ComboBox.class).setValue("hanako");
        });
        fire(robot, "#sync-export");
        waitFor("the tablet's enrolment asked for", () -> robot.lookup("#sync-message").queryAs(Label.class).getText()
                .contains("割当を暗号化して送れる端末がありません"));
        // The demo tablet's enrolment file arrives and is accepted, as after comparing its fingerprint.
        String tabletId;
        try (Workspace office = Offices.open(data, Clock.systemUTC());
             Workspace tablet = Workspace.open(data.resolve("demo").resolve("tablet"), Clock.systemUTC())) {
            Enrolments.enrol(office, tablet);
            tabletId = tablet.sync().identity().deviceId();
        }
        fire(robot, "#back");
        fire(robot, "#office-import");
        waitFor("the tablet to send to", () -> robot.lookup("#sync-tablet-" + tabletId).tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#sync-outbox").queryAs(TextField.class).setText(outbox.toString());
            robot.lookup("#sync-assignments-for").queryAs(ComboBox.class).setValue("hanako");
        });
        assertThat(robot.lookup("#sync-tablet-" + tabletId).queryAs(CheckBox.class).isSelected())
                .as("one inspector's plans go to no tablet until one is ticked").isFalse();
        fire(robot, "#sync-export");
        waitFor("the tablets asked for", () -> robot.lookup("#sync-message").queryAs(Label.class).getText()
                .contains("割当を送る端末を選んでください"));
        robot.interact(() -> robot.lookup("#sync-tablet-" + tabletId).queryAs(CheckBox.class).setSelected(true));
        fire(robot, "#sync-export");
        waitFor("the assignments written", () -> Files.isDirectory(outbox) && list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("書き出しました（暗号化の宛先: 端末 1 台）")));
        app.stop();

        try (Stream<Path> files = Files.list(outbox);
             Workspace tablet = Workspace.open(data.resolve("demo").resolve("tablet"), Clock.systemUTC())) {
            Path assignments = files.findFirst().orElseThrow();
            assertThat(tablet.sync().importFile(assignments, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(tablet.sync().plans()).singleElement().satisfies(plan -> {
                assertThat(plan.facilityId()).isEqualTo("demo-mizuho");
                assertThat(plan.inspectorId()).isEqualTo("hanako");
                assertThat(plan.date()).isEqualTo(java.time.LocalDate.parse("2027-02-03"));
            });
        }
    }

    /**
     * The shown nodes under {@code node} drawn faded, as JavaFX draws disabled controls (at 40 %); a blinking
     * caret, at 0 or 1, is not faded.
     */
    private static void collectFaded(Node node, double opacity, List<String> faded) {
        double drawn = opacity * node.getOpacity();
        if (!node.isVisible() || drawn == 0) {
            return;
        }
        if (drawn < 1) {
            faded.add(node + " at " + drawn);
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectFaded(child, drawn, faded));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> ListView<T> list(String id) {
        return (ListView<T>) robot.lookup(id).queryAs(ListView.class);
    }
}
