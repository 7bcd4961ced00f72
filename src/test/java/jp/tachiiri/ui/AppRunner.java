package jp.tachiiri.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, headless (surefire selects Monocle), started by the test or before each test; stopped after
 * each test. Register it with {@code @RegisterExtension}.
 */
final class AppRunner implements BeforeEachCallback, AfterEachCallback {

    @FunctionalInterface
    private interface Launch {
        Application launch() throws Exception;
    }

    private final Supplier<Path> startsOn;
    private final String role;
    private Launch launch;
    private Application app;
    private double[] sizeBefore;
    private Locale[] localesBefore;

    /** An app the test starts itself. */
    AppRunner() {
        this(null, null);
    }

    private AppRunner(Supplier<Path> startsOn, String role) {
        this.startsOn = startsOn;
        this.role = role;
    }

    /**
     * An app started before each test as the launcher starts it, with {@code --data} set to the folder that
     * {@code dataFolder} gives then: a test's {@code @TempDir} field, which JUnit fills in before this runs.
     */
    static AppRunner startingOn(Supplier<Path> dataFolder) {
        return new AppRunner(dataFolder, "inspector");
    }

    /** As {@link #startingOn}, but as on a real first start: the app asks for the role. */
    static AppRunner startingOnAskingTheRole(Supplier<Path> dataFolder) {
        return new AppRunner(dataFolder, null);
    }

    /** As {@link #startingOn}, for the office's workspace. */
    static AppRunner officeStartingOn(Supplier<Path> dataFolder) {
        return new AppRunner(dataFolder, "office");
    }

    /** Starts the app as the launcher does, with these command-line arguments. */
    void start(String... arguments) throws Exception {
        launch(() -> FxToolkit.setupApplication(TachiiriApp.class, arguments));
    }

    /** Starts the app the test builds, e.g. with a file chooser that answers without a dialog. */
    void start(Supplier<Application> app) throws Exception {
        launch(() -> FxToolkit.setupApplication(app));
    }

    /** Stops the app and starts it again the same way, as a user closing and reopening it. */
    void restart() throws Exception {
        stop();
        launch(launch);
    }

    /**
     * Stops the app, whose stop lets the queued store writes finish and closes the data file, and closes its
     * windows: afterwards the test may read the data folder itself. Does nothing when the app is not running.
     */
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        localesBefore = new Locale[] {Locale.getDefault(), Locale.getDefault(Locale.Category.FORMAT),
            Locale.getDefault(Locale.Category.DISPLAY)};
        if (startsOn != null) {
            String data = "--data=" + Objects.requireNonNull(startsOn.get(), "no data folder yet");
            if (role == null) {
                start(data);
            } else {
                start(data, "--role=" + role);
            }
        }
    }

    /**
     * Gives the app's window another size, e.g. a portrait tablet's 800×1280. The window outlives the test, so
     * its size before is restored after the test.
     */
    void resize(double width, double height) throws Exception {
        Stage window = FxToolkit.toolkitContext().getRegisteredStage();
        if (sizeBefore == null) {
            sizeBefore = new double[] {window.getWidth(), window.getHeight()};
        }
        FxToolkit.setupFixture(() -> {
            window.setWidth(width);
            window.setHeight(height);
            // At the screen's top left, so that a robot's click lands on what it aims at.
            window.setX(0);
            window.setY(0);
        });
        // Headers that rearrange with the width follow it one layout later.
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (sizeBefore != null) {
            resize(sizeBefore[0], sizeBefore[1]);
            sizeBefore = null;
        }
        stop();
        // The app makes its language the JVM's default locale (and a test may set one): the next test starts as
        // this one did.
        Locale.setDefault(localesBefore[0]);
        Locale.setDefault(Locale.Category.FORMAT, localesBefore[1]);
        Locale.setDefault(Locale.Category.DISPLAY, localesBefore[2]);
    }

    private void launch(Launch how) throws Exception {
        launch = how;
        FxToolkit.registerPrimaryStage();
        app = how.launch();
    }
}
