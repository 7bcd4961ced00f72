package jp.tachiiri.ui;

import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Run as a child JVM that file permissions hold (see StorageFaultScreenTest): starts the app headless on the
 * data folder {@code args[0]}, waits for the read-only banner and the list of inspections, and prints them,
 * one per line: "banner: …", "inspections: N"; then switches to English, which cannot be stored there, and
 * prints the banner again: "banner: …".
 */
public final class ReadOnlyScreenProbe {

    private ReadOnlyScreenProbe() {
    }

    public static void main(String[] args) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(TachiiriApp.class, "--data=" + args[0]);
        FxRobot robot = new FxRobot();
        UiTestSupport.waitFor("the read-only banner", () -> robot.lookup("#read-only-banner").tryQuery().isPresent());
        UiTestSupport.waitFor("the list of inspections", () -> UiTestSupport.rows(robot, "#inspections") > 0);
        System.out.println("banner: " + robot.lookup("#read-only-banner").queryAs(Label.class).getText());
        System.out.println("inspections: " + UiTestSupport.rows(robot, "#inspections"));
        robot.clickOn("#language-en");
        UiTestSupport.waitFor("the English banner", () -> robot.lookup("#read-only-banner").tryQuery()
                .map(banner -> ((Label) banner).getText().startsWith("Read-only")).orElse(false));
        System.out.println("banner: " + robot.lookup("#read-only-banner").queryAs(Label.class).getText());
        System.exit(0);
    }
}
