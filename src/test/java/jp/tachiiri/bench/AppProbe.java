package jp.tachiiri.bench;

import com.sun.javafx.tk.RenderJob;
import com.sun.javafx.tk.Toolkit;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.tachiiri.Main;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The child process of {@link AppBenchmark}: starts Tachiiri as its launcher does ({@code Main} with
 * {@code --data}), or a bare JavaFX window with one label, and prints {@link #FIRST_FRAME} once the first frame
 * showing the awaited screen has been drawn. It adds nothing to the app: it watches the windows JavaFX shows.
 *
 * <p>Arguments: {@code app DATA} (the home screen, its lists loaded), {@code first DATA} (an empty folder: the
 * screen that asks for the role), {@code session DATA ANSWERS} (the home screen, then an inspection opened and
 * ANSWERS answers given through its buttons, paging on with "next", then {@link #SESSION_DONE}), {@code bare}.
 * After its last marker the child waits until its standard input is closed, then closes the app and exits.
 */
public final class AppProbe {

    static final String FIRST_FRAME = "bench: first frame";
    static final String SESSION_DONE = "bench: session done";
    static final String JVM = "bench: jvm ";
    static final String FAILED = "bench: failed ";

    private static final Messages MESSAGES = Messages.of(Language.JA);
    private static volatile Scene scene;

    private AppProbe() {
    }

    public static void main(String[] args) {
        System.out.println(JVM + jvm());
        String mode = args[0];
        Predicate<Scene> awaited = switch (mode) {
            case "app", "session" -> shown -> rows(shown, "#facilities") > 0;
            case "first" -> shown -> shown.lookup("#role-inspector") != null;
            case "bare" -> shown -> shown.getRoot().lookup(".label") != null;
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        Runnable afterFirstFrame = mode.equals("session")
                ? () -> new Thread(() -> session(Integer.parseInt(args[2])), "bench-session").start()
                : AppProbe::exitWhenTold;
        watchFirstFrame(awaited, afterFirstFrame);
        if (mode.equals("bare")) {
            Application.launch(BareWindow.class);
            System.exit(0);
        } else {
            Main.main(new String[] {"--data", args[1]});
        }
    }

    /** The bare window: one label, the size the app takes on this screen (a landscape tablet's). */
    public static final class BareWindow extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label(MESSAGES.get("bench.bareWindow"))), 1280, 800));
            stage.show();
        }
    }

    /**
     * Prints {@link #FIRST_FRAME} after the first frame in which {@code awaited} holds has been drawn: the check runs
     * after each pulse's layout; the frame that pulse then draws is rendered on JavaFX's one render thread, in order,
     * so a job queued there after the pulse runs once that frame is drawn.
     */
    private static void watchFirstFrame(Predicate<Scene> awaited, Runnable then) {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    if (scene == null) {
                        scene = window.getScene();
                        boolean[] seen = {false};
                        scene.addPostLayoutPulseListener(() -> {
                            if (!seen[0] && awaited.test(scene)) {
                                seen[0] = true;
                                Platform.runLater(() -> Toolkit.getToolkit().addRenderJob(new RenderJob(() -> {
                                    System.out.println(FIRST_FRAME);
                                    then.run();
                                })));
                            }
                        });
                    }
                }
            }
        });
    }

    /** Waits until the benchmark closes standard input, then closes the app as its window's close would. */
    private static void exitWhenTold() {
        Thread waiting = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is sent; the end of the input is the signal.
                }
            } catch (IOException ignored) {
                // A closed pipe means the same.
            }
            Platform.exit();
        }, "bench-exit");
        waiting.setDaemon(true);
        waiting.start();
    }

    /**
     * From the home screen: opens the inspection in progress, then gives {@code answers} answers, each to the
     * question shown (適合, or はい to the gate question), waits until the screen says it was saved, and moves on.
     */
    private static void session(int answers) {
        try {
            String inProgress = MESSAGES.get("status.IN_PROGRESS");
            waitFor("the inspection in progress on the home screen", () -> cell("#inspections", inProgress) != null);
            onFx(() -> {
                TableCell<?, ?> cell = cell("#inspections", inProgress);
                TableView<?> table = cell.getTableView();
                table.getSelectionModel().select(cell.getIndex());
                Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                return null;
            });
            waitFor("the inspection screen", () -> scene.lookup("#item-position") != null);
            String saved = MESSAGES.get("inspection.saved", "").strip();
            for (int given = 0; given < answers; ) {
                String position = onFx(() -> text("#item-position"));
                Optional<ToggleButton> answer = onFx(AppProbe::answerButton);
                if (answer.isPresent()) {
                    onFx(() -> {
                        answer.get().fire();
                        return null;
                    });
                    waitFor("the answer saved", () -> text("#save-status").startsWith(saved));
                    given++;
                }
                onFx(() -> {
                    ((ButtonBase) scene.lookup("#next-item")).fire();
                    return null;
                });
                waitFor("the next question", () -> !text("#item-position").equals(position));
            }
            System.out.println(SESSION_DONE);
            exitWhenTold();
        } catch (RuntimeException e) {
            System.out.println(FAILED + e);
            // The child's standard error is the log the benchmark names when it fails.
            Logger.getLogger(AppProbe.class.getName()).log(Level.SEVERE, "the inspection session failed", e);
            Platform.exit();
        }
    }

    /** The answer to give to the question shown: はい or 適合 where it is not given yet; none when it is. */
    private static Optional<ToggleButton> answerButton() {
        for (String id : List.of("#answer-YES", "#answer-COMPLIANT")) {
            Node button = scene.lookup(id);
            if (button instanceof ToggleButton toggle && !toggle.isDisabled()) {
                return toggle.isSelected() ? Optional.empty() : Optional.of(toggle);
            }
        }
        return Optional.empty();
    }

    private static int rows(Scene shown, String table) {
        return shown.lookup(table) instanceof TableView<?> view ? view.getItems().size() : 0;
    }

    private static TableCell<?, ?> cell(String table, String startsWith) {
        return scene.getRoot().lookupAll(table + " .table-cell").stream().map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getText() != null && cell.getText().startsWith(startsWith)).findFirst().orElse(null);
    }

    /** The text of a label or button; on the JavaFX thread. */
    private static String text(String id) {
        return scene.lookup(id) instanceof Labeled labeled ? labeled.getText() : "";
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    private static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} on the JavaFX thread until it holds; fails after a minute, naming {@code what}. */
    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new IllegalStateException("waited in vain for " + what, e);
        }
    }

    /** The collector and the maximum heap the JVM chose, to state in the results. */
    private static String jvm() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
        return String.format("%s, max heap %d MiB, %d CPUs", collectors, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
    }
}
