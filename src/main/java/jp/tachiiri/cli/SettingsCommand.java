package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri settings [--authority TEXT] [--report-days N]}: shows, and with options changes, who issues
 * the advice printouts and the days given for the improvement report.
 */
@Command(name = "settings")
final class SettingsCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--authority", paramLabel = "TEXT", descriptionKey = "authority")
    private String authority;

    @Option(names = "--report-days", paramLabel = "N", descriptionKey = "reportDays")
    private Integer reportDays;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            AdviceSettings current = workspace.settings().advice();
            if (authority != null || reportDays != null) {
                current = new AdviceSettings(authority != null ? authority : current.issuingAuthority(),
                        reportDays != null ? reportDays : current.reportDays());
                workspace.settings().setAdvice(current);
            }
            out().println(messages().get("cli.settings.authority", current.issuingAuthority().isBlank()
                    ? messages().get("advice.issuerMissing") : current.issuingAuthority()));
            out().println(messages().get("cli.settings.reportDays", current.reportDays()));
            return 0;
        }
    }
}
