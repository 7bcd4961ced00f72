package jp.tachiiri.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jp.tachiiri.backup.BackupService;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/**
 * Where the commands take a backup's passphrase from, never from an argument (which {@code ps} shows to every
 * user): the environment variable {@value #VARIABLE} for scripts, else a prompt on the terminal without echo (twice
 * for a new backup), else the first line of standard input when it is a pipe.
 */
final class PassphraseInput {

    static final String VARIABLE = "TACHIIRI_BACKUP_PASSPHRASE";

    private PassphraseInput() {
    }

    /** The passphrase; for a new backup ({@code confirm}) typed twice at a terminal and held to the rules. */
    static char[] read(Messages messages, boolean confirm) {
        String fromEnvironment = System.getenv(VARIABLE);
        char[] passphrase;
        char[] confirmation;
        Console console = System.console();
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            passphrase = fromEnvironment.toCharArray();
            confirmation = passphrase;
        } else if (console != null) {
            passphrase = orEmpty(console.readPassword("%s", messages.get("cli.backup.passphrasePrompt")));
            confirmation = confirm ? orEmpty(console.readPassword("%s", messages.get("cli.backup.passphraseAgain"))) : passphrase;
        } else {
            passphrase = firstLineOfStandardInput().toCharArray();
            confirmation = passphrase;
        }
        if (passphrase.length == 0) {
            throw new UserFacingException("cli.backup.noPassphrase", VARIABLE);
        }
        if (confirm) {
            BackupService.requireAcceptable(passphrase, confirmation);
        }
        return passphrase;
    }

    private static char[] orEmpty(char[] typed) {
        return typed == null ? new char[0] : typed;
    }

    private static String firstLineOfStandardInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
