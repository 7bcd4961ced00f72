package jp.tachiiri.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import jp.tachiiri.app.AppLog;
import jp.tachiiri.app.Failures;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import picocli.CommandLine;

/**
 * Runs the command line: exit 0 on success, 1 when an input is rejected or an operation fails (the reason on
 * stderr, in the user's language), 2 on a usage error. Output is always UTF-8, whatever the platform's locale.
 */
public final class CommandLineRunner {

    private CommandLineRunner() {
    }

    public static int run(String[] args, BiConsumer<Path, Language> appLauncher, PrintStream out, PrintStream err) {
        Language language = languageOf(args);
        Messages messages = Messages.of(language);
        CommandLine commandLine = new CommandLine(new TachiiriCommand(appLauncher, language));
        commandLine.setResourceBundle(messages.bundle());
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            CommandLine failed = error.getCommandLine();
            failed.getErr().println(messages.get("cli.error.usage", error.getMessage()));
            failed.getErr().println(messages.get("cli.error.usageHint", failed.getCommandSpec().qualifiedName()));
            return 2;
        });
        commandLine.setExecutionExceptionHandler((error, failed, parsed) -> {
            if (!(error instanceof UserFacingException)) {
                AppLog.unexpected("command " + failed.getCommandName() + " failed", error);
            }
            failed.getErr().println(Failures.describe(messages, error));
            return 1;
        });
        try {
            return commandLine.execute(args);
        } catch (Error error) {
            // picocli hands exceptions to the handler above but lets an Error through: told and logged the same way.
            AppLog.unexpected("command failed", error);
            commandLine.getErr().println(Failures.describe(messages, error));
            return 1;
        }
    }

    /**
     * The language for help and messages, looked up before parsing so that even a usage error is in the
     * user's language: {@code --lang}, else {@code TACHIIRI_LANG}, else Japanese.
     */
    static Language languageOf(String[] args) {
        String chosen = System.getenv("TACHIIRI_LANG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                chosen = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                chosen = args[i].substring("--lang=".length());
            }
        }
        try {
            return chosen == null ? Language.JA : Language.fromCode(chosen);
        } catch (IllegalArgumentException unknown) {
            return Language.JA;
        }
    }
}
