package jp.tachiiri.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Backups;
import jp.tachiiri.backup.BackupException;
import jp.tachiiri.backup.BackupManifest;
import jp.tachiiri.backup.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri restore FILE --data DIR [--replace] [--verify-only]}: checks a backup whole, then restores it as
 * the data folder DIR. A folder that holds anything is refused unless {@code --replace}, and then kept beside
 * under another name. Exit 0 when restored (or, with {@code --verify-only}, when the file is sound), 1 when
 * refused, with the reason; the target is then as it was.
 */
@Command(name = "restore")
final class RestoreCommand extends Subcommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "backupFile")
    private Path file;

    @Option(names = "--replace", descriptionKey = "restoreReplace")
    private boolean replace;

    @Option(names = "--verify-only", descriptionKey = "restoreVerifyOnly")
    private boolean verifyOnly;

    @Override
    public Integer call() {
        Path target = root().dataFolder();
        if (!verifyOnly && !replace && RestoreService.holdsData(target)) {
            throw new BackupException("backup.error.targetExists", target);
        }
        char[] passphrase = PassphraseInput.read(messages(), false);
        RestoreService restorer = Backups.restorer(Clock.systemDefaultZone());
        if (verifyOnly) {
            BackupManifest manifest = restorer.verify(file, passphrase);
            out().println(messages().get("cli.restore.verified", file, describe(manifest), manifest.files().size()));
            return 0;
        }
        RestoreService.Restored restored = restorer.restore(file, passphrase, target, replace);
        out().println(messages().get("cli.restore.done", restored.dataFolder(), describe(restored.manifest()),
                restored.manifest().files().size()));
        restored.keptAside().ifPresent(aside -> out().println(messages().get("cli.restore.keptAside", aside)));
        return 0;
    }

    private String describe(BackupManifest manifest) {
        return messages().get("cli.restore.origin", messages().get("role." + manifest.role()), manifest.deviceId(),
                manifest.createdAt());
    }
}
