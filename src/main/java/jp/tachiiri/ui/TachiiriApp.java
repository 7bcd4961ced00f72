package jp.tachiiri.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import jp.tachiiri.app.AppLog;
import jp.tachiiri.app.Backups;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.backup.BackupReminder;
import jp.tachiiri.backup.RestoreService;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.platform.AppLifecycle;
import jp.tachiiri.platform.DataFolders;
import jp.tachiiri.platform.DocumentSharing;
import jp.tachiiri.ui.backup.BackupReminderDialog;
import jp.tachiiri.ui.backup.RestoreDialog;
import jp.tachiiri.ui.common.FilePicker;
import jp.tachiiri.ui.common.Navigator;
import jp.tachiiri.ui.common.StoreExecutor;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.common.ViewModelContext;
import jp.tachiiri.ui.dashboard.DashboardView;
import jp.tachiiri.ui.facility.FacilityView;
import jp.tachiiri.ui.home.HomeView;
import jp.tachiiri.ui.home.HomeViewModel;
import jp.tachiiri.ui.home.RoleView;
import jp.tachiiri.ui.inspection.InspectionView;
import jp.tachiiri.ui.office.OfficeHomeView;
import jp.tachiiri.ui.sync.SyncView;

/**
 * The JavaFX application. Parameters: {@code --data=DIR} (else TACHIIRI_DATA, else the platform default) and
 * {@code --lang=ja|en} (else the language saved in the app). The data folder is opened off the JavaFX
 * thread; on its first start the demo prefecture is added.
 */
public final class TachiiriApp extends Application implements Navigator {

    private static final double TABLET_WIDTH = 1280;
    private static final double TABLET_HEIGHT = 800;

