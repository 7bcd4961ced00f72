package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri backup --out FOLDER}: writes an encrypted backup of the data folder (docs/backup.md) into FOLDER
 * while the app may be running; the passphrase as {@link PassphraseInput} takes it. Exit 0 with the file's name, 1
 * when it could not be written (nothing half-written is left).
 */
@Command(name = "backup")
final class BackupCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "backupOut")
    private Path out;

    @Override
    public Integer call() {
        char[] passphrase = PassphraseInput.read(messages(), true);
        try (Workspace workspace = root().openWorkspace()) {
            Path file = workspace.backups().backUp(out.toAbsolutePath(), passphrase);
            out().println(messages().get("cli.backup.written", file));
            return 0;
        }
    }
}
