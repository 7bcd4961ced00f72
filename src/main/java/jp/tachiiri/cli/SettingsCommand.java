package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.backup.BackupReminder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri settings [--authority TEXT] [--report-days N] [--backup-reminder-days N]}: shows, and with
 * options changes, who issues the advice printouts, the days given for the improvement report and after how many
 * days without a backup the office is reminded; and when the last backup was written.
 */
@Command(name = "settings")
final class SettingsCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--authority", paramLabel = "TEXT", descriptionKey = "authority")
    private String authority;

    @Option(names = "--report-days", paramLabel = "N", descriptionKey = "reportDays")
    private Integer reportDays;

    @Option(names = "--backup-reminder-days", paramLabel = "N", descriptionKey = "backupReminderDays")
    private Integer backupReminderDays;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            if (backupReminderDays != null) {
                workspace.settings().setBackupReminder(new BackupReminder(backupReminderDays));
            }
            AdviceSettings current = workspace.settings().advice();
            if (authority != null || reportDays != null) {
                current = new AdviceSettings(authority != null ? authority : current.issuingAuthority(),
                        reportDays != null ? reportDays : current.reportDays());
                workspace.settings().setAdvice(current);
            }
            out().println(messages().get("cli.settings.authority", current.issuingAuthority().isBlank()
                    ? messages().get("advice.issuerMissing") : current.issuingAuthority()));
            out().println(messages().get("cli.settings.reportDays", current.reportDays()));
            int reminder = workspace.settings().backupReminder().days();
            out().println(reminder == 0 ? messages().get("cli.settings.backupReminderOff")
                    : messages().get("cli.settings.backupReminder", reminder));
            out().println(workspace.settings().lastBackup()
                    .map(at -> messages().get("cli.settings.lastBackup", at))
                    .orElseGet(() -> messages().get("cli.settings.noBackup")));
            return 0;
        }
    }
}
