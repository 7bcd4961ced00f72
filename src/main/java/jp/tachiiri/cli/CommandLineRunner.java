package jp.tachiiri.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import jp.tachiiri.app.AppLog;
import jp.tachiiri.app.Failures;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import jp.tachiiri.platform.DataFolders;
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
        Optional<AppStart> app = AppStart.of(args);
        if (app.isPresent()) {
            // Opening the app is what a tap on its icon does: no command to parse, so the command line's model (two
            // dozen commands read by reflection) is not built before the first frame.
            try {
                appLauncher.accept(DataFolders.resolve(app.get().data(), System.getenv()), app.get().language());
                return 0;
            } catch (RuntimeException | Error error) {
                return failed("opening the app failed", error, messages,
                        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            }
        }
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
        commandLine.setExecutionExceptionHandler((error, failed, parsed) ->
                failed("command " + failed.getCommandName() + " failed", error, messages, failed.getErr()));
        try {
            return commandLine.execute(args);
        } catch (Error error) {
            // picocli hands exceptions to the handler above but lets an Error through: told and logged the same way.
            return failed("command failed", error, messages, commandLine.getErr());
        }
    }

    /** Tells a failure in the user's language (logging it when nobody foresaw it); exit code 1. */
    private static int failed(String what, Throwable error, Messages messages, PrintWriter err) {
        if (!(error instanceof UserFacingException)) {
            AppLog.unexpected(what, error);
        }
        err.println(Failures.describe(messages, error));
        return 1;
    }

    /**
     * The arguments of opening the app: none, {@code --data DIR} and/or {@code --lang ja|en} (also as {@code
     * --data=DIR}), each at most once; anything else is for picocli, which also tells what is wrong with it.
     */
    record AppStart(Optional<Path> data, Language language) {

        static Optional<AppStart> of(String[] args) {
            Path data = null;
            Language language = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
                boolean joined = args[i].contains("=");
                if (!joined && i + 1 >= args.length) {
                    return Optional.empty();
                }
                String value = joined ? args[i].substring(args[i].indexOf('=') + 1) : args[++i];
                if (name.equals("--data") && data == null && !value.isBlank()) {
                    data = Path.of(value);
                } else if (name.equals("--lang") && language == null && known(value)) {
                    language = Language.fromCode(value);
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new AppStart(Optional.ofNullable(data), language));
        }

        private static boolean known(String code) {
            return Arrays.stream(Language.values()).anyMatch(language -> language.code().equalsIgnoreCase(code));
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