    private final StoreExecutor executor = new StoreExecutor();
    private final FilePicker filePicker;
    private final Optional<Path> givenDataFolder;
    private final Optional<Role> givenRole;
    private static final List<Integer> WINDOW_ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);
    /**
     * Set only by the installers' build (packaging/linux/build.sh) for the one start that trains the runtime's
     * ahead-of-time class cache: the app closes itself once its home screen has its lists and has been laid out, so
     * that the cache holds what an ordinary start loads. Not an option for users, and not in the help.
     */
    static final String CLOSE_AFTER_HOME_SCREEN = "tachiiri.closeAfterHomeScreen";

    private Stage stage;
    private Workspace workspace;
    private Language language = Language.JA;
    /** The data folder's role, known once it is opened or chosen on the first start; empty until then. */
    private Optional<Role> role = Optional.empty();
    /** Whether closing the window has asked about an overdue backup already: it asks once, then closes. */
    private boolean askedOnClosing;
    private Runnable flushCurrentScreen = () -> { };

    /** Used by {@link Application#launch}: files are chosen with the system's dialog. */
    public TachiiriApp() {
        this.filePicker = FilePicker.system();
        this.givenDataFolder = Optional.empty();
        this.givenRole = Optional.empty();
    }

    /** For tests of the inspector's screens, which cannot drive the system's file dialog. */
    TachiiriApp(Path dataFolder, FilePicker filePicker) {
        this(dataFolder, filePicker, Role.INSPECTOR);
    }

    /** For tests of either role's screens that choose files. */
    TachiiriApp(Path dataFolder, FilePicker filePicker, Role role) {
        this.filePicker = filePicker;
        this.givenDataFolder = Optional.of(dataFolder);
        this.givenRole = Optional.of(role);
    }

    /**
     * The entry point of the Android and iOS builds (the gluonfx profile): a phone or tablet passes no arguments, so
     * the app opens on its default data folder without the command line. Desktops start from {@code jp.tachiiri.Main}.
     */
    public static void main(String[] args) {
        Application.launch(TachiiriApp.class, args);
    }

    /** Starts the app and returns when its window is closed. */
    public static void launch(Path dataFolder, Language language) {
        List<String> parameters = new ArrayList<>();
        parameters.add("--data=" + dataFolder);
        if (language != null) {
            parameters.add("--lang=" + language.code());
        }
        Application.launch(TachiiriApp.class, parameters.toArray(String[]::new));
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        // A failure in an event handler would otherwise only reach standard error, which nobody reads on a tablet.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> AppLog.unexpected("uncaught on " + thread.getName(), failure));
        BundledFonts.load();
        Map<String, String> named = getParameters() == null ? Map.of() : getParameters().getNamed();
        Optional<Language> requested = Optional.ofNullable(named.get("lang")).map(Language::fromCode);
        Path folder = DataFolders.resolve(givenDataFolder.or(() -> Optional.ofNullable(named.get("data")).map(Path::of)),
                System.getenv());

        useLanguage(requested.orElse(Language.JA));
        Messages startup = Messages.of(language);
        stage.setTitle(startup.get("app.title"));
        stage.getIcons().setAll(windowIcons());
        stage.setMinWidth(360);
        stage.setMinHeight(480);
        stage.setScene(scene(new StackPane(new Label(startup.get("home.opening", folder)))));
        stage.setOnCloseRequest(event -> beforeClosing(event, stage));
        AppLifecycle.onPause(() -> flushCurrentScreen.run());
        stage.show();

        Optional<Role> requestedRole = Optional.ofNullable(named.get("role")).map(Role::fromCode).or(() -> givenRole);
        executor.submit(() -> openWorkspace(folder, requested, requestedRole), opened -> {
            workspace = opened.workspace();
            useLanguage(opened.language());
            stage.setTitle(context().messages().get("app.title"));
            role = opened.role();
            if (role.isEmpty()) {
                askTheRole();
                return;
            }
            opened.resume().ifPresentOrElse(
                    position -> inspection(position.inspectionId(), Optional.empty(), Optional.of(position.itemId())),
                    this::home);
            opened.backupDue().ifPresent(due -> BackupReminderDialog.show(context(), due));
        }, this::showFatal);
    }

    /**
     * Keeps what is being typed and, at the office, reminds once of an overdue backup before the window closes: an
     * office PC may stay open for weeks, so the reminder on start alone would rarely be seen.
     */
    private void beforeClosing(WindowEvent event, Stage stage) {
        flushCurrentScreen.run();
        if (askedOnClosing || workspace == null || workspace.readOnly() || role.filter(chosen -> chosen == Role.OFFICE).isEmpty()) {
            return;
        }
        askedOnClosing = true;
        event.consume();
        executor.submit(() -> workspace.backups().reminderDue(), due -> due.ifPresentOrElse(
                overdue -> BackupReminderDialog.showOnClosing(context(), overdue, stage::close), stage::close), this::showFatal);
    }

    /** The app icon in the sizes window managers pick from (title bar, task switcher, dock). */
    private static List<Image> windowIcons() {
        return WINDOW_ICON_SIZES.stream()
                .map(size -> new Image(TachiiriApp.class.getResource("/icons/tachiiri-" + size + ".png").toExternalForm()))
                .toList();
    }

    /** The first start's question, which the language switch shows again in the other language. */
    private void askTheRole() {
        show(new RoleView(context(), this::chooseRole, () -> new RestoreDialog(context(), this::restore).show()).build());
    }

    /**
     * Takes over an installation from its backup on the first start: the file is checked whole while the data folder
     * is still open (a wrong passphrase or a damaged file is told without touching anything); then the folder is
     * closed, the backup restored in its place (the folder the first start made is kept beside it) and reopened.
     */
    private void restore(Path file, char[] passphrase, Runnable onRestored, Consumer<RuntimeException> onFailure) {
        Path folder = workspace.folder();
        executor.submit(() -> {
            RestoreService restorer = Backups.restorer(Clock.systemDefaultZone());
            restorer.verify(file, passphrase);
            workspace.close();
            AppLog.close();
            RuntimeException failure = null;
            try {
                restorer.restore(file, passphrase, folder, true);
            } catch (RuntimeException e) {
                failure = e;
            }
            Opened reopened = openWorkspace(folder, Optional.of(language), Optional.empty());
            if (failure != null) {
                throw new RestoreFailed(reopened, failure);
            }
            return reopened;
        }, reopened -> {
            onRestored.run();
            opened(reopened);
            Optional<Role> restoredRole = reopened.role();
            if (restoredRole.isEmpty()) {
                askTheRole();
            } else {
                home(context().messages().get("restoreScreen.done", folder));
            }
        }, failure -> {
            if (failure instanceof RestoreFailed failed) {
                opened(failed.reopened);
                onFailure.accept(failed.cause);
            } else {
                onFailure.accept(failure);
            }
        });
    }

    /** A restore that failed after the data folder was closed: the folder reopened as it is again, and why. */
    private static final class RestoreFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Opened reopened;
        private final RuntimeException cause;

        RestoreFailed(Opened reopened, RuntimeException cause) {
            super(cause);
            this.reopened = reopened;
            this.cause = cause;
        }
    }

    private void opened(Opened reopened) {
        workspace = reopened.workspace();
        role = reopened.role();
    }

    /** The first start's choice: stored, the demo for that role added to an empty store, then its home. */
    private void chooseRole(Role role) {
        executor.submit(() -> {
            workspace.demo().chooseRole(role);
            return role;
        }, chosen -> {
            this.role = Optional.of(chosen);
            home();
        }, this::showFatal);
    }

    /**
     * The opened data folder, the language to show, its role (empty: to be chosen), where to reopen, and why the
     * office should back up now.
     */
    private record Opened(Workspace workspace, Language language, Optional<Role> role, Optional<Settings.Position> resume,
                          Optional<BackupReminder.Due> backupDue) {
    }

    /**
     * Opens the data folder and settles the language to show; a role given on the command line is taken (and
     * on a first start its demo added), else the user chooses on the first start.
     */
    private static Opened openWorkspace(Path folder, Optional<Language> requested, Optional<Role> requestedRole) {
        AppLog.install(folder);
        Workspace opened = Workspace.open(folder, Clock.systemDefaultZone());
        if (opened.readOnly()) {
            // Nothing can be stored: the choices are taken for this run only, and a role nobody chose is the inspector's.
            Optional<Role> role = opened.settings().role().or(() -> requestedRole).or(() -> Optional.of(Role.INSPECTOR));
            return new Opened(opened, requested.orElseGet(opened.settings()::language), role, Optional.empty(), Optional.empty());
        }
        if (requestedRole.isPresent() && opened.settings().role().isEmpty()) {
            opened.demo().chooseRole(requestedRole.get());
        }
        requested.ifPresent(opened.settings()::setLanguage);
        Optional<Settings.Position> resume = opened.settings().lastPosition()
                .filter(position -> opened.inspections().find(position.inspectionId()).isPresent());
        return new Opened(opened, requested.orElseGet(opened.settings()::language), opened.settings().role(), resume,
                opened.backups().reminderDue());
    }

    /** The screens in another language: the role question again while no role is chosen, else the list. */
    private void showIn(Language chosen) {
        useLanguage(chosen);
        stage.setTitle(context().messages().get("app.title"));
        if (role.isEmpty()) {
            askTheRole();
        } else {
            home();
        }
    }

    /**
     * The language of the screens built from now on. JavaFX's own texts follow the JVM's default locale, not the
     * app's: the date picker's month and day names and the text fields' context menu. So the app's language
     * becomes that default, else a Japanese app on an English system shows an English calendar.
     */
    private void useLanguage(Language chosen) {
        language = chosen;
        Locale.setDefault(chosen.locale());
    }

    private UiContext context() {
        return new UiContext(new ViewModelContext(workspace, executor, Messages.of(language)), this, stage, filePicker);
    }

    /** The list; going back to it also means the app will open on the list next time. */
    @Override
    public void home() {
        showHome(Optional.empty());
    }

    @Override
    public void home(String notice) {
        showHome(Optional.of(notice));
    }

    private void showHome(Optional<String> notice) {
        executor.submit(() -> {
            workspace.settings().clearPosition();
            return true;
        }, cleared -> { }, this::showFatal);
        UiContext context = context();
        if (role.orElseThrow() == Role.OFFICE) {
            show(new OfficeHomeView(context, notice).build());
        } else {
            HomeViewModel model = new HomeViewModel(context().models());
            show(new HomeView(context, model, notice).build());
            model.load();
        }
        if (Boolean.getBoolean(CLOSE_AFTER_HOME_SCREEN)) {
            closeAfterHomeScreen();
        }
    }

    /**
     * The training start's end: the store's one thread runs its work in order, so this empty task finishes after the
     * home screen's lists are read, and its result reaches the screen after theirs; the app exits after the layout
     * pulse that follows, as it does when its window is closed.
     */
    private void closeAfterHomeScreen() {
        executor.submit(() -> true, listsShown -> {
            Scene scene = stage.getScene();
            Runnable[] exitAfterLayout = new Runnable[1];
            exitAfterLayout[0] = () -> {
                scene.removePostLayoutPulseListener(exitAfterLayout[0]);
                Platform.runLater(Platform::exit);
            };
            scene.addPostLayoutPulseListener(exitAfterLayout[0]);
            Platform.requestNextPulse();
        }, this::showFatal);
    }

    @Override
    public void facility(String facilityId) {
        show(new FacilityView(context(), facilityId).build());
    }

    @Override
    public void inspection(String inspectionId, Optional<Integer> revision, Optional<String> itemId) {
        show(new InspectionView(context(), inspectionId, revision, itemId).build());
    }

    @Override
    public void dashboard() {
        show(new DashboardView(context()).build());
    }

    @Override
    public void transfer() {
        show(new SyncView(context(), role.orElseThrow()).build());
    }

    @Override
    public void openDocument(Path file) {
        if (!DocumentSharing.share(file)) {
            getHostServices().showDocument(file.toUri().toString());
        }
    }

    @Override
    public void beforeLeaving(Runnable flush) {
        flushCurrentScreen = flush;
    }

    /**
     * Lets the screen being left store what it holds, then shows the next one; above it, on a data folder that
     * may not be written, a banner saying that nothing will be saved.
     */
    private void show(Parent screen) {
        Runnable flush = flushCurrentScreen;
        flushCurrentScreen = () -> { };
        flush.run();
        Parent root = workspace.readOnly() ? new BorderPane(screen, readOnlyBanner(), null, null, null) : screen;
        // The language as a style class: widths that fit the longest word of a language (answer chips) follow it.
        root.getStyleClass().add("lang-" + language.code());
        stage.getScene().setRoot(root);
    }

    private Label readOnlyBanner() {
        Label banner = new Label(context().messages().get("store.readOnlyBanner", workspace.folder().toAbsolutePath()));
        banner.setId("read-only-banner");
        banner.getStyleClass().add("read-only-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }

    @Override
    public void switchLanguage(Language chosen) {
        executor.submit(() -> {
            workspace.settings().setLanguage(chosen);
            return chosen;
        }, this::showIn, this::showFatal);
    }

    /**
     * The data folder could not be opened or read: say why and keep the window up. The executor has logged the
     * reason and its trace, for an IT department reading it.
     */
    private void showFatal(RuntimeException error) {
        String reason = context().describe(error);
        Label label = new Label(reason);
        label.setId("fatal-error");
        label.setWrapText(true);
        label.setMaxWidth(900);
        label.getStyleClass().addAll("error", "fatal-error");
        stage.getScene().setRoot(new StackPane(label));
    }

    /**
     * A landscape tablet's size where the screen allows it; on a portrait or smaller screen the whole screen,
     * which is what a tablet shows anyway.
     */
    private static Scene scene(Parent root) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        boolean portrait = screen.getHeight() > screen.getWidth();
        double width = portrait ? screen.getWidth() : Math.min(TABLET_WIDTH, screen.getWidth());
        double height = portrait ? screen.getHeight() : Math.min(TABLET_HEIGHT, screen.getHeight());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(TachiiriApp.class.getClassLoader().getResource("css/tachiiri.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        executor.close();
        if (workspace != null) {
            workspace.close();
        }
        AppLog.close();
    }
}
