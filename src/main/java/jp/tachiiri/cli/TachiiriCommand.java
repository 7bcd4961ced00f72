package jp.tachiiri.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import jp.tachiiri.app.AppLog;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.platform.DataFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code tachiiri}: without a command it opens the app; with one it runs that command headless. {@code
 * --data} and {@code --lang} may stand before or after the command.
 */
@Command(name = "tachiiri", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        subcommands = {CatalogCommand.class, AuditCommand.class, DemoCommand.class, InspectionsCommand.class,
                FacilitiesCommand.class, AdviceCommand.class, SettingsCommand.class, ExportCommand.class,
                ImportCommand.class, VerifyCommand.class, AssignmentsCommand.class, DevicesCommand.class, PlanCommand.class, ReplanCommand.class,
                ReviewCommand.class, ReportCommand.class, RoleCommand.class, SelfCheckCommand.class,
                BackupCommand.class, RestoreCommand.class, FollowUpCommand.class})
public final class TachiiriCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT, descriptionKey = "data")
    private Path data;

    @Option(names = "--lang", paramLabel = "ja|en", scope = ScopeType.INHERIT, descriptionKey = "lang",
            converter = LanguageConverter.class)
    private Language language;

    private final BiConsumer<Path, Language> appLauncher;
    private final Language defaultLanguage;

    /**
     * {@code appLauncher} opens the app on a data folder, with the language given by {@code --lang} or null for
     * the one saved in the app; the command line itself never touches the UI.
     */
    public TachiiriCommand(BiConsumer<Path, Language> appLauncher, Language defaultLanguage) {
        this.appLauncher = appLauncher;
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    public Integer call() {
        appLauncher.accept(dataFolder(), language);
        return 0;
    }

    Path dataFolder() {
        return DataFolders.resolve(Optional.ofNullable(data), System.getenv());
    }

    Language language() {
        return language != null ? language : defaultLanguage;
    }

    Messages messages() {
        return Messages.of(language());
    }

    Workspace openWorkspace() {
        AppLog.install(dataFolder());
        return Workspace.open(dataFolder(), Clock.systemDefaultZone());
    }
}
