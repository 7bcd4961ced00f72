package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Not a test: screenshots to look at; deleted after use. */
class TmpLayoutShots {

    static final Path OUT = Path.of("/tmp/shots2");

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void tablet() throws Exception {
        org.testfx.util.WaitForAsyncUtils.autoCheckException = false;
        Files.createDirectories(OUT);
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        waitFor("list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
        shoot(main().getScene(), "home-landscape.png");
        resize(800, 1280);
        Thread.sleep(300);
        shoot(main().getScene(), "home-portrait.png");
        resize(1280, 800);
        UiTestSupport.openInspection(robot, "実施中");
        Thread.sleep(500);
        fire("#section-gate");
        Thread.sleep(300);
        shoot(main().getScene(), "inspection-gate.png");
        fire("#section-backup");
        Thread.sleep(300);
        shoot(main().getScene(), "inspection-backup.png");
        fire("#audit-trail");
        Thread.sleep(800);
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != main()) {
                shoot(w.getScene(), "audit.png");
                robot.interact(w::hide);
            }
        }
        fire("#advice-printout");
        waitFor("advice", () -> robot.lookup("#advice-save").tryQuery().isPresent());
        fire("#advice-save");
        Thread.sleep(3000);
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != main()) {
                shoot(w.getScene(), "advice-saved.png");
                robot.interact(w::hide);
            }
        }
        fire("#back");
        waitFor("list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
        UiTestSupport.openInspection(robot, "確定・送信待ち");
        Thread.sleep(500);
        fire("#section-vulnerability");
        Thread.sleep(300);
        shoot(main().getScene(), "inspection-finalized.png");
    }

    @Test
    void office() throws Exception {
        Files.createDirectories(OUT);
        try (jp.tachiiri.app.Workspace office = jp.tachiiri.testsupport.Offices.open(data, java.time.Clock.systemUTC())) {
            office.setRole(jp.tachiiri.model.Role.OFFICE);
            office.seedOfficeDemo();
            jp.tachiiri.sync.SyncService.filesOf(Path.of(office.transferFolders().inbox())).forEach(file -> office.sync().importFile(file, true));
        }
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        waitFor("office", () -> UiTestSupport.rows(robot, "#office-inspections") > 0);
        Thread.sleep(500);
        shoot(main().getScene(), "office-landscape.png");
        resize(800, 1280);
        Thread.sleep(500);
        shoot(main().getScene(), "office-portrait.png");
        resize(1280, 800);
        robot.clickOn(robot.lookup("#office-inspections .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitFor("insp", () -> robot.lookup("#review").tryQuery().isPresent());
        fire("#section-vulnerability");
        Thread.sleep(500);
        shoot(main().getScene(), "office-inspection.png");
        fire("#back");
        fire("#office-import");
        waitFor("sync", () -> robot.lookup("#sync-devices").tryQuery().isPresent());
        Thread.sleep(500);
        shoot(main().getScene(), "office-sync.png");
        resize(800, 1280);
        Thread.sleep(500);
        shoot(main().getScene(), "office-sync-portrait.png");
    }

    private void fire(String id) {
        waitFor(id, () -> robot.lookup(id).tryQuery().map(node -> node.getScene() != null).orElse(false));
        robot.interact(() -> ((ButtonBase) robot.lookup(id).query()).fire());
    }

    Stage main() {
        return (Stage) robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() == null)
                .findFirst().orElseThrow();
    }

    void resize(int width, int height) {
        robot.interact(() -> {
            main().setWidth(width);
            main().setHeight(height);
        });
    }

    void shoot(Scene scene, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        PixelReader pixels = image[0].getPixelReader();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", OUT.resolve(name).toFile());
    }
}
