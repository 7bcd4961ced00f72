package jp.tachiiri.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Facility;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tachiiri plan --facility CODE --inspector ID --name NAME --date DATE}: plans an inspection. */
@Command(name = "plan")
final class PlanCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--facility", required = true, paramLabel = "CODE", descriptionKey = "facilityCode")
    private String facilityCode;

    @Option(names = "--inspector", required = true, paramLabel = "ID", descriptionKey = "inspectorId")
    private String inspectorId;

    @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "inspectorName")
    private String inspectorName;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "plannedDate")
    private LocalDate date;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            Facility facility = workspace.facilities().all().stream()
                    .filter(each -> each.code().equals(facilityCode) || each.id().equals(facilityCode)).findFirst()
                    .orElseThrow(() -> new UserFacingException("facility.error.notFound", facilityCode));
            PlannedInspection plan = workspace.sync().plan(facility.id(), inspectorId, inspectorName, date);
            out().println(messages().get("cli.plan.added", facility.name(), date, inspectorName, plan.id()));
            return 0;
        }
    }
}
