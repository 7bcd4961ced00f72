package jp.tachiiri.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.DateText;
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

    /** Read as every date field reads it ({@link DateText}), so 2027/1/20 and full-width digits work too. */
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "plannedDate")
    private String date;

    @Override
    public Integer call() {
        LocalDate planned = DateText.parseRequired(date, "planning.date");
        try (Workspace workspace = root().openWorkspace()) {
            Facility facility = workspace.facilities().all().stream()
                    .filter(each -> each.code().equals(facilityCode) || each.id().equals(facilityCode)).findFirst()
                    .orElseThrow(() -> new UserFacingException("facility.error.notFound", facilityCode));
            PlannedInspection plan = workspace.sync().plan(facility.id(), inspectorId, inspectorName, planned);
            out().println(messages().get("cli.plan.added", facility.name(), DateText.format(planned, messages().language()),
                    inspectorName, plan.id()));
            return 0;
        }
    }
}
