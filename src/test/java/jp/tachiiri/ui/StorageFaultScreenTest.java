package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.scrollTo;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Role;
import jp.tachiiri.testsupport.ChildJvm;
import jp.tachiiri.testsupport.FileFaults;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** What the app shows when its storage fails under it: the message on screen, and what still works. */
class StorageFaultScreenTest {

    @TempDir
    Path scratch;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void aDamagedDataFileIsNamedOnScreenAndLeftAsItIs() throws Exception {
        Path data = inspectorStore();
        Path file = data.resolve(Workspace.DATABASE_FILE);
        FileFaults.truncateToHalf(file);
        String damaged = FileFaults.sha256(file);

        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));

        waitFor("the message about the data file", () -> robot.lookup("#fatal-error").tryQuery().isPresent());
        assertThat(robot.lookup("#fatal-error").queryAs(Label.class).getText())
                .contains(file.toString(), "壊れています", "変更せず");
        app.stop();
        assertThat(FileFaults.sha256(file)).as("not written to, not repaired away").isEqualTo(damaged);
    }

    @Test
    void aMissingEvidenceFileIsNamedWhenTappedAndTheItemStillWorks() throws Exception {
        Path data = inspectorStore();
        Path stored;
        String inspectionId;
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            InspectionSummary open = workspace.inspections().list().stream()
                    .filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS).findFirst().orElseThrow();
            inspectionId = open.id();
            String item = ForkedTablets.ITEM;
            Path photo = Files.write(scratch.resolve("サーバー室.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
            Evidence added = workspace.evidence().add(open.id(), open.revision(), item, photo, "image/png", "tester");
            stored = workspace.evidence().file(added);
            // The app reopens where the inspector was: on this item.
            workspace.settings().savePosition(new Settings.Position(open.id(), item));
        }
        Files.delete(stored);

        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));

        waitFor("the thumbnail saying it cannot be shown", () -> robot.lookup(".evidence-thumbnail .field-error").tryQuery()
                .map(label -> ((Label) label).getText().contains("表示できません")).orElse(false));
        scrollTo(robot, robot.lookup(".evidence-thumbnail").query(), 1);
        robot.clickOn(".evidence-thumbnail");
        waitFor("the reason", () -> robot.lookup("#evidence-error").tryQuery().isPresent());
        assertThat(robot.lookup("#evidence-error").queryAs(Label.class).getText()).contains(stored.toString(), "サーバー室.png");
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAs(Node.class));
        waitFor("the dialog closed", () -> robot.lookup("#evidence-error").tryQuery().isEmpty());

        // The rest of the item still works: another answer is given, and stored.
        scrollTo(robot, robot.lookup("#answer-NON_COMPLIANT").query(), 0);
        robot.clickOn("#answer-NON_COMPLIANT");
        waitFor("the answer chosen", () -> robot.lookup("#answer-NON_COMPLIANT").queryAs(ToggleButton.class).isSelected());
        app.stop();
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            assertThat(workspace.inspections().findings(inspectionId, 1).get(ForkedTablets.ITEM).answer())
                    .contains(Answer.NON_COMPLIANT);
        }
    }

    /**
     * The app on a data folder it may not write, run in a child JVM that file permissions hold (as root, one
     * without capabilities): a banner says so above the list, which shows every inspection; the language can
     * still be switched, for this run.
     */
    @Test
    void aReadOnlyDataFolderShowsABannerAboveEverythingStored() throws Exception {
        Path data = inspectorStore();
        ChildJvm child = ChildJvm.heldByFilePermissions(scratch).withPropertiesOf("testfx.robot", "testfx.headless",
                "prism.order", "prism.text", "glass.platform", "monocle.platform", "java.awt.headless");
        Path file = data.resolve(Workspace.DATABASE_FILE);
        Permissions.readOnly(file);
        Permissions.readOnly(data);
        try {
            ChildJvm.Result shown = child.run(ReadOnlyScreenProbe.class, data.toString());

            assertThat(shown.exitCode()).as(shown.err()).isZero();
            assertThat(shown.out()).contains("banner: 読み取り専用: データフォルダー " + data, "inspections: 3",
                    "banner: Read-only: the data folder " + data);
        } finally {
            Permissions.writable(data);
            Permissions.writable(file);
        }
    }

    /** A data folder with the demo prefecture, as an inspector's tablet has it after the first start. */
    private Path inspectorStore() {
        Path data = scratch.resolve("data");
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            workspace.settings().setRole(Role.INSPECTOR);
            workspace.demo().seed();
        }
        return data;
    }
}
